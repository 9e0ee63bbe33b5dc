package dumpimpl

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"testing"
)

// TestReleaseResets checks that release leaves a pooled Encoder as a new one
// would start: every field is reset, or a buffer cut to length 0, or scratch
// kept as it is for reuse. A field added to Encoder fails here until it is
// sorted into one of the three lists, and handled so by release.
func TestReleaseResets(t *testing.T) {
	reset := []string{"limit", "needComma", "depth", "opts", "w", "err", "werr", "level", "mapLevel", "grown", "keysHeld"}
	cut := []string{"buf", "indents", "mem", "path", "names", "nameEnds", "raw", "members", "arena", "pending"}
	kept := []string{"free", "seen", "keys", "anyKeys", "sortRefs", "sortNames", "nameBlobs", "nameBlobSize", "jbuf", "esc"}

	typ := reflect.TypeFor[Encoder]()
	listed := map[string]bool{}
	for _, name := range append(append(reset, cut...), kept...) {
		if _, ok := typ.FieldByName(name); !ok {
			t.Errorf("field %s is listed but Encoder has no such field", name)
		}
		listed[name] = true
	}
	for f := range typ.Fields() {
		if !listed[f.Name] {
			t.Errorf("Encoder.%s is in no list: reset it in release, or cut it, or keep it, and list it here", f.Name)
		}
	}

	e := NewEncoder(io.Discard, Indent(">", "\t"), EnsureASCII())
	e.limit, e.needComma, e.depth, e.level, e.mapLevel, e.grown, e.keysHeld = 7, true, 3, 2, 1, true, true
	e.err, e.werr = errors.New("failed"), true
	e.buf = append(e.buf, "[1,2"...)
	e.indents = append(e.indents, "\n>\t"...)
	e.mem = append(e.mem, []byte("chunk"))
	e.path = append(e.path, "key")
	e.names = append(e.names, "12"...)
	e.nameEnds = append(e.nameEnds, 2)
	e.raw = append(e.raw, "{}"...)
	e.members = append(e.members, member{})
	e.arena = append(e.arena, 'x')
	e.pending = append(e.pending, pendingMember{name: "key"})
	e.release()

	v := reflect.ValueOf(e).Elem()
	for _, name := range reset {
		if f := v.FieldByName(name); !f.IsZero() {
			t.Errorf("after release, %s = %v, want its zero value", name, f)
		}
	}
	for _, name := range cut {
		if f := v.FieldByName(name); f.Len() != 0 {
			t.Errorf("after release, len(%s) = %d, want 0", name, f.Len())
		}
	}
	if e.mem[:1][0] != nil {
		t.Error("after release, mem still holds a chunk")
	}
	if e.path[:1][0] != "" {
		t.Error("after release, path still holds a map key")
	}
	if e.pending[:1][0].name != "" {
		t.Error("after release, pending still holds a map key")
	}
}

// TestReleaseClearsMapKeys encodes maps, sorted in the scratch that a
// pooled Encoder keeps (keys, anyKeys), and checks that release leaves no
// key or value of the user's in it.
func TestReleaseClearsMapKeys(t *testing.T) {
	strs := map[string]string{"secret key": "secret value", "b": "c"}
	ints := map[int]string{7: "secret value", 8: "c"}
	anys := map[string]any{"secret key": []any{"secret value"}, "b": 1.0}
	e := NewEncoder(nil)
	e.OpenArray()
	// Each map, then a smaller one at the same depth, in the same scratch:
	// the first one's last keys are past the second one's length.
	for _, small := range []bool{false, true} {
		if small {
			strs, ints, anys = map[string]string{"a": ""}, map[int]string{1: ""}, map[string]any{"a": nil}
		}
		e.Elem()
		dumpMap(e, func(e *Encoder) []MapKey[string] { return StringKeys(e, strs) }, strs, e.String)
		e.Elem()
		dumpMap(e, func(e *Encoder) []MapKey[int] { return IntKeys(e, ints) }, ints, e.String)
		e.Elem()
		e.Any(anys)
	}
	e.CloseArray()
	if len(e.keys) == 0 || len(e.anyKeys) == 0 {
		t.Fatal("the maps were not sorted in the Encoder's scratch")
	}
	if _, err := e.Bytes(); err != nil { // releases e
		t.Fatal(err)
	}
	checkScratchCleared(t, e)
}

// TestReleaseClearsKeysOfFailedMap checks that the keys a map wrote into
// the scratch before its MarshalText failed are cleared by release too: in
// an array an earlier encode grew and release emptied, as the pool hands
// it out, they are past the scratch's length.
func TestReleaseClearsKeysOfFailedMap(t *testing.T) {
	e := new(Encoder)
	released := make(entrySlice[*secondTextFails, struct{}], 0, 4)
	e.keys = [][]keyScratch{{&released}}
	textCalls = 0
	m := map[*secondTextFails]int{{name: "secret key"}: 1, {name: "b"}: 2}
	if TextKeys(e, m) != nil || !e.Failed() {
		t.Fatal("TextKeys did not fail on the second key")
	}
	if !e.keysHeld {
		t.Fatal("TextKeys did not use the scratch")
	}
	e.release()
	checkScratchCleared(t, e)
}

// secondTextFails is a map key whose second MarshalText, of any key of its
// type, fails: one key is in the scratch when it does.
type secondTextFails struct{ name string }

var textCalls int

func (k *secondTextFails) MarshalText() ([]byte, error) {
	if textCalls++; textCalls == 2 {
		return nil, errors.New("the second key")
	}
	return []byte(k.name), nil
}

// checkScratchCleared fails unless every map key scratch of e, released,
// is empty and holds nothing of the user's up to its capacity.
func checkScratchCleared(t *testing.T, e *Encoder) {
	t.Helper()
	for _, slots := range [][][]keyScratch{e.keys, e.anyKeys} {
		for _, depth := range slots {
			for _, k := range depth {
				s := reflect.ValueOf(k).Elem()
				if s.Len() != 0 {
					t.Errorf("after release, a %s holds %d entries", s.Type(), s.Len())
				}
				for i, all := 0, s.Slice(0, s.Cap()); i < all.Len(); i++ {
					if !all.Index(i).IsZero() {
						t.Errorf("after release, a %s holds %v", s.Type(), all.Index(i))
					}
				}
			}
		}
	}
}

// TestReleaseBoundsScratch encodes maps of many string and integer keys,
// bare, in an any and under SortKeys, and raw JSON objects of many members,
// and checks what release keeps for the pool: as with the buffer, scratch
// grown for an unusual value goes to the collector, so that a pooled
// Encoder holds little more than its output chunks (keepChunks).
func TestReleaseBoundsScratch(t *testing.T) {
	const n = 1 << 17 // 4 times keepKeys
	strs, ints := make(map[string]int, n), make(map[int]int, n)
	anys := make(map[string]any, n)
	raw := []byte{'{'}
	for i := range n {
		k := fmt.Sprintf("key %d", i)
		strs[k], ints[i*7919], anys[k] = i, i, i
		if i > 0 {
			raw = append(raw, ',')
		}
		raw = fmt.Appendf(raw, `"%d":%d`, i, i)
	}
	raw = append(raw, '}')
	e := NewEncoder(nil, SortKeys())
	e.OpenArray()
	e.Elem()
	dumpMap(e, func(e *Encoder) []MapKey[string] { return StringKeys(e, strs) }, strs, func(v int) { e.Int(int64(v)) })
	e.Elem()
	dumpMap(e, func(e *Encoder) []MapKey[int] { return IntKeys(e, ints) }, ints, func(v int) { e.Int(int64(v)) })
	e.Elem()
	e.Any(anys)
	e.Elem()
	e.RawMessage(raw)
	e.CloseArray()
	if _, err := e.Bytes(); err != nil { // releases e
		t.Fatal(err)
	}
	kept := retained(reflect.ValueOf(e).Elem())
	if budget := keepChunks + 4<<20; kept > budget {
		t.Errorf("a released Encoder keeps %d bytes, want at most %d", kept, budget)
	}
	t.Logf("kept %.1f MiB", float64(kept)/(1<<20))

	// A deep value: pointers tracked for cycles, the path of its error and
	// its indentation.
	e = NewEncoder(io.Discard, Indent("", "  "))
	ptrs := make([]int, startDetectingCyclesAfter+n)
	for i := range ptrs {
		e.Enter(&ptrs[i])
		e.OpenArray()
		e.Elem()
	}
	e.fail(errors.New("deep"))
	for i := range ptrs {
		e.AtIndex(i)
	}
	e.Close()
	if e.seen != nil {
		t.Errorf("a released Encoder keeps the cycle check's map of %d pointers", n)
	}
	// The pool may hand over an Encoder of another test, which keeps its
	// chunks and buffers of up to keepBuffer each: the same budget as above.
	if kept := retained(reflect.ValueOf(e).Elem()); kept > keepChunks+4<<20 {
		t.Errorf("after a deep value, a released Encoder keeps %d bytes", kept)
	}
}

// retained is the memory v holds: the arrays of its slices, counted to
// their capacity, and what they and its maps, interfaces and pointers
// lead to. A map counts only its entries' contents (its buckets are not
// visible).
func retained(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Slice:
		n := v.Cap() * int(v.Type().Elem().Size())
		for i := range v.Len() {
			n += retained(v.Index(i))
		}
		return n
	case reflect.String:
		return v.Len()
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() || v.Type() == reflect.TypeFor[*[256]bool]() { // esc: a shared table
			return 0
		}
		return int(v.Elem().Type().Size()) + retained(v.Elem())
	case reflect.Map:
		n := 0
		for it := v.MapRange(); it.Next(); {
			n += retained(it.Key())
			if it.Value().Kind() != reflect.String { // nameBlobs: the same string
				n += retained(it.Value())
			}
		}
		return n
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += retained(v.Field(i))
		}
		return n
	}
	return 0
}

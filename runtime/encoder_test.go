package runtime

import (
	"errors"
	"io"
	"reflect"
	"testing"
)

// TestReleaseResets checks that release leaves a pooled Encoder as a new one
// would start: every field is reset, or a buffer cut to length 0, or scratch
// kept as it is for reuse. A field added to Encoder fails here until it is
// sorted into one of the three lists, and handled so by release.
func TestReleaseResets(t *testing.T) {
	reset := []string{"limit", "needComma", "depth", "opts", "esc", "w", "err", "werr", "level", "mapLevel"}
	cut := []string{"buf", "indents", "mem", "path", "names", "nameEnds", "raw", "members", "arena"}
	kept := []string{"free", "seen", "keys", "anyKeys", "sortRefs", "sortNames", "nameBlobs", "nameBlobSize", "jbuf"}

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
	e.limit, e.needComma, e.depth, e.level, e.mapLevel = 7, true, 3, 2, 1
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
}

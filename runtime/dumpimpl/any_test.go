package dumpimpl

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// randDoc is a random JSON document with every kind of string and number.
func randDoc(r *rand.Rand) string {
	str := func() string {
		return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
	}
	v := randValue(r, 5, str)
	// Some numbers that are not integers.
	b, _ := json.Marshal(v)
	s := string(b)
	for _, n := range []string{"1.5", "-0.001", "1e-7", "1.7976931348623157e308", "123456789.125", "0"} {
		s = strings.Replace(s, "0", n, 1)
	}
	if !json.Valid([]byte(s)) { // the replacement hit a string that ends badly
		return string(b)
	}
	return s
}

// TestAnyUnmarshaled compares Any with encoding/json on values built by
// json.Unmarshal into an any, with and without UseNumber, under every option
// encoding/json has.
func TestAnyUnmarshaled(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for range 1500 {
		doc := randDoc(r)
		for _, useNumber := range []bool{false, true} {
			d := json.NewDecoder(strings.NewReader(doc))
			if useNumber {
				d.UseNumber()
			}
			var v any
			if err := d.Decode(&v); err != nil {
				t.Fatal(err)
			}
			checkAny(t, v)
		}
	}
}

func checkAny(t *testing.T, v any) {
	t.Helper()
	for _, c := range []struct {
		html           bool
		indent         bool
		prefix, indStr string
	}{{html: true}, {html: false}, {html: true, indent: true, indStr: "  "}, {html: false, indent: true, prefix: "\t", indStr: "-"}} {
		opts := []Option{EscapeHTML(c.html)}
		if c.indent {
			opts = append(opts, Indent(c.prefix, c.indStr))
		}
		want, jerr := jsonEncoder(v, c.html, c.indent, c.prefix, c.indStr)
		got, err := dumpAny(v, opts...)
		if jerr != nil {
			if err == nil {
				t.Fatalf("Any(%#v) %+v = %s; encoding/json fails: %v", v, c, got, jerr)
			}
			continue
		}
		if got != want || err != nil {
			t.Fatalf("Any(%#v) %+v: %v %s", v, c, err, diff(got, want))
		}
	}
}

// TestAnyPython compares SortKeys and EnsureASCII on Any values with
// Python's json.dumps.
func TestAnyPython(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for _, c := range []struct {
		kwargs string
		opts   []Option
		ascii  bool
	}{
		{`sort_keys=True, ensure_ascii=False, separators=(',', ':')`, []Option{SortKeys()}, false},
		{`sort_keys=True, ensure_ascii=True, separators=(',', ':')`, []Option{EnsureASCII()}, true},
		{`sort_keys=True, ensure_ascii=True, indent=3`, []Option{EnsureASCII(), Indent("", "   ")}, true},
	} {
		var vals []any
		var docs []string
		for range 1000 {
			v := randValue(r, 5, func() string {
				// Not invalid UTF-8: Go sorts map keys by their bytes, Python
				// once they are decoded, with U+FFFD.
				if c.ascii {
					return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces)
				}
				return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces)
			})
			vals = append(vals, v)
			docs = append(docs, mustJSON(t, v))
		}
		want := python(t, c.kwargs, docs)
		for i, v := range vals {
			got, err := dumpAny(v, append(c.opts, EscapeHTML(false))...)
			if got != want[i] || err != nil {
				t.Fatalf("%s: Any(%#v): %v %s", c.kwargs, v, err, diff(got, want[i]))
			}
		}
	}
}

type (
	color  string
	point  struct{ X, Y int }
	valueM struct{ s string }
	ptrM   struct{ s string }
	textV  struct{ s string }
	textP  struct{ s string }
	failM  struct{}
	dumped struct{ n int }

	// plainGen stands for a generated type without MarshalJSON; the structs
	// that embed it get its DumpJSON promoted, and must not be written by it.
	plainGen  struct{ N int }
	embedsGen struct {
		plainGen
		M int
	}
	embedsGenPtr struct {
		*plainGen
		M int
	}
)

func (d *plainGen) DumpJSON(e *Encoder) {
	if d == nil {
		e.Null() // as generated DumpJSON methods do
		return
	}
	e.String("generated")
}

// The test's stand-in for a generated file's DispatchFunc.
func init() { Register(dispatchTestTypes) }

func dispatchTestTypes(e *Encoder, v any) bool {
	switch v := v.(type) {
	case *dumped:
		e.Follow(v)
	case dumped:
		v.DumpJSON(e)
	case *plainGen:
		e.Follow(v)
	case plainGen:
		v.DumpJSON(e)
	case *gnode:
		e.Follow(v)
	case gnode:
		v.DumpJSON(e)
	default:
		return false
	}
	return true
}

func (m valueM) MarshalJSON() ([]byte, error) { return []byte(`{"v" : "` + m.s + `"}`), nil }
func (m *ptrM) MarshalJSON() ([]byte, error)  { return []byte(`["p", "` + m.s + `"]`), nil }
func (m textV) MarshalText() ([]byte, error)  { return []byte("tv<" + m.s), nil }
func (m *textP) MarshalText() ([]byte, error) { return []byte("tp>" + m.s), nil }
func (failM) MarshalJSON() ([]byte, error)    { return nil, errBoom }
func (d *dumped) DumpJSON(e *Encoder)         { e.String("dumped") }
func (d dumped) MarshalJSON() ([]byte, error) { return []byte(`"marshaled"`), nil }

var errBoom = errors.New("boom")

// TestAnyTypes covers each branch of Any, against encoding/json.
func TestAnyTypes(t *testing.T) {
	var nilPtrM *ptrM
	var nilValueM *valueM
	var nilTextP *textP
	var nilTime *time.Time
	vals := []any{
		nil, "s<", 1.5, float32(0.1), true, int(-1), int8(-8), int16(-16), int32(-32), int64(math.MinInt64),
		uint(1), uint8(8), uint16(16), uint32(32), uint64(math.MaxUint64), uintptr(7),
		json.Number("12e3"), json.Number(""), json.RawMessage(` [1, 2] `), json.RawMessage(nil),
		[]byte("bytes"), []byte(nil), map[string]string{"b": "<", "a": ""}, map[string]string(nil),
		[]string{"x", "y"}, []string(nil), []any{}, []any(nil), map[string]any{}, map[string]any(nil),
		time.Date(2020, 1, 2, 3, 4, 5, 6, time.UTC),
		color("red"), point{1, 2}, &point{3, 4}, []int{1, 2}, map[int]string{2: "b", 10: "a"}, [2]bool{},
		valueM{"a"}, &valueM{"b"}, ptrM{"c"}, &ptrM{"d"}, textV{"e"}, &textV{"f"}, textP{"g"}, &textP{"h"},
		nilPtrM, nilValueM, nilTextP, nilTime, map[textV]int{{"k"}: 1},
		[]any{valueM{"nested"}, map[string]any{"p": &ptrM{"q"}}},
	}
	for _, v := range vals {
		checkAny(t, v)
	}
}

func TestAnyDumpers(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{&dumped{}, `"dumped"`},
		// A value of a generated type (whose generated MarshalJSON would
		// write the same bytes) goes through its DispatchFunc, with the
		// options and the cycle check.
		{dumped{}, `"dumped"`},
		{plainGen{}, `"generated"`},
		{&plainGen{}, `"generated"`},
		{(*plainGen)(nil), `null`},
		// The promoted DumpJSON is not theirs: encoding/json's encoding.
		{&embedsGen{M: 1}, `{"N":0,"M":1}`},
		{embedsGen{M: 1}, `{"N":0,"M":1}`},
		{&embedsGenPtr{plainGen: &plainGen{N: 2}, M: 1}, `{"N":2,"M":1}`},
		{[]embedsGen{{M: 3}}, `[{"N":0,"M":3}]`},
		{[]plainGen{{N: 3}}, `["generated"]`},
		{map[string]*plainGen{"k": nil}, `{"k":null}`},
	} {
		if got, err := dumpAny(c.v); got != c.want || err != nil {
			t.Errorf("Any(%#v) = %s, %v; want %s", c.v, got, err, c.want)
		}
	}
}

func TestAnyErrors(t *testing.T) {
	_, err := dumpAny(map[string]any{"a": []any{1.0, failM{}}})
	var me *MarshalerError
	if !errors.Is(err, errBoom) || !errors.As(err, &me) || err.(*Error).Path != `["a"][1]` {
		t.Errorf("got %v", err)
	}
	if err.Error() != `jsondump: ["a"][1]: json: error calling MarshalJSON for type `+v2Type("dumpimpl.failM")+`: boom` {
		t.Errorf("message %q", err)
	}
	_, err = dumpAny([]any{make(chan int)})
	var ute *json.UnsupportedTypeError
	if !errors.As(err, &ute) || err.(*Error).Path != "[0]" {
		t.Errorf("chan: got %v", err)
	}
	_, err = dumpAny([]any{math.Inf(1)})
	var uve *json.UnsupportedValueError
	if !errors.As(err, &uve) {
		t.Errorf("Inf: got %v", err)
	}
}

// TestAnyPanickingMarshaler: a Marshaler that panics on a non-nil value
// panics as it would in encoding/json.
func TestAnyPanickingMarshaler(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmtAny(r), "kaboom") {
			t.Errorf("recovered %v", r)
		}
	}()
	dumpAny(panicM{})
}

type panicM struct{}

func (panicM) MarshalJSON() ([]byte, error) { panic("kaboom") }

func fmtAny(v any) string {
	if err, ok := v.(error); ok {
		return err.Error()
	}
	s, _ := v.(string)
	return s
}

// TestAddr compares Addr with encoding/json on addressable values, where
// pointer-receiver methods apply.
func TestAddr(t *testing.T) {
	s, f, b, i, u := "<s>", 2.5, true, -3, uint16(9)
	f32, i8, by := float32(1e-7), int8(-8), []byte("x")
	var a any = map[string]any{"k": 1.0}
	n := json.Number("5")
	raw := json.RawMessage(`{ "r" : 1 }`)
	tm := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	pm, vm, tp, tv := ptrM{"a"}, valueM{"b"}, textP{"c"}, textV{"d"}
	pt, col := point{1, 2}, color("c")
	var nilP *point
	ms, sl := map[string]any{"x": nil}, []any{"y"}
	for _, p := range []any{
		&s, &f, &b, &i, &u, &f32, &i8, &by, &a, &n, &raw, &tm, &pm, &vm, &tp, &tv, &pt, &col, &nilP, &ms, &sl,
	} {
		want := mustJSON(t, p)
		if got, err := dump(func(e *Encoder) { e.Addr(p) }); got != want || err != nil {
			t.Errorf("Addr(%T) = %s, %v; want %s", p, got, err, want)
		}
	}
	d := dumped{}
	if got, _ := dump(func(e *Encoder) { e.Addr(&d) }); got != `"dumped"` {
		t.Errorf("Addr(*dumped) = %s", got)
	}
}

// TestFallbackOptions: values encoding/json writes for the runtime still
// get the options.
func TestFallbackOptions(t *testing.T) {
	v := []any{point{1, 2}, map[int]string{3: "<>"}}
	if got, _ := dumpAny(v, SortKeys(), EnsureASCII(), Indent("", " ")); got != "[\n {\n  \"X\": 1,\n  \"Y\": 2\n },\n {\n  \"3\": \"\\u003c\\u003e\"\n }\n]" {
		t.Errorf("got %q", got)
	}
	var buf bytes.Buffer
	e := NewEncoder(&buf, EscapeHTML(false))
	e.Any(v)
	if err := e.Close(); err != nil || buf.String() != `[{"X":1,"Y":2},{"3":"<>"}]` {
		t.Errorf("got %s, %v", buf.String(), err)
	}
}

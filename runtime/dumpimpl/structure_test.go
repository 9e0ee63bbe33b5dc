package dumpimpl

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// genDump writes v the way generated code does: Key with a pre-escaped
// literal when literal is set (valid under the default escaping), else
// KeyString; Failed checks and the path on the way out. The first key of
// an object with an odd number of keys is written by FirstKey, as that of a
// member that is always written, the others' by Key, as that of a member
// that may be left out.
func genDump(e *Encoder, v any, literal bool) {
	switch v := v.(type) {
	case map[string]any:
		if v == nil {
			e.Null()
			return
		}
		ks := StringKeys(e, v)
		e.OpenObject()
		for i, k := range ks {
			if literal {
				b, _ := json.Marshal(k.Name)
				if i == 0 && len(ks)%2 == 1 {
					e.FirstKey(string(b) + ":")
				} else {
					e.Key("," + string(b) + ":")
				}
			} else {
				e.KeyString(k.Name)
			}
			if genDump(e, v[k.Key], literal); e.Failed() {
				e.AtKey(k.Name)
				return
			}
		}
		e.CloseObject()
	case []any:
		if v == nil {
			e.Null()
			return
		}
		e.OpenArray()
		for i, x := range v {
			e.Elem()
			if genDump(e, x, literal); e.Failed() {
				e.AtIndex(i)
				return
			}
		}
		e.CloseArray()
	default:
		e.Any(v)
	}
}

func unmarshal(t testing.TB, doc string) any {
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestIndentTable(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `{"a":{}}`, `{"a":[]}`, `[[]]`, `[{}]`, `[[],[{}],{"x":[[]]}]`, `1`, `"s"`, `null`,
		`{"a":1,"b":[1,2,{"c":null,"d":{}}],"e":"x"}`, `[[[[[1]]]],[]]`,
	}
	indents := [][2]string{{"", "  "}, {"", "\t"}, {">", "--"}, {"", ""}, {"#", ""}}
	for _, doc := range docs {
		v := unmarshal(t, doc)
		for _, in := range indents {
			want, err := json.MarshalIndent(v, in[0], in[1])
			if err != nil {
				t.Fatal(err)
			}
			for _, literal := range []bool{true, false} {
				got, err := dump(func(e *Encoder) { genDump(e, v, literal) }, Indent(in[0], in[1]))
				if got != string(want) || err != nil {
					t.Errorf("%s indented %q: %v %s", doc, in, err, diff(got, string(want)))
				}
			}
			// Through raw JSON too.
			got, _ := dump(func(e *Encoder) { e.RawMessage([]byte(doc)) }, Indent(in[0], in[1]))
			if got != string(want) {
				t.Errorf("raw %s indented %q: %s", doc, in, diff(got, string(want)))
			}
		}
	}
}

// TestStructureDifferential runs generated-like code on random values under
// every option encoding/json has.
func TestStructureDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	for range 1000 {
		v := unmarshal(t, randDoc(r))
		for _, c := range []struct {
			html, indent   bool
			prefix, indStr string
		}{{html: true}, {html: false}, {html: true, indent: true, indStr: "\t"}, {html: false, indent: true, prefix: "  ", indStr: " "}} {
			want, err := jsonEncoder(v, c.html, c.indent, c.prefix, c.indStr)
			if err != nil {
				t.Fatal(err)
			}
			opts := []Option{EscapeHTML(c.html)}
			if c.indent {
				opts = append(opts, Indent(c.prefix, c.indStr))
			}
			got, err := dump(func(e *Encoder) { genDump(e, v, c.html) }, opts...)
			if got != want || err != nil {
				t.Fatalf("%+v: %v %s", c, err, diff(got, want))
			}
		}
	}
}

// setFlushAt makes chunks small for the length of a test.
func setFlushAt(t *testing.T, n int) {
	old := flushAt
	flushAt = n
	t.Cleanup(func() { flushAt = old })
}

// chunkWriter records the writes it gets.
type chunkWriter struct {
	bytes.Buffer
	writes, largest int
}

func (w *chunkWriter) Write(p []byte) (int, error) {
	w.writes++
	w.largest = max(w.largest, len(p))
	return w.Buffer.Write(p)
}

func TestChunks(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	v := make([]any, 300)
	for i := range v {
		v[i] = unmarshal(t, randDoc(r))
	}
	for _, opts := range [][]Option{nil, {Indent("", " ")}, {SortKeys(), EnsureASCII()}} {
		want, _ := dump(func(e *Encoder) { genDump(e, v, false) }, opts...)
		var w chunkWriter
		e := NewEncoder(&w, opts...)
		genDump(e, v, false)
		if err := e.Close(); err != nil || w.String() != want {
			t.Fatalf("%v %s", err, diff(w.String(), want))
		}
		if w.writes < len(want)/(40<<10) || w.largest > 40<<10 {
			t.Errorf("%d bytes in %d writes, the largest %d", len(want), w.writes, w.largest)
		}
	}

	// A large value streams in chunks of about flushAt.
	big := make([]string, 100000)
	for i := range big {
		big[i] = strings.Repeat("x", i%100)
	}
	var w chunkWriter
	e := NewEncoder(&w)
	e.Any(big)
	if err := e.Close(); err != nil || w.String() != mustJSON(t, big) {
		t.Fatal("big value differs", err)
	}
	if w.largest > flushAt+200 || w.writes < w.Len()/(flushAt+200) {
		t.Errorf("%d bytes in %d writes, the largest %d", w.Len(), w.writes, w.largest)
	}

	// Small chunks, and in memory no chunks at all.
	setFlushAt(t, 16)
	for _, opts := range [][]Option{nil, {Indent(">", "\t")}, {EscapeHTML(false)}, {SortKeys(), EnsureASCII()}} {
		want, _ := dump(func(e *Encoder) { genDump(e, v, false) }, opts...)
		var w chunkWriter
		e := NewEncoder(&w, opts...)
		genDump(e, v, false)
		if err := e.Close(); err != nil || w.String() != want {
			t.Fatalf("%v %s", err, diff(w.String(), want))
		}
		if w.writes < len(want)/1000 {
			t.Errorf("%d bytes in %d writes", len(want), w.writes)
		}
	}
}

// failWriter takes k bytes, then fails, and counts what it is offered after.
type failWriter struct {
	got    bytes.Buffer
	k      int
	failed bool
	after  int
}

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.failed {
		w.after++
		return 0, errWrite
	}
	if n := w.k - w.got.Len(); len(p) > n {
		w.failed = true
		w.got.Write(p[:n])
		return n, errWrite
	}
	return w.got.Write(p)
}

func TestWriterFails(t *testing.T) {
	setFlushAt(t, 32)
	r := rand.New(rand.NewPCG(29, 30))
	v := make([]any, 20)
	for i := range v {
		v[i] = unmarshal(t, randDoc(r))
	}
	for _, opts := range [][]Option{nil, {Indent("", "  ")}} {
		want, _ := dump(func(e *Encoder) { genDump(e, v, true) }, opts...)
		for k := 0; k <= len(want); k++ {
			w := &failWriter{k: k}
			e := NewEncoder(w, opts...)
			genDump(e, v, true)
			err := e.Close()
			if k == len(want) {
				if err != nil || w.got.String() != want {
					t.Fatalf("k=%d: %v", k, err)
				}
				continue
			}
			var je *Error
			if !errors.Is(err, errWrite) || !errors.As(err, &je) {
				t.Fatalf("k=%d: error %v", k, err)
			}
			if w.after != 0 || w.got.String() != want[:k] {
				t.Fatalf("k=%d: %d writes after the failure; got %q", k, w.after, w.got.String())
			}
		}
	}
}

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func TestShortWrite(t *testing.T) {
	e := NewEncoder(shortWriter{})
	e.String("abc")
	if err := e.Close(); !errors.Is(err, io.ErrShortWrite) {
		t.Errorf("got %v", err)
	}
}

func TestMustString(t *testing.T) {
	e := NewEncoder(nil)
	e.Any([]any{"a", 1.0})
	if s := e.MustString(); s != `["a",1]` {
		t.Errorf("got %s", s)
	}
	defer func() {
		err, _ := recover().(*Error)
		if err == nil || err.Path != "[1]" {
			t.Errorf("recovered %v", err)
		}
	}()
	e = NewEncoder(nil)
	e.Any([]any{"a", math.NaN()})
	e.MustString()
}

func TestOptionsCombine(t *testing.T) {
	v := map[string]any{"é": []any{}, "a": map[string]any{"<": math.Inf(-1)}}
	got, err := dumpAny(v, Indent("", " "), EscapeHTML(false), SortKeys(), EnsureASCII(), AllowNaN(), Option{})
	want := "{\n \"a\": {\n  \"<\": -Infinity\n },\n \"\\u00e9\": []\n}"
	if got != want || err != nil {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	// The last of repeated options wins; the zero Option does nothing.
	if got, _ := dumpAny("<", EscapeHTML(false), EscapeHTML(true), Option{}); got != `"\u003c"` {
		t.Errorf("got %s", got)
	}
}

// TestPoolReuse: an Encoder from the pool starts clean after an encode that
// failed half-way in deep structure.
func TestPoolReuse(t *testing.T) {
	for range 10 {
		dumpAny([]any{map[string]any{"a": []any{math.NaN()}}}, Indent("", " "), SortKeys())
		got, err := dumpAny([]any{1.0})
		if got != "[1]" || err != nil {
			t.Fatalf("got %s, %v", got, err)
		}
	}
}

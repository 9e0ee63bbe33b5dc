package jsondump_test

// The drop-in API on values that are not (only) generated types, on streams
// of values, and on the settings of the Encoder; difftest.Check covers it on
// every example type, and TestEmbeddersOfGeneratedTypes on embedders.

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/config"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
	mapi "github.com/jsondump/jsondump/internal/mirror/api"
	mconfig "github.com/jsondump/jsondump/internal/mirror/config"
	"github.com/jsondump/jsondump/runtime"
)

type plainStruct struct {
	A int               `json:"a,omitempty"`
	B string            `json:"b"`
	C []byte            `json:"c"`
	D map[int]string    `json:"d"`
	E *plainStruct      `json:"e,omitempty"`
	F any               `json:"f"`
	G time.Time         `json:"g"`
	H json.RawMessage   `json:"h,omitempty"`
	I [2]float32        `json:"i"`
	J map[string]string `json:",omitzero"`
}

// dropInValues are values of every kind: generated types inside shapes
// encoding/json knows, and types with no generated code at all.
func dropInValues() []any {
	rec := events.Record{Message: "<hello> & bye", Latency: 1.5, Attrs: map[string]any{"k": []any{1.0, "x"}}}
	lim := config.Limits{}
	cat := api.Category{Name: "root", Attrs: map[string]any{"n": json.Number("12")}}
	return []any{
		nil, true, 0, -7, uint8(200), 3.25, float32(0.1), "a<b>&c\u2028\xff", []byte("bin"), []byte(nil),
		json.Number("1e3"), json.RawMessage(` {"z" : 1, "a":[ ]} `), time.Date(2026, 12, 3, 1, 2, 3, 4, time.UTC),
		[]int{1, 2}, []string(nil), map[string]int{"b": 1, "a": 2}, map[int]bool{10: true, 9: false},
		map[string]any{"data": &rec, "total": 2, "list": []any{cat, &lim}},
		[]any{rec, &rec, nil, "s"}, [2]events.Record{rec, {}}, []*events.Record{&rec, nil},
		map[string]events.Record{"r": rec}, map[string]*api.Category{"c": &cat, "nil": nil},
		plainStruct{A: 1, B: "<b>", D: map[int]string{2: "x"}, E: &plainStruct{F: rec}, F: []any{&cat}},
		&plainStruct{H: json.RawMessage(`[1, 2]`), J: map[string]string{}},
		struct {
			X any `json:"x"`
			Y *events.Record
		}{X: &lim, Y: &rec},
		// Generic types, matched through their dispatch methods, and
		// structs those methods are promoted to, some through nil pointers.
		config.Pair[int, events.Record]{Key: 1, Value: rec}, &config.Pair[string, *api.Category]{Key: "<k>", Value: &cat},
		(*config.Pair[int, int])(nil), []config.Pair[int, float64]{{Key: 1}}, map[string]any{"p": config.Pair[bool, any]{Value: &rec}},
		withPair{N: 1}, &withPair{N: 2}, (*withPair)(nil), withPairPtr{X: 3}, &withPairPtr{X: 4},
		withPairPtr{Pair: &config.Pair[string, int]{Key: "k"}}, withMid{}, &withMid{}, (*withMid)(nil),
	}
}

type (
	withPair struct {
		config.Pair[int, events.Record]
		N int
	}
	withPairPtr struct {
		*config.Pair[string, int]
		X int
	}
	mid     struct{ config.Pair[int, int] }
	withMid struct{ *mid }
)

func TestDropInMatchesEncodingJSON(t *testing.T) {
	for i, v := range dropInValues() {
		for _, c := range []struct {
			what      string
			got, want difftest.Result
		}{
			{"Marshal", difftest.DropInMarshal(v), difftest.Marshal(v)},
			{"Marshal(&v)", difftest.DropInMarshal(&v), difftest.Marshal(&v)},
			{"MarshalIndent", dropInIndent(v, "\t", "  "), difftest.MarshalIndent(v, "\t", "  ")},
			// json.MarshalIndent with both empty still breaks lines.
			{"MarshalIndent empty", dropInIndent(v, "", ""), difftest.MarshalIndent(v, "", "")},
			{"Encode", difftest.DropInEncode(v, true, "", ""), difftest.Encode(v, true, "", "")},
			{"Encode SetEscapeHTML(false)", difftest.DropInEncode(v, false, "", ""), difftest.Encode(v, false, "", "")},
			{"Encode SetIndent", difftest.DropInEncode(v, true, ">", "\t"), difftest.Encode(v, true, ">", "\t")},
			// json.Encoder's SetIndent("", "") turns indentation off.
			{"Encode SetIndent empty", difftest.DropInEncode(v, false, "", ""), difftest.Encode(v, false, "", "")},
		} {
			if !difftest.Same(c.got, c.want) {
				t.Errorf("value %d (%T): %s:\n got: %s\nwant: %s", i, v, c.what, c.got, c.want)
			}
		}
	}
}

func dropInIndent(v any, prefix, indent string) difftest.Result {
	b, err := jsondump.MarshalIndent(v, prefix, indent)
	return difftest.Result{JSON: b, Err: err}
}

// TestDropInErrors: where encoding/json fails, so does the drop-in, with an
// error that reaches the same cause.
func TestDropInErrors(t *testing.T) {
	for _, c := range []struct {
		v     any
		cause any
	}{
		{math.NaN(), new(*json.UnsupportedValueError)},
		{map[string]any{"x": []any{math.Inf(-1)}}, new(*json.UnsupportedValueError)},
		{make(chan int), new(*json.UnsupportedTypeError)},
		{&events.Record{Latency: float32(math.Inf(1))}, new(*json.UnsupportedValueError)},
		{[]any{func() {}}, new(*json.UnsupportedTypeError)},
	} {
		if _, err := json.Marshal(c.v); err == nil {
			t.Fatalf("%T: encoding/json does not fail", c.v)
		}
		_, err := jsondump.Marshal(c.v)
		if !errors.As(err, c.cause) {
			t.Errorf("Marshal(%T): %v, want a %T inside", c.v, err, c.cause)
		}
		var buf bytes.Buffer
		if err := jsondump.NewEncoder(&buf).Encode(c.v); !errors.As(err, c.cause) || buf.Len() != 0 {
			t.Errorf("Encode(%T): %v, wrote %q; want a %T inside and nothing written", c.v, err, buf.String(), c.cause)
		}
	}
}

// TestEncoderStream: one Encoder, many values, as one json.Encoder writes
// them, the failed ones leaving nothing behind.
func TestEncoderStream(t *testing.T) {
	var got, want bytes.Buffer
	enc, ref := jsondump.NewEncoder(&got), json.NewEncoder(&want)
	for i, v := range append(dropInValues(), math.NaN(), "after the error") {
		if i == 5 {
			enc.SetEscapeHTML(false)
			ref.SetEscapeHTML(false)
		}
		if i == 10 {
			enc.SetIndent("", "  ")
			ref.SetIndent("", "  ")
		}
		if i == 20 {
			enc.SetIndent("", "")
			ref.SetIndent("", "")
		}
		gerr, werr := enc.Encode(v), ref.Encode(v)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("value %d: Encode: %v, encoding/json: %v", i, gerr, werr)
		}
	}
	if got.String() != want.String() {
		t.Errorf("stream:\n got: %s\nwant: %s", got.String(), want.String())
	}
}

// chunkWriter records the size of each Write.
type chunkWriter struct{ writes []int }

func (w *chunkWriter) Write(p []byte) (int, error) {
	w.writes = append(w.writes, len(p))
	return len(p), nil
}

// TestEncodeStreams: a value whose JSON is megabytes reaches the writer in
// chunks of about 32 KiB, not whole at the end, as it does through DumpTo.
func TestEncodeStreams(t *testing.T) {
	recs := make([]events.Record, 20000)
	for i := range recs {
		recs[i] = events.Record{Message: strings.Repeat("m", 50), Latency: float32(i)}
	}
	for _, v := range []any{recs, map[string]any{"data": recs}, events.Batch{Records: recs}} {
		var w chunkWriter
		if err := jsondump.NewEncoder(&w).Encode(v); err != nil {
			t.Fatal(err)
		}
		total, largest := 0, 0
		for _, n := range w.writes {
			total += n
			largest = max(largest, n)
		}
		if total < 2<<20 || len(w.writes) < 20 || largest > 64<<10 {
			t.Errorf("%T: %d bytes in %d writes, the largest %d bytes; want chunks of at most 64 KiB", v, total, len(w.writes), largest)
		}
	}
}

// TestMarshalOptions: Marshal takes the runtime's options, as DumpTo does.
func TestMarshalOptions(t *testing.T) {
	rec := &events.Record{Message: "é<", Attrs: map[string]any{"b": 1, "a": math.Inf(1)}}
	opts := []runtime.Option{runtime.SortKeys(), runtime.EnsureASCII(), runtime.AllowNaN(), runtime.Indent("", " ")}
	got, err := jsondump.Marshal(rec, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if want := rec.Dumps(opts...); string(got) != want {
		t.Errorf("Marshal with options:\n got: %s\nwant: %s", got, want)
	}
}

// TestGenericDispatch: a generic type held in an interface takes its
// generated code. Seen from outside: api.Category has a generated MarshalJSON
// (-marshaljson), whose HTML escaping a json.Encoder with
// SetEscapeHTML(false) cannot undo, so encoding/json on a Pair holding one
// escapes, where the generated code, and the mirror, do not.
func TestGenericDispatch(t *testing.T) {
	g := config.Pair[string, api.Category]{Key: "<k>", Value: api.Category{Name: "a<b"}}
	m := mconfig.Pair[string, mapi.Category]{Key: "<k>", Value: mapi.Category{Name: "a<b"}}
	want := difftest.Encode(m, false, "", "")
	for _, c := range []struct {
		what   string
		v, ref any
	}{{"v", g, m}, {"&v", &g, &m}, {"[]any", []any{g}, []any{m}}} {
		got, want := difftest.DropInEncode(c.v, false, "", ""), difftest.Encode(c.ref, false, "", "")
		if !difftest.Same(got, want) {
			t.Errorf("%s: Encode with SetEscapeHTML(false):\n got: %s\nwant: %s", c.what, got, want)
		}
	}
	if viaJSON := difftest.Encode(g, false, "", ""); difftest.Same(viaJSON, want) {
		t.Errorf("encoding/json wrote %s: the test no longer tells the generated path from encoding/json's", viaJSON)
	}
}

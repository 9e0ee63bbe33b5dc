package jsondump_test

// Run-time errors through generated code: each is returned by DumpTo,
// jsondump.Marshal and Encoder.Encode (and MarshalJSON where generated) with the path in the
// value and the cause reachable by errors.Is and errors.As; Dumps panics with
// the same error. A failing writer stops the output where it failed.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
	mapi "github.com/jsondump/jsondump/internal/mirror/api"
	"github.com/jsondump/jsondump/runtime"
)

var errMarshal = errors.New("marshal failed")

// failJSON is a Marshaler that fails; badJSON one that writes invalid JSON;
// looseJSON one that writes valid JSON with space in it.
type (
	failJSON  struct{}
	badJSON   struct{}
	looseJSON struct{}
)

func (failJSON) MarshalJSON() ([]byte, error) { return nil, errMarshal }
func (badJSON) MarshalJSON() ([]byte, error)  { return []byte(`{"a": [1, 2}`), nil }
func (looseJSON) MarshalJSON() ([]byte, error) {
	return []byte(" {\"b\" : [ 1 ,\n 2 ] ,\t\"a\": \"<x>\" } "), nil
}

// orders returns an OrderList and its mirror with three orders of two lines.
func orders() (*api.OrderList, *mapi.OrderList) {
	g, m := &api.OrderList{}, &mapi.OrderList{}
	for i := range 3 {
		g.Orders = append(g.Orders, api.Order{ID: fmt.Sprint(i), Lines: []api.Line{{SKU: "a", Price: 1}, {SKU: "b", Price: 2}}})
		m.Orders = append(m.Orders, mapi.Order{ID: fmt.Sprint(i), Lines: []mapi.Line{{SKU: "a", Price: 1}, {SKU: "b", Price: 2}}})
	}
	return g, m
}

// dumpsPanic returns what Dumps panics with.
func dumpsPanic(d difftest.Dumper, opts ...runtime.Option) (p any) {
	defer func() { p = recover() }()
	d.Dumps(opts...)
	return nil
}

func TestRunTimeErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name  string
		make  func() (difftest.Dumper, any) // the generated value, and its mirror for encoding/json
		path  string
		cause any // a pointer to what errors.As must find, or an error for errors.Is
	}{
		{"NaN", func() (difftest.Dumper, any) {
			g, m := orders()
			g.Orders[2].Lines[0].Price, m.Orders[2].Lines[0].Price = nan, nan
			return g, m
		}, ".Orders[2].Lines[0].Price", new(*json.UnsupportedValueError)},
		{"+Inf", func() (difftest.Dumper, any) {
			g, m := orders()
			g.Orders[1].Lines[1].Price, m.Orders[1].Lines[1].Price = inf, inf
			return g, m
		}, ".Orders[1].Lines[1].Price", new(*json.UnsupportedValueError)},
		{"-Inf through a pointer", func() (difftest.Dumper, any) {
			g, m := orders()
			d := -inf
			g.Orders[0].Lines[1].Discount, m.Orders[0].Lines[1].Discount = &d, &d
			return g, m
		}, ".Orders[0].Lines[1].Discount", new(*json.UnsupportedValueError)},
		{"float32 NaN", func() (difftest.Dumper, any) {
			return &events.Record{Latency: float32(nan)}, nil
		}, ".Latency", new(*json.UnsupportedValueError)},
		{"NaN in an any", func() (difftest.Dumper, any) {
			return &events.Record{Attrs: map[string]any{"x": []any{1.0, nan}}}, nil
		}, `.Attrs["x"][1]`, new(*json.UnsupportedValueError)},
		{"TextMarshaler fails", func() (difftest.Dumper, any) {
			g, m := orders()
			g.Orders[1].Status, m.Orders[1].Status = 7, 7
			return g, m
		}, ".Orders[1].Status", new(*api.UnknownStatusError)},
		{"Marshaler fails", func() (difftest.Dumper, any) {
			return &api.UserResponse{Errors: []api.APIError{{}, {Details: failJSON{}}}},
				&mapi.UserResponse{Errors: []mapi.APIError{{}, {Details: failJSON{}}}}
		}, ".Errors[1].Details", errMarshal},
		{"Marshaler writes invalid JSON", func() (difftest.Dumper, any) {
			return &api.UserResponse{Errors: []api.APIError{{}, {}, {Details: badJSON{}}}},
				&mapi.UserResponse{Errors: []mapi.APIError{{}, {}, {Details: badJSON{}}}}
		}, ".Errors[2].Details", new(*json.SyntaxError)},
		{"invalid RawMessage", func() (difftest.Dumper, any) {
			return &events.Batch{Records: []events.Record{{}, {Payload: json.RawMessage(`{"a":}`)}}}, nil
		}, ".Records[1].Payload", new(*json.SyntaxError)},
		{"cycle", func() (difftest.Dumper, any) {
			c := &api.Category{Name: "c"}
			c.Children = []api.Category{{Name: "d", Parent: c}}
			return c, nil
		}, ".Children[0].Parent.Children", new(*json.UnsupportedValueError)},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, mirror := c.make()
			var checkCause func(what string, err error)
			// check wants a *runtime.Error at the case's path (unless
			// wantPath is false) that reaches the cause.
			check := func(what string, err error, wantPath bool) {
				t.Helper()
				var re *runtime.Error
				if !errors.As(err, &re) {
					t.Errorf("%s: %v (%T), want a *runtime.Error", what, err, err)
					return
				}
				if wantPath && !strings.HasPrefix(re.Path, c.path) {
					t.Errorf("%s: path %q, want %q", what, re.Path, c.path)
				}
				checkCause(what, err)
			}
			checkCause = func(what string, err error) {
				t.Helper()
				if target, ok := c.cause.(error); ok {
					if !errors.Is(err, target) {
						t.Errorf("%s: %v: errors.Is does not reach %v", what, err, target)
					}
				} else if !errors.As(err, c.cause) {
					t.Errorf("%s: %v: errors.As does not reach a %T", what, err, c.cause)
				}
			}
			var buf bytes.Buffer
			err := v.DumpTo(&buf)
			check("DumpTo", err, true)
			check("DumpTo(Indent, SortKeys)", v.DumpTo(&buf, runtime.Indent("", "  "), runtime.SortKeys()), true)
			_, merr := jsondump.Marshal(v)
			check("jsondump.Marshal", merr, true)
			// The same cause; a cycle may be caught a step further on, as
			// Marshal's pointer gets a cycle check of its own.
			if errors.Unwrap(merr).Error() != errors.Unwrap(err).Error() {
				t.Errorf("jsondump.Marshal: %v, DumpTo: %v", merr, err)
			}
			check("Encoder.Encode", jsondump.NewEncoder(&buf).Encode(v), true)
			if m, ok := v.(json.Marshaler); ok {
				_, merr := m.MarshalJSON() // generated under -marshaljson
				check("MarshalJSON", merr, true)
				if merr.Error() != err.Error() {
					t.Errorf("MarshalJSON: %v, DumpTo: %v", merr, err)
				}
			}
			// encoding/json on the generated type: its own error, as before
			// the type had generated code, unless it has a MarshalJSON.
			_, jerr := json.Marshal(v)
			if jerr == nil {
				t.Errorf("json.Marshal: no error")
			} else {
				checkCause("json.Marshal", jerr)
			}
			p := dumpsPanic(v)
			if perr, ok := p.(error); !ok || perr.Error() != err.Error() {
				t.Errorf("Dumps panicked with %v, want %v", p, err)
			} else {
				check("Dumps", perr, true)
			}
			if mirror != nil {
				// encoding/json fails too, and for a Marshaler with the same words.
				_, want := json.Marshal(mirror)
				if want == nil {
					t.Fatalf("encoding/json does not fail")
				}
				var me *runtime.MarshalerError
				var jme *json.MarshalerError
				if errors.As(err, &me) && errors.As(want, &jme) && me.Error() != jme.Error() {
					t.Errorf("MarshalerError:\n got: %v\nwant: %v", me, jme)
				}
			}
		})
	}
}

// TestAllowNaNSpelling: NaN, Infinity and -Infinity as Python writes them,
// through generated float64, *float64 and float32 fields and an any.
func TestAllowNaNSpelling(t *testing.T) {
	nan, inf, minf := math.NaN(), math.Inf(1), math.Inf(-1)
	o := &api.OrderList{Orders: []api.Order{{ID: "o", Lines: []api.Line{{SKU: "a", Price: nan, Discount: &minf}, {SKU: "b", Price: inf}}}}}
	got := o.Dumps(runtime.AllowNaN())
	for _, want := range []string{`"price":NaN,"discount":-Infinity`, `"price":Infinity}`} {
		if !strings.Contains(got, want) {
			t.Errorf("AllowNaN: %s, want %s in it", got, want)
		}
	}
	r := &events.Record{Latency: float32(minf), Attrs: map[string]any{"x": []any{nan, inf}}}
	got = r.Dumps(runtime.AllowNaN(), runtime.SortKeys())
	for _, want := range []string{`"attrs":{"x":[NaN,Infinity]}`, `"latency_ms":-Infinity`} {
		if !strings.Contains(got, want) {
			t.Errorf("AllowNaN: %s, want %s in it", got, want)
		}
	}
}

// TestLooseMarshalerOutput: valid Marshaler output with space in it is
// compacted as encoding/json compacts it, and the options apply inside.
func TestLooseMarshalerOutput(t *testing.T) {
	g := &api.UserResponse{Errors: []api.APIError{{Details: looseJSON{}}}}
	m := &mapi.UserResponse{Errors: []mapi.APIError{{Details: looseJSON{}}}}
	if got, want := difftest.Dumps(g), difftest.Marshal(m); !difftest.Same(got, want) {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := difftest.Dumps(g, runtime.Indent("", " ")), difftest.MarshalIndent(m, "", " "); !difftest.Same(got, want) {
		t.Errorf("Indent: got %s, want %s", got, want)
	}
	if got, want := difftest.Dumps(g, runtime.EscapeHTML(false)), difftest.MarshalNoHTML(m); !difftest.Same(got, want) {
		t.Errorf("EscapeHTML(false): got %s, want %s", got, want)
	}
	want := `{"data":{"id":0,"name":"","score":0,"tags":null},"errors":[{"Code":0,"Message":"","details":{"a":"\u003cx\u003e","b":[1,2]}}],"request_id":""}`
	if got := g.Dumps(runtime.SortKeys()); got != want {
		t.Errorf("SortKeys:\n got: %s\nwant: %s", got, want)
	}
}

var everyK = flag.Bool("everyk", false, "TestFailingWriter: fail the writer after every k bytes of the output, not a sample")

// failWriter accepts k bytes, then fails; it records writes after a failure.
type failWriter struct {
	k         int
	got       []byte
	failed    bool
	afterFail int // Write calls after it failed
}

var errWriter = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.failed {
		w.afterFail++
		return 0, errWriter
	}
	if len(w.got)+len(p) <= w.k {
		w.got = append(w.got, p...)
		return len(p), nil
	}
	n := w.k - len(w.got)
	w.got = append(w.got, p[:n]...)
	w.failed = true
	return n, errWriter
}

// TestFailingWriter fails the writer after k bytes, for k over the whole
// output of a value several times the Encoder's 32 KiB chunk: DumpTo
// returns the writer's error, and nothing reaches the writer after it.
// Every k by -everyk; by default every k near the ends of the chunks and a
// sample of the others. Under SortKeys the Batch, an object, reaches the
// writer whole when it closes (see runtime.SortKeys).
func TestFailingWriter(t *testing.T) {
	b := &events.Batch{}
	for i := range 250 {
		b.Records = append(b.Records, events.Record{
			Message: strings.Repeat("log line é ", i%20), Counters: map[string]int64{"a": int64(i), "b": 2},
			Host: map[string]string{"name": "h<1>"}, Spans: []events.Span{{Name: "s", Tags: []string{"x", "y"}}},
		})
	}
	for _, opts := range [][]runtime.Option{nil, {runtime.Indent("", "  "), runtime.EnsureASCII()}, {runtime.Indent("", "  "), runtime.SortKeys(), runtime.EnsureASCII()}} {
		chunked := !slices.Contains(opts, runtime.SortKeys())
		full := b.Dumps(opts...)
		var ends []int // where each Write of a complete run ended
		{
			w := &recordWriter{}
			if err := b.DumpTo(w, opts...); err != nil || string(w.buf) != full {
				t.Fatalf("DumpTo to a working writer: %v", err)
			}
			ends = w.ends
		}
		if chunked && len(ends) < 3 || !chunked && len(ends) != 1 {
			t.Fatalf("%d writes for %d bytes: want several chunks, or one under SortKeys", len(ends), len(full))
		}
		near := func(k int) bool {
			for _, e := range append([]int{0}, ends...) {
				if k >= e-32 && k <= e+32 {
					return true
				}
			}
			return false
		}
		tried := 0
		for k := 0; k <= len(full)+1; k++ {
			if !*everyK && !near(k) && k%499 != 0 {
				continue
			}
			tried++
			w := &failWriter{k: k}
			err := b.DumpTo(w, opts...)
			if k >= len(full) {
				if err != nil || string(w.got) != full {
					t.Fatalf("k=%d: %v, want the whole output", k, err)
				}
				continue
			}
			if !errors.Is(err, errWriter) {
				t.Fatalf("k=%d: DumpTo returned %v, want the writer's error", k, err)
			}
			if w.afterFail > 0 {
				t.Fatalf("k=%d: %d writes after the writer failed", k, w.afterFail)
			}
			// Chunks but the last are handed over inside the value: the
			// error says which record was being written.
			var re *runtime.Error
			if !errors.As(err, &re) || len(ends) > 1 && k < ends[len(ends)-2] && !recordPath.MatchString(re.Path) {
				t.Fatalf("k=%d: error %v, want a path into .Records", k, err)
			}
			if string(w.got) != full[:len(w.got)] {
				t.Fatalf("k=%d: the writer got bytes that are not the output's", k)
			}
		}
		t.Logf("%d bytes in %d writes; %d values of k tried", len(full), len(ends), tried)
	}
}

var recordPath = regexp.MustCompile(`^\.Records\[\d+\]`)

// recordWriter records the bytes and where each Write ended.
type recordWriter struct {
	buf  []byte
	ends []int
}

func (w *recordWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	w.ends = append(w.ends, len(w.buf))
	return len(p), nil
}

// TestDumpToWritesPrefix pins what the README and the generated DumpTo doc
// say: an output past the first chunk that fails reaches w in part, a
// prefix of the output; a small one reaches w whole or not at all; Dumps
// never gives out part of it.
func TestDumpToWritesPrefix(t *testing.T) {
	for _, n := range []int{2, 5000} {
		lines := make([]api.Line, n)
		for i := range lines {
			lines[i] = api.Line{SKU: "SKU-0001234", Qty: i, Price: 0.5}
		}
		v := &api.OrderList{Orders: []api.Order{{ID: "o", Lines: lines}}}
		whole := v.Dumps()
		lines[n-1].Price = math.NaN()
		var buf bytes.Buffer
		err := v.DumpTo(&buf)
		if err == nil {
			t.Fatalf("%d lines: no error for NaN", n)
		}
		switch {
		case n == 2 && buf.Len() != 0:
			t.Errorf("%d lines: w got %d bytes of a failed output smaller than a chunk", n, buf.Len())
		case n > 2 && (buf.Len() == 0 || !strings.HasPrefix(whole, buf.String()) || buf.Len() == len(whole)):
			t.Errorf("%d lines: w got %d bytes, want a proper prefix of the %d-byte output", n, buf.Len(), len(whole))
		}
		if p := dumpsPanic(v); p == nil {
			t.Errorf("%d lines: Dumps did not panic", n)
		}
	}
}

package dumpimpl

import (
	"math"
	"strings"
	"testing"
)

type (
	namedF32 float32
	namedF64 float64
	nanM     float64 // writes itself: not walked
	plainS   struct{ F float64 }
)

func (f nanM) MarshalJSON() ([]byte, error) { return []byte(`"m"`), nil }

// TestAllowNaNShapes writes NaN and ±Inf in every shape a float takes on
// the way to the runtime's dynamic paths, which generated code takes for
// interface fields and map values (Any) and for fields of a type parameter
// (Addr): under AllowNaN each is written as Python writes it. The reference
// is encoding/json's output for the same value with a finite mark in place
// of the special float, the mark then replaced by its spelling.
func TestAllowNaNShapes(t *testing.T) {
	const mark = 0.125
	shapes := []struct {
		name string
		make func(f float64) any // the value, or for Addr a pointer to it
		addr bool
	}{
		{"named float32", func(f float64) any { return namedF32(f) }, false},
		{"named float64", func(f float64) any { return namedF64(f) }, false},
		{"*float32", func(f float64) any { x := float32(f); return &x }, false},
		{"*float64", func(f float64) any { return &f }, false},
		{"*named", func(f float64) any { x := namedF32(f); return &x }, false},
		{"map value", func(f float64) any { return map[string]float32{"x": float32(f), "a": 1} }, false},
		{"map of pointers", func(f float64) any { x := float32(f); return map[string]*float32{"x": &x, "n": nil} }, false},
		{"int-keyed map", func(f float64) any { return map[int]namedF64{10: namedF64(f), 2: 1} }, false},
		{"slice element", func(f float64) any { return []float32{1, float32(f)} }, false},
		{"array element", func(f float64) any { return [2]float64{f, 2} }, false},
		{"nested", func(f float64) any { return map[string][][]*float64{"a": {{&f, nil}, nil}} }, false},
		{"pointer to []any", func(f float64) any { return &[]any{f, "s", float32(f)} }, false},
		{"map[string]any of *float32", func(f float64) any { x := float32(f); return map[string]any{"p": &x} }, false},
		{"[]any of map", func(f float64) any { return []any{map[string]float64{"x": f}} }, false},
		{"type parameter float32", func(f float64) any { x := float32(f); return &x }, true},
		{"type parameter *float32", func(f float64) any { x := float32(f); p := &x; return &p }, true},
		{"type parameter named", func(f float64) any { x := namedF32(f); return &x }, true},
		{"type parameter *named", func(f float64) any { x := namedF64(f); p := &x; return &p }, true},
		{"type parameter map", func(f float64) any { m := map[string]float32{"x": float32(f)}; return &m }, true},
		{"type parameter slice", func(f float64) any { s := []namedF32{namedF32(f)}; return &s }, true},
		{"type parameter any", func(f float64) any { var a any = f; return &a }, true},
	}
	for _, s := range shapes {
		ref := mustJSON(t, s.make(mark))
		for _, special := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			spelled := map[bool]string{true: "NaN"}[math.IsNaN(special)]
			if spelled == "" {
				spelled = map[bool]string{true: "Infinity", false: "-Infinity"}[special > 0]
			}
			want := strings.ReplaceAll(ref, "0.125", spelled)
			v := s.make(special)
			got, err := dump(func(e *Encoder) {
				if s.addr {
					e.Addr(v)
				} else {
					e.Any(v)
				}
			}, AllowNaN())
			if got != want || err != nil {
				t.Errorf("%s, %v: got %s, %v; want %s", s.name, special, got, err, want)
			}
			if _, err := dump(func(e *Encoder) { e.Any(v) }); err == nil {
				t.Errorf("%s, %v: no error without AllowNaN", s.name, special)
			}
		}
	}
	// The options apply to what is walked.
	m := map[string]any{"é": map[string]float32{"b": float32(math.Inf(1)), "a": 1}}
	if got, _ := dumpAny(m, AllowNaN(), SortKeys(), EnsureASCII(), Indent("", " ")); got != "{\n \"\\u00e9\": {\n  \"a\": 1,\n  \"b\": Infinity\n }\n}" {
		t.Errorf("with options: %q", got)
	}
	// Methods are called as encoding/json calls them, not walked over.
	if got, err := dumpAny([]nanM{nanM(math.NaN())}, AllowNaN()); got != `["m"]` || err != nil {
		t.Errorf("[]nanM: %s, %v", got, err)
	}
	// The limit: a struct without generated code goes to encoding/json,
	// which rejects NaN (writing it here would take its field rules).
	if _, err := dumpAny(plainS{math.NaN()}, AllowNaN()); err == nil {
		t.Errorf("plainS{NaN}: no error; if that is on purpose now, update fallback_nan.go's comment")
	}
}

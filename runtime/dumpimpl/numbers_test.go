package dumpimpl

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

var float64Edges = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 1e-7, 1e20, 1e21, 1e22, 123456789, 1.5e300,
	math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
	math.Nextafter(1e-6, 0), math.Nextafter(1e-6, 1), math.Nextafter(1e21, 0), math.Nextafter(1e21, 2e21),
	1e-9, 1.23e-9, 5e-324, 100, 1234.5678, float64(1 << 53), float64(1<<53 + 1), 9007199254740993,
	math.Pi, -math.E, 0.000001234, 12345678901234567890, 1e100,
}

var float32Edges = []float32{
	0, float32(math.Copysign(0, -1)), 1, -1, 0.1, 1e-6, 1e-7, 1e20, 1e21, 1e22, 3.4e38,
	math.MaxFloat32, -math.MaxFloat32, math.SmallestNonzeroFloat32, 1.1754944e-38,
	math.Nextafter32(1e-6, 0), math.Nextafter32(1e-6, 1), math.Nextafter32(1e21, 0), math.Nextafter32(1e21, 2e21),
	16777216, 16777217, 0.3, 1.0000001, 123456.79,
}

func TestFloat64(t *testing.T) {
	check := func(f float64) {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return
		}
		want := mustJSON(t, f)
		if got, err := dump(func(e *Encoder) { e.Float64(f) }); got != want || err != nil {
			t.Fatalf("Float64(%v [%#x]) = %s, %v; want %s", f, math.Float64bits(f), got, err, want)
		}
	}
	for _, f := range float64Edges {
		check(f)
		check(-f)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200000 {
		check(math.Float64frombits(r.Uint64()))
	}
	// Numbers of ordinary size, where the 'f' and 'e' forms meet.
	for range 50000 {
		check(math.Ldexp(r.Float64(), r.IntN(160)-80))
	}
}

func TestFloat32(t *testing.T) {
	check := func(f float32) {
		if f != f || math.IsInf(float64(f), 0) {
			return
		}
		want := mustJSON(t, f)
		if got, err := dump(func(e *Encoder) { e.Float32(f) }); got != want || err != nil {
			t.Fatalf("Float32(%v [%#x]) = %s, %v; want %s", f, math.Float32bits(f), got, err, want)
		}
	}
	for _, f := range float32Edges {
		check(f)
		check(-f)
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 200000 {
		check(math.Float32frombits(r.Uint32()))
	}
	for range 50000 {
		check(float32(math.Ldexp(r.Float64(), r.IntN(160)-80)))
	}
}

func TestInts(t *testing.T) {
	ints := []int64{0, 1, -1, 9, 10, 99, 100, math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32}
	r := rand.New(rand.NewPCG(11, 12))
	for range 1000 {
		ints = append(ints, int64(r.Uint64()), r.Int64N(1000)-500)
	}
	for _, i := range ints {
		if got, _ := dump(func(e *Encoder) { e.Int(i) }); got != mustJSON(t, i) {
			t.Fatalf("Int(%d) = %s", i, got)
		}
		u := uint64(i)
		if got, _ := dump(func(e *Encoder) { e.Uint(u) }); got != mustJSON(t, u) {
			t.Fatalf("Uint(%d) = %s", u, got)
		}
	}
}

func TestBool(t *testing.T) {
	for _, b := range []bool{true, false} {
		if got, _ := dump(func(e *Encoder) { e.Bool(b) }); got != mustJSON(t, b) {
			t.Errorf("Bool(%v) = %s", b, got)
		}
	}
}

// TestQuoted compares the ",string" option with encoding/json's.
func TestQuoted(t *testing.T) {
	type S struct {
		B   bool        `json:"b,string"`
		I   int64       `json:"i,string"`
		U   uint64      `json:"u,string"`
		F32 float32     `json:"f32,string"`
		F64 float64     `json:"f64,string"`
		N   json.Number `json:"n,string"`
	}
	for _, v := range []S{
		{true, -5, 7, 1e-7, 1e21, "12.5e3"},
		{false, math.MinInt64, math.MaxUint64, 0.1, -0.0, ""},
	} {
		got, err := dump(func(e *Encoder) {
			e.OpenObject()
			e.Key(`,"b":`)
			e.QuotedBool(v.B)
			e.Key(`,"i":`)
			e.QuotedInt(v.I)
			e.Key(`,"u":`)
			e.QuotedUint(v.U)
			e.Key(`,"f32":`)
			e.QuotedFloat32(v.F32)
			e.Key(`,"f64":`)
			e.QuotedFloat64(v.F64)
			e.Key(`,"n":`)
			e.QuotedNumber(string(v.N))
			e.CloseObject()
		})
		if want := mustJSON(t, v); got != want || err != nil {
			t.Errorf("got %s, %v; want %s", got, err, want)
		}
	}
}

func TestNonFinite(t *testing.T) {
	for _, c := range []struct {
		f         float64
		str, py   string
		f32       bool
		quoted    bool
		wantQuote string
	}{
		{f: math.NaN(), str: "NaN", py: "NaN"},
		{f: math.Inf(1), str: "+Inf", py: "Infinity"},
		{f: math.Inf(-1), str: "-Inf", py: "-Infinity"},
		{f: math.NaN(), str: "NaN", py: "NaN", f32: true},
		{f: math.Inf(-1), str: "-Inf", py: "-Infinity", f32: true},
	} {
		write := func(e *Encoder) {
			if c.f32 {
				e.Float32(float32(c.f))
			} else {
				e.Float64(c.f)
			}
		}
		_, err := dump(write)
		var uve *json.UnsupportedValueError
		if !errors.As(err, &uve) || uve.Str != c.str {
			t.Errorf("%v: error %v, want an UnsupportedValueError for %s", c.f, err, c.str)
		}
		if _, jerr := json.Marshal(c.f); err.(*Error).Err.Error() != jerr.Error() {
			t.Errorf("%v: cause %q, encoding/json says %q", c.f, err.(*Error).Err, jerr)
		}
		if got, err := dump(write, AllowNaN()); got != c.py || err != nil {
			t.Errorf("%v AllowNaN: %s, %v", c.f, got, err)
		}
		if got, err := dump(func(e *Encoder) { e.QuotedFloat64(c.f) }, AllowNaN()); got != `"`+c.py+`"` || err != nil {
			t.Errorf("%v quoted AllowNaN: %s, %v", c.f, got, err)
		}
		if _, err := dump(func(e *Encoder) { e.QuotedFloat64(c.f) }); !errors.As(err, &uve) {
			t.Errorf("%v quoted: error %v", c.f, err)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, s := range []string{
		"", "0", "-0", "1", "-1", "12.5", "1e5", "1E+5", "1e-05", "-0.0e0", "123456789012345678901234567890",
		"01", "+1", "1.", ".5", "1e", "1e+", "-", "--1", "0x10", "NaN", " 1", "1 ", "1.5.5", "١",
	} {
		want, jerr := json.Marshal(json.Number(s))
		got, err := dump(func(e *Encoder) { e.Number(s) })
		if jerr != nil {
			if err == nil || err.(*Error).Err.Error() != jerr.Error() {
				t.Errorf("Number(%q): error %v, encoding/json says %v", s, err, jerr)
			}
			continue
		}
		if got != string(want) || err != nil {
			t.Errorf("Number(%q) = %s, %v; want %s", s, got, err, want)
		}
	}
	// With the ",string" option (v2 quotes the number before checking it,
	// and says so in its error).
	type quoted struct {
		N json.Number `json:",string"`
	}
	for _, s := range []string{"", "12.5", "x", "01"} {
		want, jerr := json.Marshal(&quoted{json.Number(s)})
		got, err := dump(func(e *Encoder) { e.QuotedNumber(s) })
		if jerr != nil {
			if err == nil || err.(*Error).Err.Error() != jerr.Error() {
				t.Errorf("QuotedNumber(%q): error %v, encoding/json says %v", s, err, jerr)
			}
			continue
		}
		if w := strings.TrimSuffix(strings.TrimPrefix(string(want), `{"N":`), "}"); got != w || err != nil {
			t.Errorf("QuotedNumber(%q) = %s, %v; want %s", s, got, err, w)
		}
	}
}

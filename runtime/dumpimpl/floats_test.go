package dumpimpl

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// strconvFloat64 is encoding/json's float64 formatting.
func strconvFloat64(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); dst[n-4] == 'e' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// TestAppendFloat64 compares appendFloat64 with strconv on powers of two and
// ten and their neighbours, and on floats of random bits (2²⁰ of each kind;
// 2¹⁴ with -short).
func TestAppendFloat64(t *testing.T) {
	var floats []float64
	for e := -1075; e <= 1024; e++ {
		floats = append(floats, math.Ldexp(1, e))
	}
	for e := -325; e <= 309; e++ {
		f, _ := strconv.ParseFloat("1e"+strconv.Itoa(e), 64)
		floats = append(floats, f)
	}
	for _, f := range floats[:len(floats):len(floats)] {
		floats = append(floats, math.Nextafter(f, 0), math.Nextafter(f, math.Inf(1)))
	}
	floats = append(floats, 0, math.SmallestNonzeroFloat64, math.MaxFloat64, 1e21, 1e-6, 1e-7,
		123456789, 0.1, 0.2, 0.3, 1.0/3, 2.0/3, 1<<53, 1<<53+2, 1<<53-1, -65.613616999999977)
	check := func(f float64) {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return
		}
		for _, f := range []float64{f, -f} {
			if got, want := appendFloat64(nil, f), strconvFloat64(nil, f); string(got) != string(want) {
				t.Fatalf("appendFloat64(%v (%#x)) = %s, want %s", f, math.Float64bits(f), got, want)
			}
		}
	}
	for _, f := range floats {
		check(f)
	}
	r := rand.New(rand.NewPCG(1, 2))
	n := 1 << 20
	if testing.Short() {
		n = 1 << 14
	}
	for range n {
		check(math.Float64frombits(r.Uint64()))
		check(math.Float64frombits(0x4330000000000000 | r.Uint64()>>12)) // near integers
		check(math.Float64frombits(uint64(r.IntN(0x7ff))<<52 | r.Uint64()>>61))
		check(float64(r.IntN(1e6)) / 1e3) // few digits
		check(r.Float64() * 360)
	}
}

// TestAppendInt compares appendInt and appendUint with strconv around every
// power of ten and on random values.
func TestAppendInt(t *testing.T) {
	var vals []uint64
	for p := uint64(1); p <= 1e19; p *= 10 {
		vals = append(vals, p-1, p, p+1, 2*p, 9*p+p-1)
	}
	vals = append(vals, 0, math.MaxUint64, math.MaxInt64, 1<<63)
	r := rand.New(rand.NewPCG(3, 4))
	for range 1 << 16 {
		vals = append(vals, r.Uint64(), r.Uint64()>>r.IntN(64))
	}
	for _, u := range vals {
		if got, want := appendUint(nil, u), strconv.FormatUint(u, 10); string(got) != want {
			t.Fatalf("appendUint(%d) = %s", u, got)
		}
		i := int64(u)
		if got, want := appendInt(nil, i), strconv.FormatInt(i, 10); string(got) != want {
			t.Fatalf("appendInt(%d) = %s", i, got)
		}
	}
}

// TestAppendNumbersInPlace appends numbers after a prefix, into buffers with
// every amount of spare room from none to plenty: the digits are written in
// words past the number's end, which must neither show nor overwrite the
// prefix, and the buffer must grow when the room is short.
func TestAppendNumbersInPlace(t *testing.T) {
	floats := []float64{0, -0.0, 1, -1.5, 123.456, -65.613616999999977, 1e21, 1.2345e-7, 5e-324,
		math.MaxFloat64, -math.SmallestNonzeroFloat64, 0.000001, 123456789012345678, 1e20, 0.1}
	ints := []uint64{0, 9, 10, 99, 12345678, 123456789, 1e16 - 1, 1e16, math.MaxUint64}
	for room := range 48 {
		for _, f := range floats {
			dst := append(make([]byte, 0, 3+room), "ab,"...)
			ref, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := string(appendFloat64(dst, f)), "ab,"+string(ref); got != want {
				t.Fatalf("room %d: appendFloat64(%v) = %s, want %s", room, f, got, want)
			}
		}
		for _, u := range ints {
			dst := append(make([]byte, 0, 3+room), "ab,"...)
			if got, want := string(appendUint(dst, u)), "ab,"+strconv.FormatUint(u, 10); got != want {
				t.Fatalf("room %d: appendUint(%d) = %s, want %s", room, u, got, want)
			}
		}
	}
}

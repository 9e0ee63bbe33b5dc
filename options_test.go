package jsondump_test

// The Python options (SortKeys, EnsureASCII, Indent, AllowNaN) through
// generated code, against python3's json.dumps; see internal/difftest's
// python.go for what the comparison does about the ways Python and
// encoding/json differ on purpose.

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/config"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
)

// pyValuesPerType is how many random values of each example type go to
// python3, under each of 16 option sets, each with EscapeHTML on and off:
// 1200 values of the six types per combination.
const pyValuesPerType = 200

// pyValues are random values of the example types, prepared for Python.
type pyValues struct {
	names []string
	ascii []difftest.Dumper // difftest.ASCIISafe: for ensure_ascii=True
	safe  []difftest.Dumper // difftest.PythonSafe: for ensure_ascii=False
}

// addPyValues adds n values of G that encode without an error (Fill can
// make an api.Status without a name, for one).
func addPyValues[G any](vs *pyValues, n int) {
	for seed := uint64(0); n > 0; seed++ {
		a, s := new(G), new(G)
		difftest.Fill(difftest.Source(seed), a)
		difftest.Fill(difftest.Source(seed), s)
		difftest.ASCIISafe(a)
		difftest.PythonSafe(s)
		if difftest.DumpTo(any(a).(difftest.Dumper)).Err != nil || difftest.DumpTo(any(s).(difftest.Dumper)).Err != nil {
			continue
		}
		n--
		vs.names = append(vs.names, fmt.Sprintf("%T seed %d", a, seed))
		vs.ascii = append(vs.ascii, any(a).(difftest.Dumper))
		vs.safe = append(vs.safe, any(s).(difftest.Dumper))
	}
}

func examplePyValues(n int) *pyValues {
	vs := new(pyValues)
	addPyValues[api.UserResponse](vs, n)
	addPyValues[api.OrderList](vs, n)
	addPyValues[api.Category](vs, n)
	addPyValues[events.Record](vs, n)
	addPyValues[events.Batch](vs, n)
	addPyValues[config.Config](vs, n)
	return vs
}

// python is difftest.Python that skips the test without python3.
func python(t *testing.T, docs []string, sets []difftest.PyOptions) [][]string {
	t.Helper()
	out, err := difftest.Python(docs, sets)
	if errors.Is(err, difftest.ErrNoPython) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compareWithPython encodes every value under every set, with EscapeHTML on
// and off, and compares with Python's output for the value's compact
// document (written with the options of base). It also checks
// difftest.Reformat, the Go stand-in for Python in fuzzing, against Python.
func compareWithPython(t *testing.T, names []string, vals []difftest.Dumper, sets []difftest.PyOptions, base difftest.PyOptions) {
	t.Helper()
	docs := map[bool][]string{} // by EscapeHTML
	for _, html := range []bool{true, false} {
		for _, v := range vals {
			docs[html] = append(docs[html], v.Dumps(base.Runtime(html)...))
		}
	}
	// The html setting changes the value a ",string" string holds (its inner
	// escaping), so Python gets the documents of both.
	both := python(t, append(slices.Clone(docs[true]), docs[false]...), sets)
	want := func(i, j int, html bool) string {
		if !html {
			j += len(vals)
		}
		return difftest.Spelling(both[i][j], html)
	}
	fails := 0
	for i, set := range sets {
		for j, v := range vals {
			for _, html := range []bool{true, false} {
				w := want(i, j, html)
				got := difftest.Dumps(v, set.Runtime(html)...)
				if got.Err != nil || string(got.JSON) != w {
					t.Errorf("%s, %v, EscapeHTML(%v):\n  go: %s\n  py: %s", names[j], set, html, got, w)
					fails++
				}
				if j%4 != 0 { // a sample is enough: FuzzOptions relies on it, not this test
					continue
				}
				if ref, err := difftest.Reformat(docs[html][j], set); err != nil || ref != w {
					t.Errorf("%s, %v, EscapeHTML(%v): difftest.Reformat differs from Python:\n  ref: %s (%v)\n   py: %s", names[j], set, html, ref, err, w)
					fails++
				}
				if fails > 5 {
					t.Fatal("too many differences")
				}
			}
		}
	}
}

// TestOptionsMatchPython compares SortKeys, EnsureASCII and Indent, in every
// combination, with python3's json.dumps on thousands of random values of
// the example types (pyValuesPerType of each type per combination).
func TestOptionsMatchPython(t *testing.T) {
	vs := examplePyValues(pyValuesPerType)
	var ascii, plain []difftest.PyOptions
	for _, set := range difftest.PyOptionSets(false) {
		if set.EnsureASCII {
			ascii = append(ascii, set)
		} else {
			plain = append(plain, set)
		}
	}
	t.Run("ensure_ascii=True", func(t *testing.T) { compareWithPython(t, vs.names, vs.ascii, ascii, difftest.PyOptions{}) })
	t.Run("ensure_ascii=False", func(t *testing.T) { compareWithPython(t, vs.names, vs.safe, plain, difftest.PyOptions{}) })
}

// TestAllowNaNMatchesPython compares AllowNaN, with the other options, with
// Python's allow_nan=True on values with NaN and infinities in float64,
// *float64 and float32 fields, and in an any field holding the shapes the
// runtime takes to encoding/json without AllowNaN: *float32, maps and slices
// of floats and of pointers to them.
func TestAllowNaNMatchesPython(t *testing.T) {
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1.5, -0.0}
	var names []string
	var vals []difftest.Dumper
	for i := range 60 {
		f := specials[i%len(specials)]
		g := specials[(i/len(specials))%len(specials)]
		o := &api.OrderList{Orders: []api.Order{{ID: "o", Lines: []api.Line{{SKU: "a", Price: f, Discount: &g}}}}}
		f32 := float32(f)
		r := &events.Record{Message: "m", Latency: float32(g), Attrs: map[string]any{"x": f, "y": []any{g, "z"},
			"p": &f32, "m": map[string]float32{"k": f32, "j": 1}, "s": []*float64{&g, nil}, "i": map[int][]float64{7: {f, g}}}}
		difftest.ValidKeys(r)
		names = append(names, fmt.Sprintf("OrderList %d", i), fmt.Sprintf("Record %d", i))
		vals = append(vals, o, r)
	}
	compareWithPython(t, names, vals, difftest.PyOptionSets(true), difftest.PyOptions{AllowNaN: true})
}

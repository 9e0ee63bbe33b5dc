package dumpimpl

import (
	"encoding/json"
	"io"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// order is encoded by hand the way generated code encodes it.
type order struct {
	ID     int64
	Name   string
	Price  float64
	Tags   []string
	Attrs  map[string]int
	Counts map[int]int
	When   time.Time
	Raw    json.RawMessage
	Extra  any
}

func dumpOrder(e *Encoder, v *order) {
	e.OpenObject()
	e.Key(`,"id":`)
	e.Int(v.ID)
	e.Key(`,"name":`)
	e.String(v.Name)
	e.Key(`,"price":`)
	if e.Float64(v.Price); e.Failed() {
		e.AtField("Price")
		return
	}
	e.Key(`,"tags":`)
	if v.Tags == nil {
		e.Null()
	} else {
		e.OpenArray()
		for _, s := range v.Tags {
			e.Elem()
			e.String(s)
		}
		e.CloseArray()
	}
	e.Key(`,"attrs":`)
	ks := StringKeys(e, v.Attrs)
	e.OpenObject()
	for _, k := range ks {
		e.KeyString(k.Name)
		e.Int(int64(v.Attrs[k.Key]))
	}
	e.CloseObject()
	e.Key(`,"counts":`)
	iks := IntKeys(e, v.Counts)
	e.OpenObject()
	for _, k := range iks {
		e.KeyString(k.Name)
		e.Int(int64(v.Counts[k.Key]))
	}
	e.CloseObject()
	e.Key(`,"when":`)
	e.Time(v.When)
	e.Key(`,"raw":`)
	if e.RawMessage(v.Raw); e.Failed() {
		e.AtField("Raw")
		return
	}
	e.Key(`,"extra":`)
	if e.Any(v.Extra); e.Failed() {
		e.AtField("Extra")
		return
	}
	e.CloseObject()
}

var testOrder = order{
	ID: 42, Name: "Widget <deluxe> — ünïcode", Price: 19.99, Tags: []string{"a", "b\n"},
	Attrs: map[string]int{"z": 1, "a": 2, "m": 3}, Counts: map[int]int{1: 1, 20: 2, 3: 3},
	When: time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC), Raw: json.RawMessage(` {"b": [1, 2], "a": "x"} `),
	Extra: map[string]any{"k": []any{1.0, "v", true, nil}},
}

// allocsRuns counts TestAllocs' runs in this process.
var allocsRuns int

func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool is not deterministic under the race detector")
	}
	v := testOrder
	for _, c := range []struct {
		name string
		opts []Option
	}{
		{"default", nil},
		{"indent", []Option{Indent("", "  ")}},
		{"all", []Option{Indent(">", "\t"), SortKeys(), EnsureASCII(), EscapeHTML(false), AllowNaN()}},
	} {
		dumpTo := func() {
			e := NewEncoder(io.Discard, c.opts...)
			dumpOrder(e, &v)
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if n := testing.AllocsPerRun(100, dumpTo); n != 0 {
			t.Errorf("%s: DumpTo: %v allocations", c.name, n)
		}
		if n := testing.AllocsPerRun(100, func() {
			e := NewEncoder(nil, c.opts...)
			dumpOrder(e, &v)
			e.Bytes()
		}); n != 1 {
			t.Errorf("%s: Bytes: %v allocations, want 1", c.name, n)
		}
		if n := testing.AllocsPerRun(100, func() {
			e := NewEncoder(nil, c.opts...)
			dumpOrder(e, &v)
			e.MustString()
		}); n != 1 {
			t.Errorf("%s: MustString: %v allocations, want 1", c.name, n)
		}
	}
	dumpV := func() {
		e := NewEncoder(io.Discard)
		dumpOrder(e, &v)
		e.Close()
	}
	// Integer keys of 100 and more cost one string for all their names the
	// first time, none when the same names were made before (nameBlob).
	v.Counts = map[int]int{100: 1, -5: 2, 7: 3}
	if n := testing.AllocsPerRun(100, dumpV); n != 0 {
		t.Errorf("large int keys again: %v allocations, want 0", n)
	}
	// Many keys, which a map gives in a new order each time: the names
	// are made in the keys' order (sortNumbers), so they are found again.
	v.Counts = map[int]int{}
	for i := range 2000 {
		v.Counts[1000+7*i-5000] = i
	}
	if n := testing.AllocsPerRun(100, dumpV); n != 0 {
		t.Errorf("2000 int keys again: %v allocations, want 0", n)
	}
	// Keys no run made before, this test's earlier runs under -count
	// included: the pooled Encoders keep the names they made.
	allocsRuns++
	var maps []map[int]int
	for i := range 101 {
		maps = append(maps, map[int]int{1000*allocsRuns + i: 1, -5: 2, 7: 3})
	}
	if n := testing.AllocsPerRun(100, func() {
		v.Counts, maps = maps[0], maps[1:]
		dumpV()
	}); n != 1 {
		t.Errorf("new large int keys: %v allocations, want 1", n)
	}
}

// jsonOrder is order as encoding/json sees it.
type jsonOrder struct {
	ID     int64           `json:"id"`
	Name   string          `json:"name"`
	Price  float64         `json:"price"`
	Tags   []string        `json:"tags"`
	Attrs  map[string]int  `json:"attrs"`
	Counts map[int]int     `json:"counts"`
	When   time.Time       `json:"when"`
	Raw    json.RawMessage `json:"raw"`
	Extra  any             `json:"extra"`
}

func TestOrderMatchesEncodingJSON(t *testing.T) {
	want, _ := json.Marshal(jsonOrder(testOrder))
	v := testOrder
	got, err := dump(func(e *Encoder) { dumpOrder(e, &v) })
	if got != string(want) || err != nil {
		t.Errorf("%v %s", err, diff(got, string(want)))
	}
}

// TestLargeInMemoryAllocs checks that a value whose output is several
// chunks, in memory, allocates only its result once the pooled Encoder has
// its chunks: keepChunks is counted in chunk capacity, so a chunk must not
// be much larger than the output it holds.
func TestLargeInMemoryAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool is not deterministic under the race detector")
	}
	// A collection empties sync.Pool, and the first Put after it allocates
	// the pool's per-P slots: with results of megabytes, collections would
	// come during the runs and count here.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	s := strings.Repeat("x", 98)
	n := 6 << 20 / (len(s) + 3) // about 6 MiB of output, under keepChunks
	encode := func(e *Encoder) {
		e.OpenArray()
		for range n {
			e.Elem()
			e.String(s)
		}
		e.CloseArray()
	}
	for _, c := range []struct {
		name   string
		result func(*Encoder)
	}{
		{"Bytes", func(e *Encoder) { e.Bytes() }},
		{"MustString", func(e *Encoder) { e.MustString() }},
	} {
		run := func() {
			e := NewEncoder(nil)
			encode(e)
			c.result(e)
		}
		run() // the pooled Encoder gets its chunks
		if got := testing.AllocsPerRun(3, run); got != 1 {
			t.Errorf("%s of %.1f MiB: %v allocations, want 1", c.name, float64(n*(len(s)+3))/(1<<20), got)
		}
	}
}

package dumpimpl

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"
)

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "abc", "<&>", "\u2028\u2029", "\xff\xfe", "é😀", "\x00\x1f\x7f", `"\`, "\xed\xa0\x80", "a\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkString(t, s) })
}

func FuzzFloat64(f *testing.F) {
	for _, v := range float64Edges {
		f.Add(math.Float64bits(v))
	}
	f.Add(math.Float64bits(math.NaN()))
	f.Fuzz(func(t *testing.T, bits uint64) {
		v := math.Float64frombits(bits)
		got, err := dump(func(e *Encoder) { e.Float64(v) })
		want, jerr := json.Marshal(v)
		if (err != nil) != (jerr != nil) || err == nil && got != string(want) {
			t.Fatalf("Float64(%v): %s, %v; encoding/json: %s, %v", v, got, err, want, jerr)
		}
	})
}

func FuzzFloat32(f *testing.F) {
	for _, v := range float32Edges {
		f.Add(math.Float32bits(v))
	}
	f.Fuzz(func(t *testing.T, bits uint32) {
		v := math.Float32frombits(bits)
		got, err := dump(func(e *Encoder) { e.Float32(v) })
		want, jerr := json.Marshal(v)
		if (err != nil) != (jerr != nil) || err == nil && got != string(want) {
			t.Fatalf("Float32(%v): %s, %v; encoding/json: %s, %v", v, got, err, want, jerr)
		}
	})
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"", "0", "-1.5e+3", "01", "1.", "abc", "1e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := dump(func(e *Encoder) { e.Number(s) })
		want, jerr := json.Marshal(json.Number(s))
		if (err != nil) != (jerr != nil) || err == nil && got != string(want) {
			t.Fatalf("Number(%q): %s, %v; encoding/json: %s, %v", s, got, err, want, jerr)
		}
	})
}

func FuzzTime(f *testing.F) {
	f.Add(int64(0), int64(0), 0)
	f.Add(int64(253402300799), int64(999999999), 3600)
	f.Add(int64(-62135596800), int64(1), -60)
	f.Fuzz(func(t *testing.T, sec, nsec int64, offset int) {
		tm := time.Unix(sec, nsec).In(time.FixedZone("", offset))
		got, err := dump(func(e *Encoder) { e.Time(tm) })
		want, jerr := tm.MarshalJSON()
		if (err != nil) != (jerr != nil) || err == nil && got != string(want) {
			t.Fatalf("Time(%v): %s, %v; MarshalJSON: %s, %v", tm, got, err, want, jerr)
		}
	})
}

// FuzzRaw compares raw JSON with encoding/json where it has the option, and
// checks the others by their meaning: valid JSON, the same data once
// decoded, ASCII only under EnsureASCII, the compact output once indentation
// is removed.
func FuzzRaw(f *testing.F) {
	for _, s := range []string{
		`null`, ` {"b" : [1, 2.5e3, "x"], "a": {"\u00e9": true}} `, `[]`, `"\ud800"`, `{"a":1,"a":2}`,
		"\"\xff<\u2028\"", `[1,]`, `{"a"}`, `01`, `"\u12"`, "\"\x7f\"", `{"\/":"\ud83d\ude00"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkRaw(t, string(doc))
		if !json.Valid(doc) {
			return
		}
		compact, _ := dump(func(e *Encoder) { e.RawMessage(doc) }, SortKeys(), EnsureASCII())
		for _, opts := range [][]Option{
			{SortKeys()}, {EnsureASCII()}, {SortKeys(), EnsureASCII()}, {SortKeys(), EnsureASCII(), Indent("", "\t")},
		} {
			got, err := dump(func(e *Encoder) { e.RawMessage(doc) }, opts...)
			if err != nil || !json.Valid([]byte(got)) {
				t.Fatalf("%q with %v: %q, %v", doc, opts, got, err)
			}
			if !reflect.DeepEqual(decodeNumbers(t, []byte(got)), decodeNumbers(t, doc)) {
				t.Fatalf("%q with %v: %q decodes differently", doc, opts, got)
			}
			if opts[len(opts)-1].kind == optIndent {
				var b bytes.Buffer
				json.Compact(&b, []byte(got))
				if b.String() != compact {
					t.Fatalf("%q: indented %q is not %q", doc, got, compact)
				}
			}
			if opts[0].kind == optEnsureASCII && !isASCII(got) || len(opts) > 1 && !isASCII(got) {
				t.Fatalf("%q EnsureASCII: %q", doc, got)
			}
		}
	})
}

func decodeNumbers(t *testing.T, b []byte) any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return v
}

// FuzzAny decodes a document into an any and compares Any with
// encoding/json under every option encoding/json has.
func FuzzAny(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,{"b":null}],"<":"\u2028"}`, `[[],{},""]`, `"x"`, `{"z":{"y":[true,false]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		var v any
		if json.Unmarshal(doc, &v) != nil {
			return
		}
		checkAny(t, v)
	})
}

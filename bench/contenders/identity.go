package contenders

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/jsondump/jsondump/bench/internal/corpus"
)

// Diff describes how an output differs from the reference output.
type Diff struct {
	Identical bool
	Offset    int      // first differing byte
	Want, Got string   // snippets around Offset
	Classes   []string // what explains the difference, when it can be told
	Err       error    // the contender failed
}

func (d Diff) String() string {
	if d.Err != nil {
		return "error: " + d.Err.Error()
	}
	if d.Identical {
		return "identical"
	}
	return fmt.Sprintf("differs at byte %d (%s): want …%s… got …%s…", d.Offset, strings.Join(d.Classes, ", "), d.Want, d.Got)
}

// Summary is Classes joined, or "identical".
func (d Diff) Summary() string {
	switch {
	case d.Err != nil:
		return "error"
	case d.Identical:
		return "identical"
	}
	return strings.Join(d.Classes, "; ")
}

// Class names.
const (
	ClassHTML       = "no HTML escaping"
	ClassLineSep    = "U+2028/U+2029 not escaped"
	ClassEscapes    = "other string escaping"
	ClassWhitespace = "whitespace/indentation"
	ClassKeyOrder   = "object key order (unsorted maps)"
	ClassFloat      = "number formatting"
	ClassContent    = "different content"
	ClassUTF8       = "invalid UTF-8 handling"
)

// Compare compares got with want (encoding/json's output in mode) and
// classifies the difference: whitespace (got is not laid out as
// encoding/json lays out its own tokens), fewer HTML or U+2028/U+2029
// escapes, other string escapes (same strings once decoded), number spelling,
// object key order, invalid UTF-8, and otherwise different content (with the
// first path where the decoded values differ).
func Compare(want, got []byte, mode Mode) Diff {
	if bytes.Equal(want, got) {
		return Diff{Identical: true}
	}
	d := Diff{Offset: firstDiff(want, got)}
	d.Want, d.Got = snippet(want, d.Offset), snippet(got, d.Offset)

	w, g := compact(want), compact(got)
	if !bytes.Equal(layout(g, mode), got) {
		d.Classes = append(d.Classes, ClassWhitespace)
	}
	if countAny(g, `\u003c`, `\u003e`, `\u0026`) < countAny(w, `\u003c`, `\u003e`, `\u0026`) {
		d.Classes = append(d.Classes, ClassHTML)
	}
	if countAny(g, `\u2028`, `\u2029`) < countAny(w, `\u2028`, `\u2029`) {
		d.Classes = append(d.Classes, ClassLineSep)
	}
	if !utf8Valid(g) || bytes.Count(g, []byte(`\ufffd`)) != bytes.Count(w, []byte(`\ufffd`)) {
		d.Classes = append(d.Classes, ClassUTF8)
	}
	w, g = unescapeLineSep(unescapeHTML(w)), unescapeLineSep(unescapeHTML(g))
	if bytes.Equal(w, g) {
		if len(d.Classes) == 0 {
			d.Classes = append(d.Classes, ClassEscapes)
		}
		return d
	}
	var vw, vg any
	errW, errG := json.Unmarshal(w, &vw), json.Unmarshal(g, &vg)
	if errW != nil || errG != nil {
		d.Classes = append(d.Classes, ClassContent+" (invalid JSON)")
		return d
	}
	if !reflect.DeepEqual(vw, vg) {
		d.Classes = append(d.Classes, ClassContent+" (first at "+FirstValueDiff("", vw, vg)+")")
		return d
	}
	// Same values with float64 numbers; now with numbers as written.
	if !reflect.DeepEqual(useNumber(w), useNumber(g)) {
		d.Classes = append(d.Classes, ClassFloat)
	}
	tw, tg := tokens(w), tokens(g)
	switch {
	case reflect.DeepEqual(tw, tg):
		if !hasClass(d.Classes, ClassFloat) {
			d.Classes = append(d.Classes, ClassEscapes)
		}
	case equalIgnoringNumbers(tw, tg):
	default:
		d.Classes = append(d.Classes, ClassKeyOrder)
	}
	return d
}

// layout is compact JSON laid out as encoding/json lays out mode.
func layout(c []byte, mode Mode) []byte {
	if mode != Indent {
		return c
	}
	var out bytes.Buffer
	if err := json.Indent(&out, c, "", "  "); err != nil {
		return c
	}
	return out.Bytes()
}

func countAny(b []byte, subs ...string) int {
	n := 0
	for _, s := range subs {
		n += bytes.Count(b, []byte(s))
	}
	return n
}

// FirstValueDiff names the first path where two decoded JSON values differ.
func FirstValueDiff(path string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return path + ": object vs " + jsonString(b)
		}
		keys := make([]string, 0, len(a))
		for k := range a {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			bv, ok := bm[k]
			if !ok {
				return path + "." + k + ": missing"
			}
			if !reflect.DeepEqual(a[k], bv) {
				return FirstValueDiff(path+"."+k, a[k], bv)
			}
		}
		for k := range bm {
			if _, ok := a[k]; !ok {
				return path + "." + k + ": extra " + jsonString(bm[k])
			}
		}
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			return path + ": " + jsonString(a) + " vs " + jsonString(b)
		}
		for i := range a {
			if !reflect.DeepEqual(a[i], bs[i]) {
				return FirstValueDiff(fmt.Sprintf("%s[%d]", path, i), a[i], bs[i])
			}
		}
	}
	return path + ": " + jsonString(a) + " vs " + jsonString(b)
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		b = append(b[:60], "…"...)
	}
	return string(b)
}

func hasClass(cs []string, c string) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func firstDiff(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func snippet(b []byte, off int) string {
	lo, hi := max(0, off-30), min(len(b), off+50)
	s := fmt.Sprintf("%q", b[lo:hi])
	return s[1 : len(s)-1]
}

func compact(b []byte) []byte {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return b
	}
	return out.Bytes()
}

var htmlEscapes = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")

func unescapeHTML(b []byte) []byte { return []byte(htmlEscapes.Replace(string(b))) }

var lineSepEscapes = strings.NewReplacer(`\u2028`, "\u2028", `\u2029`, "\u2029")

func unescapeLineSep(b []byte) []byte { return []byte(lineSepEscapes.Replace(string(b))) }

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "\x00") == string(b) }

func useNumber(b []byte) any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err.Error()
	}
	return v
}

// tokens returns the token stream, strings decoded and numbers as written.
func tokens(b []byte) []any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out []any
	for {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		out = append(out, t)
	}
}

func equalIgnoringNumbers(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		na, ok1 := a[i].(json.Number)
		nb, ok2 := b[i].(json.Number)
		if ok1 && ok2 {
			fa, _ := na.Float64()
			fb, _ := nb.Float64()
			if fa == fb {
				continue
			}
			return false
		}
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// IdentityRow is one contender's output compared with encoding/json's.
type IdentityRow struct {
	C    *Contender
	Diff Diff
	Size int
}

// Value is what Identity needs of a decoded dataset.
type Value = corpus.Value

// Identity runs every contender except the reference and the floor once on
// the value in mode and compares its output with encoding/json's.
func Identity(val *Value, mode Mode) []IdentityRow {
	var ref *Contender
	cs := All()
	for _, c := range cs {
		if c.Name == Reference {
			ref = c
		}
	}
	want, err := ref.Bind(val, mode)(true)
	if err != nil {
		panic(err)
	}
	want = bytes.Clone(want)
	var rows []IdentityRow
	for _, c := range cs {
		if c == ref || c.Name == "floor" {
			continue
		}
		run := c.Bind(val, mode)
		if run == nil {
			continue
		}
		got, err := run(true)
		if err != nil {
			rows = append(rows, IdentityRow{C: c, Diff: Diff{Err: err}})
			continue
		}
		rows = append(rows, IdentityRow{C: c, Diff: Compare(want, got, mode), Size: len(got)})
	}
	return rows
}

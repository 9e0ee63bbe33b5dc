// The Python reference for the options named after json.dumps keywords
// (SortKeys, EnsureASCII, Indent, AllowNaN), and a Go re-implementation of it
// (Reformat) cheap enough for fuzzing, itself checked against Python by the
// root tests.
//
// The reference is python3's json.dumps(json.loads(doc), ...) on doc, the
// compact output of jsondump (which equals encoding/json's). Where Python and
// encoding/json differ for reasons that are not the option under test, the
// comparison says so rather than hiding it:
//
//   - Numbers keep their bytes: Python would rewrite 1.50 as 1.5 and -0 as 0
//     (float repr), while jsondump keeps encoding/json's number formatting and
//     the bytes of numbers inside raw JSON. The bridge hands Python every
//     number as an opaque literal and puts it back unchanged.
//   - Escaping conventions of encoding/json: Python never escapes <, > and &
//     and leaves U+2028 and U+2029 raw without ensure_ascii; Spelling maps
//     Python's output to encoding/json's. Those characters occur only inside
//     strings, so the mapping is exact.
//   - Python cannot tell a U+FFFD that was invalid UTF-8 in Go (which
//     encoding/json writes as the escape \ufffd) from a real one (written raw),
//     nor an escape kept as it was in raw JSON (encoding/json's compact and
//     indent keep "\u00e9" as it is) from a character: PythonSafe takes those
//     out of values compared without ensure_ascii. EnsureASCII keeps escapes
//     too (it changes only non-ASCII runes and DEL), so a MarshalJSON that
//     escapes <, > and & itself writes \u003c where Python, which decodes,
//     writes <: ASCIISafe takes those characters out of such strings for
//     comparisons under ensure_ascii.
//   - Map keys are sorted as encoding/json sorts them, on the Go string; with
//     invalid UTF-8 that order is not the order of the keys Python reads (and
//     two keys can even read the same): ValidKeys makes them valid UTF-8.
package difftest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/jsondump/jsondump/runtime"
)

// PyOptions are the keywords of one json.dumps call.
type PyOptions struct {
	Indent      *string // nil: compact, separators=(',', ':'); else indent=*Indent
	SortKeys    bool
	EnsureASCII bool
	AllowNaN    bool
}

// Runtime returns the jsondump options that should write what Python
// writes with o, escaping HTML as encoding/json does when html is set.
func (o PyOptions) Runtime(html bool) []runtime.Option {
	opts := []runtime.Option{runtime.EscapeHTML(html)}
	if o.Indent != nil {
		opts = append(opts, runtime.Indent("", *o.Indent))
	}
	if o.SortKeys {
		opts = append(opts, runtime.SortKeys())
	}
	if o.EnsureASCII {
		opts = append(opts, runtime.EnsureASCII())
	}
	if o.AllowNaN {
		opts = append(opts, runtime.AllowNaN())
	}
	return opts
}

func (o PyOptions) String() string {
	s := "separators=(',', ':')"
	if o.Indent != nil {
		s = fmt.Sprintf("indent=%q", *o.Indent)
	}
	return fmt.Sprintf("%s, sort_keys=%v, ensure_ascii=%v, allow_nan=%v", s, o.SortKeys, o.EnsureASCII, o.AllowNaN)
}

// PyOptionSets is every combination of indent (none, "", "  ", "\t"),
// sort_keys and ensure_ascii, with allow_nan as given.
func PyOptionSets(allowNaN bool) []PyOptions {
	var sets []PyOptions
	for _, ind := range []*string{nil, ptr(""), ptr("  "), ptr("\t")} {
		for _, sk := range []bool{false, true} {
			for _, ea := range []bool{false, true} {
				sets = append(sets, PyOptions{Indent: ind, SortKeys: sk, EnsureASCII: ea, AllowNaN: allowNaN})
			}
		}
	}
	return sets
}

func ptr[T any](v T) *T { return &v }

// ErrNoPython is returned by Python when python3 is not installed.
var ErrNoPython = errors.New("python3 not installed")

const pythonScript = `import json, re, sys
req = json.load(sys.stdin)
mark = lambda s: "\ue000jsondump:" + s + "\ue001"
unmark = re.compile(r'"(?:\ue000|\\ue000)jsondump:([-+.0-9eE]+)(?:\ue001|\\ue001)"')
vals = [json.loads(d, parse_int=mark, parse_float=mark) for d in req["docs"]]
out = []
for o in req["sets"]:
    kw = dict(sort_keys=o["SortKeys"], ensure_ascii=o["EnsureASCII"], allow_nan=o["AllowNaN"])
    if o["Indent"] is None:
        kw["separators"] = (",", ":")
    else:
        kw["indent"] = o["Indent"]
    out.append([unmark.sub(r"\1", json.dumps(v, **kw)) for v in vals])
json.dump(out, sys.stdout)
`

// Python runs json.dumps(json.loads(doc), **set) in one python3 process for
// every doc and every set, number literals kept as they are (see the file
// comment): out[i][j] is sets[i] applied to docs[j], in Python's spelling
// (see Spelling).
func Python(docs []string, sets []PyOptions) ([][]string, error) {
	if _, err := exec.LookPath("python3"); err != nil {
		return nil, ErrNoPython
	}
	in, err := json.Marshal(map[string]any{"docs": docs, "sets": sets})
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("python3", "-c", pythonScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("python3: %v\n%s", err, stderr.Bytes())
	}
	var res [][]string
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, err
	}
	if len(res) != len(sets) {
		return nil, fmt.Errorf("python3 returned %d result sets for %d option sets", len(res), len(sets))
	}
	for i := range res {
		if len(res[i]) != len(docs) {
			return nil, fmt.Errorf("python3 returned %d results for %d documents", len(res[i]), len(docs))
		}
	}
	return res, nil
}

// Spelling rewrites Python's output in encoding/json's escaping conventions:
// U+2028 and U+2029 escaped, and <, > and & too when html is set. Outside
// strings JSON has none of these characters, so the rewrite is exact.
func Spelling(py string, html bool) string {
	pairs := []string{"\u2028", `\u2028`, "\u2029", `\u2029`}
	if html {
		pairs = append(pairs, "<", `\u003c`, ">", `\u003e`, "&", `\u0026`)
	}
	return strings.NewReplacer(pairs...).Replace(py)
}

// ValidKeys replaces invalid UTF-8 in every string map key reachable from
// ptr with U+FFFD, in place.
func ValidKeys(ptr any) { walk(reflect.ValueOf(ptr), safeKeys) }

// ASCIISafe is ValidKeys, and also takes <, > and & out of the strings of
// string types with a MarshalJSON: for comparisons with Python under
// ensure_ascii, where the escapes such a MarshalJSON writes are kept.
func ASCIISafe(ptr any) { walk(reflect.ValueOf(ptr), safeMarshalers) }

// PythonSafe is ValidKeys, and also makes every string valid UTF-8, writes
// every json.RawMessage in the spelling Python would give it, and takes <, >
// and & out of the strings of string types with a MarshalJSON (whose own
// escapes jsondump keeps as encoding/json does): for comparisons with Python
// without ensure_ascii.
func PythonSafe(ptr any) { walk(reflect.ValueOf(ptr), safeAll) }

// safety is how much walk changes: map keys always; then the strings of
// string types with a MarshalJSON; then every string and RawMessage.
type safety int

const (
	safeKeys safety = iota
	safeMarshalers
	safeAll
)

var marshalerType = reflect.TypeFor[json.Marshaler]()

func walk(v reflect.Value, all safety) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), all)
		}
	case reflect.Interface:
		if !v.IsNil() {
			v.Set(walkCopy(v.Elem(), all))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walk(v.Field(i), all)
			}
		}
	case reflect.Slice:
		if all == safeAll && v.Type() == rawMessageType {
			if !v.IsNil() && v.CanSet() {
				v.SetBytes(pythonRaw(v.Bytes()))
			}
			return
		}
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), all)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			val := v.MapIndex(k)
			if k.Kind() == reflect.String && !utf8.ValidString(k.String()) {
				nk := reflect.New(k.Type()).Elem()
				nk.SetString(strings.ToValidUTF8(k.String(), "\uFFFD"))
				v.SetMapIndex(k, reflect.Value{})
				k = nk
			}
			v.SetMapIndex(k, walkCopy(val, all))
		}
	case reflect.String:
		if all > safeKeys && v.CanSet() {
			v.SetString(safeString(v, all))
		}
	}
}

// walkCopy walks a settable copy of v, which may not be settable itself,
// and returns it.
func walkCopy(v reflect.Value, all safety) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	walk(c, all)
	return c
}

func safeString(v reflect.Value, all safety) string {
	s := v.String()
	if all == safeAll {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if v.Type().Implements(marshalerType) || reflect.PointerTo(v.Type()).Implements(marshalerType) {
		s = strings.NewReplacer("<", "", ">", "", "&", "").Replace(s)
	}
	return s
}

// pythonRaw re-spells raw JSON as Python writes it without ensure_ascii
// (non-ASCII raw, no HTML escapes), but for U+2028 and U+2029, escaped as
// both write them then. Numbers keep their bytes; invalid raw JSON is kept.
func pythonRaw(b []byte) []byte {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return b
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return b
	}
	return []byte(strings.NewReplacer("\u2028", `\u2028`, "\u2029", `\u2029`).Replace(strings.TrimSuffix(out.String(), "\n")))
}

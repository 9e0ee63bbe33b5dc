package dumpimpl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// rawM is a Marshaler that returns its own bytes.
type rawM []byte

func (m rawM) MarshalJSON() ([]byte, error) { return m, nil }

// jsonEncoder is the reference for the options encoding/json has: a
// json.Encoder without its newline, then json.Indent as json.MarshalIndent
// applies it when indent is set.
func jsonEncoder(v any, html, indent bool, prefix, indStr string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(html)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if !indent {
		return string(out), nil
	}
	var ind bytes.Buffer
	err := json.Indent(&ind, out, prefix, indStr)
	return ind.String(), err
}

// messy writes v as valid JSON in a random spelling: whitespace between
// tokens, and, when escapes is set, strings with needless escapes in either
// case of hex, "\/", surrogate pairs.
type messy struct {
	r       *rand.Rand
	b       strings.Builder
	escapes bool
}

func (m *messy) space() {
	for range m.r.IntN(3) {
		m.b.WriteByte(" \t\n\r"[m.r.IntN(4)])
	}
}

func (m *messy) value(v any) {
	m.space()
	switch v := v.(type) {
	case map[string]any:
		m.b.WriteByte('{')
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		m.r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		for i, k := range keys {
			if i > 0 {
				m.b.WriteByte(',')
			}
			m.space()
			m.string(k)
			m.space()
			m.b.WriteByte(':')
			m.value(v[k])
		}
		m.space()
		m.b.WriteByte('}')
	case []any:
		m.b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				m.b.WriteByte(',')
			}
			m.value(x)
		}
		m.space()
		m.b.WriteByte(']')
	case string:
		m.string(v)
	default:
		b, _ := json.Marshal(v)
		m.b.Write(b)
	}
	m.space()
}

func (m *messy) string(s string) {
	if !m.escapes {
		b, _ := jsonNoHTML(s)
		m.b.WriteString(b)
		return
	}
	hexes := []string{"%04x", "%04X"}
	m.b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+n]
		i += n
		switch {
		case r == '"' || r == '\\' || r < 0x20 || m.r.IntN(4) == 0:
			if r == '/' && m.r.IntN(2) == 0 {
				m.b.WriteString(`\/`)
				continue
			}
			if r > 0xFFFF {
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(&m.b, `\u`+hexes[m.r.IntN(2)]+`\u`+hexes[m.r.IntN(2)], r1, r2)
				continue
			}
			fmt.Fprintf(&m.b, `\u`+hexes[m.r.IntN(2)], r)
		default:
			m.b.WriteString(raw) // invalid UTF-8 stays invalid
		}
	}
	m.b.WriteByte('"')
}

func messyJSON(r *rand.Rand, v any, escapes bool) string {
	m := messy{r: r, escapes: escapes}
	m.value(v)
	return m.b.String()
}

// checkRaw compares Marshaler output handling with encoding/json's, under
// every option encoding/json has.
func checkRaw(t *testing.T, doc string) {
	t.Helper()
	for _, c := range []struct {
		html           bool
		indent         bool
		prefix, indStr string
	}{
		{html: true}, {html: false}, {html: true, indent: true, prefix: "", indStr: "  "},
		{html: false, indent: true, prefix: "//", indStr: "\t"}, {html: true, indent: true},
	} {
		opts := []Option{EscapeHTML(c.html)}
		if c.indent {
			opts = append(opts, Indent(c.prefix, c.indStr))
		}
		want, jerr := jsonEncoder(rawM(doc), c.html, c.indent, c.prefix, c.indStr)
		got, err := dump(func(e *Encoder) { e.Marshaler(rawM(doc)) }, opts...)
		if jerr != nil {
			if err == nil || err.(*Error).Err.Error() != jerr.Error() {
				t.Fatalf("Marshaler(%q) %+v: error %v, encoding/json says %v", doc, c, err, jerr)
			}
			continue
		}
		if got != want || err != nil {
			t.Fatalf("Marshaler(%q) %+v: %v %s", doc, c, err, diff(got, want))
		}
		if got2, _ := dump(func(e *Encoder) { e.RawMessage([]byte(doc)) }, opts...); got2 != got {
			t.Fatalf("RawMessage(%q) differs from Marshaler: %s", doc, diff(got2, got))
		}
	}
}

func TestRawTable(t *testing.T) {
	for _, doc := range []string{
		`null`, ` true `, "\tfalse\n", `0`, `-0.5e+10`, `1E-7`, `""`, `"a\/b\u00E9\ud83d\ude00"`,
		`{}`, `[]`, `{ }`, `[ ]`, ` { "a" : [ 1 , { } , [ ] , "x" ] , "b" : { "c" : null } } `,
		`[[[[]]],{"":{"":{}}}]`, `"<&>"`, "\"\u2028\u2029\"", "\"\xff\xfe\"", `{"<":">"}`, "\"\x7f\"",
		`{"z":1,"a":2,"m":[3,{"y":4,"b":5}]}`,
		// invalid
		``, ` `, `nul`, `[1,]`, `{"a":1,}`, `{"a"}`, `{a:1}`, `[1 2]`, `01`, `1.`, `.1`, `-`, `"\x"`, `"\u12"`,
		"\"a\x00\"", "\"\n\"", `"abc`, `[`, `]`, `{"a":1}}`, `1 2`, `truee`, `tru`, `[1]x`, `{"a" 1}`, `NaN`, `'a'`,
	} {
		checkRaw(t, doc)
	}
	// Nesting: encoding/json accepts 10000 levels and no more. (Not
	// indented: that would be 100 MB of indentation.)
	for _, n := range []int{10000, 10001} {
		for _, doc := range []string{
			strings.Repeat("[", n) + strings.Repeat("]", n),
			strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n),
		} {
			want, jerr := json.Marshal(rawM(doc))
			got, err := dump(func(e *Encoder) { e.Marshaler(rawM(doc)) }, SortKeys())
			if jerr != nil && (err == nil || err.(*Error).Err.Error() != jerr.Error()) ||
				jerr == nil && (got != string(want) || err != nil) {
				t.Errorf("depth %d: got %.20s..., %v; encoding/json: %.20s..., %v", n, got, err, want, jerr)
			}
		}
	}
}

func TestRawDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	str := func() string {
		return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
	}
	for range 3000 {
		doc := messyJSON(r, randValue(r, 4, str), r.IntN(2) == 0)
		checkRaw(t, doc)
		// A random byte changed, removed or added: mostly invalid.
		b := []byte(doc)
		i := r.IntN(len(b) + 1)
		switch r.IntN(3) {
		case 0:
			if i < len(b) {
				const tokens = `{}[],:"\ 0-1eE.tfn`
				b[i] = tokens[r.IntN(len(tokens))]
			}
		case 1:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		default:
			b = append(b[:i], append([]byte{byte(r.Uint32())}, b[i:]...)...)
		}
		checkRaw(t, string(b))
	}
}

func TestRawErrors(t *testing.T) {
	_, err := dump(func(e *Encoder) { e.Marshaler(rawM(`{"a":}`)) })
	var me *MarshalerError
	var se *json.SyntaxError
	if !errors.As(err, &me) || !errors.As(err, &se) || me.Type != v2Type("dumpimpl.rawM") || me.Func != "MarshalJSON" {
		t.Errorf("error %#v", err)
	}
	_, err = dump(func(e *Encoder) { e.RawMessage([]byte{}) })
	if _, jerr := json.Marshal(json.RawMessage{}); err == nil || err.(*Error).Err.Error() != jerr.Error() {
		t.Errorf("empty RawMessage: %v, encoding/json says %v", err, jerr)
	}
	if got, err := dump(func(e *Encoder) { e.RawMessage(nil) }); got != "null" || err != nil {
		t.Errorf("nil RawMessage: %s, %v", got, err)
	}
}

// TestRawPython compares SortKeys and EnsureASCII inside raw JSON with
// Python's json.dumps on the same data.
func TestRawPython(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	type combo struct {
		kwargs string
		opts   []Option
		ascii  bool // Python escapes: any strings (TestEnsureASCIIKeepsEscapes has other spellings)
	}
	combos := []combo{
		{`sort_keys=True, ensure_ascii=False, separators=(',', ':')`, []Option{SortKeys()}, false},
		{`ensure_ascii=True, separators=(',', ':')`, []Option{EnsureASCII()}, true},
		{`sort_keys=True, ensure_ascii=True, separators=(',', ':')`, []Option{SortKeys(), EnsureASCII()}, true},
		{`sort_keys=True, ensure_ascii=True, indent=2`, []Option{SortKeys(), EnsureASCII(), Indent("", "  ")}, true},
		{`sort_keys=True, ensure_ascii=False, indent='\t'`, []Option{Indent("", "\t"), SortKeys()}, false},
	}
	for _, c := range combos {
		var docs []string
		for range 800 {
			str := func() string {
				if c.ascii {
					return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces)
				}
				return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces)
			}
			// Strings spelled as encoding/json spells them, which Python
			// spells so too: EnsureASCII keeps the escapes it finds.
			docs = append(docs, messyJSON(r, randValue(r, 4, str), false))
		}
		want := python(t, c.kwargs, docs)
		for i, doc := range docs {
			opts := append([]Option{EscapeHTML(false)}, c.opts...)
			got, err := dump(func(e *Encoder) { e.RawMessage([]byte(doc)) }, opts...)
			if got != want[i] || err != nil {
				t.Fatalf("%s: RawMessage(%q): %v %s", c.kwargs, doc, err, diff(got, want[i]))
			}
		}
	}
}

// TestRawSortStable: duplicate keys keep their order under SortKeys, and
// keys sort by their decoded bytes, not their spelling.
func TestRawSortStable(t *testing.T) {
	doc := `{"b":1,"a":2,"b":3,"\u0061":4,"\u00e9":5,"z":6,"é":7}`
	want := `{"a":2,"\u0061":4,"b":1,"b":3,"z":6,"\u00e9":5,"é":7}`
	if got, _ := dump(func(e *Encoder) { e.RawMessage([]byte(doc)) }, SortKeys()); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestEnsureASCIIKeepsEscapes checks raw JSON and Marshaler output, with
// escapes spelled every way JSON allows and invalid UTF-8, under every
// other option, against the definition of EnsureASCII: the output without
// it, with every non-ASCII rune and DEL written as \uXXXX and nothing else
// changed.
func TestEnsureASCIIKeepsEscapes(t *testing.T) {
	// The case: a Marshaler's escape of < is not decoded.
	if got, _ := dump(func(e *Encoder) { e.Marshaler(rawM(`"\u003c"`)) }, EscapeHTML(false), EnsureASCII()); got != `"\u003c"` {
		t.Errorf(`Marshaler "\u003c" under EscapeHTML(false), EnsureASCII: got %s`, got)
	}
	r := rand.New(rand.NewPCG(41, 42))
	str := func() string {
		return randString(r, 6, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
	}
	for range 400 {
		doc := messyJSON(r, randValue(r, 4, str), true)
		for _, base := range [][]Option{
			nil, {EscapeHTML(false)}, {SortKeys()}, {EscapeHTML(false), SortKeys(), Indent(">", "\t")}, {Indent("", " ")},
		} {
			without, err := dump(func(e *Encoder) { e.Marshaler(rawM(doc)) }, base...)
			if err != nil {
				t.Fatalf("%q: %v", doc, err)
			}
			want := asciiReference(without)
			got, err := dump(func(e *Encoder) { e.Marshaler(rawM(doc)) }, append(base, EnsureASCII())...)
			if got != want || err != nil {
				t.Fatalf("Marshaler(%q) %v, EnsureASCII: %v %s", doc, base, err, diff(got, want))
			}
		}
	}
}

// asciiReference is EnsureASCII's definition applied to s: every non-ASCII
// rune (U+FFFD for a byte of invalid UTF-8) and DEL as \uXXXX, lower-case,
// a surrogate pair above U+FFFF.
func asciiReference(s string) string {
	var b strings.Builder
	for _, r := range s { // invalid bytes range as U+FFFD
		switch {
		case r < 0x7f:
			b.WriteRune(r)
		case r > 0xFFFF:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

package dumpimpl

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestStringTable(t *testing.T) {
	for _, c := range []struct {
		in, want, noHTML, ascii string
	}{
		{"", `""`, `""`, `""`},
		{"plain", `"plain"`, `"plain"`, `"plain"`},
		{"q\"b\\s/", `"q\"b\\s/"`, `"q\"b\\s/"`, `"q\"b\\s/"`},
		{"\b\f\n\r\t", `"\b\f\n\r\t"`, `"\b\f\n\r\t"`, `"\b\f\n\r\t"`},
		{"\x00\x01\x0b\x1f", `"\u0000\u0001\u000b\u001f"`, `"\u0000\u0001\u000b\u001f"`, `"\u0000\u0001\u000b\u001f"`},
		{"\x7f", "\"\x7f\"", "\"\x7f\"", `"\u007f"`},
		{"<a&b>", `"\u003ca\u0026b\u003e"`, `"<a&b>"`, `"\u003ca\u0026b\u003e"`},
		{"\u2028\u2029", `"\u2028\u2029"`, `"\u2028\u2029"`, `"\u2028\u2029"`},
		{"é中", `"é中"`, `"é中"`, `"\u00e9\u4e2d"`},
		{"😀", `"😀"`, `"😀"`, `"\ud83d\ude00"`},
		{"\U0010FFFF\U00010000", "\"\U0010FFFF\U00010000\"", "\"\U0010FFFF\U00010000\"", `"\udbff\udfff\ud800\udc00"`},
		{"\xff", `"\ufffd"`, `"\ufffd"`, `"\ufffd"`},
		{"a\xe2\x80b", `"a\ufffd\ufffdb"`, `"a\ufffd\ufffdb"`, `"a\ufffd\ufffdb"`},
		{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`, `"\ufffd\ufffd\ufffd"`, `"\ufffd\ufffd\ufffd"`},
		{"\uFFFD", "\"\uFFFD\"", "\"\uFFFD\"", `"\ufffd"`},
		{"ab\xc3", `"ab\ufffd"`, `"ab\ufffd"`, `"ab\ufffd"`},
	} {
		for _, o := range []struct {
			opts []Option
			want string
		}{
			{nil, v2(c.want)},
			{[]Option{EscapeHTML(false)}, v2(c.noHTML)},
			{[]Option{EnsureASCII()}, c.ascii},
		} {
			got, err := dump(func(e *Encoder) { e.String(c.in) }, o.opts...)
			if err != nil || got != o.want {
				t.Errorf("String(%q) with %d options = %s, %v; want %s", c.in, len(o.opts), got, err, o.want)
			}
		}
	}
}

// TestStringDifferential compares String with encoding/json on random
// strings made of every kind of piece, invalid UTF-8 included.
func TestStringDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := randString(r, 20, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
		checkString(t, s)
	}
	// Every byte, alone and between clean runs.
	for b := range 256 {
		checkString(t, string([]byte{byte(b)}))
		checkString(t, "abc"+string([]byte{byte(b)})+"déf")
	}
	// Long clean runs around an escape.
	checkString(t, strings.Repeat("x", 1000)+"\n"+strings.Repeat("é", 500)+"<")
	// Every kind of byte at every place of a short string: those of up to
	// 32 bytes are looked at in two to four words, or in one made of three
	// of their bytes.
	for n := 1; n <= 33; n++ {
		for at := range n {
			for _, b := range []byte{'"', '\\', 0, 0x1f, '<', '>', '&', 0x7f, 0x80, 0xc3, 0xe2, 0xff} {
				checkString(t, strings.Repeat("x", at)+string([]byte{b})+strings.Repeat("y", n-at-1))
			}
		}
	}
	// Every byte at every place of a word and of the tail, after every
	// clean or escaped byte: the escaper finds bytes from words' masks,
	// where a byte that needs escaping may flag the byte above it.
	for _, before := range []string{"a", "\"", "\x01", "<", "é", "\xff"} {
		for n := range 18 {
			for _, b := range []byte{'a', '"', '\\', 0, 0x1f, '<', '>', '&', 0x7f, 0x80, 0xc3, 0xe2, 0xff} {
				pad := strings.Repeat("x", n)
				checkString(t, pad+before+string([]byte{b})+"yz")
				checkString(t, pad+before+string([]byte{b}))
			}
		}
	}
}

func checkString(t *testing.T, s string) {
	t.Helper()
	want := mustJSON(t, s)
	if got, _ := dump(func(e *Encoder) { e.String(s) }); got != want {
		t.Fatalf("String(%q): %s", s, diff(got, want))
	}
	want, _ = jsonNoHTML(s)
	if got, _ := dump(func(e *Encoder) { e.String(s) }, EscapeHTML(false)); got != want {
		t.Fatalf("String(%q) EscapeHTML(false): %s", s, diff(got, want))
	}
	// EnsureASCII: ASCII only, and the same string once decoded.
	got, _ := dump(func(e *Encoder) { e.String(s) }, EnsureASCII())
	var back, ref string
	json.Unmarshal([]byte(mustJSON(t, s)), &ref)
	if err := json.Unmarshal([]byte(got), &back); err != nil || !isASCII(got) || back != ref {
		t.Fatalf("String(%q) EnsureASCII = %s (%v)", s, got, err)
	}
}

// TestStringEnsureASCIIPython compares EnsureASCII with Python's
// ensure_ascii on random strings (valid UTF-8 or not: Python sees the
// string as encoding/json wrote it, with U+FFFD for invalid bytes).
func TestStringEnsureASCIIPython(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var ins, docs []string
	for range 3000 {
		s := randString(r, 20, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
		ins = append(ins, s)
		docs = append(docs, mustJSON(t, s))
	}
	want := python(t, "ensure_ascii=True", docs)
	for i, s := range ins {
		got, _ := dump(func(e *Encoder) { e.String(s) }, EnsureASCII(), EscapeHTML(false))
		if got != want[i] {
			t.Fatalf("String(%q) EnsureASCII: %s", s, diff(got, want[i]))
		}
	}
}

func TestKeyString(t *testing.T) {
	m := map[string]int{"<k>": 1, "é": 2, "\x00\u2028": 3, "\xff": 4}
	emit := func(e *Encoder) {
		e.OpenObject()
		for _, k := range StringKeys(e, m) {
			e.KeyString(k.Name)
			e.Int(int64(m[k.Key]))
		}
		e.CloseObject()
	}
	if got, _ := dump(emit); got != mustJSON(t, m) {
		t.Errorf("got %s, want %s", got, mustJSON(t, m))
	}
	want, _ := jsonNoHTML(m)
	if got, _ := dump(emit, EscapeHTML(false)); got != want {
		t.Errorf("EscapeHTML(false): got %s, want %s", got, want)
	}
	want = `{"\u0000\u2028":3,"\u003ck\u003e":1,"\u00e9":2,"\ufffd":4}`
	if got, _ := dump(emit, EnsureASCII()); got != want {
		t.Errorf("EnsureASCII: got %s, want %s", got, want)
	}
}

func TestQuotedString(t *testing.T) {
	type S struct {
		V string `json:"v,string"`
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		s := randString(r, 10, asciiPieces, unicodePieces, specialPieces, htmlPieces, goOnlyPieces, invalidPieces)
		for _, html := range []bool{true, false} {
			var want string
			if html {
				want = mustJSON(t, S{s})
			} else {
				want, _ = jsonNoHTML(S{s})
			}
			got, _ := dump(func(e *Encoder) {
				e.OpenObject()
				e.Key(`,"v":`)
				e.QuotedString(s)
				e.CloseObject()
			}, EscapeHTML(html))
			if got != want {
				t.Fatalf("QuotedString(%q) html=%v: %s", s, html, diff(got, want))
			}
		}
	}
}

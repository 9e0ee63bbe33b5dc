// Test helpers: running an encode, the references it is compared with
// (encoding/json and python3), and random values for differential tests.

package dumpimpl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

// dump runs f on a fresh in-memory Encoder with opts.
func dump(f func(e *Encoder), opts ...Option) (string, error) {
	e := NewEncoder(nil, opts...)
	f(e)
	b, err := e.Bytes()
	return string(b), err
}

// dumpAny is dump of e.Any(v).
func dumpAny(v any, opts ...Option) (string, error) {
	return dump(func(e *Encoder) { e.Any(v) }, opts...)
}

// jsonNoHTML is the reference for EscapeHTML(false): a json.Encoder with
// SetEscapeHTML(false), without its newline.
func jsonNoHTML(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n"), err
}

// mustJSON is json.Marshal that fails the test on error.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// python runs json.dumps(json.loads(doc), **kwargs) in one python3 process
// for every doc, kwargs being Python source such as
// "sort_keys=True, separators=(',', ':')".
func python(t testing.TB, kwargs string, docs []string) []string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	script := `import json, sys
docs = json.load(sys.stdin)
json.dump([json.dumps(json.loads(d), ` + kwargs + `) for d in docs], sys.stdout)`
	in, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.Bytes())
	}
	var res []string
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != len(docs) {
		t.Fatalf("python3 returned %d results for %d documents", len(res), len(docs))
	}
	return res
}

// Pieces of strings that exercise every branch of the escaper.
var (
	asciiPieces = []string{"a", "Z", "0", " ", "hello", "~", "{", "}", "[", "]", ":", ",", "/"}
	// Safe for Python comparisons without ensure_ascii: what Python and Go
	// write the same way.
	unicodePieces = []string{"é", "ß", "€", "中文", "😀", "\U00010000", "\U0010FFFF", "\uFFFD", "\u00A0", "\uFEFF", "\u0800"}
	specialPieces = []string{"\"", "\\", "\b", "\f", "\n", "\r", "\t", "\x00", "\x01", "\x1f", "\x7f"}
	htmlPieces    = []string{"<", ">", "&"}
	// Go and Python differ on these unless ensure_ascii (Python keeps them
	// raw, Go escapes or replaces them).
	goOnlyPieces  = []string{"\u2028", "\u2029"}
	invalidPieces = []string{"\xff", "\xc0", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc3", "\x80", "\xe2\x28\xa1"}
)

// randString concatenates up to n random pieces from sets.
func randString(r *rand.Rand, n int, sets ...[]string) string {
	var b strings.Builder
	for range r.IntN(n + 1) {
		set := sets[r.IntN(len(sets))]
		b.WriteString(set[r.IntN(len(set))])
	}
	return b.String()
}

// randValue returns a value of the kinds json.Unmarshal puts into an any,
// with strings from str and integral numbers (Python writes other floats
// differently).
func randValue(r *rand.Rand, depth int, str func() string) any {
	k := r.IntN(10)
	if depth <= 0 {
		k = r.IntN(5)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return float64(r.IntN(2000) - 1000)
	case 3, 4:
		return str()
	case 5, 6, 7:
		m := map[string]any{}
		for range r.IntN(5) {
			m[str()] = randValue(r, depth-1, str)
		}
		return m
	default:
		s := []any{}
		for range r.IntN(5) {
			s = append(s, randValue(r, depth-1, str))
		}
		return s
	}
}

// diff reports the first difference of got and want, with context.
func diff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-40)
	return fmt.Sprintf("differ at byte %d:\n got: %q\nwant: %q", i, got[lo:min(len(got), i+40)], want[lo:min(len(want), i+40)])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

package dumpimpl

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONv2 holds the JSONv2 constant, chosen by build constraint, to the
// encoding/json it is compiled with: only encoding/json on encoding/json/v2
// writes invalid UTF-8 as U+FFFD itself, and names *T in a MarshalerError
// for a method of T.
func TestJSONv2(t *testing.T) {
	b, err := json.Marshal("\xff")
	if err != nil {
		t.Fatal(err)
	}
	if v2 := string(b) == "\"\uFFFD\""; v2 != JSONv2 {
		t.Errorf("JSONv2 = %v, but encoding/json writes %q for \"\\xff\"", JSONv2, b)
	}
	_, err = json.Marshal(failM{})
	if v2 := strings.Contains(err.Error(), "*dumpimpl.failM"); v2 != JSONv2 {
		t.Errorf("JSONv2 = %v, but encoding/json says %v", JSONv2, err)
	}
}

// v2 is a want of a table written for Go 1.26's encoding/json, made right
// for the one this test is compiled with: under JSONv2 invalid UTF-8 is
// U+FFFD itself, not `\ufffd` (but for EnsureASCII, which escapes it again).
func v2(want string) string {
	if JSONv2 {
		return strings.ReplaceAll(want, `\ufffd`, "\uFFFD")
	}
	return want
}

// v2Type is a MarshalerError's type for a method of t: *t under JSONv2.
func v2Type(t string) string {
	if JSONv2 && !strings.HasPrefix(t, "*") {
		return "*" + t
	}
	return t
}

// labelKey is a string kind with a method of a text marshaler: v2 sorts
// such map keys by their names as written (invalid UTF-8 as U+FFFD), Go
// 1.26 by the Go strings; both write the string itself. (Go 1.26's
// experimental v2, GOEXPERIMENT=jsonv2, calls MarshalText instead: this one
// returns the string, so that it writes the same.)
type labelKey string

func (k labelKey) MarshalText() ([]byte, error) { return []byte(k), nil }

// TestMethodKeyOrder: keys that sort differently before and after invalid
// UTF-8 becomes U+FFFD (0xFF sorts after the 0xF0 of U+1F600, U+FFFD before),
// against encoding/json, through StringKeys as generated code calls it.
func TestMethodKeyOrder(t *testing.T) {
	m := map[labelKey]int{"\xff": 1, "\u2028": 2, "a": 3, "😀": 4}
	ms := map[myString]int{"\xff": 1, "\u2028": 2, "a": 3, "😀": 4}
	for _, c := range []struct {
		name string
		f    func(e *Encoder)
		m    any
	}{
		{"method key", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[labelKey] { return StringKeys(e, m) }, m, func(v int) { e.Int(int64(v)) })
		}, m},
		{"plain key", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[myString] { return StringKeys(e, ms) }, ms, func(v int) { e.Int(int64(v)) })
		}, ms},
	} {
		got, err := dump(c.f)
		if want := mustJSON(t, c.m); got != want || err != nil {
			t.Errorf("%s: %v %s", c.name, err, diff(got, want))
		}
	}
}

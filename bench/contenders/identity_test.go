package contenders

import (
	"strings"
	"testing"
)

func TestCompareClasses(t *testing.T) {
	for _, tc := range []struct {
		name      string
		want, got string
		mode      Mode
		classes   []string
	}{
		{"identical", `{"a":1}`, `{"a":1}`, Compact, nil},
		{"html", `{"a":"\u003cb\u003e \u0026"}`, `{"a":"<b> &"}`, Compact, []string{ClassHTML}},
		{"linesep", `{"a":"x\u2028"}`, "{\"a\":\"x\u2028\"}", Compact, []string{ClassLineSep}},
		{"escapes", `{"a":"\u00e9"}`, `{"a":"é"}`, Compact, []string{ClassEscapes}},
		{"order", `{"a":1,"b":2}`, `{"b":2,"a":1}`, Compact, []string{ClassKeyOrder}},
		{"float", `{"a":1e+21}`, `{"a":1E21}`, Compact, []string{ClassFloat}},
		{"content", `{"a":[]}`, `{"a":null}`, Compact, []string{ClassContent}},
		{"whitespace", "{\n  \"a\": {}\n}", "{\n  \"a\": {\n  }\n}", Indent, []string{ClassWhitespace}},
		{"indent ok, order", "{\n  \"a\": 1,\n  \"b\": 2\n}", "{\n  \"b\": 2,\n  \"a\": 1\n}", Indent, []string{ClassKeyOrder}},
		{"html and order", `{"a":"<","b":2}`, `{"b":2,"a":"<"}`, Compact, []string{ClassKeyOrder}},
		{"html and order 2", `{"a":"\u003c","b":2}`, `{"b":2,"a":"<"}`, Compact, []string{ClassHTML, ClassKeyOrder}},
	} {
		d := Compare([]byte(tc.want), []byte(tc.got), tc.mode)
		if d.Identical != (tc.classes == nil) {
			t.Errorf("%s: identical = %v", tc.name, d.Identical)
			continue
		}
		if len(d.Classes) != len(tc.classes) {
			t.Errorf("%s: classes %q, want %q", tc.name, d.Classes, tc.classes)
			continue
		}
		for i := range tc.classes {
			if !strings.HasPrefix(d.Classes[i], tc.classes[i]) {
				t.Errorf("%s: classes %q, want %q", tc.name, d.Classes, tc.classes)
			}
		}
	}
}

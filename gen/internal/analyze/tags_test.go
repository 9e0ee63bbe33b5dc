package analyze

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

// tagCases are struct tags (the text between the quotes of `json:"..."`)
// that Go 1.26's encoding/json and the one on encoding/json/v2 read alike
// or not, each with both readings.
var tagCases = []struct {
	tag    string
	v1, v2 tagOptions
}{
	{"name", tagOptions{name: "name"}, tagOptions{name: "name"}},
	{"", tagOptions{}, tagOptions{}},
	{",omitempty", tagOptions{omitEmpty: true}, tagOptions{omitEmpty: true}},
	{"n,omitzero,string", tagOptions{name: "n", omitZero: true, quoted: true}, tagOptions{name: "n", omitZero: true, quoted: true}},
	{"-,", tagOptions{name: "-"}, tagOptions{name: "-"}},
	{"a b", tagOptions{name: "a b"}, tagOptions{name: "a b"}},
	{"<&>", tagOptions{name: "<&>"}, tagOptions{name: "<&>"}},
	{"héllo", tagOptions{name: "héllo"}, tagOptions{name: "héllo"}},
	// Names only v2 accepts: symbols, emoji, control characters, U+2028,
	// DEL, invalid UTF-8 (as U+FFFD).
	{"😀", tagOptions{}, tagOptions{name: "😀"}},
	{"a\tb", tagOptions{}, tagOptions{name: "a\tb"}},
	{"q\u2028", tagOptions{}, tagOptions{name: "q\u2028"}},
	{"x\x7f", tagOptions{}, tagOptions{name: "x\x7f"}},
	{"\xff", tagOptions{}, tagOptions{name: "\uFFFD"}},
	{"x=y~`", tagOptions{}, tagOptions{name: "x"}},
	{"€", tagOptions{}, tagOptions{name: "€"}},
	// A quote or backslash: v2 takes the identifier before it, v1 none.
	{`a"b`, tagOptions{}, tagOptions{name: "a"}},
	{`h\i,omitempty`, tagOptions{omitEmpty: true}, tagOptions{name: "h", omitEmpty: true}},
	{`1"b`, tagOptions{}, tagOptions{}},
	{"'quoted'", tagOptions{}, tagOptions{}},
	{"'-'", tagOptions{}, tagOptions{}},
	// Options: v2 reads identifiers, v1 whole comma-separated words.
	{",omitempty ", tagOptions{}, tagOptions{omitEmpty: true}},
	{"n, omitempty", tagOptions{name: "n"}, tagOptions{name: "n"}},
	{"n,omitEmpty", tagOptions{name: "n"}, tagOptions{name: "n"}},
	{"n,string;x", tagOptions{name: "n"}, tagOptions{name: "n", quoted: true}},
	{"n,case:ignore,omitempty", tagOptions{name: "n", omitEmpty: true}, tagOptions{name: "n", omitEmpty: true}},
	{"n,case,omitempty", tagOptions{name: "n", omitEmpty: true}, tagOptions{name: "n", omitEmpty: true}},
	{"n,omitempty,omitempty", tagOptions{name: "n", omitEmpty: true}, tagOptions{name: "n", omitEmpty: true}},
	{",embed", tagOptions{}, tagOptions{embed: true}},
	{",format:RFC3339", tagOptions{}, tagOptions{format: true}},
	{",format:'x,y',omitempty", tagOptions{omitEmpty: true}, tagOptions{format: true, omitEmpty: true}},
}

func TestTagReadings(t *testing.T) {
	for _, c := range tagCases {
		if got := tagV1(c.tag); got != c.v1 {
			t.Errorf("tagV1(%q) = %+v, want %+v", c.tag, got, c.v1)
		}
		if got := tagV2(c.tag); got != c.v2 {
			t.Errorf("tagV2(%q) = %+v, want %+v", c.tag, got, c.v2)
		}
	}
}

// TestTagsMatchEncodingJSON checks the reading of each tag (tagV1 or tagV2,
// as dumpimpl.JSONv2 says) against the encoding/json this test is built
// with: the key of an int field F with that tag, whether its zero is left
// out, and whether 1 is quoted.
func TestTagsMatchEncodingJSON(t *testing.T) {
	for _, c := range tagCases {
		want := c.v1
		if dumpimpl.JSONv2 {
			want = c.v2
		}
		if want.embed || want.format {
			continue // not an int field's business; see TestPromotion
		}
		typ := reflect.StructOf([]reflect.StructField{{
			Name: "F", Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`json:"` + strings.ReplaceAll(c.tag, `"`, `\"`) + `"`),
		}})
		// reflect.StructTag.Get unquotes the tag as a Go string: the
		// backslash of `h\i` must be doubled to reach encoding/json.
		if strings.Contains(c.tag, `\`) {
			typ = reflect.StructOf([]reflect.StructField{{
				Name: "F", Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`json:"` + strings.ReplaceAll(c.tag, `\`, `\\`) + `"`),
			}})
		}
		v := reflect.New(typ)
		zero, err := json.Marshal(v.Interface())
		if err != nil {
			t.Fatal(err)
		}
		v.Elem().Field(0).SetInt(1)
		one, err := json.Marshal(v.Interface())
		if err != nil {
			t.Fatal(err)
		}
		name := want.name
		if name == "" {
			name = "F"
		}
		key, _ := keyLiteral(name)
		value := "1"
		if want.quoted {
			value = `"1"`
		}
		if got, w := string(one), "{"+key+value+"}"; got != w {
			t.Errorf("tag %q: encoding/json writes %s, the reading %+v gives %s", c.tag, got, want, w)
		}
		if omitted := string(zero) == "{}"; omitted != (want.omitEmpty || want.omitZero) {
			t.Errorf("tag %q: encoding/json writes %s for 0, the reading is %+v", c.tag, zero, want)
		}
	}
}

package jsondump_test

// The corners of the options, through generated code, each with the output
// written out: what Python's json.dumps writes for the option, and
// encoding/json for the rest (invalid UTF-8 is U+FFFD per bad byte, as
// encoding/json writes it). Where Go 1.26's encoding/json and the one on
// encoding/json/v2 (Go 1.27) differ, the case has both (see byJSON).

import (
	"encoding/json"
	"testing"

	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/config"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
	"github.com/jsondump/jsondump/runtime"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

func TestOptionCorners(t *testing.T) {
	ascii := []runtime.Option{runtime.EnsureASCII()}
	noHTML := []runtime.Option{runtime.EscapeHTML(false)}
	indent := []runtime.Option{runtime.Indent("", "  ")}
	sorted := []runtime.Option{runtime.SortKeys()}
	name := func(s string) *api.Category { return &api.Category{Name: s} }
	attrs := func(v any) *api.Category { return &api.Category{Name: "n", Attrs: v} }
	for _, c := range []struct {
		name string
		v    difftest.Dumper
		opts []runtime.Option
		want string
	}{
		// Runes above U+FFFF: a surrogate pair, lower-case hex.
		{"astral", name("😀\U0010FFFF"), ascii, `{"name":"\ud83d\ude00\udbff\udfff"}`},
		{"astral raw", name("😀"), nil, `{"name":"😀"}`},
		{"BMP", name("café ключ \uFFFD"), ascii, `{"name":"caf\u00e9 \u043a\u043b\u044e\u0447 \ufffd"}`},
		// Invalid UTF-8, a UTF-8-encoded lone surrogate among it, is U+FFFD
		// per byte, as encoding/json writes it.
		{"lone surrogate", name("a\xed\xa0\x80b"), ascii, `{"name":"a\ufffd\ufffd\ufffdb"}`},
		{"lone surrogate, no option", name("a\xed\xa0\x80b"), nil, byJSON(`{"name":"a\ufffd\ufffd\ufffdb"}`, "{\"name\":\"a\uFFFD\uFFFD\uFFFDb\"}")},
		{"invalid UTF-8", name("\xff\xc3(\xe2\x80"), ascii, `{"name":"\ufffd\ufffd(\ufffd\ufffd"}`},
		{"truncated astral", name("\xf0\x9f\x98"), ascii, `{"name":"\ufffd\ufffd\ufffd"}`},
		// U+2028 and U+2029 are always escaped, as encoding/json does.
		{"U+2028", name("\u2028\u2029"), nil, `{"name":"\u2028\u2029"}`},
		{"U+2028 ascii", name("\u2028\u2029"), ascii, `{"name":"\u2028\u2029"}`},
		{"U+2028 no HTML", name("\u2028\u2029"), noHTML, `{"name":"\u2028\u2029"}`},
		// DEL: raw but under EnsureASCII (Python escapes it).
		{"DEL", name("\x7f"), nil, "{\"name\":\"\x7f\"}"},
		{"DEL ascii", name("\x7f"), ascii, `{"name":"\u007f"}`},
		{"controls ascii", name("\x00\x1f\b\f\n\r\t\"\\/"), ascii, `{"name":"\u0000\u001f\b\f\n\r\t\"\\/"}`},
		{"HTML ascii", name("<&>"), ascii, `{"name":"\u003c\u0026\u003e"}`},
		{"HTML ascii no HTML", name("<&>é"), append(ascii, noHTML...), `{"name":"<&>\u00e9"}`},
		// Keys are escaped under the options too.
		{"field keys ascii", &config.Config{HTML: "<", Unicode: "é"}, ascii, `{"name":"","port":"0","Ratio":"0","-":"",` +
			`"` + quotedKey + `":"","a\u003cb\u003e\u0026c":"\u003c","\u043a\u043b\u044e\u0447":"\u00e9","mode":"","version":[0,0,0],"features":null,"defaults":{"key":"","value":0}}`},
		{"map keys ascii", attrs(map[string]any{"é😀": 1, "\x7f": 2}), ascii, `{"name":"n","attrs":{"\u007f":2,"\u00e9\ud83d\ude00":1}}`},
		// Raw JSON and Marshaler output: escapes kept as they are, as
		// encoding/json keeps them, and under EnsureASCII too, which
		// changes non-ASCII runes and DEL only.
		{"raw escapes ascii", attrs(json.RawMessage(`["\u00E9","é","\ud83d\ude00","😀","\u007F","\/","\u003c","\u0041"]`)), append(ascii, noHTML...),
			`{"name":"n","attrs":["\u00E9","\u00e9","\ud83d\ude00","\ud83d\ude00","\u007F","\/","\u003c","\u0041"]}`},
		{"raw escapes kept", attrs(json.RawMessage(`["\u00E9","é","\/"]`)), nil, `{"name":"n","attrs":["\u00E9","é","\/"]}`},
		{"raw lone surrogate ascii", attrs(json.RawMessage(`"\ud800x"`)), ascii, `{"name":"n","attrs":"\ud800x"}`},
		{"Marshaler ascii", attrs(looseJSON{}), ascii, `{"name":"n","attrs":{"b":[1,2],"a":"\u003cx\u003e"}}`},
		// Empty containers stay [] and {} under Indent, nested too.
		{"empty under indent", &events.Batch{Records: []events.Record{}}, indent, "{\n  \"records\": [],\n  \"dropped\": 0,\n  \"final\": false\n}"},
		{"nested empty objects", attrs(map[string]any{"a": map[string]any{"b": map[string]any{}}, "c": []any{map[string]any{}, []any{}}}), indent,
			"{\n  \"name\": \"n\",\n  \"attrs\": {\n    \"a\": {\n      \"b\": {}\n    },\n    \"c\": [\n      {},\n      []\n    ]\n  }\n}"},
		{"empty raw under indent", attrs(json.RawMessage(` { } `)), indent, "{\n  \"name\": \"n\",\n  \"attrs\": {}\n}"},
		{"empty map field", &events.Record{Host: map[string]string{}}, append(indent, sorted...),
			"{\n  \"duration_ns\": 0,\n  \"host\": {},\n  \"latency_ms\": 0,\n  \"level\": \"INFO\",\n  \"msg\": \"\",\n  \"time\": \"0001-01-01T00:00:00Z\"\n}"},
		// SortKeys: struct fields (by key, not Go name), map keys, raw JSON
		// and Marshaler output, at every depth.
		{"sort everything", attrs(map[string]any{
			"b": json.RawMessage(`{"z":1,"y":{"d":1,"c":[{"f":0,"e":0}]}}`),
			"a": looseJSON{},
			"B": []any{map[string]any{"y": 1, "x": 2}},
		}), sorted, `{"attrs":{"B":[{"x":2,"y":1}],"a":{"a":"\u003cx\u003e","b":[1,2]},"b":{"y":{"c":[{"e":0,"f":0}],"d":1},"z":1}},"name":"n"}`},
		{"sort generated struct fields", &api.UserResponse{Meta: api.Meta{Version: 1}, Errors: []api.APIError{{}}}, sorted,
			`{"data":{"id":0,"name":"","score":0,"tags":null},"errors":[{"Code":0,"Message":""}],"request_id":"","version":1}`},
		{"sort keys with HTML and non-ASCII", &config.Config{HTML: "<", Unicode: "é"}, append(sorted, noHTML...),
			byJSON(`{"-":"","Quoted":"","Ratio":"0","a<b>&c":"<","defaults":{"key":"","value":0},"features":null,"mode":"","name":"","port":"0","version":[0,0,0],"ключ":"é"}`,
				`{"-":"","Ratio":"0","a<b>&c":"<","defaults":{"key":"","value":0},"features":null,"mode":"","name":"","port":"0","say":"","version":[0,0,0],"ключ":"é"}`)},
		// ",string" under EnsureASCII: the outer string is escaped, the
		// value it holds is the same text as without the option.
		{"string option ascii", &config.Config{Ptr: ptrTo("é\x7f<")}, ascii, `{"name":"","port":"0","Ratio":"0","-":"",` +
			`"` + quotedKey + `":"","a\u003cb\u003e\u0026c":"","\u043a\u043b\u044e\u0447":"","ptr":"\"\u00e9\u007f\\u003c\"","mode":"","version":[0,0,0],"features":null,"defaults":{"key":"","value":0}}`},
	} {
		got := difftest.Dumps(c.v, c.opts...)
		if got.Err != nil || string(got.JSON) != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, c.want)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }

// byJSON is v1 under Go 1.26's encoding/json and v2 under the one on
// encoding/json/v2 (dumpimpl.JSONv2, which dumpimpl's TestJSONv2 holds to
// encoding/json's behaviour).
func byJSON(v1, v2 string) string {
	if dumpimpl.JSONv2 {
		return v2
	}
	return v1
}

// quotedKey is the key of config.Config's field tagged `json:"say \"hi\""`:
// Go 1.26 rejects the name and takes the Go name; v2 takes "say".
var quotedKey = byJSON("Quoted", "say")

package dumpimpl

import (
	"encoding/json"
	"strings"
	"testing"
)

// gnode stands for a generated type with an interface field.
type gnode struct {
	Name string
	Kids any
}

func (n *gnode) DumpJSON(e *Encoder) {
	if n == nil {
		e.Null()
		return
	}
	e.OpenObject()
	e.Key(`,"Name":`)
	e.String(n.Name)
	e.Key(`,"Kids":`)
	if e.Any(n.Kids); e.Failed() {
		e.AtField("Kids")
		return
	}
	e.CloseObject()
}

func (n gnode) MarshalJSON() ([]byte, error) {
	e := NewEncoder(nil)
	n.DumpJSON(e)
	return e.Bytes()
}

// TestFallbackGenerated: containers of generated types in interfaces are
// written by the Encoder, with its options, and cycles through them end in
// an error.
func TestFallbackGenerated(t *testing.T) {
	leaf := &gnode{Name: "<leaf>"}
	for _, c := range []struct {
		kids any
		want string
	}{
		{[]*gnode{leaf, nil}, `[{"Name":"<leaf>","Kids":null},null]`},
		{[]gnode{*leaf}, `[{"Name":"<leaf>","Kids":null}]`},
		{[1]gnode{*leaf}, `[{"Name":"<leaf>","Kids":null}]`},
		{map[string]*gnode{"b": leaf, "a": nil}, `{"a":null,"b":{"Name":"<leaf>","Kids":null}}`},
		{map[string]gnode{"x": *leaf}, `{"x":{"Name":"<leaf>","Kids":null}}`},
		{[]*gnode(nil), `null`},
	} {
		root := &gnode{Name: "root", Kids: c.kids}
		want := `{"Name":"root","Kids":` + c.want + `}`
		got, err := dump(func(e *Encoder) { root.DumpJSON(e) }, EscapeHTML(false))
		if got != strings.ReplaceAll(want, `\u003c`, "<") || err != nil {
			t.Errorf("%T: got %s, %v; want %s", c.kids, got, err, want)
		}
		if b, _ := json.Marshal(root); string(b) != strings.ReplaceAll(strings.ReplaceAll(want, "<", `\u003c`), ">", `\u003e`) {
			t.Errorf("%T: encoding/json gives %s", c.kids, b)
		}
	}
	for name, cycle := range map[string]func(n *gnode){
		"slice":   func(n *gnode) { n.Kids = []*gnode{n} },
		"map":     func(n *gnode) { n.Kids = map[string]*gnode{"self": n} },
		"array":   func(n *gnode) { n.Kids = [1]*gnode{n} },
		"pointer": func(n *gnode) { n.Kids = n },
	} {
		n := &gnode{Name: "loop"}
		cycle(n)
		_, err := dump(func(e *Encoder) { n.DumpJSON(e) })
		if err == nil || !strings.Contains(err.Error(), "cycle") {
			t.Errorf("%s: error %.100v", name, err)
		}
	}
}

// Named map[string]any and []any types, as frameworks declare them (gin.H,
// echo.Map).
type (
	hMap  map[string]any
	aList []any
	// mMap has a MarshalJSON, which must be called, not bypassed.
	mMap map[string]any
)

func (mMap) MarshalJSON() ([]byte, error) { return []byte(`"mMap"`), nil }

// TestFallbackNamedAnyContainers: named map[string]any and []any types are
// written as the unnamed types are, so their values take generated code
// (plainGen's DumpJSON writes "generated", which encoding/json would not),
// with the options and the cycle check.
func TestFallbackNamedAnyContainers(t *testing.T) {
	for _, c := range []struct {
		v, unnamed any
		want       string
	}{
		{hMap{"b": plainGen{1}, "a": &plainGen{2}, "c": nil}, map[string]any{"b": plainGen{1}, "a": &plainGen{2}, "c": nil},
			`{"a":"generated","b":"generated","c":null}`},
		{aList{1, plainGen{}, aList{"<x>"}}, []any{1, plainGen{}, []any{"<x>"}}, `[1,"generated",["\u003cx\u003e"]]`},
		{hMap{"l": aList{hMap{}}}, map[string]any{"l": []any{map[string]any{}}}, `{"l":[{}]}`},
		{hMap(nil), map[string]any(nil), `null`},
		{aList(nil), []any(nil), `null`},
		{aList{}, []any{}, `[]`},
		{mMap{"a": 1}, nil, `"mMap"`},
	} {
		got, err := dumpAny(c.v)
		if got != c.want || err != nil {
			t.Errorf("%#v: got %s, %v; want %s", c.v, got, err, c.want)
		}
		if c.unnamed == nil {
			continue
		}
		for _, opts := range [][]Option{{Indent(">", "\t")}, {SortKeys(), EscapeHTML(false)}} {
			got, err := dumpAny(c.v, opts...)
			want, werr := dumpAny(c.unnamed, opts...)
			if got != want || err != nil || werr != nil {
				t.Errorf("%#v with %v: got %s, %v; the unnamed type gives %s, %v", c.v, opts, got, err, want, werr)
			}
		}
	}
	// Without generated values inside, encoding/json's bytes.
	v := hMap{"z": aList{1.5, "a&b", true, nil}, "a": hMap{"k": []byte("hi")}}
	want, _ := json.Marshal(v)
	if got, err := dumpAny(v); got != string(want) || err != nil {
		t.Errorf("got %s, %v; encoding/json gives %s", got, err, want)
	}
	loop := hMap{}
	loop["self"] = loop
	if _, err := dumpAny(loop); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("a map that holds itself: error %.100v", err)
	}
	list := aList{nil}
	list[0] = list
	if _, err := dumpAny(list); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("a slice that holds itself: error %.100v", err)
	}
}

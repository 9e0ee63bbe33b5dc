package runtime

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

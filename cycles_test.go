package jsondump_test

// Reference cycles through generated code: a value that reaches itself
// through a pointer, a slice, a map or an interface is an error that says
// "cycle" and where, never a stack overflow or a hang; deep acyclic nesting
// still encodes as encoding/json encodes it.

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/internal/difftest"
	mapi "github.com/jsondump/jsondump/internal/mirror/api"
	"github.com/jsondump/jsondump/runtime"
)

func TestCycles(t *testing.T) {
	for _, c := range []struct {
		name     string
		make     func() *api.Category
		pathHead string // the start of the error's path
	}{
		{"pointer", func() *api.Category {
			c := &api.Category{Name: "root"}
			c.Parent = c
			return c
		}, ".Parent.Parent"},
		{"pointer, two steps", func() *api.Category {
			a, b := &api.Category{Name: "a"}, &api.Category{Name: "b"}
			a.Parent, b.Parent = b, a
			return a
		}, ".Parent.Parent"},
		{"slice", func() *api.Category {
			c := &api.Category{Name: "root", Children: make([]api.Category, 2)}
			c.Children[1].Children = c.Children
			return c
		}, ".Children[1].Children[1]"},
		{"map", func() *api.Category {
			m := map[string]api.Category{}
			m["fr"] = api.Category{Name: "fr", Locales: m}
			return &api.Category{Name: "root", Locales: m}
		}, `.Locales["fr"].Locales["fr"]`},
		{"map and pointer", func() *api.Category {
			c := &api.Category{Name: "root"}
			c.Locales = map[string]api.Category{"de": {Name: "de", Parent: c}}
			return c
		}, `.Locales["de"].Parent.Locales["de"]`},
		{"any: pointer", func() *api.Category {
			c := &api.Category{Name: "root"}
			c.Attrs = c
			return c
		}, ".Attrs.Attrs"},
		{"any: slice of the type", func() *api.Category {
			s := []api.Category{{Name: "x"}}
			s[0].Attrs = s
			return &api.Category{Name: "root", Attrs: s}
		}, ".Attrs[0].Attrs[0]"},
		{"any: value of the type", func() *api.Category {
			s := []api.Category{{Name: "x"}}
			s[0].Attrs = api.Category{Name: "v", Children: s}
			return &s[0]
		}, ".Attrs.Children[0].Attrs"},
		{"any: map[string]any", func() *api.Category {
			m := map[string]any{}
			m["self"] = m
			return &api.Category{Name: "root", Attrs: m}
		}, `.Attrs["self"]["self"]`},
		{"any: []any", func() *api.Category {
			s := []any{nil}
			s[0] = s
			return &api.Category{Name: "root", Attrs: s}
		}, ".Attrs[0][0]"},
		{"any: map of pointers", func() *api.Category {
			c := &api.Category{Name: "root"}
			c.Attrs = map[string]*api.Category{"me": c}
			return c
		}, `.Attrs["me"].Attrs["me"]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := c.make()
			for what, err := range map[string]error{
				"DumpTo":       v.DumpTo(io.Discard),
				"DumpTo(opts)": v.DumpTo(io.Discard, runtime.Indent("", " "), runtime.SortKeys(), runtime.EnsureASCII()),
				"Marshal":      second(jsondump.Marshal(v)),
				"Encode":       jsondump.NewEncoder(io.Discard).Encode(v),
				"json.Marshal": second(json.Marshal(v)),
				"Dumps":        difftest.Dumps(v).Err,
			} {
				var re *runtime.Error
				var ue *json.UnsupportedValueError
				switch {
				case err == nil:
					t.Errorf("%s: no error", what)
				case !strings.Contains(err.Error(), "cycle"):
					t.Errorf("%s: %v, want an error that says cycle", what, err)
				case what == "json.Marshal":
					// encoding/json on its own, as before the type had
					// generated code: no path.
					if !errors.As(err, &ue) {
						t.Errorf("%s: %v, want a *json.UnsupportedValueError", what, err)
					}
				case !errors.As(err, &re) || !strings.HasPrefix(re.Path, c.pathHead) || !errors.As(err, &ue):
					t.Errorf("%s: %v, want a *runtime.Error at %s... wrapping a *json.UnsupportedValueError", what, err, c.pathHead)
				}
			}
		})
	}
}

func second[T any](_ T, err error) error { return err }

// TestDeepAcyclic: nesting far past the depth where the cycle check starts
// (1000) encodes, equal to encoding/json, through each kind of link.
func TestDeepAcyclic(t *testing.T) {
	const depth = 5000
	g, m := &api.Category{Name: "leaf"}, &mapi.Category{Name: "leaf"}
	for i := range depth {
		switch i % 4 {
		case 0:
			g, m = &api.Category{Name: "p", Parent: g}, &mapi.Category{Name: "p", Parent: m}
		case 1:
			g, m = &api.Category{Name: "s", Children: []api.Category{*g}}, &mapi.Category{Name: "s", Children: []mapi.Category{*m}}
		case 2:
			g, m = &api.Category{Name: "m", Locales: map[string]api.Category{"k": *g}}, &mapi.Category{Name: "m", Locales: map[string]mapi.Category{"k": *m}}
		case 3:
			g, m = &api.Category{Name: "a", Attrs: g}, &mapi.Category{Name: "a", Attrs: m}
		}
	}
	// The same value twice, side by side, is no cycle either.
	g = &api.Category{Name: "twins", Children: []api.Category{*g, *g}}
	m = &mapi.Category{Name: "twins", Children: []mapi.Category{*m, *m}}
	want := difftest.Marshal(m)
	if want.Err != nil {
		t.Fatal(want.Err)
	}
	for what, got := range map[string]difftest.Result{
		"Dumps":        difftest.Dumps(g),
		"DumpTo":       difftest.DumpTo(g),
		"json.Marshal": difftest.Marshal(g),
	} {
		if !difftest.Same(got, want) {
			t.Errorf("%s: %.200s..., want %.200s...", what, got, want)
		}
	}
	if got, want := difftest.Dumps(g, runtime.Indent("", "\t")), difftest.MarshalIndent(m, "", "\t"); !difftest.Same(got, want) {
		t.Errorf("Indent differs from json.MarshalIndent")
	}
}

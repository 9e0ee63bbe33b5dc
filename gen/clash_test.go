package gen_test

import (
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestNameClashes: names in the generated file that the package's own
// declarations would capture or collide with are errors at generation time,
// at the user's declaration, instead of a build that fails (or, for a
// shadowed len, code that silently drops data) after a successful run.
func TestNameClashes(t *testing.T) {
	for _, c := range []struct {
		name  string
		src   string
		types []string
		want  []string // substrings of the error; none: generation succeeds and builds
	}{
		{"len", `
type Outer struct {
	L []int ` + "`json:\"l,omitempty\"`" + `
}

func len(s []int) int { return 0 }
`, []string{"Outer"}, []string{"a.go:7:6: this len shadows Go's predeclared len"}},
		{"int64", `
type int64 int32

type Outer struct{ N int }
`, []string{"Outer"}, []string{"a.go:3:6: this int64 shadows Go's predeclared int64"}},
		{"helper", `
type Inner struct{ N int }

type Outer struct{ In Inner }

func _Inner_dump() {}
`, []string{"Outer"}, []string{"a.go:7:6: _Inner_dump is the name of the generated helper that encodes m.Inner"}},
		{"part of a helper", `
type Order struct {
	ID string ` + "`json:\"id\"`" + `
	Zone string ` + "`json:\"zone\"`" + `
	Name string ` + "`json:\"name\"`" + `
	Tags string ` + "`json:\"tags\"`" + `
	Attrs string ` + "`json:\"attrs\"`" + `
	Price string ` + "`json:\"price\"`" + `
	Ship string ` + "`json:\"ship\"`" + `
	Bill string ` + "`json:\"bill\"`" + `
	Active string ` + "`json:\"active\"`" + `
	Count string ` + "`json:\"count\"`" + `
}

func _Order_dump_Count() {}
`, []string{"Order"}, []string{"a.go:16:6: _Order_dump_Count is the name of the generated helper that encodes m.Order"}},
		{"two urls and a local example_com_m_y_url_URL", `
import (
	xurl "example.com/m/x/url"
	yurl "example.com/m/y/url"
)

type example_com_m_y_url_URL struct{ S string }

type Outer struct {
	A xurl.URL
	B yurl.URL
	C example_com_m_y_url_URL
}
`, []string{"Outer"}, []string{"would share the name _example_com_m_y_url_URL_dump"}},
		{"dispatch", `
type Outer struct{ N int }

var _Outer_dispatch = 1
`, []string{"Outer"}, []string{"a.go:5:5: _Outer_dispatch is the name of the generated file's dispatch function"}},
		{"value dispatch function", `
type Outer struct{ N int }

func _Outer_value() {}
`, []string{"Outer"}, []string{"a.go:5:6: _Outer_value is the name of the generated function that writes a value of Outer held in an interface"}},
		{"generic dispatch method", `
type Box[T any] struct{ V T }

func (b *Box[T]) _Box_pointer() {}
`, []string{"Box"}, []string{"a.go:5:18: type Box already has a field or method _Box_pointer, which jsondump generates"}},
		{"type parameter named like a local", `
type Box[x any] struct{ V x }

type Pair[K comparable, i1 any] struct{ M map[K]i1 }
`, []string{"Box", "Pair"}, []string{
			"a.go:3:6: type parameter x of Box: generated code uses that name",
			"a.go:5:6: type parameter i1 of Pair: generated code uses that name"}},
		{"type parameter", `
type Box[int64 any] struct{ N int }
`, []string{"Box"}, []string{"a.go:3:10: type parameter int64 of Box shadows Go's predeclared int64"}},
		// Harmless: an alias of the same type, and shadowed names that
		// the generated code does not use.
		{"harmless", `
type any = interface{}

func len() {}

type Outer struct {
	A any
	N int
}
`, []string{"Outer"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testmod.Write(t, map[string]string{
				"a.go":       "package m\n" + c.src,
				"x/url/u.go": "package url\n\ntype URL struct{ Host string }\n",
				"y/url/u.go": "package url\n\ntype URL struct{ Path string }\n",
			})
			_, err := gen.Generate(gen.Config{Dir: dir, Types: c.types})
			if c.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				generate(t, gen.Config{Dir: dir, Types: c.types})
				goVet(t, dir)
				return
			}
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nwant it to contain %q", err, w)
				}
			}
		})
	}
}

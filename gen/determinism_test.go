package gen_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestDeterministicOverATree: the order of -type names, the order of the
// package patterns, and map iteration inside the generator never change the
// bytes of any package's file (its name follows the first -type, as
// documented, so files are compared by package).
func TestDeterministicOverATree(t *testing.T) {
	files := map[string]string{}
	const pkgs = 5
	var names []string
	for p := range pkgs {
		var src strings.Builder
		fmt.Fprintf(&src, "package p%d\n\nimport (\n\t\"time\"\n\t\"net/url\"\n", p)
		if p > 0 {
			fmt.Fprintf(&src, "\n\t\"example.com/m/p%d\"\n", p-1)
		}
		src.WriteString(")\n\n")
		// Types reached but not selected (helpers), with maps and embedding.
		fmt.Fprintf(&src, "type Inner struct {\n\tM map[string][]int `json:\"m\"`\n\tU *url.URL\n\tWhen time.Time `json:\"when,omitzero\"`\n}\n\n")
		fmt.Fprintf(&src, "type Base struct {\n\tID int `json:\"id\"`\n\tName string `json:\"name,omitempty\"`\n}\n\n")
		for _, n := range []string{"Zeta", "Alpha", "Mid", "Beta", "Omega"} {
			fmt.Fprintf(&src, "type %s struct {\n\tBase\n\tIn Inner `json:\"in\"`\n\tBy map[int]Inner `json:\"by\"`\n\tAny any `json:\"any\"`\n", n)
			if p > 0 {
				fmt.Fprintf(&src, "\tPrev p%d.%s `json:\"prev\"`\n\tPrevInner *p%d.Inner\n", p-1, n, p-1)
			}
			src.WriteString("}\n\n")
			if p == 0 {
				names = append(names, n)
			}
		}
		files[fmt.Sprintf("p%d/p.go", p)] = src.String()
	}
	dir := testmod.Write(t, files)
	var patterns []string
	for p := range pkgs {
		patterns = append(patterns, fmt.Sprintf("./p%d", p))
	}

	byPkg := func(outs []gen.Output) map[string]string {
		m := map[string]string{}
		for _, o := range outs {
			m[filepath.Dir(o.Path)] = string(o.Content)
		}
		return m
	}
	want, err := gen.Generate(gen.Config{Dir: dir, Patterns: patterns, Types: names})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != pkgs {
		t.Fatalf("%d files, want %d", len(want), pkgs)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 4 {
		types := slices.Clone(names)
		rng.Shuffle(len(types), func(i, j int) { types[i], types[j] = types[j], types[i] })
		pats := slices.Clone(patterns)
		slices.Reverse(pats)
		if i == 3 {
			pats = []string{"./..."}
		}
		got, err := gen.Generate(gen.Config{Dir: dir, Patterns: pats, Types: types})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("-type=%s %s: %d files, want %d", strings.Join(types, ","), pats, len(got), len(want))
		}
		w, g := byPkg(want), byPkg(got)
		for d, src := range w {
			if g[d] != src {
				t.Errorf("-type=%s %s: %s differs", strings.Join(types, ","), pats, d)
			}
		}
		for _, o := range got {
			if base := filepath.Base(o.Path); base != strings.ToLower(types[0])+"_jsondump.go" {
				t.Errorf("file %s, want it named after the first -type, %s", base, types[0])
			}
		}
	}
}

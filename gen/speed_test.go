package gen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// writeTree writes a module of pkgs packages with types struct types each,
// every type marked //jsondump:json, and returns its directory.
func writeTree(b testing.TB, pkgs, types int) string {
	files := map[string]string{}
	for p := range pkgs {
		var src strings.Builder
		fmt.Fprintf(&src, "package p%d\n\nimport \"time\"\n\n", p)
		for i := range types {
			fmt.Fprintf(&src, "// T%d is type %d.\n//\n//jsondump:json\ntype T%d struct {\n", i, i, i)
			fmt.Fprintf(&src, "\tID      int64             `json:\"id\"`\n")
			fmt.Fprintf(&src, "\tName    string            `json:\"name,omitempty\"`\n")
			fmt.Fprintf(&src, "\tScore   float64           `json:\"score\"`\n")
			fmt.Fprintf(&src, "\tTags    []string          `json:\"tags\"`\n")
			fmt.Fprintf(&src, "\tAttrs   map[string]string `json:\"attrs,omitempty\"`\n")
			fmt.Fprintf(&src, "\tWhen    time.Time         `json:\"when\"`\n")
			if i > 0 {
				fmt.Fprintf(&src, "\tPrev    *T%d               `json:\"prev,omitempty\"`\n", i-1)
			}
			fmt.Fprintf(&src, "}\n\n")
		}
		files[fmt.Sprintf("p%d/types.go", p)] = src.String()
	}
	return testmod.Write(b, files)
}

// TestManyPackages generates a tree of 50 packages of 20 types in one run.
func TestManyPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and loads a 50-package tree")
	}
	dir := writeTree(t, 50, 20)
	outs, err := gen.Generate(gen.Config{Dir: dir, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 50 {
		t.Fatalf("%d files, want one per package (50)", len(outs))
	}
}

// BenchmarkGenerateTree measures one generator run over a tree of 50
// packages with 20 types each (loading, analysis, emission; no writing).
func BenchmarkGenerateTree(b *testing.B) {
	dir := writeTree(b, 50, 20)
	for b.Loop() {
		if _, err := gen.Generate(gen.Config{Dir: dir, Patterns: []string{"./..."}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateOnePackage measures one run over one package of 20 types.
func BenchmarkGenerateOnePackage(b *testing.B) {
	dir := writeTree(b, 1, 20)
	for b.Loop() {
		if _, err := gen.Generate(gen.Config{Dir: dir, Patterns: []string{"./p0"}}); err != nil {
			b.Fatal(err)
		}
	}
}

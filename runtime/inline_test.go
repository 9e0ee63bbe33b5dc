package runtime

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestInlining checks that the compiler inlines the methods generated code
// calls most: a change that pushes one over the inlining budget fails here,
// not silently in the benchmarks.
func TestInlining(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	out, err := exec.Command("go", "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, m := range []string{
		"OpenObject", "FirstKey", "CloseObject", "OpenArray", "CloseArray", "Key", "Elem", "Null",
		"Bool", "Int", "Uint", "String", "Float64", "Float32", "Number", "RawMessage",
		"Failed", "SortKeys", "AtField", "Enter", "Leave",
	} {
		if !regexp.MustCompile(`can inline \(\*Encoder\)\.` + m + `\b`).Match(out) {
			t.Errorf("(*Encoder).%s is not inlined", m)
		}
	}
}

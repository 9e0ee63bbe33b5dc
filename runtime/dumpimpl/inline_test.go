package dumpimpl

import (
	"os"
	"os/exec"
	"regexp"
	"testing"
)

// TestInlining checks that the compiler inlines the methods generated code
// calls most: a change that pushes one over the inlining budget fails here,
// not silently in the benchmarks. What fits the budget depends on the
// compiler's version, so it runs when JSONDUMP_TEST_INLINING=1: .ci/run sets
// it for the toolchain the budgets were fitted to.
func TestInlining(t *testing.T) {
	if os.Getenv("JSONDUMP_TEST_INLINING") != "1" {
		t.Skip("set JSONDUMP_TEST_INLINING=1 to check the inlining budget (it depends on the compiler)")
	}
	out, err := exec.Command("go", "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, m := range []string{
		"OpenObject", "FirstKey", "CloseObject", "OpenArray", "CloseArray", "Key", "Elem", "Null",
		"Bool", "Int", "Uint", "String", "Float64", "Float32", "Number", "RawMessage",
		"Failed", "Enter", "Leave",
	} {
		if !regexp.MustCompile(`can inline \(\*Encoder\)\.` + m + `\b`).Match(out) {
			t.Errorf("(*Encoder).%s is not inlined", m)
		}
	}
	// The error path's methods stay out of line (see AtField).
	for _, m := range []string{"AtField", "AtIndex", "AtKey"} {
		if regexp.MustCompile(`can inline \(\*Encoder\)\.` + m + `\b`).Match(out) {
			t.Errorf("(*Encoder).%s is inlined", m)
		}
	}
}

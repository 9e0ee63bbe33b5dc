package gen_test

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestDispatchFrameIsSmall compiles a file of forty types of 1 KiB each
// and reads the stack frame of its DispatchFunc from the compiler's
// assembly listing. When the DispatchFunc copied each value out of its
// interface itself, its frame held one copy of every type (40 KiB here; 73
// KiB in go-github's file, 294 KiB in stripe-go's), and every goroutine
// that wrote an interface, or called jsondump.Marshal, grew its stack to
// that size first: on go-github, Marshal in a new goroutine took 4 times as
// long. Each value now goes to a function of its own type.
func TestDispatchFrameIsSmall(t *testing.T) {
	const types = 40
	var src strings.Builder
	src.WriteString("package m\n")
	for i := range types {
		fmt.Fprintf(&src, "\ntype T%d struct {\n\tName string\n\tData [126]int64\n}\n", i)
	}
	dir := testmod.Write(t, map[string]string{"types.go": src.String()})
	outs := generate(t, gen.Config{Dir: dir, All: true})
	if !strings.Contains(string(outs[0].Content), "_T0_dispatch(") {
		t.Fatalf("no DispatchFunc in the generated file:\n%s", outs[0].Content)
	}

	cmd := exec.Command("go", "build", "-gcflags=-S", ".")
	cmd.Dir = dir
	listing, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%.2000s", err, listing)
	}
	m := regexp.MustCompile(`\._T0_dispatch STEXT .*locals=0x([0-9a-f]+)`).FindSubmatch(listing)
	if m == nil {
		t.Fatal("the assembly listing has no _T0_dispatch")
	}
	frame, err := strconv.ParseInt(string(m[1]), 16, 64)
	if err != nil {
		t.Fatal(err)
	}
	// One value is 1 KiB. The frame holds the one being passed (the
	// switch's copy and the argument), not forty.
	if frame > 4096 {
		t.Errorf("the DispatchFunc's frame is %d bytes: it holds copies of the values it dispatches", frame)
	}
}

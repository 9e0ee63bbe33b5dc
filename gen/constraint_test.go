package gen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestFileNameConstraints: a type declared in a _linux.go file gets a
// generated file constrained to linux, so the package still builds for
// other systems; types under different constraints are refused with the
// -type lists to use instead.
func TestFileNameConstraints(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go":             "package m\n\ntype User struct{ ID int }\n",
		"stat_linux.go":       "package m\n\ntype Stat struct{ Ino uint64 }\n",
		"stat_darwin.go":      "package m\n\ntype Stat struct{ Ino uint32 }\n",
		"arch_linux_arm64.go": "//go:build cgo || !cgo\n\npackage m\n\ntype Regs struct{ X [31]uint64 }\n",
	})
	build := func(goos, goarch string) {
		t.Helper()
		cmd := exec.Command("go", "build", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOOS=%s GOARCH=%s go build: %v\n%s", goos, goarch, err, out)
		}
	}
	outs := generate(t, gen.Config{Dir: dir, Types: []string{"Stat"}})
	if !strings.Contains(string(outs[0].Content), "\n//go:build linux\n") {
		t.Errorf("no //go:build linux in the file for Stat:\n%s", outs[0].Content)
	}
	build("linux", "amd64")
	build("darwin", "arm64")
	build("windows", "amd64")

	// Regs is generated with GOARCH=arm64 (the loader sees the file then).
	cfg := gen.Config{Dir: dir, Types: []string{"Regs"}, Output: "regs_jsondump.go"}
	t.Setenv("GOARCH", "arm64")
	outs = generate(t, cfg)
	if want := filepath.Join(dir, "regs_jsondump.go"); outs[0].Path != want {
		t.Errorf("-output relative to Dir: %s, want %s", outs[0].Path, want)
	}
	if !strings.Contains(string(outs[0].Content), "\n//go:build (cgo || !cgo) && linux && arm64\n") {
		t.Errorf("want //go:build (cgo || !cgo) && linux && arm64:\n%s", outs[0].Content)
	}
	t.Setenv("GOARCH", "amd64")
	build("linux", "arm64")
	build("linux", "amd64")

	_, err := gen.Generate(gen.Config{Dir: dir, Types: []string{"Stat", "User"}, Output: "both_jsondump.go"})
	if err == nil || !strings.Contains(err.Error(), "stat_linux.go:3:6: ") ||
		!strings.Contains(err.Error(), "-type=Stat and -type=User") {
		t.Errorf("Stat (linux) with User (no constraint): err %v, want a positioned refusal naming the -type lists", err)
	}
}

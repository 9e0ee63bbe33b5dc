// Package genspeed times one run of jsondump's generator against one run of
// easyjson's on the same package: the twitter dataset's types (216 lines,
// 20 struct types), copied into a temporary module. Both generators are
// built once with go build (easyjson at the version bench/go.mod requires)
// and run as processes, as go generate runs them; the time is wall-clock
// per run, with a warm build cache.
//
//	cd bench && go test ./genspeed -run '^$' -bench . -benchtime 20x
//
// BenchmarkRatio reports easyjson's time over jsondump's as "x-faster".
// easyjson's run includes what easyjson always does: it writes a bootstrap
// program into the package and go-runs it. jsondump's run loads the package
// with go/packages and writes the file directly.
package genspeed

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// setup builds both generators and writes the module; it returns the
// binaries and the package directories, one per generator. Each generator
// gets its own copy of the package, as a user would have it: with the
// other's output beside it, jsondump would parse and type-check easyjson's
// 1,800 generated lines (a third of its time) and easyjson's bootstrap would
// compile jsondump's.
func setup(b *testing.B) (jsondump, easyjson, jdPkg, ejPkg string) {
	b.Helper()
	tmp := b.TempDir()
	jsondump = filepath.Join(tmp, "jsondump")
	easyjson = filepath.Join(tmp, "easyjson")
	run(b, ".", "go", "build", "-o", jsondump, "github.com/jsondump/jsondump/cmd/jsondump")
	run(b, ".", "go", "build", "-o", easyjson, "github.com/mailru/easyjson/easyjson")

	// The module: bench's go.mod and go.sum under another name, its
	// replace made absolute, so that both generators' dependencies resolve
	// offline.
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		b.Fatal(err)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	mod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(mod, []byte("module example.com/genspeed"))
	mod = regexp.MustCompile(`(?m)^replace github.com/jsondump/jsondump => .*$`).ReplaceAll(mod, []byte("replace github.com/jsondump/jsondump => "+repo))
	mod = regexp.MustCompile(`(?m)^tool .*$`).ReplaceAll(mod, nil)
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile("../datasets/twitter/types.go")
	if err != nil {
		b.Fatal(err)
	}
	src = regexp.MustCompile(`(?m)^//go:generate .*\n`).ReplaceAll(src, nil)
	// Both generators' output needs its runtime: a file that imports them
	// keeps the go.mod requirements in use.
	keep := "package twitter\n\nimport (\n\t_ \"github.com/jsondump/jsondump/runtime\"\n\t_ \"github.com/mailru/easyjson/jwriter\"\n)\n"
	jdPkg = filepath.Join(tmp, "for-jsondump", "twitter")
	ejPkg = filepath.Join(tmp, "for-easyjson", "twitter")
	for name, data := range map[string][]byte{
		filepath.Join(tmp, "go.mod"):     mod,
		filepath.Join(tmp, "go.sum"):     sum,
		filepath.Join(jdPkg, "types.go"): src,
		filepath.Join(jdPkg, "keep.go"):  []byte(keep),
		filepath.Join(ejPkg, "types.go"): src,
		filepath.Join(ejPkg, "keep.go"):  []byte(keep),
	} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// Warm up: one run of each, so the build cache holds what they compile.
	generateJSONDump(b, jsondump, jdPkg)
	generateEasyJSON(b, easyjson, ejPkg)
	return jsondump, easyjson, jdPkg, ejPkg
}

func generateJSONDump(b *testing.B, bin, pkg string) {
	os.Remove(filepath.Join(pkg, "twitter_jsondump.go"))
	run(b, pkg, bin, "-all")
}

func generateEasyJSON(b *testing.B, bin, pkg string) {
	os.Remove(filepath.Join(pkg, "types_easyjson.go"))
	run(b, pkg, bin, "-all", "-no_std_marshalers", "types.go")
}

func run(b *testing.B, dir, name string, args ...string) {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// BenchmarkGenerate times one run of each generator.
func BenchmarkGenerate(b *testing.B) {
	jsondump, easyjson, jdPkg, ejPkg := setup(b)
	b.Run("jsondump", func(b *testing.B) {
		for b.Loop() {
			generateJSONDump(b, jsondump, jdPkg)
		}
	})
	b.Run("easyjson", func(b *testing.B) {
		for b.Loop() {
			generateEasyJSON(b, easyjson, ejPkg)
		}
	})
}

// BenchmarkRatio runs the two alternately, so that both see the same load
// on the machine, and reports how many times faster jsondump is.
func BenchmarkRatio(b *testing.B) {
	jsondump, easyjson, jdPkg, ejPkg := setup(b)
	var jd, ej time.Duration
	for b.Loop() {
		t0 := time.Now()
		generateJSONDump(b, jsondump, jdPkg)
		t1 := time.Now()
		generateEasyJSON(b, easyjson, ejPkg)
		jd += t1.Sub(t0)
		ej += time.Since(t1)
	}
	b.ReportMetric(float64(jd.Milliseconds())/float64(b.N), "jsondump-ms/run")
	b.ReportMetric(float64(ej.Milliseconds())/float64(b.N), "easyjson-ms/run")
	b.ReportMetric(float64(ej)/float64(jd), "x-faster")
}

// Package realpkgs runs jsondump over real API packages that nobody here
// wrote: each is copied from the module cache into a fresh module twice
// (the whole module, when the package imports an internal package of it),
// as the package to generate for (-all, or -type for stripe-go) and as its
// mirror, which keeps no generated code. The generated copy must build and
// pass go vet, and random values of every generated type must encode as
// encoding/json encodes the same values of the mirror, by every route
// difftest.Check knows (DumpTo, Dumps, the drop-in API, json.Marshal on the
// generated type itself).
//
// It downloads the packages through the module proxy and takes minutes, so
// it runs when JSONDUMP_REALPKGS=1 (CI sets it):
//
//	JSONDUMP_REALPKGS=1 go test ./internal/realpkgs
//
// JSONDUMP_REALPKGS_VALUES sets the number of random values per type (30).
package realpkgs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
)

// A realPackage is one package of a module, at a pinned version.
type realPackage struct {
	name            string // short name, for the test and the copy's directory
	module, version string
	dir             string // the package's directory within the module

	// types are the types to generate for (-type); none means -all.
	types []string

	// wholeModule says that the package imports internal packages of its
	// module, which a copy outside the module may not: the whole module is
	// copied instead, twice, as the module itself (a replace directive) and
	// as a mirror module of another path.
	wholeModule bool
}

// genPath and mirrorPath are the import paths of the package's two copies.
func (p realPackage) genPath() string {
	if p.wholeModule {
		return path.Join(p.module, p.dir)
	}
	return workModule + "/" + p.name + "/gen"
}

func (p realPackage) mirrorPath() string {
	if p.wholeModule {
		return path.Join(p.mirrorModule(), p.dir)
	}
	return workModule + "/" + p.name + "/mirror"
}

// mirrorModule is the module path of a wholeModule package's mirror.
func (p realPackage) mirrorModule() string { return "example.com/" + p.name + "mirror" }

var realPackages = []realPackage{
	{"k8scorev1", "k8s.io/api", "v0.37.2", "core/v1", nil, false},
	{"github", "github.com/google/go-github/v93", "v93.0.0", "github", nil, false},
	{"mobyswarm", "github.com/moby/moby/api", "v1.57.0", "types/swarm", nil, false},
	{"mobycontainer", "github.com/moby/moby/api", "v1.57.0", "types/container", nil, false},
	// Slack's Block Kit: hand-written MarshalJSON methods, embedded
	// structs, and an internal package.
	{"slack", "github.com/slack-go/slack", "v0.36.0", ".", nil, true},
	// stripe-go's top package has 5,965 struct types: under -all it takes
	// minutes and gigabytes to compile (README, "Compile cost"). Its users
	// select the API objects they send, as here; the types these reach,
	// about 650 of them, get helpers. PaymentSource has a MarshalJSON of
	// its own, which the generated code must call as encoding/json does.
	{"stripe", "github.com/stripe/stripe-go/v82", "v82.5.1", ".", []string{
		"Account", "BalanceTransaction", "Charge", "Customer", "Event",
		"Invoice", "PaymentIntent", "PaymentMethod", "PaymentSource",
		"Price", "Product", "Refund", "Subscription",
	}, false},
}

// workModule is the path of the module the copies live in: under this
// module's path, so that its tests may import internal/difftest.
const workModule = "github.com/jsondump/jsondump/internal/realpkgs/work"

func TestRealPackages(t *testing.T) {
	if os.Getenv("JSONDUMP_REALPKGS") != "1" {
		t.Skip("set JSONDUMP_REALPKGS=1 to run (CI does): downloads k8s.io/api, go-github, moby's api, stripe-go and slack-go through the module proxy")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	values := os.Getenv("JSONDUMP_REALPKGS_VALUES")
	if values == "" {
		values = "30"
	}
	work := t.TempDir()
	goMod := "module " + workModule + "\n\ngo 1.26.0\n\nrequire github.com/jsondump/jsondump v0.0.0\n\nreplace github.com/jsondump/jsondump => " + root + "\n"
	write(t, filepath.Join(work, "go.mod"), goMod)
	for _, p := range realPackages {
		goCmd(t, work, "get", p.module+"@"+p.version)
	}
	// What the generated code and the comparisons will import, so that
	// go mod tidy keeps it.
	deps := []string{"github.com/jsondump/jsondump/internal/difftest", "github.com/jsondump/jsondump/runtime"}
	for _, p := range realPackages {
		src := moduleDir(t, work, p.module, p.version)
		if !p.wholeModule {
			copyPackage(t, filepath.Join(src, p.dir), filepath.Join(work, p.name, "gen"))
			copyPackage(t, filepath.Join(src, p.dir), filepath.Join(work, p.name, "mirror"))
			continue
		}
		gen, mirror := filepath.Join(p.name, "module"), filepath.Join(p.name, "mirror")
		copyModule(t, src, filepath.Join(work, gen), "", "")
		copyModule(t, src, filepath.Join(work, mirror), p.module, p.mirrorModule())
		goCmd(t, work, "mod", "edit", "-replace", p.module+"="+"./"+gen,
			"-replace", p.mirrorModule()+"="+"./"+mirror, "-require", p.mirrorModule()+"@v0.0.0")
		deps = append(deps, p.genPath(), p.mirrorPath())
	}
	var imports strings.Builder
	for _, d := range deps {
		fmt.Fprintf(&imports, "\t_ %q\n", d)
	}
	write(t, filepath.Join(work, "deps", "deps.go"), "package deps\n\nimport (\n"+imports.String()+")\n")
	goCmd(t, work, "mod", "tidy")

	for _, p := range realPackages {
		t.Run(p.name, func(t *testing.T) {
			cfg := gen.Config{Dir: work, Patterns: []string{p.genPath()}, Types: p.types, All: p.types == nil}
			outs, err := gen.Generate(cfg)
			if err != nil {
				t.Fatalf("jsondump %s/%s: %v", p.module, p.dir, err)
			}
			var types []string
			for _, out := range outs {
				if err := gen.WriteFile(out); err != nil {
					t.Fatal(err)
				}
				types = append(types, generatedTypes(out.Content)...)
			}
			slices.Sort(types)
			t.Logf("%s/%s: %d types generated", p.module, p.dir, len(types))
			if len(types) == 0 {
				t.Fatal("no type generated")
			}
			write(t, filepath.Join(work, p.name, "compare", "compare_test.go"), compareTest(p, types))
			goCmd(t, work, "vet", p.genPath(), "./"+p.name+"/compare")
			goCmdEnv(t, work, []string{"JSONDUMP_VALUES=" + values}, "test", "./"+p.name+"/compare")
		})
	}
}

// generatedTypes are the exported types a generated file gives DumpTo.
func generatedTypes(src []byte) []string {
	var names []string
	for _, m := range dumpTo.FindAllSubmatch(src, -1) {
		names = append(names, string(m[1]))
	}
	return names
}

var dumpTo = regexp.MustCompile(`(?m)^func \(v \*?([A-Z]\w*)\) DumpTo\(`)

// compareTest is the differential test of one package: difftest.Check on
// random values of every generated type and of its mirror.
func compareTest(p realPackage, types []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `package compare

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/jsondump/jsondump/internal/difftest"
	g %q
	m %q
)

func TestMatchesEncodingJSON(t *testing.T) {
`, p.genPath(), p.mirrorPath())
	for _, name := range types {
		fmt.Fprintf(&b, "\tcheck[g.%s, m.%s](t)\n", name, name)
	}
	b.WriteString(`}

func check[G, M any](t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("JSONDUMP_VALUES"))
	if err != nil {
		t.Fatal("JSONDUMP_VALUES:", err)
	}
	t.Run(fmt.Sprintf("%T", new(G)), func(t *testing.T) {
		for seed := range uint64(n) {
			p := difftest.NewPair[G, M](func() *rand.Rand { return difftest.Source(seed) })
			difftest.Check(t, fmt.Sprintf("seed %d", seed), p)
			if t.Failed() {
				return
			}
		}
	})
}
`)
	return b.String()
}

// moduleDir is where the go command keeps the module's source.
func moduleDir(t *testing.T, dir, module, version string) string {
	out := goCmd(t, dir, "mod", "download", "-json", module+"@"+version)
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		t.Fatalf("go mod download %s@%s: %v\n%s", module, version, err, out)
	}
	return info.Dir
}

// copyModule copies the go.mod and the Go files of a module, but its tests,
// into dst; with from set, it renames the module from the path from to the
// path to, in go.mod and in every import.
func copyModule(t *testing.T, src, dst, from, to string) {
	err := filepath.WalkDir(src, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if base := d.Name(); base != "go.mod" && !isSource(base) {
			return nil
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		text := string(data)
		if from != "" {
			text = strings.ReplaceAll(text, "module "+from+"\n", "module "+to+"\n")
			text = strings.ReplaceAll(text, `"`+from+`"`, `"`+to+`"`)
			text = strings.ReplaceAll(text, `"`+from+`/`, `"`+to+`/`)
		}
		rel, err := filepath.Rel(src, name)
		if err != nil {
			return err
		}
		write(t, filepath.Join(dst, rel), text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// isSource reports whether a file is Go source other than a test.
func isSource(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// copyPackage copies the Go files of a package, but its tests, into dst.
func copyPackage(t *testing.T, src, dst string) {
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isSource(name) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dst, name), string(data))
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), fs.FileMode(0o644)); err != nil {
		t.Fatal(err)
	}
}

func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	return goCmdEnv(t, dir, nil, args...)
}

func goCmdEnv(t *testing.T, dir string, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return out
}

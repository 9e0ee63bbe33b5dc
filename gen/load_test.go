package gen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// The loader agrees with the go command on what a pattern means and on what
// is wrong with a module: these are configurations where an in-process
// reimplementation of the go command's rules went wrong.

const loadUser = "package m\n\n//jsondump:json\ntype User struct{ ID int }\n"

// TestLoadHonoursIgnoreDirective: a directory that go.mod's ignore
// directive (Go 1.25) leaves out is not part of ./..., as for go build.
func TestLoadHonoursIgnoreDirective(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go":        loadUser,
		"ignored/bad.go": "package bad\n\n//jsondump:json\ntype Bad struct{ broken }\n",
	})
	appendFile(t, filepath.Join(dir, "go.mod"), "\nignore ./ignored\n")
	outs, err := gen.Generate(gen.Config{Dir: dir, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatalf("./... with ./ignored ignored: %v", err)
	}
	if len(outs) != 1 || filepath.Base(outs[0].Path) != "m_jsondump.go" {
		t.Errorf("outputs %v, want m_jsondump.go only", paths(outs))
	}
}

// TestLoadInWorkspace: a go.work above the module is used, as the go command
// uses it: a package of another workspace module resolves without a require.
func TestLoadInWorkspace(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go":      "package m\n\nimport \"example.com/other\"\n\n//jsondump:json\ntype User struct{ O other.O }\n",
		"other/go.mod": "module example.com/other\n\ngo 1.26.0\n",
		"other/o.go":   "package other\n\ntype O struct{ N int }\n",
	})
	// The workspace lives in a directory above both modules.
	ws := t.TempDir()
	main, other := filepath.Join(ws, "m"), filepath.Join(ws, "other")
	if err := os.Rename(filepath.Join(dir, "other"), other); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dir, main); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(ws, "go.work"), "go 1.26.0\n\nuse (\n\t./m\n\t./other\n)\n")
	outs, err := gen.Generate(gen.Config{Dir: main})
	if err != nil {
		t.Fatalf("a module of a workspace: %v", err)
	}
	if len(outs) != 1 || !strings.Contains(string(outs[0].Content), "_other_O_dump") {
		t.Errorf("outputs %v: want one file that encodes other.O", paths(outs))
	}
}

// TestLoadUntidyModule: a go.mod that lacks a requirement gives the go
// command's own message, with its hint, not "no packages match".
func TestLoadUntidyModule(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go": "package m\n\nimport \"example.com/dep\"\n\n//jsondump:json\ntype User struct{ D dep.D }\n",
	})
	_, err := gen.Generate(gen.Config{Dir: dir})
	if err == nil {
		t.Fatal("no error for an import no module provides")
	}
	if msg := err.Error(); !strings.Contains(msg, "example.com/dep") || strings.Contains(msg, "no packages match") ||
		!(strings.Contains(msg, "go get") || strings.Contains(msg, "go mod tidy")) {
		t.Errorf("error %q: want the go command's message with its hint", msg)
	}
}

func paths(outs []gen.Output) []string {
	var list []string
	for _, o := range outs {
		list = append(list, filepath.Base(o.Path))
	}
	return list
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	old, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, string(old)+text)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadGoLineToUpdate: go.mod says "go 1.26" and a dependency needs
// go 1.26.0 (as jsondump's does), so the go command must update go.mod
// before it lists anything. go/packages then reports no package and no
// error; the user gets the go command's message and hint, not "no packages
// match". Generating into such a module is common: the first run adds the
// runtime import, the second meets this.
func TestLoadGoLineToUpdate(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go": "package m\n\nimport _ \"github.com/jsondump/jsondump/runtime\"\n\n//jsondump:json\ntype User struct{ ID int }\n",
	})
	mod := filepath.Join(dir, "go.mod")
	old, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, mod, regexp.MustCompile(`(?m)^go (\d+\.\d+)\.\d+$`).ReplaceAllString(string(old), "go $1"))
	_, err = gen.Generate(gen.Config{Dir: dir})
	if err == nil || strings.Contains(err.Error(), "no packages match") || !strings.Contains(err.Error(), "go mod tidy") {
		t.Fatalf("error %v: want the go command's message and its hint", err)
	}
}

// TestLoadMissingGoSum: go.sum lacks what the build needs: the go command's
// message and hint, not "no packages match".
func TestLoadMissingGoSum(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"user.go": "package m\n\nimport _ \"golang.org/x/tools/go/packages\"\n\n//jsondump:json\ntype User struct{ ID int }\n",
	})
	appendFile(t, filepath.Join(dir, "go.mod"), "\nrequire golang.org/x/tools v0.0.0-00010101000000-000000000000\n")
	writeFile(t, filepath.Join(dir, "go.sum"), "")
	_, err := gen.Generate(gen.Config{Dir: dir})
	if err == nil || strings.Contains(err.Error(), "no packages match") {
		t.Fatalf("error %v: want the go command's message", err)
	}
	t.Log(err)
}

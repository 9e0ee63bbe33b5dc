// Package testmod writes throwaway Go modules to disk for tests that need a
// real tree for go/packages and the go command: a go.mod that replaces
// github.com/jsondump/jsondump with this checkout, and the given files.
package testmod

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

// Root is the directory of this checkout of github.com/jsondump/jsondump.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Write creates a module named example.com/m in a new temporary directory,
// with files (relative path -> contents), and returns the directory.
func Write(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	root := Root()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go \S+$`).Find(mod) // the same Go version as this module
	all := map[string]string{
		"go.mod": "module example.com/m\n\n" + string(goLine) + "\n\nrequire github.com/jsondump/jsondump v0.0.0\n\nreplace github.com/jsondump/jsondump => " + root + "\n",
		"go.sum": string(sum),
	}
	for name, src := range files {
		all[name] = src
	}
	for name, src := range all {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

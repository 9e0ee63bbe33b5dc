package main

// Installation as the README documents it: the Go 1.24 tool directive in a
// user's go.mod, a //go:generate go tool jsondump line, go generate ./...,
// and the result built and run, in a package main that calls the generated
// methods (so the first run loads a package that does not type-check yet).

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// generateLine is the README's go:generate line, spelled so that go generate
// does not take it for one of this package's own.
const generateLine = "//go:" + "generate go tool jsondump -type=Event"

func TestToolDirectiveInPackageMain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command with go tool")
	}
	dir := testmod.Write(t, map[string]string{
		"main.go": `package main

import (
	"encoding/json"
	"fmt"
	"os"
)

` + generateLine + `

// Event is declared in package main.
type Event struct {
	Name string   ` + "`json:\"name\"`" + `
	Tags []string ` + "`json:\"tags,omitempty\"`" + `
}

func main() {
	ev := Event{Name: "a<b", Tags: []string{"x"}}
	want, _ := json.Marshal(&ev)
	got := ev.Dumps()
	fmt.Println(got)
	if got != string(want) {
		fmt.Println("encoding/json:", string(want))
		os.Exit(1)
	}
}
`,
	})
	// The README's command, word for word. The require and the replace to
	// this checkout are testmod's, so it needs no network.
	goCmd(t, dir, "get", "-tool", "github.com/jsondump/jsondump/cmd/jsondump")
	if mod, _ := os.ReadFile(filepath.Join(dir, "go.mod")); !strings.Contains(string(mod), "\ntool github.com/jsondump/jsondump/cmd/jsondump\n") {
		t.Fatalf("go get -tool wrote no tool line:\n%s", mod)
	}
	goCmd(t, dir, "generate", "./...")
	if _, err := os.Stat(filepath.Join(dir, "event_jsondump.go")); err != nil {
		t.Fatalf("go generate wrote no event_jsondump.go: %v", err)
	}
	if got := goCmd(t, dir, "run", "."); strings.TrimSpace(got) != `{"name":"a\u003cb","tags":["x"]}` {
		t.Errorf("go run: %q", got)
	}
	// The CI recipe of the README: current files pass.
	cmd := exec.Command("go", "generate", "-run", "jsondump", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JSONDUMP_CHECK=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("JSONDUMP_CHECK=1 go generate: %v\n%s", err, out)
	}
}

// goCmd runs the go command in dir and returns its combined output.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

package gen_test

import (
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

const unsupportedTypes = `
import (
	"net/http"
	"unsafe"
)

// Hooks holds values encoding/json accepts as types and rejects as values.
type Hooks struct {
	Req    *http.Request
	Client *http.Client
	Fn     *func()
	Any    any
	Ch     *chan int
	C      *complex128
	P      *unsafe.Pointer
	M      *map[[2]int]string
	List   []func()
	ByKey  map[string]chan int
	Zero   func() ` + "`json:\",omitzero\"`" + `
	Response *http.Response
}

// Wraps embeds nothing that cannot be encoded when nil.
type Wraps struct {
	H Hooks
}
`

// TestRunTimeUnsupportedValues: a type that encoding/json accepts, and
// which fails only for some values (a *http.Client that is not nil, a func
// in an interface), is generated; nil is null, and a value encoding/json
// rejects fails with encoding/json's own error.
func TestRunTimeUnsupportedValues(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"types.go":       "package m\n" + unsupportedTypes,
		"plain/types.go": "package plain\n" + unsupportedTypes,
		"main/main.go": `package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"example.com/m"
	"example.com/m/plain"
)

// same checks that jsondump and encoding/json both succeed with the same
// bytes, or both fail with the same cause.
func same(name string, a m.Hooks, b plain.Hooks) {
	want, werr := json.Marshal(&b)
	var buf bytes.Buffer
	gerr := a.DumpTo(&buf)
	got := buf.Bytes()
	if werr != nil || gerr != nil {
		var ute *json.UnsupportedTypeError
		if gerr == nil || werr == nil || !errors.As(gerr, &ute) || !strings.HasSuffix(gerr.Error(), werr.Error()) {
			fmt.Printf("%s: errors differ\n got: %v\nwant: %v\n", name, gerr, werr)
			os.Exit(1)
		}
		fmt.Println(name, "fails:", werr)
		return
	}
	check(name, string(got), want, nil)
}

func main() {
	same("zero", m.Hooks{}, plain.Hooks{})
	same("client", m.Hooks{Client: &http.Client{}}, plain.Hooks{Client: &http.Client{}})
	same("request", m.Hooks{Req: &http.Request{}}, plain.Hooks{Req: &http.Request{}})
	f := func() {}
	same("fn", m.Hooks{Fn: &f}, plain.Hooks{Fn: &f})
	same("any func", m.Hooks{Any: f}, plain.Hooks{Any: f})
	same("any int", m.Hooks{Any: 1}, plain.Hooks{Any: 1})
	ch := make(chan int)
	same("chan", m.Hooks{Ch: &ch}, plain.Hooks{Ch: &ch})
	c := complex(1, 2)
	same("complex", m.Hooks{C: &c}, plain.Hooks{C: &c})
	mm := map[[2]int]string{}
	same("map key", m.Hooks{M: &mm}, plain.Hooks{M: &mm})
	same("empty list", m.Hooks{List: []func(){}}, plain.Hooks{List: []func(){}})
	same("list", m.Hooks{List: []func(){f}}, plain.Hooks{List: []func(){f}})
	same("by key empty", m.Hooks{ByKey: map[string]chan int{}}, plain.Hooks{ByKey: map[string]chan int{}})
	same("by key", m.Hooks{ByKey: map[string]chan int{"a": nil}}, plain.Hooks{ByKey: map[string]chan int{"a": nil}})
	same("zero func set", m.Hooks{Zero: f}, plain.Hooks{Zero: f})
	same("response", m.Hooks{Response: &http.Response{}}, plain.Hooks{Response: &http.Response{}})
}
` + mainCompare,
	})
	generate(t, gen.Config{Dir: dir, Types: []string{"Hooks", "Wraps"}})
	goVet(t, dir)
	got := goRun(t, dir, "./main")
	if n := strings.Count(got, "\n"); n != 15 {
		t.Errorf("want 15 lines, got %d:\n%s", n, got)
	}
	wants := []string{"client fails: json: unsupported type: func(*http.Request, []*http.Request) error", "fn fails:"}
	if !dumpimpl.JSONv2 { // v2 takes array keys
		wants = append(wants, "map key fails:")
	}
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

const neverTypes = `
type Good struct{ N int }

type Conn struct {
	Name string
	Ch   chan int
}

// Bad holds a Conn by value: every value fails.
type Bad struct {
	ID   int
	Conn Conn
}

// Skipped is fine: the func is left out when nil, the chan is behind a pointer.
type Skipped struct {
	F  func() ` + "`json:\",omitzero\"`" + `
	C  *Conn
	No chan int ` + "`json:\"-\"`" + `
}
`

// TestNeverEncodableTypes: a selected type of which no value can be
// encoded is an error under -type, naming the type, the field path and the
// field's position; under -all it is a warning, and the rest is generated.
func TestNeverEncodableTypes(t *testing.T) {
	dir := testmod.Write(t, map[string]string{"types.go": "package m\n" + neverTypes})
	_, err := gen.Generate(gen.Config{Dir: dir, Types: []string{"Bad", "Good"}})
	want := "types.go:7:2: type Bad can never be encoded as JSON: its field .Conn.Ch has type chan int"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("-type=Bad: err %v\nwant %q", err, want)
	}
	var warnings []string
	outs, err := gen.Generate(gen.Config{Dir: dir, All: true, Warn: func(e *gen.Error) { warnings = append(warnings, e.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], want) || !strings.Contains(warnings[1], "type Conn can never be encoded") {
		t.Errorf("warnings %q: want Bad and Conn", warnings)
	}
	src := string(outs[0].Content)
	for _, name := range []string{"Good", "Skipped"} {
		if !strings.Contains(src, "func (v "+name+") DumpTo(") {
			t.Errorf("-all: no methods for %s", name)
		}
	}
	if strings.Contains(src, "func (v Bad) DumpTo(") {
		t.Errorf("-all: methods for Bad")
	}
}

package gen_test

import (
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestTagsBothReadings generates, once, code for tags that Go 1.26's
// encoding/json and the one on encoding/json/v2 read differently, and runs
// it against the encoding/json of the toolchain running the test (CI runs
// it under both): keys, options, the embed option, and a format option, on
// which v2 fails.
func TestTagsBothReadings(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"t.go": `package m

type Inner struct{ IA, IB int }

// Tags: names and options that v2 reads otherwise.
type Tags struct {
	Emoji int    ` + "`json:\"😀\"`" + `
	Quote int    ` + "`json:\"q\\\"x\"`" + `
	Tab   string ` + "`json:\"t\\tb,omitempty\"`" + `
	Semi  int    ` + "`json:\",omitempty;\"`" + `
	Str   int    ` + "`json:\"s,string;\"`" + `
	E     Inner  ` + "`json:\",embed\"`" + `
	Inner        ` + "`json:\"i\\\"n\"`" + `
}

// Formatted has a format option: v2 fails on it.
type Formatted struct {
	N int ` + "`json:\"n,format:x\"`" + `
}

// Outer holds one.
type Outer struct {
	A int       ` + "`json:\"a\"`" + `
	F Formatted ` + "`json:\"f\"`" + `
}
`,
		"main/main.go": `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"example.com/m"
	"github.com/jsondump/jsondump/runtime"
)

func main() {
	for i, v := range []m.Tags{{}, {Emoji: 1, Quote: 2, Tab: "t", Semi: 3, Str: 4, E: m.Inner{5, 6}, Inner: m.Inner{7, 8}}} {
		want, err := json.Marshal(&v)
		check(fmt.Sprint("tags ", i), v.Dumps(), want, err)
		ind, err := json.MarshalIndent(&v, "", " ")
		check(fmt.Sprint("tags indented ", i), v.Dumps(runtime.Indent("", " ")), ind, err)
	}
	// The reference: a copy of the types without generated methods (m.Outer
	// has a generated MarshalJSON).
	type formatted struct {
		N int ` + "`json:\"n,format:x\"`" + `
	}
	type outer struct {
		A int       ` + "`json:\"a\"`" + `
		F formatted ` + "`json:\"f\"`" + `
	}
	v := m.Outer{A: 1, F: m.Formatted{N: 2}}
	want, jerr := json.Marshal(&outer{A: 1, F: formatted{N: 2}})
	err := v.DumpTo(discard{})
	if (err == nil) != (jerr == nil) || err != nil && errors.Unwrap(err).Error() != jerr.Error() {
		fmt.Printf("outer: %v, encoding/json: %s %v\n", err, want, jerr)
		os.Exit(1)
	}
	if jerr == nil {
		check("outer", v.Dumps(), want, nil)
	}
	fmt.Println("outer:", jerr)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
` + mainCompare,
	})
	generate(t, gen.Config{Dir: dir, Types: []string{"Tags", "Outer"}})
	got := goRun(t, dir, "./main")
	if !strings.Contains(got, "outer:") {
		t.Errorf("output: %s", got)
	}
	t.Log(got)
}

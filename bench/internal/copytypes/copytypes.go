// Package copytypes makes the jsondump copies of a dataset's types: jd, on
// which jsondump generates with its default flags, and jdm, on which it
// generates with -marshaljson. The peers keep measuring the original types
// (a generated MarshalJSON would be called by encoding/json and most peers
// instead of their own code), and the routes that go through encoding/json
// with generated code present (json.Marshal on jd's and jdm's types) are
// measured on the copies. The corpus is decoded into each copy separately.
package copytypes

import (
	"bytes"
	"fmt"
	"go/format"
	"regexp"
)

// Header starts every copy.
const Header = "// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate\n// in the parent package); edit ../types.go instead.\n\n"

var (
	pkgClause  = regexp.MustCompile(`(?m)^package \w+\n`)
	goGenerate = regexp.MustCompile(`(?m)^//go:generate .*\n`)
)

// Packages are the copies' package names, each also its folder beside
// types.go.
var Packages = []string{"jd", "jdm"}

// Transform turns the source of types.go into the source of PKG/types.go:
// the package is renamed to pkg and the go:generate lines are dropped (each
// copy has its own, for jsondump). Comments, including //jsondump:json
// lines, are kept.
func Transform(src []byte, pkg string) ([]byte, error) {
	loc := pkgClause.FindIndex(src)
	if loc == nil {
		return nil, fmt.Errorf("copytypes: no package clause")
	}
	var out bytes.Buffer
	out.WriteString(Header)
	out.Write(src[:loc[0]])
	out.WriteString("package " + pkg + "\n")
	out.Write(goGenerate.ReplaceAll(src[loc[1]:], nil))
	return format.Source(out.Bytes())
}

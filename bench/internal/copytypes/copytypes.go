// Package copytypes makes the jsondump copy of a dataset's types: jsondump
// generates MarshalJSON, which encoding/json and most peers would then call
// instead of their own code, so the generated methods live on a copy of the
// types in the subpackage jd, and the benchmark views the one decoded value
// through both (same memory layout, checked by a test).
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

// Transform turns the source of types.go into the source of jd/types.go: the
// package is renamed to jd and the go:generate lines are dropped (jd has its
// own, for jsondump). Comments, including //jsondump:json lines, are kept.
func Transform(src []byte) ([]byte, error) {
	loc := pkgClause.FindIndex(src)
	if loc == nil {
		return nil, fmt.Errorf("copytypes: no package clause")
	}
	var out bytes.Buffer
	out.WriteString(Header)
	out.Write(src[:loc[0]])
	out.WriteString("package jd\n")
	out.Write(goGenerate.ReplaceAll(src[loc[1]:], nil))
	return format.Source(out.Bytes())
}

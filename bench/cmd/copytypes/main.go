// Command copytypes copies ./types.go to ./jd/types.go as package jd and to
// ./jdm/types.go as package jdm (see internal/copytypes). Run by go generate
// in each dataset package.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jsondump/jsondump/bench/internal/copytypes"
)

func main() {
	src, err := os.ReadFile("types.go")
	if err != nil {
		fail(err)
	}
	for _, pkg := range copytypes.Packages {
		out, err := copytypes.Transform(src, pkg)
		if err != nil {
			fail(err)
		}
		write(pkg, out)
	}
}

// write replaces PKG/types.go with out, unless it already holds out.
func write(pkg string, out []byte) {
	dst := filepath.Join(pkg, "types.go")
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, out) {
		return
	}
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		fail(err)
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		fail(err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "copytypes:", err)
	os.Exit(1)
}

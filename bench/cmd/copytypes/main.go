// Command copytypes copies ./types.go to ./jd/types.go as package jd (see
// internal/copytypes). Run by go generate in each dataset package.
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
	out, err := copytypes.Transform(src)
	if err != nil {
		fail(err)
	}
	dst := filepath.Join("jd", "types.go")
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, out) {
		return
	}
	if err := os.MkdirAll("jd", 0o755); err != nil {
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

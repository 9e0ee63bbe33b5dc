// This is the one file that wires jsondump into the benchmark for citm_catalog:
// its go:generate line makes jd_jsondump.go (jsondump's methods on the copy
// of the types in this package), and init registers those methods.

package jd

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump

import (
	"io"

	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/jsondump/jsondump/runtime"
)

var indent = runtime.Indent("", "  ")

func init() {
	reg.RegisterDump("citm_catalog", &reg.Dump{
		New: func() any { return new(Catalog) },
		DumpTo: func(b any, w io.Writer, ind bool) error {
			if ind {
				return b.(*Catalog).DumpTo(w, indent)
			}
			return b.(*Catalog).DumpTo(w)
		},
		Dumps: func(b any, ind bool) string {
			if ind {
				return b.(*Catalog).Dumps(indent)
			}
			return b.(*Catalog).Dumps()
		},
	})
}

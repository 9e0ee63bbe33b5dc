// This is the one file that wires jsondump into the benchmark for string_unicode:
// its go:generate line makes jd_jsondump.go (jsondump's methods on the copy
// of the types in this package; the root is a named map), and init registers
// those methods.

package jd

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump

import (
	"io"

	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/jsondump/jsondump/runtime"
)

var indent = runtime.Indent("", "  ")

func init() {
	reg.RegisterDump("string_unicode", &reg.Dump{
		New: func() any { return new(Root) },
		DumpTo: func(b any, w io.Writer, ind bool) error {
			if ind {
				return b.(*Root).DumpTo(w, indent)
			}
			return b.(*Root).DumpTo(w)
		},
		Dumps: func(b any, ind bool) string {
			if ind {
				return b.(*Root).Dumps(indent)
			}
			return b.(*Root).Dumps()
		},
	})
}

// This is the one file that wires jsondump into the benchmark for synthea_fhir:
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
	reg.RegisterDump("synthea_fhir", &reg.Dump{
		New: func() any { return new(Bundle) },
		DumpTo: func(b any, w io.Writer, ind bool) error {
			if ind {
				return b.(*Bundle).DumpTo(w, indent)
			}
			return b.(*Bundle).DumpTo(w)
		},
		Dumps: func(b any, ind bool) string {
			if ind {
				return b.(*Bundle).Dumps(indent)
			}
			return b.(*Bundle).Dumps()
		},
	})
}

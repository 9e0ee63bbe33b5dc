// This is the one file that wires jsondump into the benchmark for canada_geometry:
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
	reg.RegisterDump("canada_geometry", &reg.Dump{
		New: func() any { return new(FeatureCollection) },
		DumpTo: func(b any, w io.Writer, ind bool) error {
			if ind {
				return b.(*FeatureCollection).DumpTo(w, indent)
			}
			return b.(*FeatureCollection).DumpTo(w)
		},
		Dumps: func(b any, ind bool) string {
			if ind {
				return b.(*FeatureCollection).Dumps(indent)
			}
			return b.(*FeatureCollection).Dumps()
		},
	})
}

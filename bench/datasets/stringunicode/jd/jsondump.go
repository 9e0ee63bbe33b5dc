//go:build jsondump

// This is the one file that wires jsondump into the benchmark for string_unicode.
// It stays behind the jsondump build tag: the root type is a named map
// (type Root map[string]string), and jsondump generates methods for struct
// types only ("type Root is not a struct type"). Once it accepts named map
// types, run `go generate -tags jsondump ./datasets/stringunicode/...` in
// bench/ and delete the go:build line above (see bench/README.md).

package jd

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump

import (
	"io"
	"unsafe"

	"github.com/jsondump/jsondump/bench/datasets/stringunicode"
	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/jsondump/jsondump/runtime"
)

var indent = runtime.Indent("", "  ")

func init() {
	reg.RegisterDump("string_unicode", &reg.Dump{
		// The copy has the same source as the original, hence the same layout
		// (TestJSONDumpLayout checks it): view the decoded value in place.
		Bind: func(v any) any { return (*Root)(unsafe.Pointer(v.(*stringunicode.Root))) },
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
		MarshalJSON: func(b any) ([]byte, error) { return b.(*Root).MarshalJSON() },
	})
}

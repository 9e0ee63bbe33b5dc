// This is the one file that wires jsondump -marshaljson into the benchmark
// for string_unicode: its go:generate line makes jdm_jsondump.go
// (jsondump's methods, MarshalJSON included, on the second copy of the
// types, in this package), and init registers the generated MarshalJSON.

package jdm

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump -marshaljson

import "github.com/jsondump/jsondump/bench/internal/reg"

func init() {
	reg.RegisterMJ("string_unicode", &reg.MJ{
		New:         func() any { return new(Root) },
		MarshalJSON: func(b any) ([]byte, error) { return b.(*Root).MarshalJSON() },
	})
}

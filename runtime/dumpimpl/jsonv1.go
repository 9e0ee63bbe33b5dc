//go:build !goexperiment.jsonv2

// What depends on which encoding/json the code is compiled with: this file
// is Go 1.26's encoding/json (and Go 1.27's under GOEXPERIMENT=nojsonv2);
// jsonv2.go is the encoding/json implemented on encoding/json/v2 (Go 1.27's
// default, Go 1.26 under GOEXPERIMENT=jsonv2). DESIGN.md lists every
// difference between the two and the test that pins it.

package dumpimpl

import "fmt"

// JSONv2 reports whether the encoding/json this package is compiled with is
// the one implemented on encoding/json/v2. It is a constant, so generated
// code that branches on it (a struct tag that the two read differently)
// keeps one branch only, at no run-time cost.
const JSONv2 = false

// replacement is how a string writes a byte of invalid UTF-8: escaped.
const replacement = `\ufffd`

// methodType is the type a MarshalerError names for the value m whose
// method failed: m's own type.
func methodType(m any) string { return fmt.Sprintf("%T", m) }

// timeError is the cause encoding/json reports for a time.Time that
// MarshalJSON cannot write: what MarshalJSON returned.
func timeError(err error) *MarshalerError {
	return &MarshalerError{Type: "time.Time", Func: "MarshalJSON", Err: err}
}

// numberError is encoding/json's error for a json.Number s that is not a
// number literal; quoted is the ",string" option.
func numberError(s string, quoted bool) error {
	return fmt.Errorf("json: invalid number literal %q", s)
}

// methodKey: Go 1.26's encoding/json sorts every map's keys by the Go
// strings (or MarshalText's); see jsonv2.go.
func methodKey[K any]() bool { return false }

func validNames[K comparable, V any](ks []MapEntry[K, V]) {}

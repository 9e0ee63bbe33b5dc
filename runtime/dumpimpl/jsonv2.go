//go:build goexperiment.jsonv2

// The encoding/json implemented on encoding/json/v2 (Go 1.27's default, Go
// 1.26 under GOEXPERIMENT=jsonv2); jsonv1.go is the other one and says more.

package dumpimpl

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSONv2 reports whether the encoding/json this package is compiled with is
// the one implemented on encoding/json/v2. It is a constant, so generated
// code that branches on it (a struct tag that the two read differently)
// keeps one branch only, at no run-time cost.
const JSONv2 = true

// replacement is how a string writes a byte of invalid UTF-8: as the
// replacement rune itself, U+FFFD.
const replacement = "\uFFFD"

// methodType is the type a MarshalerError names for the value m whose
// method failed. encoding/json/v2 makes every value addressable and calls
// methods through a pointer, so it names a pointer type: *T for a T held by
// value, as for a *T.
func methodType(m any) string {
	t := fmt.Sprintf("%T", m)
	if !strings.HasPrefix(t, "*") {
		t = "*" + t // a named pointer type has no methods: m is a T
	}
	return t
}

// timeError is the cause encoding/json reports for a time.Time that
// MarshalJSON cannot write: v2 formats times itself, names *time.Time, and
// says why without time's "Time.MarshalJSON: " prefix.
func timeError(err error) *MarshalerError {
	return &MarshalerError{Type: "*time.Time", Func: "MarshalJSON",
		Err: errors.New(strings.TrimPrefix(err.Error(), "Time.MarshalJSON: "))}
}

// numberError is encoding/json's error for a json.Number s that is not a
// number literal; quoted is the ",string" option. v2 encodes json.Number
// with its MarshalJSONTo method and quotes s before it checks it.
func numberError(s string, quoted bool) error {
	if quoted {
		s = `"` + s + `"`
	}
	return &MarshalerError{Type: "*json.Number", Func: "MarshalJSONTo",
		Err: fmt.Errorf("cannot parse %q as JSON number: %w", s, strconv.ErrSyntax)}
}

// methodKey reports whether v2 sorts the keys of a map with key type K by
// their names as written, with invalid UTF-8 as U+FFFD, rather than by the
// Go strings: when K or *K has a method of a JSON or text marshaler or
// unmarshaler (v2's nonDefault key functions), even a string kind. (v2's
// MarshalJSONTo and UnmarshalJSONFrom are left out: naming them needs
// go1.27 in go.mod, and a type has them only when written for v2.)
func methodKey[K any]() bool {
	switch any((*K)(nil)).(type) {
	case encoding.TextMarshaler, encoding.TextAppender, json.Marshaler,
		encoding.TextUnmarshaler, json.Unmarshaler:
		return true
	}
	return false
}

// validNames writes each invalid UTF-8 byte of the names of ks as U+FFFD,
// as it is written (the names are sorted after).
func validNames[K comparable, V any](ks []MapEntry[K, V]) {
	for i := range ks {
		if !utf8.ValidString(ks[i].Name) {
			ks[i].Name = string([]rune(ks[i].Name))
		}
	}
}

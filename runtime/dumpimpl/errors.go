// Errors: the Error users see (as runtime.Error, an alias documented for
// them there), the causes the runtime creates, and the path in the value,
// which generated code builds only on the way out of a failed encode so that
// the happy path pays for nothing but a Failed check.

package dumpimpl

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is the error of a failed encode: where in the value it happened and
// why. errors.Is and errors.As see the cause through Unwrap: a
// *json.UnsupportedValueError for NaN, ±Inf and cycles, a *MarshalerError for
// a Marshaler that failed or wrote invalid JSON, the writer's own error.
type Error struct {
	Path string // where in the value: ".Orders[2].Lines[0].Price", "" at the top
	Err  error  // the cause
}

func (e *Error) Error() string {
	if e.Path == "" {
		return "jsondump: " + e.Err.Error()
	}
	return "jsondump: " + shortPath(e.Path) + ": " + e.Err.Error()
}

// shortPath elides the middle of a path too long to read, such as the
// thousand steps of a cycle; Error.Path keeps it whole.
func shortPath(path string) string {
	const head, tail = 120, 80
	if len(path) <= head+tail+20 {
		return path
	}
	h, t := head, len(path)-tail
	for h > 0 && !utf8.RuneStart(path[h]) {
		h--
	}
	for t < len(path) && !utf8.RuneStart(path[t]) {
		t++
	}
	return path[:h] + " ... (" + strconv.Itoa(len(path)-h-(len(path)-t)) + " bytes) ... " + path[t:]
}

func (e *Error) Unwrap() error { return e.Err }

// MarshalerError is the cause when a MarshalJSON or MarshalText method fails
// or MarshalJSON returns invalid JSON. It reads like encoding/json's
// MarshalerError, which cannot be built without package reflect.
type MarshalerError struct {
	Type string // the Go type whose method failed, e.g. "*shop.Price"
	Func string // "MarshalJSON" or "MarshalText"
	Err  error  // what the method returned, or a *json.SyntaxError for invalid output
}

func (e *MarshalerError) Error() string {
	return "json: error calling " + e.Func + " for type " + e.Type + ": " + e.Err.Error()
}

func (e *MarshalerError) Unwrap() error { return e.Err }

// fail records the first error of the encode; later ones are consequences.
func (e *Encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// failWriter records a writer error. Its path, built on the way out like
// any other, says where in the value the encode was when the writer failed:
// chunks are handed over between members and elements, so that is the
// member being written; a failure of the last chunk, in Close, has none.
func (e *Encoder) failWriter(err error) {
	if e.err == nil {
		e.err = err
		e.werr = true
	}
}

// Unsupported records the *json.UnsupportedValueError with text str that
// encoding/json returns for a value it will not write. Generated code calls
// it, under JSONv2, for a struct with a format tag option, on which the
// encoding/json on encoding/json/v2 fails.
func (e *Encoder) Unsupported(str string) {
	e.fail(&json.UnsupportedValueError{Str: str})
}

// Failed reports whether the encode has failed. Generated code checks it
// after every call that can fail and then returns at once, calling At* on
// its way out.
func (e *Encoder) Failed() bool { return e.err != nil }

// The At methods are not inlined: generated code calls them only on the
// way out of a failed encode, at thousands of places in a big package. An
// inlined call there costs the compiler the call's code, and more: every
// inlined call adds a variable, its receiver, that the debug information
// follows through the rest of the function (DESIGN.md, "Generated code at
// scale").

// AtField prepends ".name" to the path of the error.
//
//go:noinline
func (e *Encoder) AtField(name string) { e.at(".", name) }

// AtIndex prepends "[i]" to the path of the error.
//
//go:noinline
func (e *Encoder) AtIndex(i int) { e.at("[", strconv.Itoa(i)) }

// AtKey prepends `["k"]` (k quoted as Go quotes it) to the path of the error.
//
//go:noinline
func (e *Encoder) AtKey(k string) { e.at("[", strconv.Quote(k)) }

// at records one step of the path. Steps arrive innermost first, so they are
// stored in that order and reversed once, in result.
func (e *Encoder) at(kind, s string) {
	if e.err != nil {
		e.path = append(e.path, kind, s)
		if len(e.path) > keepKeys {
			e.grown = true // see dropLargeScratch
		}
	}
}

// result is the error of the encode as the user sees it, or nil.
func (e *Encoder) result() error {
	if e.err == nil {
		return nil
	}
	var b strings.Builder
	for i := len(e.path) - 2; i >= 0; i -= 2 {
		b.WriteString(e.path[i])
		b.WriteString(e.path[i+1])
		if e.path[i] == "[" {
			b.WriteByte(']')
		}
	}
	return &Error{Path: b.String(), Err: e.err}
}

// Package jsondump is the drop-in for encoding/json's encoding API: Marshal,
// MarshalIndent and an Encoder with Encode, SetIndent and SetEscapeHTML,
// whose output is byte for byte that of the encoding/json functions of the
// same names. Values of types with jsondump-generated code (see
// cmd/jsondump), pointers to them, and slices, arrays, maps and interfaces
// holding them take the generated code; every other value is written as
// encoding/json writes it, by encoding/json where jsondump has no code of
// its own for it.
//
// Swap it in where a framework or a helper calls json.Marshal or
// json.NewEncoder:
//
//	func writeJSON(w http.ResponseWriter, v any) error {
//		w.Header().Set("Content-Type", "application/json")
//		return jsondump.NewEncoder(w).Encode(v)
//	}
//
// Generated code changes nothing that encoding/json itself does: json.Marshal
// on a generated type gives the same bytes, at the same speed, as before the
// type had generated code. The speed is in this package and in the
// generated DumpTo and Dumps methods.
//
// Errors: where encoding/json fails, so do these functions, with a
// *runtime.Error that says where in the value it happened and wraps the
// cause (for NaN, ±Inf and cycles a *json.UnsupportedValueError, as
// encoding/json returns), so errors.Is and errors.As reach it. Unlike
// json.Encoder, an Encoder streams: a value whose JSON is larger than a
// chunk (about 32 KiB) reaches the writer in chunks, so when an encode fails
// late, the writer has received a prefix of the output.
package jsondump

import (
	"io"

	"github.com/jsondump/jsondump/runtime"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

// Marshal returns the JSON encoding of v, as json.Marshal does, formatted as
// opts ask (none: exactly json.Marshal's bytes).
func Marshal(v any, opts ...runtime.Option) ([]byte, error) {
	e := dumpimpl.NewEncoder(nil, opts...)
	e.Any(v)
	return e.Bytes()
}

// MarshalIndent is like Marshal but indents its output, as
// json.MarshalIndent does: each element of an array or object on a new line
// that begins with prefix, followed by one copy of indent per level.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return Marshal(v, runtime.Indent(prefix, indent))
}

// An Encoder writes JSON values to an output stream, as json.Encoder does:
// each value followed by a newline.
type Encoder struct {
	w              io.Writer
	prefix, indent string
	escapeHTML     bool
	opts           [2]runtime.Option // what the settings above come to
	nopts          int
}

// NewEncoder returns a new Encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, followed by a newline.
func (enc *Encoder) Encode(v any) error {
	e := dumpimpl.NewEncoder(enc.w, enc.opts[:enc.nopts]...)
	e.Any(v)
	e.EndLine()
	return e.Close()
}

// SetIndent makes the Encoder indent each value it encodes as MarshalIndent
// does with prefix and indent. Both empty turn indentation off.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.prefix, enc.indent = prefix, indent
	enc.settle()
}

// SetEscapeHTML says whether <, > and & inside strings are escaped as
// \u003c, \u003e and \u0026, as json.Encoder's method of the same name
// does. It is on by default.
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
	enc.settle()
}

// settle turns the settings into the options of each Encode, once, so that
// Encode allocates nothing for them.
func (enc *Encoder) settle() {
	enc.nopts = 0
	if enc.prefix != "" || enc.indent != "" {
		enc.opts[enc.nopts] = runtime.Indent(enc.prefix, enc.indent)
		enc.nopts++
	}
	if !enc.escapeHTML {
		enc.opts[enc.nopts] = runtime.EscapeHTML(false)
		enc.nopts++
	}
}

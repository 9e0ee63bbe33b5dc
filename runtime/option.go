package runtime

import "github.com/jsondump/jsondump/runtime/dumpimpl"

// An Option changes how a value is written. It is passed to the generated
// methods (DumpTo, Dumps) and to jsondump.Marshal. Options are plain values:
// passing them never allocates, and the zero Option does nothing. When one
// is given twice, the last wins.
type Option = dumpimpl.Option

// Indent writes every array element and object member on a new line that
// begins with prefix and one copy of indent per level of nesting, as
// json.MarshalIndent does. Empty arrays and objects stay [] and {}.
// Python: indent=.
func Indent(prefix, indent string) Option { return dumpimpl.Indent(prefix, indent) }

// EscapeHTML says whether <, > and & inside strings are written as \u003c,
// \u003e and \u0026. It is on by default, as in encoding/json; EscapeHTML(false)
// gives the output of a json.Encoder with SetEscapeHTML(false).
func EscapeHTML(on bool) Option { return dumpimpl.EscapeHTML(on) }

// SortKeys writes the members of every object sorted by key as the output
// spells it: bytewise on its UTF-8, as encoding/json sorts map keys, but a
// byte of invalid UTF-8 sorts as the U+FFFD it is written as. Struct fields
// too, and the objects inside json.RawMessage and Marshaler output.
// Python: sort_keys=True.
//
// Struct fields are put in order when their object closes, so an object is
// held in memory until then: DumpTo hands its writer no chunk while an
// object is open, where without SortKeys it would every 32 KiB (a top-level
// array of objects still streams, an object at a time).
func SortKeys() Option { return dumpimpl.SortKeys() }

// EnsureASCII writes DEL and every non-ASCII rune as \uXXXX (lower-case hex,
// a surrogate pair above U+FFFF), in json.RawMessage and Marshaler output too,
// and changes nothing else: every other byte, and every escape already in
// the output, is as it would be without it. Python: ensure_ascii=True.
func EnsureASCII() Option { return dumpimpl.EnsureASCII() }

// AllowNaN writes NaN, +Inf and -Inf as NaN, Infinity and -Infinity, which
// is not JSON but is what Python writes; without it they are an error.
// Python: allow_nan=True.
func AllowNaN() Option { return dumpimpl.AllowNaN() }

// Options: the user's keywords (named after Python's json.dumps), collapsed
// once per encode into a small struct the Encoder consults.

package runtime

// An Option changes how a value is written. Options are plain values:
// passing them never allocates, and the zero Option does nothing.
type Option struct {
	kind           optionKind
	on             bool
	prefix, indent string
}

type optionKind uint8

const (
	optNone optionKind = iota
	optIndent
	optEscapeHTML
	optSortKeys
	optEnsureASCII
	optAllowNaN
)

// Indent writes every array element and object member on a new line that
// begins with prefix and one copy of indent per level of nesting, as
// json.MarshalIndent does. Empty arrays and objects stay [] and {}.
// Python: indent=.
func Indent(prefix, indent string) Option {
	return Option{kind: optIndent, on: true, prefix: prefix, indent: indent}
}

// EscapeHTML says whether <, > and & inside strings are written as \u003c,
// \u003e and \u0026. It is on by default, as in encoding/json; EscapeHTML(false)
// gives the output of a json.Encoder with SetEscapeHTML(false).
func EscapeHTML(on bool) Option { return Option{kind: optEscapeHTML, on: on} }

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
func SortKeys() Option { return Option{kind: optSortKeys, on: true} }

// EnsureASCII writes DEL and every non-ASCII rune as \uXXXX (lower-case hex,
// a surrogate pair above U+FFFF), in json.RawMessage and Marshaler output too,
// and changes nothing else: every other byte, and every escape already in
// the output, is as it would be without it. Python: ensure_ascii=True.
func EnsureASCII() Option { return Option{kind: optEnsureASCII, on: true} }

// AllowNaN writes NaN, +Inf and -Inf as NaN, Infinity and -Infinity, which
// is not JSON but is what Python writes; without it they are an error.
// Python: allow_nan=True.
func AllowNaN() Option { return Option{kind: optAllowNaN, on: true} }

// options is every Option of an encode, collapsed.
type options struct {
	indent         bool
	prefix, indStr string
	escapeHTML     bool
	sortKeys       bool
	ensureASCII    bool
	allowNaN       bool
}

func (o *options) set(opts []Option) {
	*o = options{escapeHTML: true}
	for _, op := range opts {
		switch op.kind {
		case optIndent:
			o.indent, o.prefix, o.indStr = true, op.prefix, op.indent
		case optEscapeHTML:
			o.escapeHTML = op.on
		case optSortKeys:
			o.sortKeys = true
		case optEnsureASCII:
			o.ensureASCII = true
		case optAllowNaN:
			o.allowNaN = true
		}
	}
}

// plain says that raw JSON can be copied as encoding/json copies it, without
// going through the structural writer.
func (o *options) plain() bool { return !o.indent && !o.sortKeys && !o.ensureASCII }

// Options: the user's keywords (named after Python's json.dumps), collapsed
// once per encode into a small struct the Encoder consults. Users build
// them with package runtime's constructors, which call these and carry the
// documentation.

package dumpimpl

// An Option changes how a value is written: runtime.Option, documented
// there. Options are plain values: passing them never allocates, and the
// zero Option does nothing.
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

// Indent is runtime.Indent: json.MarshalIndent's layout.
func Indent(prefix, indent string) Option {
	return Option{kind: optIndent, on: true, prefix: prefix, indent: indent}
}

// EscapeHTML is runtime.EscapeHTML: whether <, > and & are escaped.
func EscapeHTML(on bool) Option { return Option{kind: optEscapeHTML, on: on} }

// SortKeys is runtime.SortKeys: every object's members sorted by key.
func SortKeys() Option { return Option{kind: optSortKeys, on: true} }

// EnsureASCII is runtime.EnsureASCII: DEL and non-ASCII runes as \uXXXX.
func EnsureASCII() Option { return Option{kind: optEnsureASCII, on: true} }

// AllowNaN is runtime.AllowNaN: NaN, Infinity and -Infinity, not an error.
func AllowNaN() Option { return Option{kind: optAllowNaN, on: true} }

// options is every Option of an encode, collapsed.
type options struct {
	indent         bool
	prefix, indStr string
	// indentInOrder is indent without sortKeys, the one test keySlow makes
	// on the way of every member of indented output (set computes it).
	indentInOrder bool
	escapeHTML    bool
	sortKeys      bool
	ensureASCII   bool
	allowNaN      bool
}

// set applies opts to the zero options, those of a new Encoder or of one
// that release has reset.
func (o *options) set(opts []Option) {
	o.escapeHTML = true
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
	o.indentInOrder = o.indent && !o.sortKeys
}

// reset makes o the zero options again. Field by field, and the strings
// only when Indent set them: assigning a whole options value is a typed
// copy of a struct with pointers, which while the collector marks goes
// through bulkBarrierPreWrite, about 350 instructions, on every call; with
// one in set too, that was a tenth of the instructions of jsondump.Marshal
// on a 144-byte value (callgrind).
func (o *options) reset() {
	if o.indent {
		o.prefix, o.indStr = "", ""
	}
	o.indent, o.escapeHTML, o.sortKeys, o.ensureASCII, o.allowNaN = false, false, false, false, false
	o.indentInOrder = false
}

// plain says that raw JSON can be copied as encoding/json copies it, without
// going through the structural writer.
func (o *options) plain() bool { return !o.indent && !o.sortKeys && !o.ensureASCII }

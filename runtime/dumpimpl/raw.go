// Raw JSON: json.RawMessage, MarshalJSON and MarshalText output. Raw JSON is
// validated as encoding/json validates it (a failure is a *MarshalerError
// wrapping encoding/json's own *json.SyntaxError) and compacted as its
// compact does, escaping HTML when EscapeHTML is on. With the default
// options that one pass is all. Otherwise the compacted JSON is walked and
// written again through the structural writer, so that Indent, SortKeys and
// EnsureASCII apply inside it. Numbers and strings keep their bytes, escapes
// included, but that EnsureASCII writes non-ASCII runes and DEL as \uXXXX:
// "\u00E9" stays as it is, and "é" becomes "\u00e9".
//
// The type in a MarshalerError comes from fmt's %T, on the error path only.

package dumpimpl

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// maxNestingDepth is the nesting of arrays and objects past which
// encoding/json declares raw JSON invalid.
const maxNestingDepth = 10000

// RawMessage writes b, a json.RawMessage: null when b is nil, else b
// validated and compacted, with the options applied.
func (e *Encoder) RawMessage(b []byte) {
	if b == nil {
		e.Null()
		return
	}
	e.rawJSON(b, json.RawMessage(nil))
}

// Marshaler writes the output of m.MarshalJSON as RawMessage writes raw
// JSON. The caller writes null for a nil pointer instead of calling it, as
// encoding/json does.
func (e *Encoder) Marshaler(m json.Marshaler) {
	b, err := m.MarshalJSON()
	e.marshaled(b, err, m)
}

// marshaled writes what the MarshalJSON of m returned.
func (e *Encoder) marshaled(b []byte, err error, m any) {
	if err != nil {
		e.fail(&MarshalerError{Type: methodType(m), Func: "MarshalJSON", Err: err})
		return
	}
	e.rawJSON(b, m)
}

// TextMarshaler writes the output of m.MarshalText as a JSON string. The
// caller writes null for a nil pointer instead of calling it, as
// encoding/json does.
func (e *Encoder) TextMarshaler(m encoding.TextMarshaler) {
	b, err := m.MarshalText()
	e.marshaledText(b, err, m)
}

// marshaledText writes what the MarshalText of m returned.
func (e *Encoder) marshaledText(b []byte, err error, m any) {
	if err != nil {
		e.fail(&MarshalerError{Type: methodType(m), Func: "MarshalText", Err: err})
		return
	}
	quoteTo(&e.buf, b, e.esc, true)
}

// rawJSON writes untrusted raw JSON b; from is the value that produced it,
// for the error message.
func (e *Encoder) rawJSON(b []byte, from any) {
	var ok bool
	if e.opts.plain() {
		n := len(e.buf)
		if e.buf, ok = appendCompact(e.buf, b, e.opts.escapeHTML); !ok {
			e.buf = e.buf[:n]
			e.rawError(b, from)
		}
		return
	}
	if e.raw, ok = appendCompact(e.raw[:0], b, e.opts.escapeHTML); !ok {
		e.rawError(b, from)
		return
	}
	e.emitRaw(e.raw, 0)
}

// trustedJSON writes b, the output of encoding/json under the Encoder's
// escapeHTML: compact and valid already.
func (e *Encoder) trustedJSON(b []byte) {
	if e.opts.plain() {
		e.buf = append(e.buf, b...)
		return
	}
	e.emitRaw(b, 0)
}

// rawError records why b is invalid, in encoding/json's words: its
// *json.SyntaxError, which only its own scanner can make.
func (e *Encoder) rawError(b []byte, from any) {
	var scratch bytes.Buffer
	err := json.Compact(&scratch, b)
	if err == nil {
		err = errors.New("invalid JSON") // not expected: the fuzzers compare validity
	}
	e.fail(&MarshalerError{Type: methodType(from), Func: "MarshalJSON", Err: err})
}

// rawEsc[html] flags the bytes in a raw string that compaction looks at.
// Without HTML escaping, encoding/json on encoding/json/v2 (JSONv2) still
// escapes U+2028 and U+2029 in raw JSON, and Go 1.26's does not: 0xE2, the
// first byte of both, is looked at then too.
var rawEsc = func() (t [2][256]bool) {
	for i := range t {
		for b := range 256 {
			t[i][b] = b < 0x20 || b == '"' || b == '\\' ||
				i == 1 && (b == '<' || b == '>' || b == '&') ||
				(i == 1 || JSONv2) && b == 0xE2
		}
	}
	return t
}()

// appendCompact appends src without insignificant whitespace and reports
// whether src is valid JSON; on false, dst keeps its length.
func appendCompact(dst, src []byte, html bool) ([]byte, bool) {
	c := compacter{src: src, dst: dst, esc: &rawEsc[0]}
	if html {
		c.esc = &rawEsc[1]
	}
	i := c.value(0)
	if i < 0 || skipSpace(src, i) != len(src) {
		return dst, false
	}
	return c.dst, true
}

// compacter is a recursive-descent validator that copies what it accepts.
// Its methods take the index to start at and return the index after what
// they consumed, or -1 for invalid JSON.
type compacter struct {
	src, dst []byte
	esc      *[256]bool
	depth    int
}

func (c *compacter) value(i int) int {
	src := c.src
	i = skipSpace(src, i)
	if i >= len(src) {
		return -1
	}
	switch src[i] {
	case '{':
		return c.object(i)
	case '[':
		return c.array(i)
	case '"':
		return c.string(i)
	case 't':
		return c.literal(i, "true")
	case 'f':
		return c.literal(i, "false")
	case 'n':
		return c.literal(i, "null")
	}
	j := scanNumber(src, i)
	if j < 0 {
		return -1
	}
	c.dst = append(c.dst, src[i:j]...)
	return j
}

func (c *compacter) object(i int) int {
	if c.depth++; c.depth > maxNestingDepth {
		return -1
	}
	src := c.src
	c.dst = append(c.dst, '{')
	i = skipSpace(src, i+1)
	if i < len(src) && src[i] == '}' {
		c.dst = append(c.dst, '}')
		c.depth--
		return i + 1
	}
	for {
		if i >= len(src) || src[i] != '"' {
			return -1
		}
		if i = skipSpace(src, c.string(i)); i < 0 || i >= len(src) || src[i] != ':' {
			return -1
		}
		c.dst = append(c.dst, ':')
		if i = skipSpace(src, c.value(i+1)); i < 0 || i >= len(src) {
			return -1
		}
		switch src[i] {
		case ',':
			c.dst = append(c.dst, ',')
			i = skipSpace(src, i+1)
		case '}':
			c.dst = append(c.dst, '}')
			c.depth--
			return i + 1
		default:
			return -1
		}
	}
}

func (c *compacter) array(i int) int {
	if c.depth++; c.depth > maxNestingDepth {
		return -1
	}
	src := c.src
	c.dst = append(c.dst, '[')
	i = skipSpace(src, i+1)
	if i < len(src) && src[i] == ']' {
		c.dst = append(c.dst, ']')
		c.depth--
		return i + 1
	}
	for {
		if i = skipSpace(src, c.value(i)); i < 0 || i >= len(src) {
			return -1
		}
		switch src[i] {
		case ',':
			c.dst = append(c.dst, ',')
			i++
		case ']':
			c.dst = append(c.dst, ']')
			c.depth--
			return i + 1
		default:
			return -1
		}
	}
}

func (c *compacter) literal(i int, lit string) int {
	if !bytes.HasPrefix(c.src[i:], []byte(lit)) {
		return -1
	}
	c.dst = append(c.dst, lit...)
	return i + len(lit)
}

// string copies the string at src[i:], escaping <, >, &, U+2028 and U+2029
// as rawEsc says, as encoding/json's compact does.
func (c *compacter) string(i int) int {
	src, esc := c.src, c.esc
	start := i
	for i++; ; {
		for i < len(src) && !esc[src[i]] {
			i++
		}
		if i >= len(src) {
			return -1
		}
		switch b := src[i]; {
		case b == '"':
			c.dst = append(c.dst, src[start:i+1]...)
			return i + 1
		case b == '\\':
			if i+1 >= len(src) {
				return -1
			}
			switch src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(src) || !isHex4(src[i+2:i+6]) {
					return -1
				}
				i += 6
			default:
				return -1
			}
		case b < 0x20:
			return -1
		case b == 0xE2:
			if i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
				c.dst = append(c.dst, src[start:i]...)
				c.dst = append(c.dst, '\\', 'u', '2', '0', '2', hex[src[i+2]&0xF])
				i += 3
				start = i
			} else {
				i++
			}
		default: // <, > or &
			c.dst = append(c.dst, src[start:i]...)
			c.dst = append(c.dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			i++
			start = i
		}
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace; it keeps -1 as it is.
func skipSpace(s []byte, i int) int {
	for i >= 0 && i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		}
		break
	}
	return i
}

func isHex4(s []byte) bool {
	for _, b := range s[:4] {
		if !('0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			return false
		}
	}
	return true
}

// The walker: emitRaw and its helpers read compact, valid JSON only.

// emitRaw writes the value at c[i:] through the structural writer and
// returns the index after it.
func (e *Encoder) emitRaw(c []byte, i int) int {
	switch c[i] {
	case '{':
		e.OpenObject()
		if c[i+1] == '}' {
			e.CloseObject()
			return i + 2
		}
		if e.opts.sortKeys {
			return e.emitSortedMembers(c, i+1)
		}
		for i++; ; i++ { // past { or ,
			j := skipString(c, i)
			e.rawKey(c[i:j])
			if i = e.emitRaw(c, j+1); c[i] == '}' {
				e.CloseObject()
				return i + 1
			}
		}
	case '[':
		e.OpenArray()
		if c[i+1] == ']' {
			e.CloseArray()
			return i + 2
		}
		for i++; ; i++ { // past [ or ,
			e.Elem()
			if i = e.emitRaw(c, i); c[i] == ']' {
				e.CloseArray()
				return i + 1
			}
		}
	case '"':
		j := skipString(c, i)
		e.rawString(c[i:j])
		return j
	}
	j := scalarEnd(c, i)
	e.buf = append(e.buf, c[i:j]...)
	return j
}

// member is one member of a raw object under SortKeys: where its key and
// value are in the JSON, and its decoded key, in the JSON too when the key
// has no escapes, else in e.arena.
type member struct {
	key, val     int // offsets of the quoted key and of the value
	dec0, dec1   int // the decoded key
	decodedArena bool
}

// emitSortedMembers writes the members of the object whose first member is
// at c[i:], sorted stably by their decoded keys as the output spells them
// (compareSpelled: compaction keeps invalid UTF-8, which reads as U+FFFD),
// then the closing brace, and returns the index after it.
func (e *Encoder) emitSortedMembers(c []byte, i int) int {
	base, abase := len(e.members), len(e.arena)
	for ; ; i++ { // past ,
		j := skipString(c, i)
		m := member{key: i, val: j + 1, dec0: i + 1, dec1: j - 1}
		if bytes.IndexByte(c[i+1:j-1], '\\') >= 0 {
			m.dec0 = len(e.arena)
			e.arena = appendUnquoted(e.arena, c[i+1:j-1])
			m.dec1, m.decodedArena = len(e.arena), true
		}
		e.members = append(e.members, m)
		if i = skipValue(c, j+1); c[i] == '}' {
			break
		}
	}
	if len(e.members) > keepKeys || len(e.arena) > keepBuffer {
		e.grown = true // see dropLargeScratch
	}
	arena := e.arena
	keyOf := func(m *member) []byte {
		if m.decodedArena {
			return arena[m.dec0:m.dec1]
		}
		return c[m.dec0:m.dec1]
	}
	slices.SortStableFunc(e.members[base:], func(a, b member) int {
		return compareSpelled(keyOf(&a), keyOf(&b))
	})
	// Indexes, not a range: the members of nested objects go on the same stack.
	for k, end := base, len(e.members); k < end; k++ {
		m := e.members[k]
		e.rawKey(c[m.key : m.val-1])
		e.emitRaw(c, m.val)
	}
	e.members, e.arena = e.members[:base], e.arena[:abase]
	e.CloseObject()
	return i + 1
}

func (e *Encoder) rawKey(quoted []byte) {
	e.beginMember()
	e.rawString(quoted)
	e.colon()
}

func (e *Encoder) rawString(quoted []byte) {
	if e.opts.ensureASCII {
		e.setBuf(appendASCII(e.buf, quoted))
	} else {
		e.buf = append(e.buf, quoted...)
	}
}

// skipString returns the index after the string that starts at c[i].
func skipString(c []byte, i int) int {
	for i++; ; i++ {
		switch c[i] {
		case '"':
			return i + 1
		case '\\':
			i++
		}
	}
}

func scalarEnd(c []byte, i int) int {
	for i < len(c) && c[i] != ',' && c[i] != '}' && c[i] != ']' {
		i++
	}
	return i
}

// skipValue returns the index after the value that starts at c[i].
func skipValue(c []byte, i int) int {
	switch c[i] {
	case '"':
		return skipString(c, i)
	case '{', '[':
		for depth := 0; ; {
			switch c[i] {
			case '"':
				i = skipString(c, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
	}
	return scalarEnd(c, i)
}

// appendUnquoted appends the decoded contents s of a valid JSON string, as
// encoding/json decodes it: a lone surrogate escape becomes U+FFFD.
func appendUnquoted(dst, s []byte) []byte {
	for len(s) > 0 {
		k := bytes.IndexByte(s, '\\')
		if k < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:k]...)
		r, n := decodeEscape(s[k:])
		dst = utf8.AppendRune(dst, r) // a surrogate becomes U+FFFD
		s = s[k+n:]
	}
	return dst
}

// appendASCII appends q, a quoted JSON string, with every non-ASCII rune and
// DEL written as \uXXXX (a surrogate pair above U+FFFF) and every other byte
// as it is: EnsureASCII changes nothing that is ASCII without it, escapes
// included ("\u003c" from a Marshaler stays, where decoding and writing the
// string anew would give "<" without EscapeHTML). A byte of invalid UTF-8,
// which compaction keeps as encoding/json's does, is \ufffd, the rune a
// reader takes it for.
func appendASCII(dst, q []byte) []byte {
	for {
		i := 0
		for i < len(q) && q[i] < 0x7f {
			i++
		}
		dst = append(dst, q[:i]...)
		if i == len(q) {
			return dst
		}
		r, n := utf8.DecodeRune(q[i:]) // utf8.RuneError, 1 for an invalid byte
		dst = appendEscapedRune(dst, r)
		q = q[i+n:]
	}
}

// decodeEscape decodes the valid escape at the start of s and returns its
// rune and length. A \u escape of a surrogate pair is one rune; a lone
// surrogate is returned as it is.
func decodeEscape(s []byte) (rune, int) {
	switch s[1] {
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		r := hex4(s[2:6])
		if utf16.IsSurrogate(r) && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if d := utf16.DecodeRune(r, hex4(s[8:12])); d != utf8.RuneError {
				return d, 12
			}
		}
		return r, 6
	}
	return rune(s[1]), 2 // " \ /
}

func hex4(s []byte) rune {
	var r rune
	for _, b := range s[:4] {
		switch {
		case b <= '9':
			b -= '0'
		case b >= 'a':
			b -= 'a' - 10
		default:
			b -= 'A' - 10
		}
		r = r<<4 | rune(b)
	}
	return r
}

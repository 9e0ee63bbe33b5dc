// Strings: escaping exactly as encoding/json's appendString does, plus
// EnsureASCII. Clean runs of bytes are found with one table lookup per byte
// and copied with one append; only the bytes the table flags are looked at
// closely.

package runtime

import "unicode/utf8"

const hex = "0123456789abcdef"

// escTables[tableIndex(html, ascii)][b] says that byte b cannot be copied as
// it is into a JSON string: control characters, " and \ always; every byte
// of a multi-byte UTF-8 sequence, since the sequence may be invalid or U+2028
// or U+2029; <, > and & when escaping HTML; DEL under EnsureASCII.
var escTables = func() (t [4][256]bool) {
	for i := range t {
		html, ascii := i&1 != 0, i&2 != 0
		for b := range 256 {
			t[i][b] = b < 0x20 || b == '"' || b == '\\' || b >= utf8.RuneSelf ||
				html && (b == '<' || b == '>' || b == '&') ||
				ascii && b == 0x7f
		}
	}
	return t
}()

func tableIndex(html, ascii bool) int {
	i := 0
	if html {
		i |= 1
	}
	if ascii {
		i |= 2
	}
	return i
}

// String writes s as a JSON string.
func (e *Encoder) String(s string) {
	e.buf = appendString(e.buf, s, e.esc, e.opts.ensureASCII)
}

// QuotedString writes s for the ",string" tag option: the JSON string of s,
// itself as a JSON string, as encoding/json does (the outer escaping never
// escapes HTML: the inner one did). EnsureASCII applies to the outer one
// only, so that it changes the spelling of the value, not the value: the
// inner string is the same text as without it.
func (e *Encoder) QuotedString(s string) {
	n := len(e.buf)
	e.buf = appendString(e.buf, s, &escTables[tableIndex(e.opts.escapeHTML, false)], false)
	e.raw = append(e.raw[:0], e.buf[n:]...)
	e.buf = appendString(e.buf[:n], e.raw, &escTables[tableIndex(false, e.opts.ensureASCII)], e.opts.ensureASCII)
}

// appendString appends src as a JSON string, escaping the bytes esc flags.
// ascii is EnsureASCII: esc then flags DEL and non-ASCII bytes too, which are
// written as \uXXXX.
func appendString[S string | []byte](dst []byte, src S, esc *[256]bool, ascii bool) []byte {
	dst = append(dst, '"')
	dst = appendEscaped(dst, src, esc, ascii)
	return append(dst, '"')
}

// appendEscaped is appendString without the quotes.
func appendEscaped[S string | []byte](dst []byte, src S, esc *[256]bool, ascii bool) []byte {
	start := 0
	for i := 0; i < len(src); {
		// The loop that matters: skip what needs no escaping.
		for i < len(src) && !esc[src[i]] {
			i++
		}
		if i >= len(src) {
			break
		}
		b := src[i]
		if b < utf8.RuneSelf {
			if start < i { // escapes come in runs too
				dst = append(dst, src[start:i]...)
			}
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				// Other control characters, <, >, & and DEL.
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		if !ascii {
			// Two- and three-byte sequences, most of non-ASCII text, are
			// checked here without decoding them.
			if b < 0xE0 {
				if b >= 0xC2 && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
					i += 2
					continue
				}
			} else if b < 0xF0 && i+2 < len(src) && src[i+2]&0xC0 == 0x80 {
				lo, hi := byte(0x80), byte(0xBF)
				switch b {
				case 0xE0:
					lo = 0xA0 // else overlong
				case 0xED:
					hi = 0x9F // else a surrogate
				case 0xE2:
					if src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
						hi = 0 // U+2028 or U+2029: the slow path escapes them
					}
				}
				if c1 := src[i+1]; lo <= c1 && c1 <= hi {
					i += 3
					continue
				}
			}
		}
		// Stack-allocated: at most utf8.UTFMax bytes are converted.
		c, size := utf8.DecodeRuneInString(string(src[i:min(len(src), i+utf8.UTFMax)]))
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, src[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			// Valid JSON but not valid JavaScript (JSONP): always escaped,
			// as encoding/json does.
			dst = append(dst, src[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		case ascii:
			dst = append(dst, src[start:i]...)
			dst = appendEscapedRune(dst, c)
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(dst, src[start:]...)
}

// appendEscapedRune writes r as \uXXXX, or as a UTF-16 surrogate pair above
// U+FFFF, as Python's ensure_ascii does.
func appendEscapedRune(dst []byte, r rune) []byte {
	if r > 0xFFFF {
		r -= 0x10000
		dst = appendU4(dst, 0xD800+r>>10)
		r = 0xDC00 + r&0x3FF
	}
	return appendU4(dst, r)
}

func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
}

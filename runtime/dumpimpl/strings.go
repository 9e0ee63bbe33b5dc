// Strings: escaping exactly as encoding/json's appendString does, plus
// EnsureASCII. Clean runs of bytes are found eight ASCII bytes at a time (one
// word, tested with bit tricks), then with one table lookup per byte, and
// copied with one append; runs of non-ASCII text are validated a sequence at
// a time; only what needs escaping is looked at closely.

package dumpimpl

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// escTables[tableIndex(html, ascii)][b] says that byte b cannot be copied as
// it is into a JSON string: control characters, " and \ always; every byte
// of a multi-byte UTF-8 sequence, since the sequence may be invalid or U+2028
// or U+2029; <, > and & when escaping HTML; DEL under EnsureASCII, and only
// then, which tells the escaper that the table is for EnsureASCII.
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
	quoteTo(&e.buf, s, e.esc, true)
}

// QuotedString writes s for the ",string" tag option: the JSON string of s,
// itself as a JSON string, as encoding/json does (the outer escaping never
// escapes HTML: the inner one did). EnsureASCII applies to the outer one
// only, so that it changes the spelling of the value, not the value: the
// inner string is the same text as without it.
func (e *Encoder) QuotedString(s string) {
	n := len(e.buf)
	e.setBuf(appendString(e.buf, s, &escTables[tableIndex(e.opts.escapeHTML, false)]))
	e.raw = append(e.raw[:0], e.buf[n:]...)
	e.setBuf(appendString(e.buf[:n], e.raw, &escTables[tableIndex(false, e.opts.ensureASCII)]))
}

// appendString appends src as a JSON string, escaping the bytes esc flags.
// An EnsureASCII table (the one kind that flags DEL) has every non-ASCII
// rune written as \uXXXX too.
func appendString[S string | []byte](dst []byte, src S, esc *[256]bool) []byte {
	quoteTo(&dst, src, esc, true)
	return dst
}

// appendEscaped is appendString without the quotes.
func appendEscaped[S string | []byte](dst []byte, src S, esc *[256]bool) []byte {
	quoteTo(&dst, src, esc, false)
	return dst
}

// quoteTo appends src to *p as appendString does, the quotes only when
// quote is set: one call for a string, small enough at the call site for
// String to be inlined, and *p is stored as setSlice does.
func quoteTo[S string | []byte](p *[]byte, src S, esc *[256]bool, quote bool) {
	// Most strings are short. One of at most 32 bytes, with room for it,
	// is looked at in a few words and copied as them (overlapping), if none
	// of its bytes needs a look: no loop and no other call.
	if n := len(src); quote && n <= 16 && cap(*p)-len(*p) >= 18 {
		// The words that cover src: from 8 bytes, the first and the last
		// eight; below, one word of its bytes, filled with bytes that need
		// no look.
		var first, last uint64
		switch {
		case n >= 8:
			first, last = load64(src, 0), load64(src, n-8)
		case n >= 4:
			first = uint64(load32(src, 0)) | uint64(load32(src, n-4))<<32
		case n > 0:
			first = uint64(src[0]) | uint64(src[n>>1])<<8 | uint64(src[n-1])<<16 | 'a'*0x0101010101<<24
		default:
			first = 'a' * 0x0101010101010101
		}
		html, del := esc['<'], esc[0x7f]
		m := lookMask(first, html, del)
		if n > 8 {
			m |= lookMask(last, html, del)
		}
		if m == 0 {
			dst := *p
			k := len(dst)
			out := dst[k : k+18]
			out[0] = '"'
			switch {
			case n >= 8:
				binary.LittleEndian.PutUint64(out[1:], first)
				binary.LittleEndian.PutUint64(out[n-7:], last)
			case n >= 4:
				binary.LittleEndian.PutUint32(out[1:], uint32(first))
				binary.LittleEndian.PutUint32(out[n-3:], uint32(first>>32))
			case n > 0:
				out[1], out[1+n>>1], out[n] = byte(first), byte(first>>8), byte(first>>16)
			}
			out[n+1] = '"'
			*p = (*p)[:k+n+2] // the length only: no write barrier
			return
		}
	} else if quote && n <= 32 && cap(*p)-len(*p) >= 34 {
		// From 17 bytes: four words, the third the same as the last when
		// n <= 24.
		w0, w1, w2, w3 := load64(src, 0), load64(src, 8), load64(src, min(16, n-8)), load64(src, n-8)
		html, del := esc['<'], esc[0x7f]
		if lookMask(w0, html, del)|lookMask(w1, html, del)|lookMask(w2, html, del)|lookMask(w3, html, del) == 0 {
			dst := *p
			k := len(dst)
			out := dst[k : k+34]
			out[0] = '"'
			binary.LittleEndian.PutUint64(out[1:], w0)
			binary.LittleEndian.PutUint64(out[9:], w1)
			binary.LittleEndian.PutUint64(out[1+min(16, n-8):], w2)
			binary.LittleEndian.PutUint64(out[n-7:], w3)
			out[n+1] = '"'
			*p = (*p)[:k+n+2]
			return
		}
	}
	quoteRuns(p, src, esc, quote)
}

// quoteRuns is quoteTo for any string: it copies src run by run, escaping
// what needs it.
func quoteRuns[S string | []byte](p *[]byte, src S, esc *[256]bool, quote bool) {
	dst := *p
	if quote {
		dst = append(dst, '"')
	}
	// An EnsureASCII table, and only such a table, flags DEL.
	html, del := esc['<'], esc[0x7f]
	ascii := del
	start := 0
	for i := 0; i < len(src); {
		// The loops that matter: skip what needs no escaping, eight bytes at
		// a time, to the first byte that needs a look, the lowest one the
		// word's mask flags.
		m := uint64(0)
		for i+8 <= len(src) {
			if m = lookMask(load64(src, i), html, del); m != 0 {
				break
			}
			i += 8
		}
		switch {
		case m != 0:
			i += bits.TrailingZeros64(m) >> 3
		case len(src) >= 8:
			// The tail, shorter than a word: the last word of src, its
			// bytes before i (looked at already) masked off. A byte below
			// i that needed escaping may flag the one above it too (see
			// lookMask): the bytes from the one flagged are checked again
			// one by one.
			if m = lookMask(load64(src, len(src)-8), html, del) &^ (1<<(8*(i-(len(src)-8))) - 1); m == 0 {
				i = len(src)
				break
			}
			i = len(src) - 8 + bits.TrailingZeros64(m)>>3
			fallthrough
		default:
			for i < len(src) && !esc[src[i]] {
				i++
			}
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
			// A run of non-ASCII text is checked here, a sequence at a time,
			// without decoding it: two- and three-byte sequences, most of
			// such text. The rest takes the slow path below. The run ends
			// at an ASCII byte, found first: the loop above takes it,
			// without the shapes' checks.
			for i < len(src) && src[i] >= utf8.RuneSelf {
				// Two three-byte or four two-byte sequences at a time,
				// from one word, while the text keeps to one of them.
				// Text in one script keeps to one shape: a tight loop for
				// as long as it does.
				if i+8 <= len(src) {
					w := load64(src, i)
					if two3(w) {
						i += 6
						for i+8 <= len(src) && two3(load64(src, i)) {
							i += 6
						}
						continue
					}
					if four2(w) {
						i += 8
						for i+8 <= len(src) && four2(load64(src, i)) {
							i += 8
						}
						continue
					}
				}
				b := src[i]
				if b < 0xC2 {
					break // ASCII, or not a valid first byte
				} else if b < 0xE0 {
					if i+1 >= len(src) || src[i+1]&0xC0 != 0x80 {
						break
					}
					i += 2
				} else if b < 0xF0 && i+2 < len(src) && src[i+2]&0xC0 == 0x80 {
					lo, hi := byte(0x80), byte(0xBF)
					switch b {
					case 0xE0:
						lo = 0xA0 // else overlong
					case 0xED:
						hi = 0x9F // else a surrogate
					case 0xE2:
						if src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
							hi = 0 // U+2028 or U+2029: escaped below
						}
					}
					if c1 := src[i+1]; c1 < lo || hi < c1 {
						break
					}
					i += 3
				} else {
					break
				}
			}
			if i >= len(src) || src[i] < utf8.RuneSelf {
				continue
			}
		}
		// Invalid UTF-8, U+2028 and U+2029, and every rune under ascii.
		// Stack-allocated: at most utf8.UTFMax bytes are converted.
		c, size := utf8.DecodeRuneInString(string(src[i:min(len(src), i+utf8.UTFMax)]))
		switch {
		case c == utf8.RuneError && size == 1:
			// `\ufffd`, or U+FFFD itself under encoding/json/v2 (JSONv2)
			// but for EnsureASCII.
			dst = append(dst, src[start:i]...)
			if ascii {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, replacement...)
			}
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
	dst = append(dst, src[start:]...)
	if quote {
		dst = append(dst, '"')
	}
	setSlice(p, dst)
}

// load32 returns src[i:i+4] as a little-endian word (one load).
func load32[S string | []byte](src S, i int) uint32 {
	s := src[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// The shapes of sequences in a little-endian word: two three-byte ones
// (1110xxxx 10xxxxxx 10xxxxxx twice, two bytes left over) and four two-byte
// ones (110xxxxx 10xxxxxx). A two-byte sequence is valid when its first byte
// is not C0 or C1, that is has one of the bits lead2Bits picks in its byte:
// adding 0x7F carries such a byte into its top bit, and no further.
const (
	shape3Mask = 0x0000_C0C0F0_C0C0F0
	shape3     = 0x0000_8080E0_8080E0
	shape2Mask = 0xC0E0_C0E0_C0E0_C0E0
	shape2     = 0x80C0_80C0_80C0_80C0
	lead2Bits  = 0x001E_001E_001E_001E
	lead2Add   = 0x007F_007F_007F_007F
	lead2Top   = 0x0080_0080_0080_0080
)

// specialLead[n] is 1 for the leads E0, E2 and ED (n their low four bits),
// the only three-byte leads special3 can reject. A table: a shift by a
// variable amount costs more.
var specialLead = [16]uint8{0: 1, 2: 1, 13: 1}

// two3 reports whether the low six bytes of w are two valid three-byte
// sequences, neither U+2028 nor U+2029. Most leads are none of E0, E2 and
// ED, the only ones special3 can reject (specialLead).
func two3(w uint64) bool {
	return w&shape3Mask == shape3 && (specialLead[w&0xF]|specialLead[w>>24&0xF] == 0 || special3(w))
}

// four2 reports whether w is four valid two-byte sequences.
func four2(w uint64) bool {
	return w&shape2Mask == shape2 && (w&lead2Bits+lead2Add)&lead2Top == lead2Top
}

// special3 is two3's check of two sequences of the shape, in the low six
// bytes of w, when a lead is E0, E2 or ED: neither is U+2028 or U+2029,
// and the second byte's bit 5 is set after E0 (else the sequence is
// overlong) and clear after ED (else a surrogate). That is, the lead's low
// four bits, xored with 0xD where that bit is set, are not zero.
func special3(w uint64) bool {
	k := w&0x0F00_000F ^ (w>>13&0x0100_0001)*0xD
	return (k+0x7F00_007F)&0x8000_0080 == 0x8000_0080 &&
		uint32(w)&0xFEFFFF != 0xA880E2 && uint32(w>>24)&0xFEFFFF != 0xA880E2
}

// load64 returns src[i:i+8] as a little-endian word (one load).
func load64[S string | []byte](src S, i int) uint64 {
	s := src[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lookMask returns the top bit of each byte of w that needs a look: a
// control character, ", \ or a non-ASCII byte; <, > or & when html; DEL
// when del. It may also flag a byte above one that needs a look (the
// subtractions borrow from it), never one below: the lowest bit set is the
// first byte to look at. x-lsb sets the top bit of a byte of x that is 0;
// w-0x20·lsb sets it in bytes below 0x20; non-ASCII bytes have it.
func lookMask(w uint64, html, del bool) uint64 {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	t := w | (w - 0x20*lsb) | ((w ^ '"'*lsb) - lsb) | ((w ^ '\\'*lsb) - lsb)
	if html {
		// < and > differ in one bit only.
		t |= (((w | 0x02*lsb) ^ '>'*lsb) - lsb) | ((w ^ '&'*lsb) - lsb)
	}
	if del {
		t |= (w ^ 0x7f*lsb) - lsb
	}
	return t & msb
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

// Numbers and booleans, formatted exactly as encoding/json formats them:
// floats as ES6 does (the shortest representation, 'f' form unless the
// magnitude is below 1e-6 or at least 1e21), float32 at 32-bit precision.

package dumpimpl

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// Bool writes true or false. Its bytes are appended one by one, as Null's
// are: the compiler appends listed bytes in place and stores only the
// length, where appending a string stores the whole slice header, a write
// barrier while the collector marks.
func (e *Encoder) Bool(b bool) {
	if b {
		e.buf = append(e.buf, 't', 'r', 'u', 'e')
	} else {
		e.buf = append(e.buf, 'f', 'a', 'l', 's', 'e')
	}
}

// Int writes i.
func (e *Encoder) Int(i int64) { decimalTo(&e.buf, uint64(i), true) }

// Uint writes u.
func (e *Encoder) Uint(u uint64) { decimalTo(&e.buf, u, false) }

// appendInt is strconv.AppendInt(dst, i, 10), faster.
func appendInt(dst []byte, i int64) []byte {
	decimalTo(&dst, uint64(i), true)
	return dst
}

// appendUint is strconv.AppendUint(dst, u, 10), faster.
func appendUint(dst []byte, u uint64) []byte {
	decimalTo(&dst, u, false)
	return dst
}

// decimalTo appends u, or int64(u) when signed, to *p, which it stores as
// setSlice does: the digits are written in place, a word at a time (see
// putDigits; up to eight digits, the most common, here). Int and Uint call
// it with e.buf, appendInt and appendUint with their dst.
func decimalTo(p *[]byte, u uint64, signed bool) {
	dst := *p
	if signed && int64(u) < 0 {
		dst = append(dst, '-')
		u = -u
	}
	if u < 10 {
		setSlice(p, append(dst, byte('0'+u)))
		return
	}
	n := decimalLen(u)
	dst = reserve(dst, maxUintLen+8)
	end := len(dst) + n
	if n <= 8 {
		binary.LittleEndian.PutUint64(dst[len(dst):end+8], digits8(uint32(u))>>(64-8*n))
	} else {
		putDigits(dst[len(dst):end+8], u, n)
	}
	setSlice(p, dst[:end])
}

// maxUintLen is the length of the longest uint64, 18446744073709551615.
const maxUintLen = 20

// reserve returns dst with room for n more bytes. Number formatting writes
// whole words, some of which reach past the number's last byte; it reserves
// that room first, rarely growing a buffer that has been in use.
func reserve(dst []byte, n int) []byte {
	if cap(dst)-len(dst) < n {
		dst = slices.Grow(dst, n)
	}
	return dst
}

// putDigits writes the n = decimalLen(u) digits of u to b[:n]. It stores
// whole words, the first digits first, so b must have room for n+8 bytes;
// the bytes past n are garbage.
func putDigits(b []byte, u uint64, n int) {
	_ = b[n+7]
	switch {
	case n <= 8:
		binary.LittleEndian.PutUint64(b, digits8(uint32(u))>>(64-8*n))
	case n <= 16:
		hi, lo := u/1e8, uint32(u%1e8)
		binary.LittleEndian.PutUint64(b, leading(hi, n-8))
		binary.LittleEndian.PutUint64(b[n-8:], digits8(lo))
	default:
		top, mid, lo := u/1e16, uint32(u/1e8%1e8), uint32(u%1e8)
		binary.LittleEndian.PutUint64(b, leading(top, n-16))
		binary.LittleEndian.PutUint64(b[n-16:], digits8(mid))
		binary.LittleEndian.PutUint64(b[n-8:], digits8(lo))
	}
}

// leading returns the n digits of v < 10ⁿ, n ≤ 8, as digits8 does: one or
// two of them (the first of a ten-digit timestamp, of a 17-digit float) from
// one pair, without digits8's divisions.
func leading(v uint64, n int) uint64 {
	if n <= 2 {
		return uint64(digitPairs[v]) >> (16 - 8*n)
	}
	return digits8(uint32(v)) >> (64 - 8*n)
}

// digits8 returns the eight decimal digits of v < 10⁸ in ASCII, the first
// in the lowest byte of the word (the first stored), from four pairs of
// digits. Shifting the word right by 8·k bits drops k leading digits.
func digits8(v uint32) uint64 {
	hi, lo := v/1e4, v%1e4
	return uint64(digitPairs[hi/100]) | uint64(digitPairs[hi%100])<<16 |
		uint64(digitPairs[lo/100])<<32 | uint64(digitPairs[lo%100])<<48
}

// digitPairs[n] is the two digits of n < 100 as a little-endian pair.
var digitPairs = func() (t [100]uint16) {
	for n := range t {
		t[n] = uint16('0'+n/10) | uint16('0'+n%10)<<8
	}
	return t
}()

// decimalLen returns the number of decimal digits of u > 0. bits.Len64(u)
// bits hold up to lenOfBits of them; u has one fewer when it is below the
// smallest number of that many digits.
func decimalLen(u uint64) int {
	n := int(lenOfBits[bits.Len64(u)])
	if u < smallestOfLen[n] {
		n--
	}
	return n
}

// lenOfBits[k] is the number of digits of 2^k - 1, the largest k-bit number
// (1 for k = 0).
var lenOfBits = [65]uint8{1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7,
	8, 8, 8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 15,
	15, 15, 16, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19, 19, 19, 19, 20}

// smallestOfLen[n] is 10^(n-1), the smallest number of n digits, for n ≥ 2;
// 0 for n ≤ 1, which every u reaches.
var smallestOfLen = [21]uint64{0, 0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// Float64 writes f. NaN and ±Inf are an error unless AllowNaN.
func (e *Encoder) Float64(f float64) { e.float(f, 64, false) }

// Float32 writes f at 32-bit precision. NaN and ±Inf are an error unless
// AllowNaN.
func (e *Encoder) Float32(f float32) { e.float(float64(f), 32, false) }

// QuotedBool writes b inside a string, for the ",string" tag option.
func (e *Encoder) QuotedBool(b bool) {
	e.buf = append(e.buf, '"')
	e.Bool(b)
	e.buf = append(e.buf, '"')
}

// QuotedInt writes i inside a string, for the ",string" tag option.
func (e *Encoder) QuotedInt(i int64) {
	e.buf = append(e.buf, '"')
	decimalTo(&e.buf, uint64(i), true)
	e.buf = append(e.buf, '"')
}

// QuotedUint writes u inside a string, for the ",string" tag option.
func (e *Encoder) QuotedUint(u uint64) {
	e.buf = append(e.buf, '"')
	decimalTo(&e.buf, u, false)
	e.buf = append(e.buf, '"')
}

// QuotedFloat64 writes f inside a string, for the ",string" tag option.
func (e *Encoder) QuotedFloat64(f float64) { e.float(f, 64, true) }

// QuotedFloat32 writes f inside a string, for the ",string" tag option.
func (e *Encoder) QuotedFloat32(f float32) { e.float(float64(f), 32, true) }

func (e *Encoder) float(f float64, bits int, quoted bool) {
	if f-f == 0 && bits == 64 && !quoted {
		// The common case, straight to appendFloat64: f is finite (±Inf -
		// ±Inf and NaN - NaN are NaN).
		e.setBuf(appendFloat64(e.buf, f))
		return
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if !e.opts.allowNaN {
			e.fail(&json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)})
			return
		}
		if quoted {
			e.buf = append(e.buf, '"')
		}
		switch {
		case math.IsNaN(f):
			e.buf = append(e.buf, "NaN"...)
		case f > 0:
			e.buf = append(e.buf, "Infinity"...)
		default:
			e.buf = append(e.buf, "-Infinity"...)
		}
	} else {
		if quoted {
			e.buf = append(e.buf, '"')
		}
		e.setBuf(appendFloat(e.buf, f, bits))
	}
	if quoted {
		e.buf = append(e.buf, '"')
	}
}

// appendFloat is encoding/json's floatEncoder for a finite f.
func appendFloat(b []byte, f float64, bits int) []byte {
	if bits == 64 {
		return appendFloat64(b, f)
	}
	abs := math.Abs(f)
	format := byte('f')
	// The cutoffs compare in the float's own precision, as encoding/json does.
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// Number writes a json.Number: "" as 0 (its zero value), and an error for
// anything that is not a JSON number literal, as encoding/json does.
func (e *Encoder) Number(s string) { e.number(s, false) }

// QuotedNumber writes a json.Number inside a string, for the ",string" tag
// option, which encoding/json applies to json.Number as to any string kind.
func (e *Encoder) QuotedNumber(s string) { e.number(s, true) }

func (e *Encoder) number(s string, quoted bool) {
	if s == "" {
		s = "0"
	}
	if !isValidNumber(s) {
		e.fail(numberError(s, quoted))
		return
	}
	if quoted {
		e.buf = append(e.buf, '"')
		e.buf = append(e.buf, s...)
		e.buf = append(e.buf, '"')
		return
	}
	e.buf = append(e.buf, s...)
}

// isValidNumber reports whether s is a JSON number literal:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isValidNumber[S string | []byte](s S) bool {
	return scanNumber(s, 0) == len(s)
}

// scanNumber returns the end of the number literal at s[i:], or -1.
func scanNumber[S string | []byte](s S, i int) int {
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i = digits(s, i+1)
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(s, i+1); j > i+1 {
			i = j
		} else {
			return -1
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

func digits[S string | []byte](s S, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

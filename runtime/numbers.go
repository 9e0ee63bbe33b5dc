// Numbers and booleans, formatted exactly as encoding/json formats them:
// floats as ES6 does (the shortest representation, 'f' form unless the
// magnitude is below 1e-6 or at least 1e21), float32 at 32-bit precision.

package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Bool writes true or false.
func (e *Encoder) Bool(b bool) {
	if b {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
}

// Int writes i.
func (e *Encoder) Int(i int64) { e.buf = appendInt(e.buf, i) }

// Uint writes u.
func (e *Encoder) Uint(u uint64) { e.buf = appendUint(e.buf, u) }

// appendInt is strconv.AppendInt(dst, i, 10), faster.
func appendInt(dst []byte, i int64) []byte {
	u := uint64(i)
	if i < 0 {
		dst = append(dst, '-')
		u = -u
	}
	return appendUint(dst, u)
}

// appendUint is strconv.AppendUint(dst, u, 10), faster: one or two digits
// straight from a table, longer numbers eight digits at a time.
func appendUint(dst []byte, u uint64) []byte {
	if u < 10 {
		return append(dst, byte('0'+u))
	}
	if u < 100 {
		return append(dst, twoDigits[u*2], twoDigits[u*2+1])
	}
	var buf [24]byte
	i := len(buf)
	for u >= 1e8 {
		i -= 8
		put8Digits(buf[i:i+8], uint32(u%1e8))
		u /= 1e8
	}
	i = put1to8Digits(&buf, i, uint32(u))
	return append(dst, buf[i:]...)
}

// put1to8Digits writes the digits of 0 < u < 10⁸ (no leading zeros) to
// buf, ending before buf[i], and returns where they start.
func put1to8Digits(buf *[24]byte, i int, u uint32) int {
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		buf[i], buf[i+1] = twoDigits[r], twoDigits[r+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = twoDigits[u*2], twoDigits[u*2+1]
	} else {
		i--
		buf[i] = byte('0' + u)
	}
	return i
}

// twoDigits are the numbers 00 to 99.
const twoDigits = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

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
	e.buf = appendInt(e.buf, i)
	e.buf = append(e.buf, '"')
}

// QuotedUint writes u inside a string, for the ",string" tag option.
func (e *Encoder) QuotedUint(u uint64) {
	e.buf = append(e.buf, '"')
	e.buf = appendUint(e.buf, u)
	e.buf = append(e.buf, '"')
}

// QuotedFloat64 writes f inside a string, for the ",string" tag option.
func (e *Encoder) QuotedFloat64(f float64) { e.float(f, 64, true) }

// QuotedFloat32 writes f inside a string, for the ",string" tag option.
func (e *Encoder) QuotedFloat32(f float32) { e.float(float64(f), 32, true) }

func (e *Encoder) float(f float64, bits int, quoted bool) {
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
		e.buf = appendFloat(e.buf, f, bits)
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
		e.fail(fmt.Errorf("json: invalid number literal %q", s))
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

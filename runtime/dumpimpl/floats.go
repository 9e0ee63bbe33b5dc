// float64 formatting as encoding/json does it, on shortest64 (shortest.go),
// our Schubfach, which gives strconv's shortest digits several times faster:
// the 'f' or 'e' form chosen here, the digits written eight at a time.
//
// float32 stays with strconv: Go 1.26's strconv writes a few float32 values
// with other digits than the shortest-closest rule gives (2^-12 as
// 0.00024414063), and the output must equal encoding/json's of this Go.
// TestAppendFloat64 compares with strconv.

package dumpimpl

import (
	"encoding/binary"
	"math"
)

// appendFloat64 appends the finite f as encoding/json formats a float64:
// the shortest decimal, in 'f' form, or in 'e' form below 1e-6 and from 1e21
// with the exponent's digits only (1e-7, 1e+21). The digits are written in
// place, in words (putDigits), where the form puts them.
func appendFloat64(dst []byte, f float64) []byte {
	// An integer below 2⁵³ is the only integer that rounds to its float, so
	// its digits are the shortest.
	if i := int64(f); float64(i) == f && i != 0 && -1<<53 < i && i < 1<<53 {
		return appendInt(dst, i)
	}
	// The longest: -0.00000 and 17 digits, or - and 17 digits, ., e-324;
	// and the word that putDigits may store past the digits.
	const room = 8 + 17 + 8
	dst = reserve(dst, room)
	start := len(dst)
	b := dst[start : start+room]
	p := 0 // where the number starts, after its sign
	if math.Signbit(f) {
		b[0] = '-'
		p = 1
	}
	if f == 0 {
		b[p] = '0'
		return dst[:start+p+1]
	}
	d, e := shortest64(math.Float64bits(f))
	for d%10 == 0 {
		d /= 10
		e++
	}
	nd := decimalLen(d)
	// The decimal is 0.digits × 10ⁿ.
	n := e + nd
	var end int
	switch {
	case 0 < n && n < nd:
		// 12.345: the digits one byte on, then the first n moved back
		// before the point.
		putDigits(b[p+1:], d, nd)
		for i := p; i < p+n; i++ {
			b[i] = b[i+1]
		}
		b[p+n] = '.'
		end = p + 1 + nd
	case nd <= n && n <= 21:
		// 12300: the digits, then zeros.
		putDigits(b[p:], d, nd)
		for i := p + nd; i < p+n; i++ {
			b[i] = '0'
		}
		end = p + n
	case -6 < n && n <= 0:
		// 0.00123: "0." and the zeros, then the digits over what is left of
		// the word.
		binary.LittleEndian.PutUint64(b[p:], 0x30303030_30302e30) // "0.000000"
		putDigits(b[p+2-n:], d, nd)
		end = p + 2 - n + nd
	default:
		// 1.23e-7, 1e+21: the first digit before the point.
		putDigits(b[p+1:], d, nd)
		b[p] = b[p+1]
		end = p + 1
		if nd > 1 {
			b[p+1] = '.'
			end = p + 1 + nd
		}
		x := n - 1
		b[end] = 'e'
		b[end+1] = '+'
		if x < 0 {
			b[end+1] = '-'
			x = -x
		}
		xd := decimalLen(uint64(x))
		putDigits(b[end+2:], uint64(x), xd)
		end += 2 + xd
	}
	return dst[:start+end]
}

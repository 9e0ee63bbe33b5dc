// float64 formatting as encoding/json does it, on shortest64 (shortest.go),
// our Schubfach, which gives strconv's shortest digits several times faster:
// the 'f' or 'e' form chosen here, the digits written eight at a time.
//
// float32 stays with strconv: Go 1.26's strconv writes a few float32 values
// with other digits than the shortest-closest rule gives (2^-12 as
// 0.00024414063), and the output must equal encoding/json's of this Go.
// TestAppendFloat64 compares with strconv.

package runtime

import (
	"encoding/binary"
	"math"
)

// appendFloat64 appends the finite f as encoding/json formats a float64:
// the shortest decimal, in 'f' form, or in 'e' form below 1e-6 and from 1e21
// with the exponent's digits only (1e-7, 1e+21).
func appendFloat64(dst []byte, f float64) []byte {
	// An integer below 2⁵³ is the only integer that rounds to its float, so
	// its digits are the shortest.
	if i := int64(f); float64(i) == f && i != 0 && -1<<53 < i && i < 1<<53 {
		return appendInt(dst, i)
	}
	if math.Signbit(f) {
		dst = append(dst, '-')
	}
	if f == 0 {
		return append(dst, '0')
	}
	d, e := shortest64(math.Float64bits(f))
	for d%10 == 0 {
		d /= 10
		e++
	}
	// The digits, the lowest ones eight at a time.
	var buf [24]byte
	i := len(buf)
	for d >= 1e8 {
		i -= 8
		put8Digits(buf[i:i+8], uint32(d%1e8))
		d /= 1e8
	}
	i = put1to8Digits(&buf, i, uint32(d))
	digits := buf[i:]
	// The decimal is 0.digits × 10ⁿ.
	n := e + len(digits)
	switch {
	case len(digits) <= n && n <= 21:
		dst = append(dst, digits...)
		for range n - len(digits) {
			dst = append(dst, '0')
		}
	case 0 < n && n <= 21:
		dst = append(dst, digits[:n]...)
		dst = append(dst, '.')
		dst = append(dst, digits[n:]...)
	case -6 < n && n <= 0:
		dst = append(dst, '0', '.')
		for range -n {
			dst = append(dst, '0')
		}
		dst = append(dst, digits...)
	default:
		dst = append(dst, digits[0])
		if len(digits) > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:]...)
		}
		dst = append(dst, 'e')
		x := n - 1
		if x < 0 {
			dst = append(dst, '-')
			x = -x
		} else {
			dst = append(dst, '+')
		}
		dst = appendUint(dst, uint64(x))
	}
	return dst
}

// put8Digits writes the eight decimal digits of v < 10⁸ to b[:8], dividing
// in the lanes of one word: its halves of four digits, their halves of two,
// then single digits, the first in the lowest lane (the first byte stored).
func put8Digits(b []byte, v uint32) {
	x := uint64(v/1e4) | uint64(v%1e4)<<32
	// n/100 is n·10486 >> 20 for n < 10⁴, and n/10 is n·103 >> 10 for
	// n < 100: the products do not reach the bits of the lanes kept.
	q := x * 10486 >> 20 & 0x0000007f_0000007f
	x = q | (x-q*100)<<16
	q = x * 103 >> 10 & 0x000f000f_000f000f
	x = q | (x-q*10)<<8
	binary.LittleEndian.PutUint64(b, x|0x30303030_30303030)
}

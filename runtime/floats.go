// Shortest float64 formatting, faster than strconv.AppendFloat and giving
// the same digits: Raffaello Giulietti's Schubfach ("The Schubfach way to
// render doubles", 2020) picks, of the decimals that round to the float, one
// of the fewest digits, and of those the closest (the even one on a tie),
// which is what strconv's shortest formatting returns. The algorithm and its
// branch-free choices are adapted from github.com/goccy/go-json's
// internal/floatfmt (MIT License, Copyright (c) 2020 Masaaki Goshima).
//
// float32 stays with strconv: Go 1.26's strconv writes a few float32 values
// with other digits than the shortest-closest rule gives (2^-12 as
// 0.00024414063), and the output must equal encoding/json's of this Go.
// TestAppendFloat64 compares with strconv; floattable.go is checked (and
// rewritten with -update) by TestFloatTable.

package runtime

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// The range of the exponents k of the powers of ten in floatPow10.
const (
	floatKMin = -324
	floatKMax = 292
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
	d, e := shortestDecimal(math.Float64bits(f))
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

// shortestDecimal returns the shortest decimal d × 10ᵉ of the finite,
// non-zero float64 whose IEEE 754 bits are b. d may end in zeros.
func shortestDecimal(b uint64) (uint64, int) {
	const fracBits, qMin = 52, -1074
	t := b & (1<<fracBits - 1)
	bq := int(b>>fracBits) & 0x7ff
	if bq == 0 { // subnormal
		return schubfach(qMin, t)
	}
	return schubfach(bq-1+qMin, 1<<fracBits|t)
}

// schubfach returns the shortest decimal of c × 2^q. Unlike the paper, which
// writes at least two digits, it looks for a decimal of one digit less for
// any s of two digits or more.
func schubfach(q int, c uint64) (uint64, int) {
	const fracBits, qMin = 52, -1074
	out := c & 1 // an even significand rounds its halfway points to itself
	cb := c << 2
	cbr := cb + 2
	var cbl uint64
	var k int
	if c != 1<<fracBits || q == qMin {
		cbl = cb - 2
		k = floorLog10Pow2(q)
	} else {
		// The float below a power of two is nearer than the one above it.
		cbl = cb - 1
		k = floorLog10ThreeQuartersPow2(q)
	}
	h := q + floorLog2Pow10(-k) + 2
	g := &floatPow10[k-floatKMin]
	vb := roundOdd(g, cb<<uint(h))
	vbl := roundOdd(g, cbl<<uint(h))
	vbr := roundOdd(g, cbr<<uint(h))

	// Choices by arithmetic, not branches, which the digits of the floats
	// would mispredict. Of s and s+1, one or both are in the interval: the
	// decimal is s+1 where s is not, or where both are and s+1 is closer to
	// the float, or as close and even.
	s := vb >> 2
	uin := bit(vbl+out <= s<<2)
	win := bit((s+1)<<2+out <= vbr)
	mid := s<<2 + 2
	d := s + (1 - uin | win&(bit(vb > mid)|bit(vb == mid)&s))
	if s >= 10 {
		// A decimal of one digit less is the decimal if only one of its
		// neighbours is in the interval (which is narrower than ten of the
		// last digit of s, so it holds one of them at most). It is returned
		// without its last digit, which is 0.
		sp := s / 10
		upin := bit(vbl+out <= sp*10<<2)
		wpin := bit((sp+1)*10<<2+out <= vbr)
		m := -(upin ^ wpin)
		d = d&^m | (sp+wpin)&m
		k += int(m & 1)
	}
	return d, k
}

func bit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// roundOdd returns g × cp / 2¹²⁷, where g is given as its high and low 63
// bits, rounded to odd: the lowest bit is set when it is not exact.
func roundOdd(g *[2]uint64, cp uint64) uint64 {
	x1, _ := bits.Mul64(g[1], cp)
	y1, y0 := bits.Mul64(g[0], cp)
	z := y0>>1 + x1
	vbp := y1 + z>>63
	return vbp | (z&(1<<63-1)+(1<<63-1))>>63
}

// ⌊e·log₁₀2⌋, ⌊log₁₀(¾·2ᵉ)⌋ and ⌊e·log₂10⌋, exact for the exponents of
// floats, in 64-bit arithmetic.
func floorLog10Pow2(e int) int { return int(int64(e) * 661971961083 >> 41) }
func floorLog10ThreeQuartersPow2(e int) int {
	return int((int64(e)*661971961083 - 274743187321) >> 41)
}
func floorLog2Pow10(e int) int { return int(int64(e) * 913124641741 >> 38) }

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

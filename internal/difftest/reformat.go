// Reformat: what the Python options do to a compact document, in Go, for
// tests that cannot call python3 once per value (fuzzing). The root tests
// check it against Python on thousands of documents (TestReformatMatchesPython).

package difftest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Reformat applies o to doc, compact JSON written by jsondump or
// encoding/json (NaN, Infinity and -Infinity allowed), as jsondump should:
// object members sorted by key (stable, bytewise on the decoded key) under
// SortKeys; strings kept as they are, escapes included, but that
// EnsureASCII writes non-ASCII runes and DEL as \uXXXX; numbers and literals
// kept; indented as json.MarshalIndent with prefix "". doc has the escaping
// of HTML wanted: no option changes it.
func Reformat(doc string, o PyOptions) (string, error) {
	p := parser{s: doc}
	v, err := p.value()
	if err != nil {
		return "", err
	}
	if p.i != len(p.s) {
		return "", fmt.Errorf("offset %d: data after the value", p.i)
	}
	var b strings.Builder
	w := writer{b: &b, o: o}
	w.value(v, 0)
	return b.String(), nil
}

// node is a parsed value: a scalar's bytes, or an array's elements, or an
// object's members.
type node struct {
	kind    byte // '{', '[', '"', or 0 for a number or literal
	raw     string
	keys    []string // raw key tokens, for objects
	decoded []string // decoded keys
	elems   []node
}

type parser struct {
	s string
	i int
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *parser) value() (node, error) {
	if p.i >= len(p.s) {
		return node{}, p.errorf("unexpected end")
	}
	switch c := p.s[p.i]; c {
	case '{', '[':
		n := node{kind: c}
		p.i++
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		for first := true; ; first = false {
			if p.i < len(p.s) && p.s[p.i] == end {
				p.i++
				return n, nil
			}
			if !first {
				if p.i >= len(p.s) || p.s[p.i] != ',' {
					return n, p.errorf("want ,")
				}
				p.i++
			}
			if c == '{' {
				k, err := p.str()
				if err != nil {
					return n, err
				}
				if p.i >= len(p.s) || p.s[p.i] != ':' {
					return n, p.errorf("want :")
				}
				p.i++
				n.keys = append(n.keys, k)
				n.decoded = append(n.decoded, string(decode(k)))
			}
			e, err := p.value()
			if err != nil {
				return n, err
			}
			n.elems = append(n.elems, e)
		}
	case '"':
		s, err := p.str()
		return node{kind: '"', raw: s}, err
	}
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(",]}", rune(p.s[p.i])) {
		p.i++
	}
	if start == p.i {
		return node{}, p.errorf("want a value")
	}
	return node{raw: p.s[start:p.i]}, nil
}

// str returns the string token at p.i, quotes included.
func (p *parser) str() (string, error) {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", p.errorf("want a string")
	}
	start := p.i
	for p.i++; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '\\':
			p.i++
		case '"':
			p.i++
			return p.s[start:p.i], nil
		}
	}
	return "", p.errorf("unterminated string")
}

// decode returns the runes of a string token. A lone surrogate escape stays
// a surrogate code point (Python keeps it too); invalid UTF-8 is U+FFFD.
func decode(tok string) []rune {
	s := tok[1 : len(tok)-1]
	var out []rune
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, r)
			i += n
			continue
		}
		c := s[i+1]
		i += 2
		switch c {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			x, _ := strconv.ParseUint(s[i:i+4], 16, 32)
			i += 4
			r := rune(x)
			if utf16.IsSurrogate(r) && r < 0xDC00 && i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
				y, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
				if p := utf16.DecodeRune(r, rune(y)); p != utf8.RuneError {
					out = append(out, p)
					i += 6
					continue
				}
			}
			out = append(out, r)
		default: // " \ /
			out = append(out, rune(c))
		}
	}
	return out
}

type writer struct {
	b *strings.Builder
	o PyOptions
}

func (w *writer) newline(depth int) {
	if w.o.Indent != nil {
		w.b.WriteByte('\n')
		for range depth {
			w.b.WriteString(*w.o.Indent)
		}
	}
}

func (w *writer) value(n node, depth int) {
	switch n.kind {
	case 0:
		w.b.WriteString(n.raw)
	case '"':
		w.str(n.raw)
	case '[', '{':
		w.b.WriteByte(n.kind)
		order := make([]int, len(n.elems))
		for i := range order {
			order[i] = i
		}
		if n.kind == '{' && w.o.SortKeys {
			slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(n.decoded[a], n.decoded[b]) })
		}
		for j, i := range order {
			if j > 0 {
				w.b.WriteByte(',')
			}
			w.newline(depth + 1)
			if n.kind == '{' {
				w.str(n.keys[i])
				w.b.WriteByte(':')
				if w.o.Indent != nil {
					w.b.WriteByte(' ')
				}
			}
			w.value(n.elems[i], depth+1)
		}
		if len(order) > 0 {
			w.newline(depth)
		}
		if n.kind == '[' {
			w.b.WriteByte(']')
		} else {
			w.b.WriteByte('}')
		}
	}
}

// str writes a string token: as it is, or under EnsureASCII with every
// non-ASCII rune (U+FFFD for a byte of invalid UTF-8) and DEL as \uXXXX and
// nothing else changed, escapes included.
func (w *writer) str(tok string) {
	if !w.o.EnsureASCII {
		w.b.WriteString(tok)
		return
	}
	for _, r := range tok {
		switch {
		case r < 0x7f:
			w.b.WriteRune(r)
		case r > 0xFFFF:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(w.b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(w.b, `\u%04x`, r)
		}
	}
}

// SortKeys for struct fields: generated code writes a struct's members
// once, in the order of its fields, and under SortKeys the Encoder moves
// them into the order of their keys when the object closes. One member list
// per struct, rather than one per order, halves the code the compiler gets
// for every struct of a big API package, and a one-field change to a struct
// changes one place of its generated code.
//
// Under SortKeys every key takes the slow path (limit is 0), which records
// where each member starts; CloseObject then sorts the members of the
// object it closes, stably by key as the output spells it (compareSpelled),
// and rewrites them in place. Map keys arrive sorted already (sortKeys), so
// their objects are only checked. While an object has members recorded the
// buffer is not handed to the writer: their offsets must stay valid, so an
// object under SortKeys is held in memory until it closes.

package dumpimpl

import (
	"slices"
	"strings"
)

// A pendingMember is a member of an object that is still open, under
// SortKeys: the offsets in e.buf of the separator before it (comma,
// newline, indentation) and of its key, and its key as the output spells
// it, decoded.
type pendingMember struct {
	depth    int // e.depth of its object
	sep, key int
	end      int // where it ends; set when its object closes
	name     string
}

// pend records a member whose separator starts at e.buf[sep:] and whose key
// is written next.
func (e *Encoder) pend(sep int, name string) {
	e.pending = append(e.pending, pendingMember{depth: e.depth, sep: sep, key: len(e.buf), name: name})
	if len(e.pending) > keepKeys {
		e.grown = true // see dropLargeScratch
	}
}

// literalName is the key of a Key literal, `"name":` escaped as JSON: the
// name between the quotes, decoded when it holds an escape (a quote, a
// backslash or a control character in a tag name, rare enough to allocate).
func literalName(literal string) string {
	name := literal[1 : len(literal)-2]
	if strings.IndexByte(name, '\\') < 0 {
		return name
	}
	return string(appendUnquoted(nil, []byte(name)))
}

// sortMembers moves the members of the object being closed, the last ones
// recorded at its depth, into the order of their keys. Between two members
// the separator is the same bytes (a comma, and under Indent a newline and
// the indentation of their depth), so the members are cut at their keys and
// written back sorted, with that separator between them.
func (e *Encoder) sortMembers() {
	i := len(e.pending)
	for i > 0 && e.pending[i-1].depth == e.depth {
		i--
	}
	ms := e.pending[i:]
	e.pending = e.pending[:i]
	byName := func(a, b pendingMember) int { return compareSpelled(a.name, b.name) }
	if len(ms) >= 2 && e.err == nil && !slices.IsSortedFunc(ms, byName) {
		e.moveSorted(ms, byName)
	}
	clear(ms) // the names are the user's
}

// moveSorted rewrites the members ms, which end the buffer, in the order of
// cmp.
func (e *Encoder) moveSorted(ms []pendingMember, cmp func(a, b pendingMember) int) {
	for k := range ms[:len(ms)-1] {
		ms[k].end = ms[k+1].sep
	}
	ms[len(ms)-1].end = len(e.buf)
	start := ms[0].key
	sepLen := ms[1].key - ms[1].sep
	// The scratch holds the separator, then the members as written.
	scratch := append(e.raw[:0], e.buf[ms[1].sep:ms[1].key]...)
	scratch = append(scratch, e.buf[start:]...)
	slices.SortStableFunc(ms, cmp)
	// out writes into e.buf's own array: the same members and separators,
	// reordered, fill it back to its length, so it never grows and e.buf
	// needs no assignment.
	out := e.buf[:start]
	for k, m := range ms {
		if k > 0 {
			out = append(out, scratch[:sepLen]...)
		}
		out = append(out, scratch[sepLen+m.key-start:sepLen+m.end-start]...)
	}
	e.raw = scratch[:0]
}

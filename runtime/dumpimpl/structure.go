// Structure: objects, arrays, keys and separators, with indentation done in
// the same pass. One flag (needComma) and one counter (depth) are the whole
// state: a separator is due before every member or element but the first,
// and a newline before the closing bracket only when something was written,
// so that empty objects and arrays stay {} and [] as in json.MarshalIndent.
//
// Key, Elem and the Open and Close methods are inlined into generated code,
// which the compiler allows only for a few operations and at most one call.
// Key and Elem stay on their fast path for a member that is not the first,
// in compact output, with room in the buffer (e.limit folds the last two into
// one comparison); the slow path indents, and flushes a full buffer. The
// Close methods take theirs only when indenting: between two members there
// is no more than one scalar and a run of brackets, so flushing in Key and
// Elem keeps the buffer bounded.

package dumpimpl

// OpenObject writes {.
func (e *Encoder) OpenObject() {
	e.buf = append(e.buf, '{')
	e.needComma = false
	e.depth++
}

// FirstKey starts the first member of an object, one that is always
// written: literal is `"name":`, Key's literal without the comma. Right
// after OpenObject no comma is due, so in compact output with room this is
// one append, where Key would take its slow path.
func (e *Encoder) FirstKey(literal string) {
	if len(e.buf) < e.limit {
		e.buf = append(e.buf, literal...)
		e.needComma = true
	} else {
		e.keySlow(literal)
	}
}

// Key starts an object member. literal is a comma, then the key as
// encoding/json writes it with the default options, quoted, escaped and
// followed by a colon: `,"name":`, so that the common case, a member after
// the first in compact output, is one append. Keys whose bytes an option can
// change go through KeyString. Key and FirstKey are inlined: out of line
// they cost the compiler less on big packages, and DumpTo 19-24% of its
// speed on citm_catalog and golang_source (DESIGN.md, "Generated code at
// scale").
func (e *Encoder) Key(literal string) {
	if len(e.buf) < e.limit && e.needComma {
		e.buf = append(e.buf, literal...)
	} else {
		e.keySlow(literal[1:])
	}
}

// keySlow is the slow path of Key and FirstKey: the first member of an
// object (for Key), indentation, SortKeys, and the flush past a chunk. Out
// of line, so that Key fits the inlining budget.
//
//go:noinline
func (e *Encoder) keySlow(literal string) {
	if len(e.buf) < e.limit {
		// The first member of an object, in compact output.
		e.buf = append(e.buf, literal...)
		e.needComma = true
		return
	}
	if e.opts.indentInOrder {
		// Every member of indented output comes this way, so this is the
		// one test on its way: separate's work, written out (see separate).
		e.flush()
		e.comma()
		e.newline(e.depth)
		e.buf = append(e.buf, literal...)
		e.buf = append(e.buf, ' ')
		return
	}
	if e.opts.sortKeys {
		e.pendingKey(literal)
		return
	}
	// Compact output past a chunk.
	e.flush()
	e.comma()
	e.buf = append(e.buf, literal...)
}

// pendingKey is keySlow under SortKeys: the member is recorded, to be
// moved into the order of its key when its object closes.
func (e *Encoder) pendingKey(literal string) {
	sep := e.separate()
	e.pend(sep, literalName(literal))
	e.buf = append(e.buf, literal...)
	if e.opts.indent {
		e.buf = append(e.buf, ' ')
	}
}

// KeyString starts an object member whose key is escaped now, under the
// options: map keys, and field keys with <, >, & or non-ASCII runes.
func (e *Encoder) KeyString(key string) {
	if len(e.buf) < e.limit {
		// Compact output with room: the comma, the key and the colon, with
		// no call but the escaper.
		e.comma()
		quoteTo(&e.buf, key, e.esc, true)
		e.buf = append(e.buf, ':')
		return
	}
	sep := e.separate()
	if e.opts.sortKeys {
		e.pend(sep, key)
	}
	quoteTo(&e.buf, key, e.esc, true)
	e.colon()
}

// CloseObject writes }.
func (e *Encoder) CloseObject() {
	if e.limit == 0 {
		e.closeSlow('}')
	} else {
		e.buf = append(e.buf, '}')
		e.needComma = true
		e.depth--
	}
}

// OpenArray writes [.
func (e *Encoder) OpenArray() {
	e.buf = append(e.buf, '[')
	e.needComma = false
	e.depth++
}

// Elem starts an array element; it is called before each one.
func (e *Encoder) Elem() {
	if len(e.buf) < e.limit && e.needComma {
		e.buf = append(e.buf, ',')
	} else {
		e.beginMember()
	}
}

// CloseArray writes ].
func (e *Encoder) CloseArray() {
	if e.opts.indent {
		e.closeSlow(']')
	} else {
		e.buf = append(e.buf, ']')
		e.needComma = true
		e.depth--
	}
}

// Null writes null, a byte at a time (see Bool).
func (e *Encoder) Null() { e.buf = append(e.buf, 'n', 'u', 'l', 'l') }

// beginMember writes what goes before a member or element: the comma, and
// the newline and indentation.
func (e *Encoder) beginMember() {
	if len(e.buf) < e.limit {
		// Compact output with room: the first element of an array.
		e.comma()
		return
	}
	// separate's work, written out (see separate).
	e.flush()
	e.comma()
	if e.opts.indent {
		e.newline(e.depth)
	}
}

// separate is what goes before a member that KeyString starts past its
// fast path, or one recorded under SortKeys (pendingKey): the flush past a
// chunk, the comma, and the newline and indentation. It returns where what it wrote starts, which
// the keys of members record under SortKeys (see pend). keySlow and
// beginMember write the same out instead of calling it: every field and
// element of indented output comes their way, and the call cost indented
// output 4-13% (callgrind, bench/icount.sh; it is too big to be inlined).
func (e *Encoder) separate() (sep int) {
	e.flush()
	sep = len(e.buf)
	e.comma()
	if e.opts.indent {
		e.newline(e.depth)
	}
	return sep
}

// comma writes the comma due before a member or element but the first, and
// makes it due before the next.
func (e *Encoder) comma() {
	if e.needComma {
		e.buf = append(e.buf, ',')
	}
	e.needComma = true
}

func (e *Encoder) colon() {
	if e.opts.indent {
		e.buf = append(e.buf, ':', ' ')
	} else {
		e.buf = append(e.buf, ':')
	}
}

// closeSlow is the Close methods' slow path (indented output; objects
// under SortKeys too, which it sorts first); inlined, it would push them
// over the budget (CloseObject, which calls it, is at 80 of 80). A
// non-empty indented object or array ends on a line of its own.
//
//go:noinline
func (e *Encoder) closeSlow(c byte) {
	if c == '}' && e.opts.sortKeys {
		e.sortMembers() // into the order of their keys
	}
	e.depth--
	if e.needComma && e.opts.indent {
		e.newline(e.depth)
	}
	e.buf = append(e.buf, c)
	e.needComma = true
}

// newline writes a newline, the prefix and depth indents, cut from
// e.indents: as two 16-byte copies when they fit in 32 bytes, else in one
// append.
func (e *Encoder) newline(depth int) {
	n := 1 + len(e.opts.prefix) + depth*len(e.opts.indStr)
	if len(e.indents) < n+32 {
		e.growIndents(depth)
	}
	if b := e.buf; n <= 32 && cap(b)-len(b) >= 32 {
		// Thirty-two bytes, moves the compiler writes out, where an
		// append of n bytes calls memmove; the bytes past n are cut off
		// again.
		l := len(b)
		copy(b[l:l+16], e.indents[:16])
		copy(b[l+16:l+32], e.indents[16:32])
		e.buf = e.buf[:l+n]
		return
	}
	e.buf = append(e.buf, e.indents[:n]...)
}

// growIndents makes e.indents hold a newline, the prefix and at least
// depth indents (twice as many, up to 64 more, so that it grows rarely).
func (e *Encoder) growIndents(depth int) {
	b := append(e.indents[:0], '\n')
	b = append(b, e.opts.prefix...)
	for range depth + min(depth, 64) + 8 {
		b = append(b, e.opts.indStr...)
	}
	// Room for the thirty-two bytes newline copies.
	e.indents = append(b, "                                "...)
	if len(e.indents) > keepBuffer {
		e.grown = true // see dropLargeScratch
	}
}

// The Encoder: a pooled, growing buffer that generated code appends to, and
// that is flushed to the io.Writer in chunks, so that a large value is never
// held in memory whole. Without a writer (MarshalJSON, Dumps) the chunks are
// set aside instead and copied once into the result, at its final size.

package dumpimpl

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// flushAt is the buffer length past which the next member or element (Key,
// KeyString, Elem) hands the buffer to the writer. A variable so that tests
// can make chunks small.
var flushAt = 32 << 10

// keepBuffer is the largest buffer a pooled Encoder keeps for its next use;
// a larger one was grown for an unusual value and goes to the collector.
const keepBuffer = 1 << 20

// keepKeys is the most map keys (or raw JSON object members) whose scratch
// a pooled Encoder keeps for its next use: the keys of each depth and key
// type, the references and names that sort them, the members of raw objects
// under SortKeys; about 1 MiB each. A larger map's scratch was grown for an
// unusual value and goes to the collector, as a larger buffer does: kept, a
// map of 1M string keys and one of 1M integer keys left over 80 MiB in the
// pool.
const keepKeys = 1 << 15

// keepChunks is how much of the chunks of in-memory output (see spill) a
// pooled Encoder keeps for its next use, counted in their capacity, so that
// MarshalJSON and Dumps of a value of up to about this size allocate only
// their result. sync.Pool lets go of Encoders unused for two collections.
const keepChunks = 8 << 20

// An Encoder writes one JSON value. Generated code gets one from NewEncoder,
// calls its methods in document order, and ends with Close, Bytes or
// MustString, after which the Encoder belongs to the pool again and must not
// be used. An Encoder is not safe for concurrent use.
type Encoder struct {
	buf []byte

	// limit is the buffer length at which Key and Elem leave their inlined
	// fast path: flushAt, and 0 when indenting, whose newlines live on the
	// slow path, or sorting keys, whose members are recorded there (see
	// sortkeys.go).
	limit int

	needComma bool // a member or element has been written at this level
	depth     int  // of open objects and arrays
	opts      options
	indents   []byte     // for opts: "\n", the prefix, indents; see newline
	esc       *[256]bool // which string bytes need escaping, for opts

	w    io.Writer
	mem  [][]byte // in memory (w == nil): the full chunks before buf, in order
	free [][]byte // chunks for mem, kept from earlier encodes
	err  error    // the first error; sticky
	werr bool     // err came from w
	path []string // of err, innermost step first

	level, mapLevel int // of Enter; see cycles.go
	seen            map[any]struct{}

	// grown says that scratch grew past what a pooled Encoder keeps: set
	// where it grows (a map of many keys, a deep value), so that release
	// looks at the sizes only then (dropLargeScratch).
	grown bool

	keys, anyKeys [][]keyScratch // map key scratch per depth; see maps.go
	keysHeld      bool           // keys or anyKeys held this encode's keys: release clears them
	sortRefs      []keyRef       // see sortByName
	sortNames     []string       // see sortByName
	names         []byte         // integer key names
	nameEnds      []int
	nameBlobs     map[string]string // see nameBlob
	nameBlobSize  int

	pending []pendingMember // of the open objects, under SortKeys; see sortkeys.go

	// Scratch for raw JSON that is re-emitted; see raw.go.
	raw     []byte
	members []member
	arena   []byte
	jbuf    *bytes.Buffer // for encoding/json's output without HTML escaping
}

var pool = sync.Pool{New: func() any { return new(Encoder) }}

// NewEncoder returns an Encoder that writes to w with opts, or into memory
// when w is nil (for Bytes and MustString). w receives the output in chunks
// of about 32 KiB as it is made, not at Close: when the encode fails, w may
// have been given part of the output (see Close), as Python's json.dump
// gives its file.
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	e := pool.Get().(*Encoder)
	// A pointer stored while the collector marks goes through a write
	// barrier, which with its share of the barrier buffer's flushes cost a
	// small value's Marshal hundreds of instructions: pointers are stored
	// only when they change (w is nil in a released Encoder; esc is kept).
	if w != nil {
		e.w = w
	}
	e.opts.set(opts)
	e.indents = e.indents[:0] // for other options, maybe
	if esc := &escTables[tableIndex(e.opts.escapeHTML, e.opts.ensureASCII)]; e.esc != esc {
		e.esc = esc
	}
	if e.opts.indent || e.opts.sortKeys {
		e.limit = 0
	} else {
		e.limit = flushAt
	}
	return e
}

// Close writes what is left to w and returns the error of the encode, an
// *Error, or nil. After an error, nothing more is written to w; but w has
// received the chunks made before it, when the output got past the first:
// a prefix of the output, which is not valid JSON. An output smaller than a
// chunk reaches w whole or not at all.
func (e *Encoder) Close() error {
	if e.err == nil && e.w != nil {
		e.write()
	}
	err := e.result()
	e.release()
	return err
}

// Bytes returns a copy of the output of an Encoder made with a nil writer,
// or the error of the encode; for MarshalJSON. The copy is the only
// allocation: it is made once, at its final size.
func (e *Encoder) Bytes() ([]byte, error) {
	var b []byte
	err := e.result()
	switch {
	case err != nil:
	case len(e.mem) == 0:
		// Most output is one chunk: make and copy, which the compiler
		// turns into an allocation that is not cleared first.
		src := e.buf
		one := make([]byte, len(src))
		copy(one, src)
		b = one
	default:
		// bytes.Join allocates without clearing the memory first, as
		// make and copy does above; make([]byte, 0, n) and appends would
		// clear it (3.4% of jsondump.Marshal of twitter_status). The
		// buffer joins mem for the call only; mem keeps its capacity,
		// so that the next call appends to it without allocating.
		n := len(e.mem)
		e.mem = append(e.mem, e.buf)
		b = bytes.Join(e.mem, nil)
		e.mem[n] = nil
		e.mem = e.mem[:n]
	}
	e.release()
	return b, err
}

// MustString returns the output of an Encoder made with a nil writer; for
// Dumps. It panics with the *Error the encode returned.
func (e *Encoder) MustString() string {
	err := e.result()
	if err != nil {
		e.release()
		panic(err)
	}
	var b strings.Builder
	b.Grow(e.size())
	for _, c := range e.mem {
		b.Write(c)
	}
	b.Write(e.buf)
	e.release()
	return b.String()
}

// dropLargeScratch lets go of the scratch for map keys and raw members, and
// of what a deep value grew (the cycle check's map, the path of an error in
// it, its indentation), that grew past what a pooled Encoder keeps
// (keepKeys, keepBuffer); the entrySlices do so themselves in reset.
func (e *Encoder) dropLargeScratch() {
	e.seen = nil // maybe the map of a deep value: clear would keep its tables
	if cap(e.path) > keepKeys {
		clear(e.path) // user data
		e.path = nil
	}
	if cap(e.indents) > keepBuffer {
		e.indents = nil
	}
	if cap(e.sortRefs) > 2*keepKeys { // sortByName uses twice the keys
		e.sortRefs = nil
	}
	if cap(e.sortNames) > keepKeys {
		e.sortNames = nil
	}
	if cap(e.names) > keepBuffer {
		e.names = nil
	}
	if cap(e.nameEnds) > keepKeys {
		e.nameEnds = nil
	}
	if cap(e.members) > keepKeys {
		e.members = nil
	}
	if cap(e.arena) > keepBuffer {
		e.arena = nil
	}
	if cap(e.pending) > keepKeys {
		e.pending = nil
	}
}

// setBuf makes b, the buffer after an append to it, the buffer; see
// setSlice.
func (e *Encoder) setBuf(b []byte) { setSlice(&e.buf, b) }

// setSlice stores b, *p after an append to it, in *p. When b is the same
// array (it did not grow), only the length is stored: storing the pointer
// would cost a GC write barrier, which, while the collector marks, costs
// more than many a value takes to write (and MarshalJSON and Dumps
// allocate, so they run while it marks).
func setSlice(p *[]byte, b []byte) {
	if cap(b) == cap(*p) {
		*p = (*p)[:len(b)]
	} else {
		*p = b
	}
}

// size is the length of the in-memory output.
func (e *Encoder) size() int {
	n := len(e.buf)
	for _, c := range e.mem {
		n += len(c)
	}
	return n
}

// flush hands the buffer to w once it has grown past a chunk; called on the
// slow path of the structural methods. In memory it sets the buffer aside
// as a chunk of the output instead (spill).
func (e *Encoder) flush() {
	if len(e.buf) >= flushAt {
		e.handOff()
	}
}

// handOff is flush's work, out of line so that flush is inlined.
func (e *Encoder) handOff() {
	if len(e.pending) > 0 {
		return // an object under SortKeys is open: its offsets must hold
	}
	if e.w != nil {
		e.write()
	} else {
		e.spill()
	}
}

// spill sets the full buffer aside and goes on in a new one: in-memory
// output grows chunk by chunk, never copied until Bytes or MustString
// copies it once into the result.
func (e *Encoder) spill() {
	if e.err != nil {
		e.buf = e.buf[:0] // the output is dropped anyway
		return
	}
	e.mem = append(e.mem, e.buf)
	if n := len(e.free); n > 0 {
		e.buf = e.free[n-1][:0]
		e.free = e.free[:n-1]
	} else {
		// A chunk is spilled at the first member past flushAt, so it holds
		// little more than flushAt: room for an eighth more, rather than
		// twice, keeps keepChunks a measure of output, not of slack.
		e.buf = make([]byte, 0, flushAt+flushAt/8)
	}
}

// write hands the whole buffer to w. After a writer error the buffer is
// dropped instead, so that nothing more reaches w and memory stays bounded
// while generated code runs to its end.
func (e *Encoder) write() {
	if e.err == nil && len(e.buf) > 0 {
		n, err := e.w.Write(e.buf)
		if err == nil && n < len(e.buf) {
			err = io.ErrShortWrite
		}
		if err != nil {
			e.failWriter(err)
		}
	}
	e.buf = e.buf[:0]
}

func (e *Encoder) release() {
	if cap(e.buf) > keepBuffer {
		e.buf = nil
	}
	kept := 0
	for _, c := range e.free {
		kept += cap(c)
	}
	for i, c := range e.mem {
		if kept += cap(c); kept <= keepChunks {
			e.free = append(e.free, c[:0])
		}
		e.mem[i] = nil
	}
	if cap(e.raw) > keepBuffer {
		e.raw = nil
	}
	if e.jbuf != nil && e.jbuf.Cap() > keepBuffer {
		e.jbuf = nil
	}
	if e.grown {
		e.dropLargeScratch()
	}
	if e.keysHeld {
		for _, ks := range [2][][]keyScratch{e.keys, e.anyKeys} {
			for _, depth := range ks {
				for _, k := range depth {
					k.reset()
				}
			}
		}
	}
	if len(e.seen) > 0 { // after an error; Leave empties it otherwise
		clear(e.seen)
	}
	clear(e.path) // it holds user data: map keys
	// Field by field, so that the buffers kept are only shortened: a length
	// store each, which a slice of the field itself assigned to it alone
	// compiles to (assigned together, some of them store their pointers
	// too). Assigning a whole Encoder literal cost small values a quarter
	// of their MarshalJSON. TestReleaseResets checks that no field is
	// missed.
	e.buf = e.buf[:0]
	e.indents = e.indents[:0]
	e.mem = e.mem[:0]
	e.path = e.path[:0]
	e.names = e.names[:0]
	e.nameEnds = e.nameEnds[:0]
	clear(e.pending) // user data: map keys
	e.raw = e.raw[:0]
	e.members = e.members[:0]
	e.arena = e.arena[:0]
	e.pending = e.pending[:0]
	e.limit, e.needComma, e.depth, e.level, e.mapLevel, e.grown, e.keysHeld = 0, false, 0, 0, 0, false, false
	e.opts.reset()
	// Pointers are cleared only when set (see NewEncoder).
	if e.w != nil {
		e.w = nil
	}
	if e.err != nil {
		e.err = nil
	}
	e.werr = false
	pool.Put(e)
}

// EndLine ends the output with the newline that json.Encoder.Encode writes
// after each value; for jsondump's Encoder.
func (e *Encoder) EndLine() {
	if e.err == nil {
		e.buf = append(e.buf, '\n')
	}
}

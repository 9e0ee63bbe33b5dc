// Map keys, sorted as encoding/json sorts them: bytewise by the key's JSON
// name, the decimal string for integer keys. The slices are scratch kept per
// nesting depth in the Encoder, so a map encoded again and again costs no
// allocation for its keys (integer keys: one for all their names unless all
// are below 100 or the same names were made before, see nameBlob;
// TextMarshaler keys: what MarshalText allocates).

package dumpimpl

import (
	"cmp"
	"encoding"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MapEntry is a map key, its JSON name and, from StringEntries, its value.
type MapEntry[K comparable, V any] struct {
	Key   K
	Name  string
	Value V
}

// MapKey is a map key and its JSON name (Value is empty).
type MapKey[K comparable] = MapEntry[K, struct{}]

// StringKeys returns the keys of m sorted by name.
//
// The slice of every *Keys function is scratch that belongs to the current
// depth of open objects and arrays, and is reused by the next call at the
// same depth with the same key type: generated code must call them at the
// same point relative to the map's OpenObject everywhere (right after it,
// as `for _, k := range dumpimpl.StringKeys(e, m)`), so that a nested map,
// which is one object deeper, never reuses the slice of the map around it.
func StringKeys[K ~string, V any](e *Encoder, m map[K]V) []MapKey[K] {
	return sortedStringKeys(e, &e.keys, m)
}

func sortedStringKeys[K ~string, V any](e *Encoder, slots *[][]keyScratch, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](e, slots)
	ks := p.room(len(m))
	for k := range m {
		ks = append(ks, MapKey[K]{Key: k, Name: string(k)})
	}
	sortKeys(e, ks)
	p.keep(ks)
	return ks
}

// StringEntries is StringKeys with the values: generated code takes it for
// maps of small values, which it then need not look up. The slice is
// scratch as StringKeys' is.
func StringEntries[K ~string, V any](e *Encoder, m map[K]V) []MapEntry[K, V] {
	p := scratch[entrySlice[K, V]](e, &e.keys)
	ks := p.room(len(m))
	for k, v := range m {
		ks = append(ks, MapEntry[K, V]{Key: k, Name: string(k), Value: v})
	}
	sortKeys(e, ks)
	p.keep(ks)
	return ks
}

// IntKeys returns the keys of m sorted by their decimal strings.
func IntKeys[K ~int | ~int8 | ~int16 | ~int32 | ~int64, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](e, &e.keys)
	ks := p.room(len(m))
	for k := range m {
		ks = append(ks, MapKey[K]{Key: k})
	}
	sortNumbers(e, ks, func(k K) uint64 { return uint64(int64(k)) ^ 1<<63 })
	nameNumbers(e, ks, func(b []byte, k K) []byte { return appendInt(b, int64(k)) })
	sortByName(e, ks) // ASCII names: SortKeys sorts them so too
	p.keep(ks)
	return ks
}

// UintKeys returns the keys of m sorted by their decimal strings.
func UintKeys[K ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](e, &e.keys)
	ks := p.room(len(m))
	for k := range m {
		ks = append(ks, MapKey[K]{Key: k})
	}
	sortNumbers(e, ks, func(k K) uint64 { return uint64(k) })
	nameNumbers(e, ks, func(b []byte, k K) []byte { return appendUint(b, uint64(k)) })
	sortByName(e, ks) // ASCII names: SortKeys sorts them so too
	p.keep(ks)
	return ks
}

// TextKeys returns the keys of m sorted by the text their MarshalText
// returns. When MarshalText fails, the error is recorded on e and TextKeys
// returns nil. A nil pointer key has the name "", as in encoding/json.
func TextKeys[K interface {
	comparable
	encoding.TextMarshaler
}, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](e, &e.keys)
	ks := p.room(len(m))
	for k := range m {
		b, err := marshalKey(k)
		if err != nil {
			e.fail(&MarshalerError{Type: methodType(k), Func: "MarshalText", Err: err})
			p.keep(ks) // for release to clear
			return nil
		}
		ks = append(ks, MapKey[K]{Key: k, Name: string(b)})
	}
	sortKeys(e, ks)
	p.keep(ks)
	return ks
}

// marshalKey calls k.MarshalText, but for a nil pointer, which
// encoding/json names "" without calling it. Only the zero value of K can be
// a nil pointer: other keys pay one comparison.
func marshalKey[K interface {
	comparable
	encoding.TextMarshaler
}](k K) ([]byte, error) {
	var zero K
	if k == zero && isNilPointer(k) {
		return nil, nil
	}
	return k.MarshalText()
}

// sortKeys sorts ks by name, bytewise as encoding/json sorts map keys, and
// under SortKeys by the name as the output spells it (see sortSpelled).
func sortKeys[K comparable, V any](e *Encoder, ks []MapEntry[K, V]) {
	if JSONv2 && methodKey[K]() {
		validNames(ks)
	}
	sortByName(e, ks)
	if e.opts.sortKeys {
		sortSpelled(ks)
	}
}

// sortSpelled sorts ks, sorted by name, by the name as the output spells
// it, which SortKeys promises (Python's sort_keys sorts what it reads): a
// byte of invalid UTF-8 is written as U+FFFD and sorts as that rune. Only
// names with invalid UTF-8 sort otherwise than their bytes, so most maps pay
// a validity check of their names, and only under SortKeys. Names spelled
// alike keep encoding/json's order (the sort is stable).
func sortSpelled[K comparable, V any](ks []MapEntry[K, V]) {
	// Most names are ASCII: a word at a time, the bytes of all of them are
	// or-ed together, and their top bits say whether any byte is not ASCII.
	// utf8.ValidString on each name took twice as long.
	var or uint64
	for i := range ks {
		s := ks[i].Name
		n := len(s)
		for j := 0; j+8 <= n; j += 8 {
			or |= load64(s, j)
		}
		if n >= 8 {
			or |= load64(s, n-8)
		} else {
			for j := 0; j < n; j++ {
				or |= uint64(s[j])
			}
		}
	}
	if or&0x8080808080808080 == 0 {
		return
	}
	for i := range ks {
		if !utf8.ValidString(ks[i].Name) {
			slices.SortStableFunc(ks, func(a, b MapEntry[K, V]) int { return compareSpelled(a.Name, b.Name) })
			return
		}
	}
}

// compareSpelled compares a and b as the output spells them, each byte of
// invalid UTF-8 as U+FFFD: rune by rune, whose order is that of valid UTF-8's
// bytes. A common ASCII prefix is skipped bytewise first.
func compareSpelled[S string | []byte](a, b S) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] && a[i] < utf8.RuneSelf {
		i++
	}
	a, b = a[i:], b[i:]
	for len(a) > 0 && len(b) > 0 {
		// Stack-allocated: at most utf8.UTFMax bytes are converted.
		ra, na := utf8.DecodeRuneInString(string(a[:min(len(a), utf8.UTFMax)]))
		rb, nb := utf8.DecodeRuneInString(string(b[:min(len(b), utf8.UTFMax)]))
		if ra != rb {
			return cmp.Compare(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// sortByName sorts ks bytewise by name. It sorts small references to the
// keys (see keyRef) in e's scratch, then moves each key once to its place:
// a MapEntry is too large to swap again and again. Most names differ in
// their first eight bytes, so each reference has them as one integer, in an
// order that agrees with the bytewise one (shorter names padded with
// zeros): most comparisons are one integer comparison, and only equal
// prefixes compare the names. The sort is our own so that the comparison is
// inlined.
func sortByName[K comparable, V any](e *Encoder, ks []MapEntry[K, V]) {
	if len(ks) <= 8 {
		// Few keys: fewer moves than references would cost.
		for i := 1; i < len(ks); i++ {
			for j := i; j > 0 && ks[j].Name < ks[j-1].Name; j-- {
				ks[j], ks[j-1] = ks[j-1], ks[j]
			}
		}
		return
	}
	if len(ks) > keepKeys {
		e.grown = true // see dropLargeScratch
	}
	// refs with room for as many again, sortByRefs' scratch.
	refs := slices.Grow(e.sortRefs[:0], 2*len(ks))[:len(ks)]
	names := slices.Grow(e.sortNames[:0], len(ks))[:len(ks)]
	for i := range ks {
		refs[i] = keyRef{namePrefix(ks[i].Name), i}
		names[i] = ks[i].Name
	}
	sortByRefs(ks, refs, names)
	clear(names) // the user's
	e.sortRefs, e.sortNames = refs[:0], names[:0]
}

// sortNumbers sorts integer keys by value, key giving each a uint64 in the
// same order, so that nameNumbers formats the same keys into the same
// bytes whatever order the map gave them in, and finds their names kept
// (see nameBlob).
func sortNumbers[K comparable, V any](e *Encoder, ks []MapEntry[K, V], key func(K) uint64) {
	if len(ks) <= 8 {
		for i := 1; i < len(ks); i++ {
			for j := i; j > 0 && key(ks[j].Key) < key(ks[j-1].Key); j-- {
				ks[j], ks[j-1] = ks[j-1], ks[j]
			}
		}
		return
	}
	if len(ks) > keepKeys {
		e.grown = true // and nameNumbers' scratch, which follows: see dropLargeScratch
	}
	refs := slices.Grow(e.sortRefs[:0], len(ks))[:len(ks)]
	for i := range ks {
		refs[i] = keyRef{key(ks[i].Key), i}
	}
	sortByRefs(ks, refs, nil) // distinct keys: no ties, which would look at names
	e.sortRefs = refs[:0]
}

// sortByRefs sorts refs, then moves each key of ks once to its place,
// following each cycle of the permutation: the key at refs[j].i goes to j.
// A reference done is marked with i = -1. Many names are sorted by
// bucketRefs, in the room refs has for as many again; numbers, and a few
// names, by quickSortRefs.
func sortByRefs[K comparable, V any](ks []MapEntry[K, V], refs []keyRef, names []string) {
	if names != nil && len(refs) > 24 {
		bucketRefs(refs, refs[len(refs):2*len(refs)], names)
	} else {
		quickSortRefs(refs, names, 2*bits.Len(uint(len(refs))))
	}
	for start := range refs {
		if refs[start].i < 0 {
			continue
		}
		held := ks[start]
		for j := start; ; {
			from := refs[j].i
			refs[j].i = -1
			if from == start {
				ks[j] = held
				break
			}
			ks[j] = ks[from]
			j = from
		}
	}
}

// keyRef is a key being sorted by sortKeys: the first eight bytes of its
// name, big-endian, and its index in the keys and their names.
type keyRef struct {
	prefix uint64
	i      int
}

// lessRef orders keys by name; see sortKeys.
func lessRef(a, b *keyRef, names []string) bool {
	if a.prefix != b.prefix {
		return a.prefix < b.prefix
	}
	return names[a.i] < names[b.i]
}

// below returns 1 if a sorts before b, else 0, without a branch on the
// outcome, which is as good as random in a sort; only names with equal
// prefixes, which are rare, take a (well predicted) branch.
func below(a, b *keyRef, names []string) int {
	_, lt := bits.Sub64(a.prefix, b.prefix, 0)
	if a.prefix == b.prefix && names[a.i] < names[b.i] {
		lt = 1
	}
	return int(lt)
}

// bucketRefs sorts rs by their first byte, with one counting pass, then
// each bucket with quickSortRefs. Names spread over many first bytes, so
// that the buckets are small: a quicksort of all of them would spend most
// of its time partitioning, where each step waits for the comparison
// before it. tmp is scratch of rs's length.
func bucketRefs(rs, tmp []keyRef, names []string) {
	var ends [256]int32 // the end of each first byte's bucket, then its start
	lo, hi := 255, 0    // the first bytes seen
	for _, r := range rs {
		b := int(r.prefix >> 56)
		ends[b]++
		lo, hi = min(lo, b), max(hi, b)
	}
	end := int32(0)
	for b := lo; b <= hi; b++ {
		end += ends[b]
		ends[b] = end
	}
	for i := len(rs) - 1; i >= 0; i-- {
		b := rs[i].prefix >> 56
		ends[b]--
		tmp[ends[b]] = rs[i]
	}
	copy(rs, tmp)
	for b := lo; b <= hi; b++ {
		start, end := int(ends[b]), len(rs)
		if b < hi {
			end = int(ends[b+1])
		}
		if end-start > 1 {
			quickSortRefs(rs[start:end], names, 2*bits.Len(uint(end-start)))
		}
	}
}

// quickSortRefs is a quicksort whose partitioning does not branch on the
// comparisons, whose outcomes no branch predictor can guess: a Lomuto
// partition that swaps every element and moves the boundary by the
// comparison's 0 or 1. The pivot is the median of three; the smaller part
// is sorted first; slices of up to 6 references go to an insertion sort;
// and rs goes to slices.SortFunc when it has partitioned too many times, so
// that an input that makes quicksort quadratic still sorts in n log n.
func quickSortRefs(rs []keyRef, names []string, budget int) {
	for len(rs) > 6 {
		if budget == 0 {
			slices.SortFunc(rs, func(a, b keyRef) int {
				if a.prefix != b.prefix {
					return cmp.Compare(a.prefix, b.prefix)
				}
				return strings.Compare(names[a.i], names[b.i])
			})
			return
		}
		budget--
		m, hi := len(rs)/2, len(rs)-1
		if lessRef(&rs[m], &rs[0], names) {
			rs[m], rs[0] = rs[0], rs[m]
		}
		if lessRef(&rs[hi], &rs[m], names) {
			rs[hi], rs[m] = rs[m], rs[hi]
			if lessRef(&rs[m], &rs[0], names) {
				rs[m], rs[0] = rs[0], rs[m]
			}
		}
		rs[0], rs[m] = rs[m], rs[0]
		p := rs[0]
		// rs[1:n] sort before p, rs[n:i] do not.
		n := 1
		for i := 1; i < len(rs); i++ {
			x := rs[i]
			rs[i] = rs[n]
			rs[n] = x
			n += below(&x, &p, names)
		}
		rs[0], rs[n-1] = rs[n-1], p
		// rs[:n-1] < p = rs[n-1] <= rs[n:].
		if n-1 < len(rs)-n {
			quickSortRefs(rs[:n-1], names, budget)
			rs = rs[n:]
		} else {
			quickSortRefs(rs[n:], names, budget)
			rs = rs[:n-1]
		}
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && lessRef(&rs[j], &rs[j-1], names); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// namePrefix returns the first eight bytes of s as a big-endian integer,
// padded with zero bytes.
func namePrefix(s string) uint64 {
	if len(s) >= 8 {
		s := s[:8]
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
			uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	}
	var p uint64
	for i := 0; i < len(s); i++ {
		p |= uint64(s[i]) << (56 - 8*i)
	}
	return p
}

// smallNames[i] is the decimal string of i.
var smallNames = func() (t [100]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

// nameNumbers names integer keys, formatted by format. When all are below
// 100 the names are constants; else they are cut from one string.
func nameNumbers[K comparable](e *Encoder, ks []MapKey[K], format func([]byte, K) []byte) {
	b, ends := e.names[:0], e.nameEnds[:0]
	small := true
	for i := range ks {
		n := len(b)
		b = format(b, ks[i].Key)
		ends = append(ends, len(b))
		small = small && len(b)-n <= 2 && b[n] != '-'
	}
	e.names, e.nameEnds = b, ends
	var all string
	if !small {
		all = e.nameBlob(b)
	}
	start := 0
	for i, end := range ends {
		if small {
			v := int(b[start] - '0')
			if end-start == 2 {
				v = 10*v + int(b[start+1]-'0')
			}
			ks[i].Name = smallNames[v]
		} else {
			ks[i].Name = all[start:end]
		}
		start = end
	}
}

// nameBlob returns b as a string. The strings are kept (up to
// keepNameBlobs bytes) and given out again for the same bytes, so that a map
// encoded again, as servers encode the same data again and again, costs no
// allocation for its integer key names; the lookup itself does not allocate.
func (e *Encoder) nameBlob(b []byte) string {
	if s, ok := e.nameBlobs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(s) > keepBuffer {
		// The names of a map of far more than keepKeys keys, whose other
		// scratch is not kept either.
		return s
	}
	if e.nameBlobSize+len(s) > keepNameBlobs {
		clear(e.nameBlobs)
		e.nameBlobSize = 0
	}
	if e.nameBlobs == nil {
		e.nameBlobs = map[string]string{}
	}
	e.nameBlobs[s] = s
	e.nameBlobSize += len(s)
	return s
}

// keepNameBlobs bounds the integer key names an Encoder keeps.
const keepNameBlobs = 256 << 10

// keyScratch is a slice of MapKeys or MapEntries. Each depth has one per
// key (and value) type used there: maps at the same depth are never encoded
// at the same time, maps of different key types at the same depth (two
// fields of a struct) often one after the other.
type keyScratch interface {
	reset()
}

// entrySlice is the scratch of maps of one key and value type at one depth.
// A map fills its array (room) and gives back what it filled (keep). Its
// length is the most entries any map has written into the array since
// release, which clears that much, so that no key or value of the user's
// stays in a pooled Encoder: a map with fewer keys than the one before
// leaves the earlier one's last keys past its own length. Clearing them
// there, on each reuse, cost synthea's indented output 2% (callgrind).
type entrySlice[K comparable, V any] []MapEntry[K, V]

// room returns the array emptied, with room for n entries.
func (s *entrySlice[K, V]) room(n int) []MapEntry[K, V] {
	return slices.Grow((*s)[:0], n)
}

// keep takes back the entries of a map, written over the array room gave
// it: s's length grows to theirs, or s becomes them when the array was
// grown (the old one, unreachable now, keeps nothing).
func (s *entrySlice[K, V]) keep(ks []MapEntry[K, V]) {
	if len(ks) > len(*s) || cap(ks) != cap(*s) {
		*s = ks
	}
}

// reset lets go of the user's keys and values, which a pooled Encoder must
// not keep, and of the whole array when it is larger than a pooled Encoder
// keeps (keepKeys).
func (s *entrySlice[K, V]) reset() {
	if cap(*s) > keepKeys {
		*s = nil
		return
	}
	clear(*s)
	*s = (*s)[:0]
}

func scratchKeys[K comparable](e *Encoder, slots *[][]keyScratch) *entrySlice[K, struct{}] {
	return scratch[entrySlice[K, struct{}]](e, slots)
}

// scratch returns the slice of type S kept for e's depth in slots (e.keys
// or e.anyKeys), made on first use, and has release clear it.
func scratch[S any, P interface {
	*S
	keyScratch
}](e *Encoder, slots *[][]keyScratch) P {
	e.keysHeld = true
	depth := e.depth
	for len(*slots) <= depth {
		*slots = append(*slots, nil)
	}
	for _, s := range (*slots)[depth] {
		if q, ok := s.(P); ok {
			return q
		}
	}
	p := P(new(S))
	(*slots)[depth] = append((*slots)[depth], p)
	return p
}

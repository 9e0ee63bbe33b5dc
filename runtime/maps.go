// Map keys, sorted as encoding/json sorts them: bytewise by the key's JSON
// name, the decimal string for integer keys. The slices are scratch kept per
// nesting depth in the Encoder, so a map encoded again and again costs no
// allocation for its keys (integer keys: one for all their names unless all
// are below 100 or the same names were made before, see nameBlob;
// TextMarshaler keys: what MarshalText allocates).

package runtime

import (
	"encoding"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MapKey is a map key and its JSON name.
type MapKey[K comparable] struct {
	Key  K
	Name string
}

// StringKeys returns the keys of m sorted by name.
//
// The slice of every *Keys function is scratch that belongs to the current
// depth of open objects and arrays, and is reused by the next call at the
// same depth with the same key type: generated code must call them at the
// same point relative to the map's OpenObject everywhere (right after it,
// as `for _, k := range runtime.StringKeys(e, m)`), so that a nested map,
// which is one object deeper, never reuses the slice of the map around it.
func StringKeys[K ~string, V any](e *Encoder, m map[K]V) []MapKey[K] {
	return sortedStringKeys(&e.keys, e.depth, m)
}

func sortedStringKeys[K ~string, V any](slots *[][]keyScratch, depth int, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](slots, depth, len(m))
	ks := []MapKey[K](*p)
	for k := range m {
		ks = append(ks, MapKey[K]{k, string(k)})
	}
	slices.SortFunc(ks, compareNames)
	*p = ks
	return ks
}

// IntKeys returns the keys of m sorted by their decimal strings.
func IntKeys[K ~int | ~int8 | ~int16 | ~int32 | ~int64, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](&e.keys, e.depth, len(m))
	ks := []MapKey[K](*p)
	for k := range m {
		ks = append(ks, MapKey[K]{Key: k})
	}
	nameNumbers(e, ks, func(b []byte, k K) []byte { return appendInt(b, int64(k)) })
	slices.SortFunc(ks, compareNames)
	*p = ks
	return ks
}

// UintKeys returns the keys of m sorted by their decimal strings.
func UintKeys[K ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](&e.keys, e.depth, len(m))
	ks := []MapKey[K](*p)
	for k := range m {
		ks = append(ks, MapKey[K]{Key: k})
	}
	nameNumbers(e, ks, func(b []byte, k K) []byte { return appendUint(b, uint64(k)) })
	slices.SortFunc(ks, compareNames)
	*p = ks
	return ks
}

// TextKeys returns the keys of m sorted by the text their MarshalText
// returns. When MarshalText fails, the error is recorded on e and TextKeys
// returns nil. A nil pointer key has the name "", as in encoding/json.
func TextKeys[K interface {
	comparable
	encoding.TextMarshaler
}, V any](e *Encoder, m map[K]V) []MapKey[K] {
	p := scratchKeys[K](&e.keys, e.depth, len(m))
	ks := []MapKey[K](*p)
	for k := range m {
		b, err := marshalKey(k)
		if err != nil {
			e.fail(&MarshalerError{Type: fmt.Sprintf("%T", k), Func: "MarshalText", Err: err})
			return nil
		}
		ks = append(ks, MapKey[K]{k, string(b)})
	}
	slices.SortFunc(ks, compareNames)
	*p = ks
	return ks
}

// marshalKey calls k.MarshalText. encoding/json names a nil pointer key ""
// without calling it. Without reflect a nil pointer cannot be told from other
// values, but only the zero value of K can be one, so a zero key whose
// method panics is taken for a nil pointer.
func marshalKey[K interface {
	comparable
	encoding.TextMarshaler
}](k K) (b []byte, err error) {
	var zero K
	if k != zero {
		return k.MarshalText()
	}
	defer func() {
		if recover() != nil {
			b, err = nil, nil
		}
	}()
	return k.MarshalText()
}

func compareNames[K comparable](a, b MapKey[K]) int { return strings.Compare(a.Name, b.Name) }

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

// keyScratch is a slice of MapKeys. Each depth has one per key type used
// there: maps at the same depth are never encoded at the same time, maps of
// different key types at the same depth (two fields of a struct) often one
// after the other.
type keyScratch interface{ reset() }

type keySlice[K comparable] []MapKey[K]

// reset lets go of the user's keys, which a pooled Encoder must not keep.
func (s *keySlice[K]) reset() {
	clear(*s)
	*s = (*s)[:0]
}

func scratchKeys[K comparable](slots *[][]keyScratch, depth, n int) *keySlice[K] {
	for len(*slots) <= depth {
		*slots = append(*slots, nil)
	}
	var p *keySlice[K]
	for _, s := range (*slots)[depth] {
		if q, ok := s.(*keySlice[K]); ok {
			p = q
			break
		}
	}
	if p == nil {
		p = new(keySlice[K])
		(*slots)[depth] = append((*slots)[depth], p)
	}
	*p = slices.Grow((*p)[:0], n)
	return p
}

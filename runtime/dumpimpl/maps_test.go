package dumpimpl

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func dumpMap[K comparable, V any](e *Encoder, keys func(*Encoder) []MapKey[K], m map[K]V, val func(V)) {
	ks := keys(e)
	if e.Failed() {
		return
	}
	e.OpenObject()
	for _, k := range ks {
		e.KeyString(k.Name)
		val(m[k.Key])
	}
	e.CloseObject()
}

type (
	myString string
	myInt8   int8
	myUint   uint
	textKey  struct{ a, b int }
	failKey  int
)

func (k textKey) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d-%d", k.a, k.b), nil }
func (k failKey) MarshalText() ([]byte, error) {
	if k == 3 {
		return nil, errBoom
	}
	return fmt.Appendf(nil, "k%d", int(k)), nil
}

func TestMapKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for range 200 {
		ms := map[myString]int{}
		mi := map[int64]int{}
		m8 := map[myInt8]int{}
		mu := map[myUint]int{}
		mp := map[uintptr]int{}
		mt := map[textKey]int{}
		for i := range r.IntN(40) {
			ms[myString(randString(r, 4, asciiPieces, unicodePieces, specialPieces, htmlPieces, invalidPieces))] = i
			mi[int64(r.Uint64())>>r.IntN(64)] = i
			m8[myInt8(r.IntN(256)-128)] = i
			mu[myUint(r.Uint64()>>r.IntN(64))] = i
			mp[uintptr(r.IntN(1000))] = i
			mt[textKey{r.IntN(30), r.IntN(3)}] = i
		}
		mi[math.MinInt64], mi[-1], mi[0] = 1, 2, 3
		check := func(name string, f func(e *Encoder), m any) {
			got, err := dump(f)
			if want := mustJSON(t, m); got != want || err != nil {
				t.Fatalf("%s: %v %s", name, err, diff(got, want))
			}
		}
		intVal := func(e *Encoder) func(int) { return func(v int) { e.Int(int64(v)) } }
		check("string", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[myString] { return StringKeys(e, ms) }, ms, intVal(e))
		}, ms)
		check("int64", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[int64] { return IntKeys(e, mi) }, mi, intVal(e))
		}, mi)
		check("int8", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[myInt8] { return IntKeys(e, m8) }, m8, intVal(e))
		}, m8)
		check("uint", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[myUint] { return UintKeys(e, mu) }, mu, intVal(e))
		}, mu)
		check("uintptr", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[uintptr] { return UintKeys(e, mp) }, mp, intVal(e))
		}, mp)
		check("text", func(e *Encoder) {
			dumpMap(e, func(e *Encoder) []MapKey[textKey] { return TextKeys(e, mt) }, mt, intVal(e))
		}, mt)
	}
}

// TestMapKeysNested: the scratch of an outer map survives the inner maps,
// which are one level deeper, and the next map at the same depth, whether
// the keys are taken before or after OpenObject.
func TestMapKeysNested(t *testing.T) {
	m := map[string]map[string]int{"b": {"y": 1, "x": 2}, "a": {"z": 3}, "c": {}}
	want := mustJSON(t, []any{m, m, m})
	inner := map[string]any{"q": 1.0, "p": map[string]string{"s": "t", "r": ""}}
	after, _ := dump(func(e *Encoder) {
		e.OpenArray()
		for range 3 {
			e.Elem()
			e.OpenObject()
			for _, k := range StringKeys(e, m) {
				e.KeyString(k.Name)
				e.OpenObject()
				for _, k2 := range StringKeys(e, m[k.Key]) {
					e.KeyString(k2.Name)
					// An interface map in between, which has scratch of its own.
					e.Any(inner)
				}
				e.CloseObject()
			}
			e.CloseObject()
		}
		e.CloseArray()
	})
	mm := map[string]map[string]any{}
	for k, v := range m {
		mm[k] = map[string]any{}
		for k2 := range v {
			mm[k][k2] = inner
		}
	}
	if wantAny := mustJSON(t, []any{mm, mm, mm}); after != wantAny {
		t.Errorf("after OpenObject: got %s, want %s", after, wantAny)
	}
	got, _ := dump(func(e *Encoder) {
		e.OpenArray()
		for range 3 {
			e.Elem()
			outer := StringKeys(e, m)
			e.OpenObject()
			for _, k := range outer {
				e.KeyString(k.Name)
				inner := StringKeys(e, m[k.Key])
				e.OpenObject()
				for _, k2 := range inner {
					e.KeyString(k2.Name)
					e.Int(int64(m[k.Key][k2.Key]))
				}
				e.CloseObject()
			}
			e.CloseObject()
		}
		e.CloseArray()
	})
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestTextKeysErrors(t *testing.T) {
	m := map[failKey]int{1: 1, 3: 3}
	got, err := dump(func(e *Encoder) {
		dumpMap(e, func(e *Encoder) []MapKey[failKey] { return TextKeys(e, m) }, m, func(int) {})
	})
	var me *MarshalerError
	if !errors.Is(err, errBoom) || !errors.As(err, &me) || me.Func != "MarshalText" || got != "" {
		t.Errorf("got %s, %v", got, err)
	}
	// A nil pointer key is named "", as in encoding/json.
	mp := map[*textP]int{nil: 1, {"x"}: 2}
	got, err = dump(func(e *Encoder) {
		dumpMap(e, func(e *Encoder) []MapKey[*textP] { return TextKeys(e, mp) }, mp, func(v int) { e.Int(int64(v)) })
	})
	if want := mustJSON(t, mp); got != want || err != nil {
		t.Errorf("got %s, %v; want %s", got, err, want)
	}
}

// TestMapKeyPrefixes sorts names that tie or differ around the eight bytes
// sortKeys compares as one integer.
func TestMapKeyPrefixes(t *testing.T) {
	m := map[string]int{}
	for i, k := range []string{"", "\x00", "a", "a\x00", "a\x00b", "a\x01", "abcdefg", "abcdefg\x00",
		"abcdefgh", "abcdefgh\x00", "abcdefghi", "abcdefgi", "abcdefg\xff", "\xff", "\xff\xff\xff\xff\xff\xff\xff\xff\xff",
		"日本語", "日本語のテキスト", "日本語のテキストです", "\x7f\x80", "\x80"} {
		m[k] = i
	}
	got, err := dump(func(e *Encoder) {
		dumpMap(e, func(e *Encoder) []MapKey[string] { return StringKeys(e, m) }, m, func(v int) { e.Int(int64(v)) })
	})
	if want := mustJSON(t, m); got != want || err != nil {
		t.Fatalf("%v %s", err, diff(got, want))
	}
}

// TestQuickSortRefs sorts with every partition budget, down to none left,
// which hands the rest to slices.SortFunc.
func TestQuickSortRefs(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 6, 7, 12, 13, 14, 50, 300} {
		for budget := range 6 {
			rs := make([]keyRef, n)
			names := make([]string, n)
			for i := range rs {
				names[i] = randString(r, 3, asciiPieces, unicodePieces)
				if i%3 == 0 {
					names[i] = "common-prefix-" + names[i]
				}
				rs[i] = keyRef{namePrefix(names[i]), i}
			}
			quickSortRefs(rs, names, budget)
			for i := 1; i < len(rs); i++ {
				if a, b := names[rs[i-1].i], names[rs[i].i]; a > b {
					t.Fatalf("n=%d budget=%d: %q before %q", n, budget, a, b)
				}
			}
		}
	}
}

// TestBucketRefs sorts names whose first bytes fill one bucket, many, or
// the two at the ends of the byte range, with empty buckets between.
func TestBucketRefs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	firsts := map[string]string{"one": "k", "letters": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "ends": "\x00\xff"}
	for kind, first := range firsts {
		for _, n := range []int{1, 2, 9, 40, 300} {
			rs := make([]keyRef, n)
			names := make([]string, n)
			for i := range rs {
				names[i] = string(first[r.IntN(len(first))]) + randString(r, 3, asciiPieces, unicodePieces)
				rs[i] = keyRef{namePrefix(names[i]), i}
			}
			bucketRefs(rs, make([]keyRef, n), names)
			seen := map[int]bool{}
			for i := range rs {
				seen[rs[i].i] = true
				if i > 0 && names[rs[i-1].i] > names[rs[i].i] {
					t.Fatalf("%s n=%d: %q before %q", kind, n, names[rs[i-1].i], names[rs[i].i])
				}
			}
			if len(seen) != n {
				t.Fatalf("%s n=%d: %d distinct references after sorting", kind, n, len(seen))
			}
		}
	}
}

// TestSortKeysMovesEntries checks that sortKeys moves each entry whole to
// its place: its key and value stay with its name.
func TestSortKeysMovesEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	e := NewEncoder(nil)
	defer e.Close()
	for _, n := range []int{0, 1, 2, 3, 12, 13, 60, 300} {
		ks := make([]MapEntry[int, string], n)
		for i := range ks {
			name := randString(r, 3, asciiPieces, unicodePieces)
			ks[i] = MapEntry[int, string]{Key: i, Name: name, Value: name + "!"}
		}
		orig := slices.Clone(ks)
		want := slices.Clone(ks)
		slices.SortStableFunc(want, func(a, b MapEntry[int, string]) int { return strings.Compare(a.Name, b.Name) })
		sortKeys(e, ks)
		for i := range ks {
			if ks[i].Name != want[i].Name || ks[i].Value != ks[i].Name+"!" || orig[ks[i].Key].Name != ks[i].Name {
				t.Fatalf("n=%d: entry %d is %+v, want name %q", n, i, ks[i], want[i].Name)
			}
		}
		seen := map[int]bool{}
		for _, k := range ks {
			seen[k.Key] = true
		}
		if len(seen) != n {
			t.Fatalf("n=%d: %d distinct entries after sorting", n, len(seen))
		}
	}
	if len(e.sortNames) != 0 || cap(e.sortNames) > 0 && e.sortNames[:1][0] != "" {
		t.Errorf("sortKeys left names in its scratch")
	}
}

// TestStringEntries checks the values StringEntries gives with the keys,
// for maps nested in one another at the depths generated code calls it.
func TestStringEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 100 {
		m := map[myString]map[string]int{}
		for i := range r.IntN(30) {
			in := map[string]int{}
			for j := range r.IntN(20) {
				in[randString(r, 3, asciiPieces, unicodePieces, invalidPieces)] = i*100 + j
			}
			m[myString(randString(r, 3, asciiPieces, unicodePieces))] = in
		}
		got, err := dump(func(e *Encoder) {
			e.OpenObject()
			for _, k := range StringEntries(e, m) {
				e.KeyString(k.Name)
				e.OpenObject()
				for _, k2 := range StringEntries(e, k.Value) {
					e.KeyString(k2.Name)
					e.Int(int64(k2.Value))
				}
				e.CloseObject()
			}
			e.CloseObject()
		})
		if want := mustJSON(t, m); got != want || err != nil {
			t.Fatalf("%v %s", err, diff(got, want))
		}
	}
}

// spelled is s as a reader of the output reads it: a byte of invalid UTF-8
// is the U+FFFD it is written as.
func spelled(s string) string { return string([]rune(s)) }

type textName string

func (k textName) MarshalText() ([]byte, error) { return []byte(k), nil }

// TestSortKeysSpelled compares the order of map keys with invalid UTF-8
// under SortKeys with Python's sort_keys on the same document: keys sort as
// the output spells them, a byte of invalid UTF-8 as U+FFFD, on every path
// that sorts keys (StringKeys, StringEntries, TextKeys, Any's maps, raw JSON).
func TestSortKeysSpelled(t *testing.T) {
	r := rand.New(rand.NewPCG(51, 52))
	var maps []map[string]int
	var docs []string
	for i := range 300 {
		m := map[string]int{}
		seen := map[string]bool{}
		for j := range 1 + i%40 {
			k := randString(r, 3, asciiPieces, unicodePieces, invalidPieces)
			if !seen[spelled(k)] { // Python's dict would merge them
				seen[spelled(k)] = true
				m[k] = j
			}
		}
		maps = append(maps, m)
		docs = append(docs, mustJSON(t, m))
	}
	want := python(t, "sort_keys=True, ensure_ascii=True, separators=(',', ':')", docs)
	for i, m := range maps {
		ints := func(e *Encoder) func(int) { return func(v int) { e.Int(int64(v)) } }
		anyM, strM := map[string]any{}, map[string]string{}
		tm := map[textName]int{}
		var raw []byte
		for k, v := range m {
			anyM[k], strM[k], tm[textName(k)] = v, fmt.Sprint(v), v
			if raw == nil {
				raw = append(raw, '{')
			} else {
				raw = append(raw, ',')
			}
			raw = fmt.Appendf(rawKey(raw, k), ":%d", v) // invalid bytes kept raw
		}
		raw = append(raw, '}')
		for _, c := range []struct {
			name string
			f    func(e *Encoder)
			want string
		}{
			{"StringKeys", func(e *Encoder) {
				dumpMap(e, func(e *Encoder) []MapKey[string] { return StringKeys(e, m) }, m, ints(e))
			}, want[i]},
			{"StringEntries", func(e *Encoder) {
				e.OpenObject()
				for _, kv := range StringEntries(e, m) {
					e.KeyString(kv.Name)
					e.Int(int64(kv.Value))
				}
				e.CloseObject()
			}, want[i]},
			{"TextKeys", func(e *Encoder) {
				dumpMap(e, func(e *Encoder) []MapKey[textName] { return TextKeys(e, tm) }, tm, ints(e))
			}, want[i]},
			{"Any map[string]any", func(e *Encoder) { e.Any(anyM) }, want[i]},
			{"RawMessage", func(e *Encoder) { e.RawMessage(raw) }, want[i]},
		} {
			if got, err := dump(c.f, SortKeys(), EnsureASCII()); got != c.want || err != nil {
				t.Fatalf("%s of %s: %v %s", c.name, docs[i], err, diff(got, c.want))
			}
		}
		// map[string]string: the same order as map[string]any, whose
		// values are the same numbers unquoted.
		a, _ := dump(func(e *Encoder) { e.Any(anyM) }, SortKeys(), EnsureASCII())
		s, _ := dump(func(e *Encoder) { e.Any(strM) }, SortKeys(), EnsureASCII())
		if strings.ReplaceAll(s, `"`, "") != strings.ReplaceAll(a, `"`, "") {
			t.Fatalf("Any(map[string]string) %s, map[string]any %s", s, a)
		}
	}
}

// rawKey appends k as a JSON string with its bytes raw, invalid UTF-8
// included, as a Marshaler may write it.
func rawKey(b []byte, k string) []byte {
	b = append(b, '"')
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = fmt.Appendf(b, `\u%04x`, c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

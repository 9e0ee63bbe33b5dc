package dumpimpl

import (
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

var benchStrings = []struct{ name, s string }{
	{"ASCII-short", "Hello, world! 12345"},
	{"ASCII-1K", strings.Repeat("The quick brown fox jumps over the lazy dog. ", 23)},
	{"Unicode-1K", strings.Repeat("Grüße aus Köln, 東京 и Москва 😀! ", 25)},
	{"CJK-1K", strings.Repeat("日本語のテキストと漢字、ひらがなとカタカナ。", 16)},
	{"Hangul-1K", strings.Repeat("한국어 텍스트와 한글 문장입니다. ", 24)},
	{"Escapes-1K", strings.Repeat("<a href=\"x\">\n\t&amp;\\</a>\x01", 40)},
}

// BenchmarkString compares String with encoding/json on the same strings:
// "runtime" is a whole encode (pool, escape, write), "encoding-json" a
// reused json.Encoder to io.Discard. BenchmarkEscape compares the escaping
// alone.
func BenchmarkString(b *testing.B) {
	for _, c := range benchStrings {
		b.Run(c.name+"/runtime", func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				e := NewEncoder(io.Discard)
				e.String(c.s)
				e.Close()
			}
		})
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			enc := json.NewEncoder(io.Discard)
			for b.Loop() {
				enc.Encode(c.s)
			}
		})
	}
}

func benchFloats() []float64 {
	r := rand.New(rand.NewPCG(1, 1))
	fs := make([]float64, 1024)
	for i := range fs {
		switch i % 4 {
		case 0:
			fs[i] = float64(r.IntN(100000))
		case 1:
			fs[i] = math.Round(r.Float64()*1e6) / 100
		case 2:
			fs[i] = r.NormFloat64() * 1e-8
		default:
			fs[i] = math.Float64frombits(r.Uint64()&^(0x7ff<<52) | 0x3ff<<52) // in [1, 2)
		}
	}
	return fs
}

func BenchmarkFloat64(b *testing.B) {
	fs := benchFloats()
	b.Run("runtime", func(b *testing.B) {
		e := NewEncoder(io.Discard)
		defer e.Close()
		for i := 0; b.Loop(); i++ {
			e.Float64(fs[i%len(fs)])
			e.buf = e.buf[:0]
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		enc := json.NewEncoder(io.Discard)
		for i := 0; b.Loop(); i++ {
			enc.Encode(fs[i%len(fs)])
		}
	})
}

func BenchmarkInt(b *testing.B) {
	r := rand.New(rand.NewPCG(2, 2))
	is := make([]int64, 1024)
	for i := range is {
		is[i] = r.Int64N(1<<uint(r.IntN(62)+1)) - 1<<20
	}
	b.Run("runtime", func(b *testing.B) {
		e := NewEncoder(io.Discard)
		defer e.Close()
		for i := 0; b.Loop(); i++ {
			e.Int(is[i%len(is)])
			e.buf = e.buf[:0]
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		enc := json.NewEncoder(io.Discard)
		for i := 0; b.Loop(); i++ {
			enc.Encode(is[i%len(is)])
		}
	})
}

// BenchmarkArray writes a []float64 and a []string of 1000 elements whole,
// as generated code would, against json.Marshal.
func BenchmarkArray(b *testing.B) {
	fs := benchFloats()[:1000]
	ss := make([]string, 1000)
	for i := range ss {
		s := benchStrings[i%len(benchStrings)].s
		ss[i] = s[:min(len(s), 20)]
	}
	b.Run("floats/runtime", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(io.Discard)
			e.OpenArray()
			for _, f := range fs {
				e.Elem()
				e.Float64(f)
			}
			e.CloseArray()
			e.Close()
		}
	})
	b.Run("floats/encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(fs)
		}
	})
	b.Run("strings/runtime", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(io.Discard)
			e.OpenArray()
			for _, s := range ss {
				e.Elem()
				e.String(s)
			}
			e.CloseArray()
			e.Close()
		}
	})
	b.Run("strings/encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(ss)
		}
	})
}

// BenchmarkOrder encodes a struct by hand-written generated-like code,
// against json.Marshal of the same struct.
func BenchmarkOrder(b *testing.B) {
	v := testOrder
	b.Run("runtime", func(b *testing.B) {
		for b.Loop() {
			e := NewEncoder(io.Discard)
			dumpOrder(e, &v)
			e.Close()
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		jv := jsonOrder(v)
		for b.Loop() {
			json.Marshal(&jv)
		}
	})
}

func BenchmarkRawMessage(b *testing.B) {
	doc := []byte(` { "id": 1, "name": "Widget <x>", "tags": ["a", "b", "c"], "dims": {"w": 1.5, "h": 2} } `)
	for _, c := range []struct {
		name string
		opts []Option
	}{{"compact", nil}, {"indent", []Option{Indent("", "  ")}}, {"sorted", []Option{SortKeys()}}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				e := NewEncoder(io.Discard, c.opts...)
				e.RawMessage(doc)
				e.Close()
			}
		})
	}
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		raw := json.RawMessage(doc)
		for b.Loop() {
			json.Marshal(raw)
		}
	})
}

// BenchmarkEscape compares string escaping with encoding/json's.
func BenchmarkEscape(b *testing.B) {
	for _, c := range benchStrings {
		buf := make([]byte, 0, 4*len(c.s))
		b.Run(c.name+"/runtime", func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				buf = appendString(buf[:0], c.s, &escTables[1])
			}
		})
		// encoding/json has no entry point for escaping alone; a string
		// through json.Marshal pays a little reflection and an allocation.
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				json.Marshal(c.s)
			}
		})
	}
}

// BenchmarkSortKeys sorts the keys of a map of 60 entries named like
// string_unicode's (Unicode block names, some sharing long prefixes), in a
// new random order each time, as map iteration gives them.
func BenchmarkSortKeys(b *testing.B) {
	names := strings.Fields("Arabic Arabic_Presentation_Forms-A Arabic_Presentation_Forms-B Armenian Arrows " +
		"Bengali Bopomofo Box_Drawing CJK_Compatibility CJK_Compatibility_Forms CJK_Compatibility_Ideographs " +
		"CJK_Symbols_and_Punctuation CJK_Unified_Ideographs CJK_Unified_Ideographs_Extension_A " +
		"CJK_Unified_Ideographs_Extension_B Cherokee Currency_Symbols Cyrillic Cyrillic_Supplementary " +
		"Devanagari Enclosed_Alphanumerics Enclosed_CJK_Letters_and_Months Ethiopic Geometric_Shapes Georgian " +
		"Greek_and_Coptic Gujarati Gurmukhi Hangul_Compatibility_Jamo Hangul_Jamo Hangul_Syllables Hebrew " +
		"Hiragana IPA_Extentions Kangxi_Radicals Katakana Khmer Khmer_Symbols Latin Latin-1_Supplement " +
		"Latin-Extended_A Latin-Extended_B Latin_Extended_Additional Letterlike_Symbols Malayalam " +
		"Mathematical_Alphanumeric_Symbols Mathematical_Operators Miscellaneous_Symbols Mongolian Number_Forms " +
		"Oriya Phonetic_Extensions Supplemental_Arrows-B Syriac Tamil Thaana Thai Unified_Canadian_Aboriginal_Syllabics " +
		"Yi_Radicals Yi_Syllables")
	r := rand.New(rand.NewPCG(1, 2))
	orders := make([][]MapEntry[string, string], 64)
	for i := range orders {
		for _, j := range r.Perm(len(names)) {
			orders[i] = append(orders[i], MapEntry[string, string]{Key: names[j], Name: names[j], Value: names[j]})
		}
	}
	for _, opts := range [][]Option{nil, {SortKeys()}} {
		name := "default"
		if opts != nil {
			name = "SortKeys" // sorted by the spelled names: a validity check
		}
		b.Run(name, func(b *testing.B) {
			e := NewEncoder(nil, opts...)
			defer e.Close()
			ks := make([]MapEntry[string, string], len(names))
			for i := 0; b.Loop(); i++ {
				copy(ks, orders[i%len(orders)])
				sortKeys(e, ks)
			}
		})
	}
}

package dumpimpl

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// A testMember is a member of a struct as generated code writes it: a key
// literal (Key, or FirstKey when first) or a key escaped at run time
// (KeyString), and a value, itself maybe an object of members.
type testMember struct {
	name    string // the key as the output spells it
	literal string // `"name":` for Key and FirstKey; "" for KeyString
	first   bool   // written by FirstKey
	value   []testMember
	scalar  int
}

// write writes ms as an object, in the order given.
func writeMembers(e *Encoder, ms []testMember) {
	e.OpenObject()
	for _, m := range ms {
		switch {
		case m.literal == "":
			e.KeyString(m.name)
		case m.first:
			e.FirstKey(m.literal)
		default:
			e.Key("," + m.literal)
		}
		if m.value == nil {
			e.Int(int64(m.scalar))
			continue
		}
		// An array of the object, so that arrays sit between objects.
		e.OpenArray()
		e.Elem()
		writeMembers(e, m.value)
		e.CloseArray()
	}
	e.CloseObject()
}

// sortedMembers is ms with every object's members in the order SortKeys
// promises, written without FirstKey (the first member may change).
func sortedMembers(ms []testMember) []testMember {
	out := slices.Clone(ms)
	for i := range out {
		out[i].first = false
		if out[i].value != nil {
			out[i].value = sortedMembers(out[i].value)
		}
	}
	slices.SortStableFunc(out, func(a, b testMember) int { return compareSpelled(a.name, b.name) })
	return out
}

// randMembers makes an object of up to n members with distinct keys, some
// of them written by KeyString (non-ASCII, HTML, invalid UTF-8) and some
// with escapes in their literal.
func randMembers(r *rand.Rand, n, depth int) []testMember {
	names := []string{"a", "b", "B", "ab", "a\"b", "a\\b", "a\nb", "é", "z", "<tag>", "\xff", "\u2028", "", "id", "ID", "zz"}
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	ms := make([]testMember, r.IntN(n+1))
	for i := range ms {
		m := testMember{name: names[i], scalar: r.IntN(1000)}
		if lit := `"` + strings.NewReplacer(`"`, `\"`, `\`, `\\`, "\n", `\n`).Replace(m.name) + `":`; !strings.ContainsAny(m.name, "<>é\xff\u2028") {
			m.literal = lit
			m.first = i == 0
		}
		if depth > 0 && r.IntN(3) == 0 {
			m.value = randMembers(r, n, depth-1)
		}
		ms[i] = m
	}
	return ms
}

// TestSortKeysMovesMembers writes objects of members in random order under
// SortKeys, and compares with the same objects written sorted without it:
// the Encoder moves the members of every object into the order of their
// keys when it closes, under every layout of the separators.
func TestSortKeysMovesMembers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	for _, opts := range [][]Option{nil, {Indent("", "  ")}, {Indent(">", "\t"), EnsureASCII()}, {EscapeHTML(false)}} {
		for range 300 {
			ms := randMembers(r, 8, 3)
			got, err := dump(func(e *Encoder) { writeMembers(e, ms) }, append([]Option{SortKeys()}, opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := dump(func(e *Encoder) { writeMembers(e, sortedMembers(ms)) }, opts...)
			if got != want {
				t.Fatalf("options %v: %s", opts, diff(got, want))
			}
		}
	}
}

// TestSortKeysStreams checks that under SortKeys a top-level array of
// objects reaches the writer in chunks, an object at a time, and that an
// object is never cut.
func TestSortKeysStreams(t *testing.T) {
	setFlushAt(t, 64)
	r := rand.New(rand.NewPCG(1, 2))
	objs := make([][]testMember, 200)
	for i := range objs {
		objs[i] = randMembers(r, 8, 2)
	}
	write := func(e *Encoder, sorted bool) {
		e.OpenArray()
		for _, ms := range objs {
			e.Elem()
			if sorted {
				ms = sortedMembers(ms)
			}
			writeMembers(e, ms)
		}
		e.CloseArray()
	}
	want, _ := dump(func(e *Encoder) { write(e, true) })
	var w chunkWriter
	e := NewEncoder(&w, SortKeys())
	write(e, false)
	if err := e.Close(); err != nil || w.String() != want {
		t.Fatalf("%v %s", err, diff(w.String(), want))
	}
	if w.writes < 20 {
		t.Errorf("%d bytes in %d writes: want chunks", w.Len(), w.writes)
	}
}

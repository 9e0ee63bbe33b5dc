package jsondump_test

// Structs of another package that embed generated types get the generated
// methods promoted. jsondump.Marshal and the Encoder must not take those for
// the outer struct's own: they encode it whole, as encoding/json does (which,
// under -marshaljson, means through the promoted MarshalJSON: examples/api
// is generated with it). And encoding/json itself must give the bytes it gave
// before the embedded type had generated code (the mirrors).

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/config"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
	mconfig "github.com/jsondump/jsondump/internal/mirror/config"
	mevents "github.com/jsondump/jsondump/internal/mirror/events"
)

type (
	withRecord struct {
		events.Record
		Seq int `json:"seq"`
	}
	withLimitsPtr struct {
		*config.Limits
		Extra string
	}
	withCategory struct { // api.Category has a MarshalJSON (-marshaljson)
		api.Category
		Note string
	}
	twoDeep struct {
		withRecord
		Host string `json:"host2"`
	}

	// The same shapes over the mirrors, which have no generated code.
	mwithRecord struct {
		mevents.Record
		Seq int `json:"seq"`
	}
	mwithLimitsPtr struct {
		*mconfig.Limits
		Extra string
	}
	mtwoDeep struct {
		mwithRecord
		Host string `json:"host2"`
	}
)

func TestEmbeddersOfGeneratedTypes(t *testing.T) {
	for seed := range uint64(200) {
		name := fmt.Sprintf("seed %d", seed)
		mk := func() *rand.Rand { return difftest.Source(seed) }
		compareEmbedder[withRecord, mwithRecord](t, name, mk)
		compareEmbedder[withLimitsPtr, mwithLimitsPtr](t, name, mk)
		compareEmbedder[twoDeep, mtwoDeep](t, name, mk)

		// No mirror: the reference is encoding/json on the type itself,
		// which calls the promoted MarshalJSON.
		var c withCategory
		difftest.Fill(difftest.Source(seed), &c)
		for what, v := range map[string]any{"&v": &c, "v": c, "map": map[string]any{"data": c}} {
			if got, want := difftest.DropInMarshal(v), difftest.Marshal(v); !difftest.Same(got, want) {
				t.Fatalf("%s: withCategory jsondump.Marshal(%s):\n got: %s\nwant: %s", name, what, got, want)
			}
		}
		// A struct declared in a function.
		anon := struct {
			*config.Backend
			Object string `json:"object"`
		}{&config.Backend{}, "card"}
		difftest.Fill(difftest.Source(seed), anon.Backend)
		if got, want := difftest.DropInMarshal(anon), difftest.Marshal(anon); !difftest.Same(got, want) {
			t.Fatalf("%s: anonymous struct:\n got: %s\nwant: %s", name, got, want)
		}
		if t.Failed() {
			return
		}
	}
}

// compareEmbedder fills an embedder and its mirror from the same stream
// and compares the drop-in API, and encoding/json on the embedder, with
// encoding/json on the mirror.
func compareEmbedder[G, M any](t *testing.T, name string, mk func() *rand.Rand) {
	t.Helper()
	p := difftest.NewPair[G, M](mk)
	for _, c := range []struct {
		what      string
		got, want difftest.Result
	}{
		{"jsondump.Marshal(&v)", difftest.DropInMarshal(p.Gen), difftest.Marshal(p.Mirror)},
		{"jsondump.Marshal(v)", difftest.DropInMarshal(*p.Gen), difftest.Marshal(*p.Mirror)},
		{"Encoder SetEscapeHTML(false)", difftest.DropInEncode(p.Gen, false, "", "\t"), difftest.Encode(p.Mirror, false, "", "\t")},
		{"jsondump.Marshal(map[string]any)", difftest.DropInMarshal(map[string]any{"data": []any{p.Gen}}),
			difftest.Marshal(map[string]any{"data": []any{p.Mirror}})},
		{"jsondump.Marshal([]T)", difftest.DropInMarshal([]G{*p.Gen}), difftest.Marshal([]M{*p.Mirror})},
		{"json.Marshal(&v)", difftest.Marshal(p.Gen), difftest.Marshal(p.Mirror)},
		{"json.Encoder SetEscapeHTML(false)", difftest.Encode(p.Gen, false, "", ""), difftest.Encode(p.Mirror, false, "", "")},
	} {
		if !difftest.Same(c.got, c.want) {
			t.Errorf("%s: %T: %s differs from encoding/json:\n got: %s\nwant: %s", name, p.Gen, c.what, c.got, c.want)
		}
	}
}

// FuzzEmbedders builds embedders of generated types from the fuzzer's bytes;
// its seeds run in plain go test.
func FuzzEmbedders(f *testing.F) {
	f.Add(uint8(0), []byte("seed"))
	f.Add(uint8(1), []byte{0xff, 0, 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(2), []byte("<>&\u2028 \xff\xfe a longer input for more choices ..."))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		mk := func() *rand.Rand { return difftest.FromBytes(data) }
		switch which % 3 {
		case 0:
			compareEmbedder[withRecord, mwithRecord](t, "withRecord", mk)
		case 1:
			compareEmbedder[withLimitsPtr, mwithLimitsPtr](t, "withLimitsPtr", mk)
		case 2:
			compareEmbedder[twoDeep, mtwoDeep](t, "twoDeep", mk)
		}
	})
}

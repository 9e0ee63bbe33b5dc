package jsondump_test

import (
	"math/rand/v2"
	"testing"

	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/config"
	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/internal/difftest"
	mapi "github.com/jsondump/jsondump/internal/mirror/api"
	mconfig "github.com/jsondump/jsondump/internal/mirror/config"
	mevents "github.com/jsondump/jsondump/internal/mirror/events"
)

// FuzzOptions builds values of the example types from the fuzzer's bytes and
// checks every option combination through generated code: Indent and
// EscapeHTML against encoding/json (difftest.Check), and SortKeys,
// EnsureASCII and Indent, combined, against difftest.Reformat of the compact
// output, the Go stand-in for python3 that TestOptionsMatchPython checks
// against Python. Its seeds (testdata/fuzz/FuzzOptions) run in plain go test.
func FuzzOptions(f *testing.F) {
	f.Add(uint8(0), uint8(0), []byte("seed"))
	f.Add(uint8(2), uint8(7), []byte{0xff, 0, 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(5), uint8(13), []byte("a longer input that drives many more random choices in the filler ..."))
	f.Fuzz(func(t *testing.T, which, opts uint8, data []byte) {
		mk := func() *rand.Rand { return difftest.FromBytes(data) }
		var v difftest.Dumper
		switch which % 6 {
		case 0:
			p := difftest.NewPair[api.UserResponse, mapi.UserResponse](mk)
			difftest.Check(t, "UserResponse", p)
			v = p.Gen
		case 1:
			p := difftest.NewPair[api.OrderList, mapi.OrderList](mk)
			difftest.Check(t, "OrderList", p)
			v = p.Gen
		case 2:
			p := difftest.NewPair[api.Category, mapi.Category](mk)
			difftest.Check(t, "Category", p)
			v = p.Gen
		case 3:
			p := difftest.NewPair[events.Record, mevents.Record](mk)
			difftest.Check(t, "Record", p)
			v = p.Gen
		case 4:
			p := difftest.NewPair[events.Batch, mevents.Batch](mk)
			difftest.Check(t, "Batch", p)
			v = p.Gen
		case 5:
			p := difftest.NewPair[config.Config, mconfig.Config](mk)
			difftest.Check(t, "Config", p)
			v = p.Gen
		}
		// Keys that are not valid UTF-8 sort differently once decoded (see
		// difftest.ValidKeys); the comparisons above had them.
		difftest.ValidKeys(v)
		sets := difftest.PyOptionSets(opts&0x20 != 0)
		set := sets[int(opts)%len(sets)]
		html := opts&0x40 == 0
		doc := difftest.Dumps(v, difftest.PyOptions{AllowNaN: set.AllowNaN}.Runtime(html)...)
		got := difftest.Dumps(v, set.Runtime(html)...)
		if doc.Err != nil || got.Err != nil {
			if (doc.Err == nil) != (got.Err == nil) {
				t.Fatalf("%v, EscapeHTML(%v): compact: %v; with the options: %v", set, html, doc, got)
			}
			return
		}
		want, err := difftest.Reformat(string(doc.JSON), set)
		if err != nil {
			t.Fatalf("Reformat: %v\n%s", err, doc)
		}
		if string(got.JSON) != want {
			t.Fatalf("%v, EscapeHTML(%v):\n got: %s\nwant: %s", set, html, got, want)
		}
	})
}

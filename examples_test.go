package jsondump_test

import (
	"fmt"
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

// valuesPerType is how many random values of each example type are compared
// with encoding/json in a plain go test run.
const valuesPerType = 1500

// TestExamplesMatchEncodingJSON fills values of every example type and of its
// mirror from the same random stream and compares jsondump's output with
// encoding/json's (see difftest.Check for every way that is compared).
func TestExamplesMatchEncodingJSON(t *testing.T) {
	checkType[api.UserResponse, mapi.UserResponse](t)
	checkType[api.OrderList, mapi.OrderList](t)
	checkType[api.Category, mapi.Category](t)
	checkType[events.Record, mevents.Record](t)
	checkType[events.Batch, mevents.Batch](t)
	checkType[events.AuditRecord, mevents.AuditRecord](t) // generated because it embeds Record
	checkType[config.Config, mconfig.Config](t)
	checkType[config.Limits, mconfig.Limits](t)
	checkType[config.Backend, mconfig.Backend](t)
	checkType[config.Pair[string, float64], mconfig.Pair[string, float64]](t)
	checkType[config.Pair[int, events.Record], mconfig.Pair[int, mevents.Record]](t)
}

func checkType[G, M any](t *testing.T) {
	name := fmt.Sprintf("%T", new(G))
	t.Run(name, func(t *testing.T) {
		for seed := range uint64(valuesPerType) {
			p := difftest.NewPair[G, M](func() *rand.Rand { return difftest.Source(seed) })
			difftest.Check(t, fmt.Sprintf("seed %d", seed), p)
			if t.Failed() {
				return // the first differing value says enough
			}
		}
	})
}

// FuzzExamples builds values of the example types from the fuzzer's bytes
// and compares them with encoding/json. Its seeds (testdata/fuzz) run in
// plain go test.
func FuzzExamples(f *testing.F) {
	f.Add(uint8(0), []byte("seed"))
	f.Add(uint8(1), []byte{0xff, 0, 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(2), []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
	f.Add(uint8(3), []byte("a longer input that drives many more random choices in the filler ..."))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		mk := func() *rand.Rand { return difftest.FromBytes(data) }
		switch which % 6 {
		case 0:
			difftest.Check(t, "UserResponse", difftest.NewPair[api.UserResponse, mapi.UserResponse](mk))
		case 1:
			difftest.Check(t, "OrderList", difftest.NewPair[api.OrderList, mapi.OrderList](mk))
		case 2:
			difftest.Check(t, "Record", difftest.NewPair[events.Record, mevents.Record](mk))
		case 3:
			difftest.Check(t, "Batch", difftest.NewPair[events.Batch, mevents.Batch](mk))
		case 4:
			difftest.Check(t, "Config", difftest.NewPair[config.Config, mconfig.Config](mk))
		case 5:
			difftest.Check(t, "Category", difftest.NewPair[api.Category, mapi.Category](mk))
		}
	})
}

package jsondump_test

// What options and cycle checks cost on the compact path: an OrderList and a
// Category tree from the examples, with encoding/json on their mirrors for
// scale.
//
//	go test -run '^$' -bench 'Options|Cycles' -benchmem -count 6 . > new.txt
//	go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da new.txt

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/internal/difftest"
	mapi "github.com/jsondump/jsondump/internal/mirror/api"
	"github.com/jsondump/jsondump/runtime"
)

// benchOrders is an OrderList of 50 random orders that encodes without error.
func benchOrders(b *testing.B) (*api.OrderList, *mapi.OrderList) {
	g, m := &api.OrderList{}, &mapi.OrderList{}
	for seed := uint64(0); len(g.Orders) < 50; seed++ {
		p := difftest.NewPair[api.Order, mapi.Order](func() *rand.Rand { return difftest.Source(seed) })
		if p.Gen.Status < 0 || p.Gen.Status > api.Cancelled {
			continue
		}
		g.Orders, m.Orders = append(g.Orders, *p.Gen), append(m.Orders, *p.Mirror)
	}
	if _, err := json.Marshal(m); err != nil {
		b.Fatal(err)
	}
	return g, m
}

func BenchmarkOptions(b *testing.B) {
	g, m := benchOrders(b)
	for _, c := range []struct {
		name string
		opts []runtime.Option
	}{
		{"compact", nil},
		{"defaults-given", []runtime.Option{runtime.EscapeHTML(true)}}, // options present, output unchanged
		{"no-html", []runtime.Option{runtime.EscapeHTML(false)}},
		{"allow-nan", []runtime.Option{runtime.AllowNaN()}},
		{"sort-keys", []runtime.Option{runtime.SortKeys()}},
		{"ensure-ascii", []runtime.Option{runtime.EnsureASCII()}},
		{"indent", []runtime.Option{runtime.Indent("", "  ")}},
	} {
		b.Run("jsondump/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := g.DumpTo(io.Discard, c.opts...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("jsondump/Marshal", func(b *testing.B) {
		for b.Loop() {
			if _, err := jsondump.Marshal(g); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json/compact", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json/indent", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.MarshalIndent(m, "", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCycles encodes acyclic Category values whose generated code runs
// the cycle check at every pointer, slice and map: a wide tree (shallow, the
// check is a counter) and a chain 3000 deep (past depth 1000 pointers are
// tracked, as encoding/json does).
func BenchmarkCycles(b *testing.B) {
	var tree func(d int) (*api.Category, *mapi.Category)
	tree = func(d int) (*api.Category, *mapi.Category) {
		g, m := &api.Category{Name: "node"}, &mapi.Category{Name: "node"}
		if d == 0 {
			return g, m
		}
		for range 4 {
			cg, cm := tree(d - 1)
			g.Children, m.Children = append(g.Children, *cg), append(m.Children, *cm)
		}
		cg, cm := tree(d - 1)
		g.Parent, m.Parent = cg, cm
		return g, m
	}
	tg, tm := tree(5)
	cg, cm := &api.Category{Name: "leaf"}, &mapi.Category{Name: "leaf"}
	for range 3000 {
		cg, cm = &api.Category{Name: "n", Parent: cg}, &mapi.Category{Name: "n", Parent: cm}
	}
	for _, c := range []struct {
		name string
		g    *api.Category
		m    *mapi.Category
	}{{"tree", tg, tm}, {"chain3000", cg, cm}} {
		b.Run("jsondump/"+c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.g.DumpTo(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("encoding-json/"+c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := json.Marshal(c.m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package jsondump_test

import (
	"flag"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jsondump/jsondump/examples/api"
)

var memory = flag.Bool("memory", false, "TestBoundedMemory: encode 256 MiB of output and measure the heap (a few seconds)")

// countingWriter discards what it is given and counts it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// TestBoundedMemory encodes an OrderList whose output is at least 256 MiB to
// a discarding writer and checks that the heap in use, sampled every
// millisecond, never rises 1 MiB above what it was before (the value itself
// is built first and is about 1 MiB: 6000 orders sharing one slice of 1000
// lines). Run it with -memory:
//
//	go test -run TestBoundedMemory -memory -v .
func TestBoundedMemory(t *testing.T) {
	if !*memory {
		t.Skip("run with -memory (encodes 256 MiB)")
	}
	lines := make([]api.Line, 1000)
	for i := range lines {
		lines[i] = api.Line{SKU: "SKU-0001234", Qty: i, Price: float64(i) + 0.25}
	}
	v := &api.OrderList{Orders: make([]api.Order, 6000)}
	for i := range v.Orders {
		v.Orders[i] = api.Order{ID: "order", Lines: lines, Total: 12345, Status: api.Paid}
	}

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var (
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Go(func() {
		var m runtime.MemStats
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	w := &countingWriter{}
	start := time.Now()
	err := v.DumpTo(w)
	elapsed := time.Since(start)
	close(done)
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if w.n < 256<<20 {
		t.Fatalf("output is %d bytes, want at least 256 MiB", w.n)
	}
	rise := int64(peak) - int64(before.HeapInuse)
	t.Logf("output %.1f MiB in %v; heap in use before %.2f MiB, peak %.2f MiB: rise %d KiB; allocated during the encode %d KiB",
		float64(w.n)/(1<<20), elapsed.Round(time.Millisecond), float64(before.HeapInuse)/(1<<20), float64(peak)/(1<<20),
		rise>>10, (after.TotalAlloc-before.TotalAlloc)>>10)
	if rise >= 1<<20 {
		t.Errorf("heap in use rose by %d KiB, want less than 1 MiB", rise>>10)
	}
}

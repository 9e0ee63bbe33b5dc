package shop

import (
	"math"
	goruntime "runtime"
	"strings"
	"sync"
	"time"
)

// How the contrib modules' tests know which code wrote a response.
//
// The bytes cannot tell: they are the same either way, which is the point.
// So a Probe, a json.Marshaler, sits inside the generated values (in
// Order.Extra), and records who called its MarshalJSON by walking its own
// call stack. This package is generated
// without -marshaljson (the test checks), so encoding/json cannot enter its
// generated code: a frame of package shop on the probe's stack can only be
// that generated code (shop's one hand-written method, Status.MarshalText,
// calls nothing), reached through the jsondump runtime's dispatch. With
// a framework's default encoder the stack has encoding/json's frames and
// none of shop's; with jsondump's adapter it must have shop's and none of
// encoding/json's. Nothing in runtime or the adapter exists for the test.
type Probe struct{ Rec *Record }

// shopPackage prefixes the names of package shop's functions in a stack.
const shopPackage = "github.com/jsondump/jsondump/internal/"

// Record holds what the probes saw during one request.
type Record struct {
	mu        sync.Mutex
	calls     int
	generated bool // a frame of package shop (its generated code) was on the stack
	std       bool // a frame of encoding/json was on the stack
}

// Reset forgets what was seen.
func (r *Record) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls, r.generated, r.std = 0, false, false
}

// Get returns how often the probes were called, and whether the
// generated code and encoding/json were on their stacks.
func (r *Record) Get() (calls int, generated, std bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls, r.generated, r.std
}

// MarshalJSON writes the same bytes whoever calls it, and records the
// callers.
func (p Probe) MarshalJSON() ([]byte, error) {
	pcs := make([]uintptr, 128)
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs)])
	var generated, std bool
	for {
		f, more := frames.Next()
		generated = generated || strings.HasPrefix(f.Function, shopPackage)
		std = std || strings.HasPrefix(f.Function, "encoding/json")
		if !more {
			break
		}
	}
	p.Rec.mu.Lock()
	defer p.Rec.mu.Unlock()
	p.Rec.calls++
	p.Rec.generated = p.Rec.generated || generated
	p.Rec.std = p.Rec.std || std
	return []byte(`{"probe":"<ok>"}`), nil
}

// SampleOrder is an Order holding a probe, with text that each escaping
// option writes differently (HTML characters, non-ASCII, U+2028).
func SampleOrder(rec *Record) Order {
	discount := 0.25
	return Order{
		ID:      "o-<1>",
		Created: time.Date(2026, 11, 28, 9, 30, 0, 5, time.FixedZone("CET", 3600)),
		Customer: &Customer{Name: "Ada & Bob <admins>", Email: "ada@example.com",
			Tags: []string{"Zürich", "line\u2028sep"}, Avatar: []byte{0, 1, 2, 250}},
		Lines:  []Line{{SKU: "a&b", Qty: 2, Price: 9.995, Discount: &discount}, {SKU: "c", Qty: 1, Price: 1e21}},
		Total:  19.99,
		Status: Shipped,
		Notes:  map[string]string{"z": "<gift>", "a": "Grüße"},
		Extra:  Probe{rec},
	}
}

// SampleOrders is a page of orders, the first with a probe.
func SampleOrders(rec *Record) OrderList {
	return OrderList{RequestID: "r", Orders: []Order{SampleOrder(rec), {ID: "o2", Status: Pending}},
		Next: "/orders?after=o2&limit=2", Total: 3}
}

// ManyOrders is larger than jsondump's output chunk (about 32 KiB), with a
// NaN, which encoding/json refuses, at its end: a streaming encoder would
// have written most of it before it fails.
func ManyOrders() []Order {
	list := make([]Order, 2000)
	for i := range list {
		list[i] = Order{ID: "order", Lines: []Line{{SKU: "s", Qty: 1}}, Total: 1}
	}
	list[len(list)-1].Total = math.NaN()
	return list
}

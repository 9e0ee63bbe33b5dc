package jsondumpgin_test

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	goruntime "runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	ginjson "github.com/gin-gonic/gin/codec/json"
	jsondumpgin "github.com/jsondump/jsondump/contrib/gin"
	"github.com/jsondump/jsondump/contrib/gin/internal/shop"
)

// How the test knows which code wrote a response.
//
// The bytes cannot tell: they are the same either way, which is the point.
// So a probe, a json.Marshaler of this package, sits inside the generated
// values (in shop.Order.Extra), and records who called its MarshalJSON by
// walking its own call stack. Package shop (internal/shop) is generated
// without -marshaljson (the test checks), so encoding/json cannot enter its
// generated code: a frame of package shop on the probe's stack can only be
// that generated code (shop's one hand-written method, Status.MarshalText,
// calls nothing), reached through the jsondump runtime's dispatch. With
// gin's default codec the stack has encoding/json's frames and none of
// shop's; with jsondumpgin.API it must have shop's and none of
// encoding/json's. Nothing in runtime or the adapter exists for the test.
type probe struct{ rec *record }

// shopPackage prefixes the names of package shop's functions in a stack.
const shopPackage = "github.com/jsondump/jsondump/contrib/gin/internal/shop."

// record holds what the probes saw during one request.
type record struct {
	mu        sync.Mutex
	calls     int
	generated bool // a frame of package shop (its generated code) was on the stack
	std       bool // a frame of encoding/json was on the stack
}

func (r *record) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls, r.generated, r.std = 0, false, false
}

func (r *record) get() (calls int, generated, std bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls, r.generated, r.std
}

// MarshalJSON writes the same bytes whoever calls it, and records the
// callers.
func (p probe) MarshalJSON() ([]byte, error) {
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
	p.rec.mu.Lock()
	defer p.rec.mu.Unlock()
	p.rec.calls++
	p.rec.generated = p.rec.generated || generated
	p.rec.std = p.rec.std || std
	return []byte(`{"probe":"<ok>"}`), nil
}

// order is a generated type holding a probe, with text that each escaping
// option writes differently (HTML characters, non-ASCII, U+2028).
func order(rec *record) shop.Order {
	discount := 0.25
	return shop.Order{
		ID:      "o-<1>",
		Created: time.Date(2026, 11, 28, 9, 30, 0, 5, time.FixedZone("CET", 3600)),
		Customer: &shop.Customer{Name: "Ada & Bob <admins>", Email: "ada@example.com",
			Tags: []string{"Zürich", "line\u2028sep"}, Avatar: []byte{0, 1, 2, 250}},
		Lines:  []shop.Line{{SKU: "a&b", Qty: 2, Price: 9.995, Discount: &discount}, {SKU: "c", Qty: 1, Price: 1e21}},
		Total:  19.99,
		Status: shop.Shipped,
		Notes:  map[string]string{"z": "<gift>", "a": "Grüße"},
		Extra:  probe{rec},
	}
}

// orders is a page of orders, the first with a probe.
func orders(rec *record) shop.OrderList {
	return shop.OrderList{RequestID: "r", Orders: []shop.Order{order(rec), {ID: "o2", Status: shop.Pending}},
		Next: "/orders?after=o2&limit=2", Total: 3}
}

// manyOrders is larger than jsondump's output chunk (about 32 KiB), with a
// NaN, which encoding/json refuses, at its end: a streaming encoder would
// have written most of it before it fails.
func manyOrders() []shop.Order {
	list := make([]shop.Order, 2000)
	for i := range list {
		list[i] = shop.Order{ID: "order", Lines: []shop.Line{{SKU: "s", Qty: 1}}, Total: 1}
	}
	list[len(list)-1].Total = math.NaN()
	return list
}

// route is one endpoint of the test server and what a request to it must
// show.
type route struct {
	method, path, body string
	probed             bool // its value holds a probe
}

var routes = []route{
	{method: "GET", path: "/orders", probed: true},
	{method: "GET", path: "/order", probed: true},
	{method: "GET", path: "/order/ptr", probed: true},
	{method: "GET", path: "/h", probed: true},
	{method: "GET", path: "/indented", probed: true},
	{method: "GET", path: "/pure", probed: true},
	{method: "GET", path: "/ascii", probed: true},
	{method: "GET", path: "/secure", probed: true},
	{method: "GET", path: "/jsonp?callback=cb", probed: true},
	{method: "GET", path: "/nan"},
	{method: "GET", path: "/nan/pure"},
	{method: "POST", path: "/orders", body: `{"ID":"o3","lines":[{"sku":"Lin <3","qty":1e2}],"total":1e3,"extra":[1]}`},
	{method: "POST", path: "/orders", body: `{"ID":3}`},
}

func newEngine(rec *record) *gin.Engine {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	// An encoding error leaves the response untouched in both
	// configurations; this writes a plain 500 then, so that the test sees
	// what a client would.
	r.Use(func(c *gin.Context) {
		c.Next()
		if len(c.Errors) > 0 && !c.Writer.Written() {
			c.String(http.StatusInternalServerError, "failed")
		}
	})
	r.GET("/orders", func(c *gin.Context) { c.JSON(http.StatusOK, orders(rec)) })
	r.GET("/order", func(c *gin.Context) { c.JSON(http.StatusOK, order(rec)) })
	r.GET("/order/ptr", func(c *gin.Context) { o := order(rec); c.JSON(http.StatusOK, &o) })
	r.GET("/h", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"data": order(rec), "total": 1, "page": orders(rec)})
	})
	r.GET("/indented", func(c *gin.Context) { c.IndentedJSON(http.StatusOK, gin.H{"data": order(rec)}) })
	r.GET("/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"data": order(rec)}) })
	r.GET("/ascii", func(c *gin.Context) { c.AsciiJSON(http.StatusOK, order(rec)) })
	r.GET("/secure", func(c *gin.Context) { c.SecureJSON(http.StatusOK, []any{order(rec), orders(rec)}) })
	r.GET("/jsonp", func(c *gin.Context) { c.JSONP(http.StatusOK, order(rec)) })
	r.GET("/nan", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"orders": manyOrders()}) })
	r.GET("/nan/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"orders": manyOrders()}) })
	r.POST("/orders", func(c *gin.Context) {
		var o shop.Order
		if err := c.ShouldBindJSON(&o); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, shop.OrderList{Orders: []shop.Order{o}, Total: 1})
	})
	return r
}

// response is what a client sees of one request, and who wrote it.
type response struct {
	status            int
	contentType, body string
	probes            int
	generated, std    bool
}

func do(t *testing.T, client *http.Client, base string, rt route, rec *record) response {
	t.Helper()
	rec.reset()
	var body io.Reader
	if rt.body != "" {
		body = strings.NewReader(rt.body)
	}
	req, err := http.NewRequest(rt.method, base+rt.path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", rt.method, rt.path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", rt.method, rt.path, err)
	}
	calls, generated, std := rec.get()
	return response{res.StatusCode, res.Header.Get("Content-Type"), string(b), calls, generated, std}
}

// TestServer runs gin's real HTTP server with gin's default codec, then
// with jsondumpgin.API, requests every route through a real client, and
// checks that each response is byte for byte the default's and that the
// probed values were written by the generated code.
func TestServer(t *testing.T) {
	for _, v := range []any{shop.Order{}, &shop.Order{}, shop.OrderList{}, &shop.OrderList{}} {
		if _, ok := v.(json.Marshaler); ok {
			t.Fatalf("%T has a MarshalJSON; the probe's proof needs package shop generated without -marshaljson", v)
		}
	}

	rec := &record{}
	srv := httptest.NewServer(newEngine(rec))
	defer srv.Close()
	client := srv.Client()

	defaults := make([]response, len(routes))
	for i, rt := range routes {
		defaults[i] = do(t, client, srv.URL, rt, rec)
		if rt.probed && (defaults[i].probes == 0 || defaults[i].generated || !defaults[i].std) {
			t.Errorf("default codec, %s: probes %d, generated code on the stack %v, encoding/json %v; want >0, false, true",
				rt.path, defaults[i].probes, defaults[i].generated, defaults[i].std)
		}
	}

	old := ginjson.API
	ginjson.API = jsondumpgin.API{}
	defer func() { ginjson.API = old }()

	for i, rt := range routes {
		got, want := do(t, client, srv.URL, rt, rec), defaults[i]
		if got.status != want.status || got.contentType != want.contentType || got.body != want.body {
			t.Errorf("%s %s:\n got %d %q %s\nwant %d %q %s", rt.method, rt.path,
				got.status, got.contentType, got.body, want.status, want.contentType, want.body)
		}
		if rt.probed && (got.probes == 0 || !got.generated || got.std) {
			t.Errorf("jsondumpgin, %s: probes %d, generated code on the stack %v, encoding/json %v; want >0, true, false",
				rt.path, got.probes, got.generated, got.std)
		}
	}

	// The routes' answers are what they are meant to be, so that the
	// comparison above compares something.
	for i, rt := range routes {
		if strings.HasPrefix(rt.path, "/nan") && (defaults[i].status != 500 || defaults[i].body != "failed") {
			t.Errorf("%s: got %d %q, want the 500 of an encoding error", rt.path, defaults[i].status, defaults[i].body)
		}
		if rt.probed && !strings.Contains(defaults[i].body, "probe") {
			t.Errorf("%s: %q has no probe", rt.path, defaults[i].body)
		}
	}
}

// TestEncoder checks the Encoder gin's PureJSON uses against json.Encoder,
// with and without HTML escaping, and that a failed encode writes nothing.
func TestEncoder(t *testing.T) {
	rec := &record{}
	for _, escape := range []bool{true, false} {
		for _, v := range []any{order(rec), gin.H{"data": orders(rec)}, []any{nil, 1.5, "<>"}} {
			var got, want bytes.Buffer
			enc := jsondumpgin.API{}.NewEncoder(&got)
			enc.SetEscapeHTML(escape)
			std := json.NewEncoder(&want)
			std.SetEscapeHTML(escape)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			if err := std.Encode(v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("escape %v, %T:\n got %s\nwant %s", escape, v, &got, &want)
			}
		}
	}
	var out bytes.Buffer
	if err := (jsondumpgin.API{}).NewEncoder(&out).Encode(manyOrders()); err == nil || out.Len() != 0 {
		t.Errorf("NaN: err %v and %d bytes written; want an error and none", err, out.Len())
	}
}

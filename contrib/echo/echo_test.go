package jsondumpecho_test

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

	jsondumpecho "github.com/jsondump/jsondump/contrib/echo"
	"github.com/jsondump/jsondump/contrib/echo/internal/shop"
	"github.com/labstack/echo/v4"
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
// echo's default serializer the stack has encoding/json's frames and none of
// shop's; with jsondumpecho.Serializer it must have shop's and none of
// encoding/json's. Nothing in runtime or the adapter exists for the test.
type probe struct{ rec *record }

// shopPackage prefixes the names of package shop's functions in a stack.
const shopPackage = "github.com/jsondump/jsondump/contrib/echo/internal/shop."

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
	{method: "GET", path: "/order?pretty", probed: true},
	{method: "GET", path: "/order/ptr", probed: true},
	{method: "GET", path: "/map", probed: true},
	{method: "GET", path: "/map?pretty", probed: true},
	{method: "GET", path: "/pretty", probed: true},
	{method: "GET", path: "/jsonp?callback=cb", probed: true},
	{method: "GET", path: "/nan"},
	{method: "POST", path: "/orders", body: `{"ID":"o3","lines":[{"sku":"Lin <3","qty":1e2}],"total":1e3,"extra":[1]}`},
	{method: "POST", path: "/orders", body: `{"ID":3}`},
	{method: "POST", path: "/orders", body: `{"ID":`},
}

func newEcho(rec *record, serializer echo.JSONSerializer) *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	if serializer != nil {
		e.JSONSerializer = serializer
	}
	e.GET("/orders", func(c echo.Context) error { return c.JSON(http.StatusOK, orders(rec)) })
	e.GET("/order", func(c echo.Context) error { return c.JSON(http.StatusOK, order(rec)) })
	e.GET("/order/ptr", func(c echo.Context) error { o := order(rec); return c.JSON(http.StatusOK, &o) })
	e.GET("/map", func(c echo.Context) error {
		return c.JSON(http.StatusOK, echo.Map{"data": order(rec), "total": 1, "page": orders(rec)})
	})
	e.GET("/pretty", func(c echo.Context) error { return c.JSONPretty(http.StatusOK, echo.Map{"data": order(rec)}, "\t") })
	e.GET("/jsonp", func(c echo.Context) error { return c.JSONP(http.StatusOK, c.QueryParam("callback"), order(rec)) })
	e.GET("/nan", func(c echo.Context) error { return c.JSON(http.StatusOK, echo.Map{"orders": manyOrders()}) })
	e.POST("/orders", func(c echo.Context) error {
		var o shop.Order
		if err := c.Bind(&o); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, shop.OrderList{Orders: []shop.Order{o}, Total: 1})
	})
	return e
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

// TestServer runs echo's real HTTP server twice, with echo's default
// serializer and with jsondumpecho.Serializer, requests every route of both
// through a real client, and checks that each response is byte for byte the
// default's and that the probed values were written by the generated code.
func TestServer(t *testing.T) {
	for _, v := range []any{shop.Order{}, &shop.Order{}, shop.OrderList{}, &shop.OrderList{}} {
		if _, ok := v.(json.Marshaler); ok {
			t.Fatalf("%T has a MarshalJSON; the probe's proof needs package shop generated without -marshaljson", v)
		}
	}

	rec := &record{}
	std := httptest.NewServer(newEcho(rec, nil))
	defer std.Close()
	jd := httptest.NewServer(newEcho(rec, jsondumpecho.Serializer{}))
	defer jd.Close()

	for _, rt := range routes {
		want := do(t, std.Client(), std.URL, rt, rec)
		if rt.probed && (want.probes == 0 || want.generated || !want.std) {
			t.Errorf("default serializer, %s: probes %d, generated code on the stack %v, encoding/json %v; want >0, false, true",
				rt.path, want.probes, want.generated, want.std)
		}
		got := do(t, jd.Client(), jd.URL, rt, rec)
		if got.status != want.status || got.contentType != want.contentType || got.body != want.body {
			t.Errorf("%s %s:\n got %d %q %s\nwant %d %q %s", rt.method, rt.path,
				got.status, got.contentType, got.body, want.status, want.contentType, want.body)
		}
		if rt.probed && (got.probes == 0 || !got.generated || got.std) {
			t.Errorf("jsondumpecho, %s: probes %d, generated code on the stack %v, encoding/json %v; want >0, true, false",
				rt.path, got.probes, got.generated, got.std)
		}

		// The routes answer what they are meant to, so that the comparison
		// above compares something.
		switch {
		case rt.path == "/nan" && (want.status != 500 || !strings.Contains(want.body, "Internal Server Error")):
			t.Errorf("/nan: got %d %q, want the 500 of an encoding error", want.status, want.body)
		case rt.probed && !strings.Contains(want.body, "probe"):
			t.Errorf("%s: %q has no probe", rt.path, want.body)
		case strings.Contains(rt.path, "pretty") && strings.Count(want.body, "\n") < 3:
			t.Errorf("%s: %q is not indented", rt.path, want.body)
		}
	}
}

// TestSerializeError checks that a value that fails to encode leaves the
// response untouched, as echo's default serializer does, even when its
// JSON is larger than jsondump's output chunk.
func TestSerializeError(t *testing.T) {
	e := echo.New()
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	if err := (jsondumpecho.Serializer{}).Serialize(c, manyOrders(), ""); err == nil {
		t.Fatal("no error for NaN")
	}
	if rec.Body.Len() != 0 || c.Response().Committed {
		t.Errorf("%d bytes written, committed %v; want none", rec.Body.Len(), c.Response().Committed)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(manyOrders()); err == nil {
		t.Fatal("encoding/json encodes NaN")
	}
}

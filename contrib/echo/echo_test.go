package jsondumpecho_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	jsondumpecho "github.com/jsondump/jsondump/contrib/echo"
	"github.com/jsondump/jsondump/internal/shop"
	"github.com/labstack/echo/v4"
)

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

func newEcho(rec *shop.Record, serializer echo.JSONSerializer) *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	if serializer != nil {
		e.JSONSerializer = serializer
	}
	e.GET("/orders", func(c echo.Context) error { return c.JSON(http.StatusOK, shop.SampleOrders(rec)) })
	e.GET("/order", func(c echo.Context) error { return c.JSON(http.StatusOK, shop.SampleOrder(rec)) })
	e.GET("/order/ptr", func(c echo.Context) error { o := shop.SampleOrder(rec); return c.JSON(http.StatusOK, &o) })
	e.GET("/map", func(c echo.Context) error {
		return c.JSON(http.StatusOK, echo.Map{"data": shop.SampleOrder(rec), "total": 1, "page": shop.SampleOrders(rec)})
	})
	e.GET("/pretty", func(c echo.Context) error {
		return c.JSONPretty(http.StatusOK, echo.Map{"data": shop.SampleOrder(rec)}, "\t")
	})
	e.GET("/jsonp", func(c echo.Context) error {
		return c.JSONP(http.StatusOK, c.QueryParam("callback"), shop.SampleOrder(rec))
	})
	e.GET("/nan", func(c echo.Context) error { return c.JSON(http.StatusOK, echo.Map{"orders": shop.ManyOrders()}) })
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

func do(t *testing.T, client *http.Client, base string, rt route, rec *shop.Record) response {
	t.Helper()
	rec.Reset()
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
	calls, generated, std := rec.Get()
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

	rec := &shop.Record{}
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
	if err := (jsondumpecho.Serializer{}).Serialize(c, shop.ManyOrders(), ""); err == nil {
		t.Fatal("no error for NaN")
	}
	if rec.Body.Len() != 0 || c.Response().Committed {
		t.Errorf("%d bytes written, committed %v; want none", rec.Body.Len(), c.Response().Committed)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(shop.ManyOrders()); err == nil {
		t.Fatal("encoding/json encodes NaN")
	}
}

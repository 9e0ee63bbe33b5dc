package jsondumpecho_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	jsondumpecho "github.com/jsondump/jsondump/contrib/echo"
	"github.com/jsondump/jsondump/internal/shop"
	"github.com/labstack/echo/v4"
)

var routes = []shop.Route{
	{Method: "GET", Path: "/orders", Probed: true},
	{Method: "GET", Path: "/order", Probed: true},
	{Method: "GET", Path: "/order?pretty", Probed: true},
	{Method: "GET", Path: "/order/ptr", Probed: true},
	{Method: "GET", Path: "/map", Probed: true},
	{Method: "GET", Path: "/map?pretty", Probed: true},
	{Method: "GET", Path: "/pretty", Probed: true},
	{Method: "GET", Path: "/jsonp?callback=cb", Probed: true},
	{Method: "GET", Path: "/nan"},
	{Method: "POST", Path: "/orders", Body: `{"ID":"o3","lines":[{"sku":"Lin <3","qty":1e2}],"total":1e3,"extra":[1]}`},
	{Method: "POST", Path: "/orders", Body: `{"ID":3}`},
	{Method: "POST", Path: "/orders", Body: `{"ID":`},
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

// TestServer runs echo's real HTTP server twice, with echo's default
// serializer and with jsondumpecho.Serializer, requests every route of both
// through a real client, and checks that each response is byte for byte the
// default's and that the probed values were written by the generated code.
func TestServer(t *testing.T) {
	shop.RequireNoMarshalJSON(t)

	rec := &shop.Record{}
	std := httptest.NewServer(newEcho(rec, nil))
	defer std.Close()
	jd := httptest.NewServer(newEcho(rec, jsondumpecho.Serializer{}))
	defer jd.Close()

	for _, rt := range routes {
		want := shop.Do(t, std.Client(), std.URL, rt, rec)
		shop.CheckWriter(t, "default serializer", rt, want, false)
		got := shop.Do(t, jd.Client(), jd.URL, rt, rec)
		shop.CheckSame(t, rt, got, want)
		shop.CheckWriter(t, "jsondumpecho", rt, got, true)

		// The routes answer what they are meant to, so that the comparison
		// above compares something.
		switch {
		case rt.Path == "/nan" && (want.Status != 500 || !strings.Contains(want.Body, "Internal Server Error")):
			t.Errorf("/nan: got %d %q, want the 500 of an encoding error", want.Status, want.Body)
		case rt.Probed && !strings.Contains(want.Body, "probe"):
			t.Errorf("%s: %q has no probe", rt.Path, want.Body)
		case strings.Contains(rt.Path, "pretty") && strings.Count(want.Body, "\n") < 3:
			t.Errorf("%s: %q is not indented", rt.Path, want.Body)
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

package jsondumpgin_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	ginjson "github.com/gin-gonic/gin/codec/json"
	jsondumpgin "github.com/jsondump/jsondump/contrib/gin"
	"github.com/jsondump/jsondump/internal/shop"
)

var routes = []shop.Route{
	{Method: "GET", Path: "/orders", Probed: true},
	{Method: "GET", Path: "/order", Probed: true},
	{Method: "GET", Path: "/order/ptr", Probed: true},
	{Method: "GET", Path: "/h", Probed: true},
	{Method: "GET", Path: "/indented", Probed: true},
	{Method: "GET", Path: "/pure", Probed: true},
	{Method: "GET", Path: "/ascii", Probed: true},
	{Method: "GET", Path: "/secure", Probed: true},
	{Method: "GET", Path: "/jsonp?callback=cb", Probed: true},
	{Method: "GET", Path: "/nan"},
	{Method: "GET", Path: "/nan/pure"},
	{Method: "POST", Path: "/orders", Body: `{"ID":"o3","lines":[{"sku":"Lin <3","qty":1e2}],"total":1e3,"extra":[1]}`},
	{Method: "POST", Path: "/orders", Body: `{"ID":3}`},
}

func newEngine(rec *shop.Record) *gin.Engine {
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
	r.GET("/orders", func(c *gin.Context) { c.JSON(http.StatusOK, shop.SampleOrders(rec)) })
	r.GET("/order", func(c *gin.Context) { c.JSON(http.StatusOK, shop.SampleOrder(rec)) })
	r.GET("/order/ptr", func(c *gin.Context) { o := shop.SampleOrder(rec); c.JSON(http.StatusOK, &o) })
	r.GET("/h", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"data": shop.SampleOrder(rec), "total": 1, "page": shop.SampleOrders(rec)})
	})
	r.GET("/indented", func(c *gin.Context) { c.IndentedJSON(http.StatusOK, gin.H{"data": shop.SampleOrder(rec)}) })
	r.GET("/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"data": shop.SampleOrder(rec)}) })
	r.GET("/ascii", func(c *gin.Context) { c.AsciiJSON(http.StatusOK, shop.SampleOrder(rec)) })
	r.GET("/secure", func(c *gin.Context) {
		c.SecureJSON(http.StatusOK, []any{shop.SampleOrder(rec), shop.SampleOrders(rec)})
	})
	r.GET("/jsonp", func(c *gin.Context) { c.JSONP(http.StatusOK, shop.SampleOrder(rec)) })
	r.GET("/nan", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"orders": shop.ManyOrders()}) })
	r.GET("/nan/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"orders": shop.ManyOrders()}) })
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

// TestServer runs gin's real HTTP server with gin's default codec, then
// with jsondumpgin.API, requests every route through a real client, and
// checks that each response is byte for byte the default's and that the
// probed values were written by the generated code.
func TestServer(t *testing.T) {
	shop.RequireNoMarshalJSON(t)

	rec := &shop.Record{}
	srv := httptest.NewServer(newEngine(rec))
	defer srv.Close()
	client := srv.Client()

	defaults := make([]shop.Response, len(routes))
	for i, rt := range routes {
		defaults[i] = shop.Do(t, client, srv.URL, rt, rec)
		shop.CheckWriter(t, "default codec", rt, defaults[i], false)
	}

	old := ginjson.API
	ginjson.API = jsondumpgin.API{}
	defer func() { ginjson.API = old }()

	for i, rt := range routes {
		got := shop.Do(t, client, srv.URL, rt, rec)
		shop.CheckSame(t, rt, got, defaults[i])
		shop.CheckWriter(t, "jsondumpgin", rt, got, true)
	}

	// The routes' answers are what they are meant to be, so that the
	// comparison above compares something.
	for i, rt := range routes {
		if strings.HasPrefix(rt.Path, "/nan") && (defaults[i].Status != 500 || defaults[i].Body != "failed") {
			t.Errorf("%s: got %d %q, want the 500 of an encoding error", rt.Path, defaults[i].Status, defaults[i].Body)
		}
		if rt.Probed && !strings.Contains(defaults[i].Body, "probe") {
			t.Errorf("%s: %q has no probe", rt.Path, defaults[i].Body)
		}
	}
}

// TestEncoder checks the Encoder gin's PureJSON uses against json.Encoder,
// with and without HTML escaping, and that a failed encode writes nothing.
func TestEncoder(t *testing.T) {
	rec := &shop.Record{}
	for _, escape := range []bool{true, false} {
		for _, v := range []any{shop.SampleOrder(rec), gin.H{"data": shop.SampleOrders(rec)}, []any{nil, 1.5, "<>"}} {
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
	if err := (jsondumpgin.API{}).NewEncoder(&out).Encode(shop.ManyOrders()); err == nil || out.Len() != 0 {
		t.Errorf("NaN: err %v and %d bytes written; want an error and none", err, out.Len())
	}
}

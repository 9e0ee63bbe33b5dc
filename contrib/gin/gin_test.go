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
	"github.com/jsondump/jsondump/examples/api"
)

// How the test knows which code wrote a response.
//
// The bytes cannot tell: they are the same either way, which is the point.
// So a probe, a json.Marshaler of this package, sits inside the generated
// values (in UserResponse.Errors[0].Details), and records who called its
// MarshalJSON by walking its own call stack. examples/api has no
// MarshalJSON on its generated types (no -marshaljson; the test checks), so
// encoding/json cannot enter their generated code: a frame of package
// examples/api on the probe's stack can only be that package's generated
// code (its hand-written Money.MarshalJSON and Status.MarshalText call
// nothing), reached through the jsondump runtime's dispatch. With gin's
// default codec the stack has encoding/json's frames and none of
// examples/api; with jsondumpgin.API it must have examples/api's and none of
// encoding/json's. Nothing in runtime or the adapter exists for the test.
type probe struct{ rec *record }

// record holds what the probes saw during one request.
type record struct {
	mu        sync.Mutex
	calls     int
	generated bool // a frame of examples/api (its generated code) was on the stack
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
		generated = generated || strings.HasPrefix(f.Function, "github.com/jsondump/jsondump/examples/api.")
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

// user is a generated type holding a probe, with text that each escaping
// option writes differently (HTML characters, non-ASCII, U+2028).
func user(rec *record) api.UserResponse {
	return api.UserResponse{
		Meta: api.Meta{RequestID: "req-<1>", Version: 2},
		Data: api.User{ID: 7, Name: "Ada & Bob <admins>", Email: "ada@example.com",
			Address: &api.Address{Street: "Rue de l'Église 1", City: "Zürich", Country: "CH"},
			Tags:    []string{"ops", "line\u2028sep"}, Score: 99.5, Avatar: []byte{0, 1, 2, 250}},
		Errors: []api.APIError{{Code: 409, Message: "conflict", Details: probe{rec}}},
	}
}

func orders() api.OrderList {
	when := time.Date(2026, 11, 28, 9, 30, 0, 5, time.FixedZone("CET", 3600))
	discount := 0.25
	return api.OrderList{
		Meta: api.Meta{RequestID: "r"},
		Page: api.Page{Next: "/orders?after=o2&limit=2", Total: 2},
		Orders: []api.Order{
			{ID: "o1", Timestamps: api.Timestamps{CreatedAt: when, UpdatedAt: &when}, Total: 1999, Status: api.Shipped,
				Customer: &api.User{ID: 1, Name: "Grace", Tags: nil},
				Lines:    []api.Line{{SKU: "a&b", Qty: 2, Price: 9.995, Discount: &discount}},
				Notes:    map[string]string{"z": "<gift>", "a": "ring"}},
			{ID: "o2", Total: -5, Status: api.Pending},
		},
	}
}

// manyUsers is larger than jsondump's output chunk (about 32 KiB), with a
// NaN, which encoding/json refuses, at its end: a streaming encoder would
// have written most of it before it fails.
func manyUsers() []api.UserResponse {
	users := make([]api.UserResponse, 2000)
	for i := range users {
		users[i].Data = api.User{ID: int64(i), Name: "user", Tags: []string{"a", "b"}, Score: 1}
	}
	users[len(users)-1].Data.Score = math.NaN()
	return users
}

// route is one endpoint of the test server and what a request to it must
// show.
type route struct {
	method, path, body string
	probed             bool // its value holds a probe
}

var routes = []route{
	{method: "GET", path: "/orders"},
	{method: "GET", path: "/user", probed: true},
	{method: "GET", path: "/user/ptr", probed: true},
	{method: "GET", path: "/h", probed: true},
	{method: "GET", path: "/indented", probed: true},
	{method: "GET", path: "/pure", probed: true},
	{method: "GET", path: "/ascii", probed: true},
	{method: "GET", path: "/secure", probed: true},
	{method: "GET", path: "/jsonp?callback=cb", probed: true},
	{method: "GET", path: "/nan"},
	{method: "GET", path: "/nan/pure"},
	{method: "POST", path: "/users", body: `{"id":3,"name":"Lin <3","tags":["x"],"score":1e3,"password":"p"}`},
	{method: "POST", path: "/users", body: `{"id":"three"}`},
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
	r.GET("/orders", func(c *gin.Context) { c.JSON(http.StatusOK, orders()) })
	r.GET("/user", func(c *gin.Context) { c.JSON(http.StatusOK, user(rec)) })
	r.GET("/user/ptr", func(c *gin.Context) { u := user(rec); c.JSON(http.StatusOK, &u) })
	r.GET("/h", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"data": user(rec), "total": 1, "orders": orders()}) })
	r.GET("/indented", func(c *gin.Context) { c.IndentedJSON(http.StatusOK, gin.H{"data": user(rec)}) })
	r.GET("/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"data": user(rec)}) })
	r.GET("/ascii", func(c *gin.Context) { c.AsciiJSON(http.StatusOK, user(rec)) })
	r.GET("/secure", func(c *gin.Context) { c.SecureJSON(http.StatusOK, []any{user(rec), orders()}) })
	r.GET("/jsonp", func(c *gin.Context) { c.JSONP(http.StatusOK, user(rec)) })
	r.GET("/nan", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"users": manyUsers()}) })
	r.GET("/nan/pure", func(c *gin.Context) { c.PureJSON(http.StatusOK, gin.H{"users": manyUsers()}) })
	r.POST("/users", func(c *gin.Context) {
		var u api.User
		if err := c.ShouldBindJSON(&u); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusOK, api.UserResponse{Data: u})
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
	for _, v := range []any{api.UserResponse{}, &api.UserResponse{}, api.OrderList{}, &api.OrderList{}} {
		if _, ok := v.(json.Marshaler); ok {
			t.Fatalf("%T has a MarshalJSON; the probe's proof needs examples/api generated without -marshaljson", v)
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
		for _, v := range []any{user(rec), gin.H{"data": orders()}, []any{nil, 1.5, "<>"}} {
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
	if err := (jsondumpgin.API{}).NewEncoder(&out).Encode(manyUsers()); err == nil || out.Len() != 0 {
		t.Errorf("NaN: err %v and %d bytes written; want an error and none", err, out.Len())
	}
}

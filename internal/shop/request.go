package shop

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// A Route is one endpoint of an adapter's test server and what a request
// to it must show.
type Route struct {
	Method, Path, Body string
	Probed             bool // its value holds a probe
}

// A Response is what a client sees of one request, and who wrote it.
type Response struct {
	Status            int
	ContentType, Body string
	Probes            int
	Generated, Std    bool
}

// Do sends rt's request to the server at base through client and returns
// the response with what the probes saw.
func Do(t testing.TB, client *http.Client, base string, rt Route, rec *Record) Response {
	t.Helper()
	rec.Reset()
	var body io.Reader
	if rt.Body != "" {
		body = strings.NewReader(rt.Body)
	}
	req, err := http.NewRequest(rt.Method, base+rt.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", rt.Method, rt.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", rt.Method, rt.Path, err)
	}
	calls, generated, std := rec.Get()
	return Response{res.StatusCode, res.Header.Get("Content-Type"), string(b), calls, generated, std}
}

// RequireNoMarshalJSON stops the test if this package's types have a
// MarshalJSON: the probe's proof needs encoding/json unable to reach their
// generated code.
func RequireNoMarshalJSON(t testing.TB) {
	t.Helper()
	for _, v := range []any{Order{}, &Order{}, OrderList{}, &OrderList{}} {
		if _, ok := v.(json.Marshaler); ok {
			t.Fatalf("%T has a MarshalJSON; the probe's proof needs package shop generated without -marshaljson", v)
		}
	}
}

// CheckWriter reports a probed route whose values were not written by the
// code expected: by this package's generated code (generated), or else by
// encoding/json. who names the configuration in the message.
func CheckWriter(t testing.TB, who string, rt Route, r Response, generated bool) {
	t.Helper()
	if rt.Probed && (r.Probes == 0 || r.Generated != generated || r.Std == generated) {
		t.Errorf("%s, %s: probes %d, generated code on the stack %v, encoding/json %v; want >0, %v, %v",
			who, rt.Path, r.Probes, r.Generated, r.Std, generated, !generated)
	}
}

// CheckSame reports a response that differs from the default's in status,
// Content-Type or body.
func CheckSame(t testing.TB, rt Route, got, want Response) {
	t.Helper()
	if got.Status != want.Status || got.ContentType != want.ContentType || got.Body != want.Body {
		t.Errorf("%s %s:\n got %d %q %s\nwant %d %q %s", rt.Method, rt.Path,
			got.Status, got.ContentType, got.Body, want.Status, want.ContentType, want.Body)
	}
}

package shop

import (
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

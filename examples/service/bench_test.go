package service_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jsondump/jsondump/examples/service"
)

var (
	benchPaths = []struct{ name, path string }{
		{"records20", "/records"},
		{"records100", "/records?limit=100"},
		{"record", "/records/12"},
		{"audit", "/audit"},
		{"stats", "/stats"},
	}
	encoders = []struct {
		name   string
		encode service.EncodeFunc
	}{
		{"encoding_json", service.EncodingJSON},
		{"jsondump", service.JSONDump},
	}
)

// BenchmarkRoundTrip is one request through a real client and server over
// loopback: the client's request, the server's routing, encoding and
// writing, and the client reading the whole body. B/op and allocs/op count
// both sides. Run with
//
//	go test ./examples/service -run '^$' -bench RoundTrip
func BenchmarkRoundTrip(b *testing.B) {
	store := sampleStore(100)
	for _, p := range benchPaths {
		for _, enc := range encoders {
			b.Run(p.name+"/"+enc.name, func(b *testing.B) {
				srv := httptest.NewServer(service.NewHandler(store, enc.encode))
				defer srv.Close()
				client := srv.Client()
				var n int64
				b.ReportAllocs()
				for b.Loop() {
					res, err := client.Get(srv.URL + p.path)
					if err != nil {
						b.Fatal(err)
					}
					n, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err != nil || res.StatusCode != http.StatusOK {
						b.Fatal(res.Status, err)
					}
				}
				b.SetBytes(n)
			})
		}
	}
}

// BenchmarkHandler is the server's share of a request alone: routing,
// encoding and writing into a reused ResponseWriter, no network.
func BenchmarkHandler(b *testing.B) {
	store := sampleStore(100)
	for _, p := range benchPaths {
		for _, enc := range encoders {
			b.Run(p.name+"/"+enc.name, func(b *testing.B) {
				h := service.NewHandler(store, enc.encode)
				req := httptest.NewRequest(http.MethodGet, p.path, nil)
				w := &discardWriter{header: http.Header{}}
				b.ReportAllocs()
				for b.Loop() {
					w.n = 0
					h.ServeHTTP(w, req)
				}
				b.SetBytes(w.n)
			})
		}
	}
}

// discardWriter is a ResponseWriter that counts and drops the body.
type discardWriter struct {
	header http.Header
	n      int64
}

func (w *discardWriter) Header() http.Header { return w.header }
func (w *discardWriter) WriteHeader(int)     {}
func (w *discardWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	return len(b), nil
}

package service_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump/examples/events"
	"github.com/jsondump/jsondump/examples/service"
)

// sampleStore makes a log of n records and an audit trail, with text that
// escaping changes (HTML characters, non-ASCII, U+2028), every level, maps
// of every key kind, raw JSON to compact, and optional fields set and not.
func sampleStore(n int) *service.Store {
	s := &service.Store{}
	base := time.Date(2026, 12, 3, 8, 0, 0, 123456789, time.UTC)
	sampled := true
	lvls := []events.Level{events.Info, events.Debug, events.Warn, events.Info, events.Error, events.Info + 2}
	for i := range n {
		r := events.Record{
			Time:     base.Add(time.Duration(i) * 1500 * time.Millisecond),
			Level:    lvls[i%len(lvls)],
			Message:  fmt.Sprintf("request %d served <ok> & logged", i),
			Duration: time.Duration(i*1237) * time.Microsecond,
			Latency:  float32(i%97) * 0.37,
			Host:     map[string]string{"name": "web-1", "region": "eu-zürich"},
		}
		if i%2 == 0 {
			r.Attrs = map[string]any{"path": fmt.Sprintf("/orders/%d", i), "status": 200 + i%3, "user": map[string]any{"id": i, "name": "Zoë"}, "tags": []any{"a", 1.5, nil}}
			r.Counters = map[string]int64{"rows": int64(i * 3), "bytes": int64(i * 1024)}
		}
		if i%3 == 0 {
			r.ByCode = map[int]string{404: "not found", 200: "ok", -1: "unknown"}
			r.Labels = map[events.Label]string{"env": "prod", "team": "line\u2028sep"}
			r.Source = &events.Source{File: "server.go", Line: 120 + i, Function: "main.(*server).serve"}
			r.TraceID = fmt.Sprintf("%016x", i*7919)
			r.Sampled = &sampled
		}
		if i%4 == 0 {
			r.Payload = json.RawMessage(`{ "k" : [1, 2, "<x>"] }`)
			r.Spans = []events.Span{{Name: "db", Start: r.Time, Took: 3 * time.Millisecond, Tags: []string{"sql"}},
				{Name: "render", Start: r.Time.Add(3 * time.Millisecond), Took: 250 * time.Microsecond}}
		}
		s.Records = append(s.Records, r)
	}
	for i := range 10 {
		s.Audit = append(s.Audit, events.AuditRecord{Record: s.Records[i*n/10], Actor: fmt.Sprintf("admin%d@example.com", i), Action: "export <csv>"})
	}
	return s
}

// paths are the requests the test makes: every endpoint, its pages and its
// errors.
var paths = []string{
	"/records",
	"/records?limit=5",
	"/records?level=WARN&offset=3&limit=4",
	"/records?level=ERROR&limit=100",
	"/records?offset=100",
	"/records?limit=0",
	"/records?level=<loud>",
	"/records/0",
	"/records/12",
	"/records/100",
	"/records/x",
	"/audit",
	"/stats",
}

type response struct {
	status      int
	contentType string
	body        string
}

func get(t testing.TB, client *http.Client, url string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Request-Id", "req-<42>")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header.Get("Content-Type"), string(b)}
}

// TestService serves one store twice, with jsondump and with encoding/json,
// requests every path from both through a real client, and wants the same
// status, headers and bytes.
func TestService(t *testing.T) {
	// The encoding/json side, here and in the benchmarks, is plain
	// encoding/json only while the types have no generated MarshalJSON.
	for _, v := range []any{events.Record{}, events.Batch{}, events.AuditRecord{}} {
		if _, ok := v.(json.Marshaler); ok {
			t.Fatalf("%T has a MarshalJSON: examples/events is meant to be generated without -marshaljson", v)
		}
	}
	store := sampleStore(100)
	jd := httptest.NewServer(service.NewHandler(store, service.JSONDump))
	defer jd.Close()
	std := httptest.NewServer(service.NewHandler(store, service.EncodingJSON))
	defer std.Close()

	for _, path := range paths {
		got, want := get(t, jd.Client(), jd.URL+path), get(t, std.Client(), std.URL+path)
		if got != want {
			t.Errorf("GET %s:\n got %d %q %s\nwant %d %q %s", path,
				got.status, got.contentType, got.body, want.status, want.contentType, want.body)
		}
	}

	// The service answers what it should, so that the comparison above
	// compares something.
	var batch struct {
		Records []struct {
			Level string `json:"level"`
			Msg   string `json:"msg"`
		} `json:"records"`
		Dropped int  `json:"dropped"`
		Final   bool `json:"final"`
	}
	if r := get(t, jd.Client(), jd.URL+"/records?level=WARN&offset=3&limit=4"); r.status != http.StatusOK {
		t.Errorf("a page of records: status %d", r.status)
	} else if err := json.Unmarshal([]byte(r.body), &batch); err != nil {
		t.Error(err)
	}
	// Of each 6 records, 2 are WARN or above: 2 (WARN) and 4 (ERROR), then
	// 8, 10, 14, ... and 98, 33 of the 100. Past 3 of them, the page is 10,
	// 14, 16 and 20.
	if len(batch.Records) != 4 || batch.Records[0].Level != "ERROR" || batch.Records[1].Level != "WARN" ||
		batch.Records[0].Msg != "request 10 served <ok> & logged" || batch.Dropped != 67 || batch.Final {
		t.Errorf("a page of records: %+v", batch)
	}
	for path, status := range map[string]int{"/records/100": 404, "/records?limit=0": 400, "/stats": 200, "/audit": 200} {
		if r := get(t, jd.Client(), jd.URL+path); r.status != status || !strings.HasSuffix(r.body, "}\n") {
			t.Errorf("GET %s: %d %s; want status %d and a JSON object", path, r.status, r.body, status)
		}
	}
}

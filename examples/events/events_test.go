package events_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump/examples/events"
	mirror "github.com/jsondump/jsondump/internal/mirror/events"
	"github.com/jsondump/jsondump/runtime"
)

// TestRecordMatchesEncodingJSON writes one record both ways: with the
// generated code, and with encoding/json on the mirror types.
func TestRecordMatchesEncodingJSON(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	sampled := true
	rec := events.Record{
		Time: at, Level: events.Warn + 1, Message: "disk <90%> full",
		Attrs:    map[string]any{"path": "/var", "free": 0.1, "tags": []any{"a", nil}},
		Counters: map[string]int64{"b": 2, "a": 1}, ByCode: map[int]string{10: "x", 9: "y"},
		Labels: map[events.Label]string{"zone": "eu"}, Source: &events.Source{File: "main.go", Line: 42},
		Duration: 1500 * time.Millisecond, Latency: 1.25, Sampled: &sampled,
		Payload: json.RawMessage(` {"k" : [1, 2]} `), Host: map[string]string{"name": "h1"},
	}
	ref := mirror.Record{
		Time: at, Level: mirror.Warn + 1, Message: "disk <90%> full",
		Attrs:    map[string]any{"path": "/var", "free": 0.1, "tags": []any{"a", nil}},
		Counters: map[string]int64{"b": 2, "a": 1}, ByCode: map[int]string{10: "x", 9: "y"},
		Labels: map[mirror.Label]string{"zone": "eu"}, Source: &mirror.Source{File: "main.go", Line: 42},
		Duration: 1500 * time.Millisecond, Latency: 1.25, Sampled: &sampled,
		Payload: json.RawMessage(` {"k" : [1, 2]} `), Host: map[string]string{"name": "h1"},
	}
	want, err := json.Marshal(&ref)
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.Dumps(); got != string(want) {
		t.Errorf("Dumps:\n got %s\nwant %s", got, want)
	}
}

// TestNaNSaysWhere shows the error a user gets for a value JSON cannot hold.
func TestNaNSaysWhere(t *testing.T) {
	b := events.Batch{Records: []events.Record{{}, {Latency: float32(math.NaN())}}}
	err := b.DumpTo(new(discard))
	var jerr *runtime.Error
	if !errors.As(err, &jerr) || jerr.Path != ".Records[1].Latency" {
		t.Fatalf("error %v, want one at .Records[1].Latency", err)
	}
	var unsupported *json.UnsupportedValueError
	if !errors.As(err, &unsupported) {
		t.Errorf("the cause is not a *json.UnsupportedValueError: %v", err)
	}
	if got := b.Dumps(runtime.AllowNaN()); !strings.Contains(got, `"latency_ms":NaN`) {
		t.Errorf("AllowNaN does not write NaN: %s", got)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

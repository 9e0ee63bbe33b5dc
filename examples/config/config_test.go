package config_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/examples/config"
	mirror "github.com/jsondump/jsondump/internal/mirror/config"
)

// TestConfigMatchesEncodingJSON writes one configuration both ways, through
// a pointer and by value: Mode's MarshalJSON has a pointer receiver, so
// encoding/json writes "PROD" for an addressable Config and "prod" for a
// copy, and jsondump keeps that difference.
func TestConfigMatchesEncodingJSON(t *testing.T) {
	healthy := true
	s := "ptr"
	cfg := config.Config{
		Name: "svc", Port: 8080, Debug: true, Ratio: 0.5, Secret: "hidden", Dash: "d",
		Timeout: config.Duration(90e9), Quoted: "q", HTML: "<b>", Unicode: "ключ", Ptr: &s,
		Number: "1e3", Mode: "prod", Version: [3]int{1, 2, 3}, Features: map[string]bool{"b": true, "a": false},
		Extra:    map[string]json.RawMessage{"x": json.RawMessage(`[1, 2]`)},
		Backends: []config.Backend{{URL: "http://a", Weight: 3, Healthy: &healthy}, {URL: "http://b"}},
		Defaults: config.Pair[string, int]{Key: "retries", Value: 3},
	}
	ref := mirror.Config{
		Name: "svc", Port: 8080, Debug: true, Ratio: 0.5, Secret: "hidden", Dash: "d",
		Timeout: mirror.Duration(90e9), Quoted: "q", HTML: "<b>", Unicode: "ключ", Ptr: &s,
		Number: "1e3", Mode: "prod", Version: [3]int{1, 2, 3}, Features: map[string]bool{"b": true, "a": false},
		Extra:    map[string]json.RawMessage{"x": json.RawMessage(`[1, 2]`)},
		Backends: []mirror.Backend{{URL: "http://a", Weight: 3, Healthy: &healthy}, {URL: "http://b"}},
		Defaults: mirror.Pair[string, int]{Key: "retries", Value: 3},
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"through a pointer", &cfg, &ref},
		{"by value", cfg, ref},
	} {
		want, err := json.Marshal(c.want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(c.got)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s:\n got %s (%v)\nwant %s", c.what, got, err, want)
		}
	}
	want, _ := json.Marshal(&ref)
	if !strings.Contains(string(want), `"mode":"PROD"`) {
		t.Fatalf("encoding/json no longer calls Mode's MarshalJSON through a pointer: %s", want)
	}
	if got := cfg.Dumps(); got != string(want) {
		t.Errorf("Dumps:\n got %s\nwant %s", got, want)
	}
}

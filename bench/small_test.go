package bench

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bytedance/sonic"
	goccy "github.com/goccy/go-json"
	"github.com/mailru/easyjson"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/bench/datasets/twitter"
	"github.com/jsondump/jsondump/bench/datasets/twitter/jd"
	"github.com/jsondump/jsondump/bench/datasets/twitter/jdm"
)

// BenchmarkSmall measures what the datasets do not: one small value per
// call, where the fixed cost of a call (pooling, setting up, the result's
// allocation) is most of the work, as for the body of an API response. The
// values are two of twitter_status's types, written here, so the benchmark
// needs no corpus:
//
//	go test -run '^$' -bench Small -benchmem
func BenchmarkSmall(b *testing.B) {
	size := twitter.Size{W: 150, H: 120, Resize: "crop"}
	url := twitter.URL{URL: "http://t.co/Ph4xXx0m", ExpandedURL: "http://example.com/some/page?id=7",
		DisplayURL: "example.com/some/page…", Indices: []int{44, 66}}
	for _, v := range []struct {
		name string
		peer any                 // a twitter type, for the peers
		ours any                 // the same value in jsondump's copy of the type
		mj   json.Marshaler      // and in the copy generated with -marshaljson
		dump func(*bytes.Buffer) // ours' DumpTo
	}{
		{"size", &size, (*jd.Size)(&size), (*jdm.Size)(&size), func(w *bytes.Buffer) { (*jd.Size)(&size).DumpTo(w) }},
		{"url", &url, (*jd.URL)(&url), (*jdm.URL)(&url), func(w *bytes.Buffer) { (*jd.URL)(&url).DumpTo(w) }},
	} {
		want, err := json.Marshal(v.peer)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		for _, c := range []struct {
			name string
			run  func() ([]byte, error)
		}{
			{"jsonv1", func() ([]byte, error) { return json.Marshal(v.peer) }},
			{"jsonv1_encoder", func() ([]byte, error) {
				buf.Reset()
				err := json.NewEncoder(&buf).Encode(v.peer)
				return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
			}},
			{"goccy", func() ([]byte, error) { return goccy.Marshal(v.peer) }},
			{"sonic", func() ([]byte, error) { return sonic.ConfigDefault.Marshal(v.peer) }},
			{"easyjson", func() ([]byte, error) { return easyjson.Marshal(v.peer.(easyjson.Marshaler)) }},
			{"jsondump_marshal", func() ([]byte, error) { return jsondump.Marshal(v.ours) }},
			{"jsondump_encoder", func() ([]byte, error) {
				buf.Reset()
				err := jsondump.NewEncoder(&buf).Encode(v.ours)
				return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
			}},
			{"jsonv1_gen", func() ([]byte, error) { return json.Marshal(v.ours) }},
			{"jsonv1_marshaljson", func() ([]byte, error) { return json.Marshal(v.mj) }},
			{"jsondump_marshaljson", v.mj.MarshalJSON},
			{"jsondump_dumpto", func() ([]byte, error) { buf.Reset(); v.dump(&buf); return buf.Bytes(), nil }},
		} {
			b.Run(v.name+"/enc="+c.name, func(b *testing.B) {
				if out, err := c.run(); err != nil || !bytes.Equal(out, want) {
					b.Fatalf("%s gives %s, %v; want %s", c.name, out, err, want)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

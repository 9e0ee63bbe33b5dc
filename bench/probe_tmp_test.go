package bench

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"sort"
	"testing"

	goccy "github.com/goccy/go-json"
	"github.com/jsondump/jsondump/runtime"
)

func BenchmarkScripts(b *testing.B) {
	f, _ := os.Open("/work/shared/corpus/string_unicode.json.gz")
	z, _ := gzip.NewReader(f)
	data, _ := io.ReadAll(z)
	var m map[string]string
	json.Unmarshal(data, &m)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys[:60:60] {
		s := m[k]
		b.Run(k+"/goccy", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				goccy.Marshal(s)
			}
		})
		b.Run(k+"/jd", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				e := runtime.NewEncoder(io.Discard)
				e.String(s)
				e.Close()
			}
		})
	}
}

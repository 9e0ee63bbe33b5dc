// The benchmark of jsondump against the other Go JSON encoders; see README.md.
package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/jsondump/jsondump/bench/contenders"
	_ "github.com/jsondump/jsondump/bench/datasets/all"
	"github.com/jsondump/jsondump/bench/internal/copytypes"
	"github.com/jsondump/jsondump/bench/internal/corpus"
	"github.com/jsondump/jsondump/bench/internal/reg"
)

// packageDirs maps dataset names to their package folder.
var packageDirs = map[string]string{
	"canada_geometry": "canada",
	"citm_catalog":    "citm",
	"golang_source":   "golangsrc",
	"string_unicode":  "stringunicode",
	"synthea_fhir":    "synthea",
	"twitter_status":  "twitter",
}

func decode(tb testing.TB, ds *reg.Dataset) *corpus.Value {
	tb.Helper()
	v, err := corpus.Decode(ds)
	if errors.Is(err, corpus.ErrAbsent) {
		tb.Skip(err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestDatasetsRegistered(t *testing.T) {
	got := map[string]bool{}
	for _, ds := range reg.Datasets() {
		got[ds.Name] = true
		if packageDirs[ds.Name] == "" {
			t.Errorf("dataset %s has no package folder in packageDirs", ds.Name)
		}
	}
	for name := range packageDirs {
		if !got[name] {
			t.Errorf("dataset %s not registered", name)
		}
	}
}

// TestRoundTrip: decoding with encoding/json into the types (unknown fields
// rejected) and re-encoding gives JSON equal to the input once both are decoded
// into any. Whether the output is also byte-identical to the compacted input
// (same field order and spelling) is logged, not required.
func TestRoundTrip(t *testing.T) {
	for _, ds := range reg.Datasets() {
		t.Run(ds.Name, func(t *testing.T) {
			val := decode(t, ds)
			out, err := json.Marshal(val.V)
			if err != nil {
				t.Fatal(err)
			}
			var want, got any
			if err := json.Unmarshal(val.Input, &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("re-encoded %s differs from the input: %s", ds.Name, contenders.FirstValueDiff("", want, got))
			}
			var in bytes.Buffer
			if err := json.Compact(&in, val.Input); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(in.Bytes(), out) {
				t.Logf("%s: %d bytes, byte-identical to the compacted input", ds.Name, len(out))
			} else {
				d := contenders.Compare(in.Bytes(), out, contenders.Compact)
				t.Logf("%s: %d bytes, semantically equal; vs compacted input: %s", ds.Name, len(out), d)
			}
		})
	}
}

// TestOutputsMatch compares every contender's output with encoding/json's, for
// every dataset and mode. Peers that differ are reported (t.Log), not failed;
// jsondump's routes and encoding/json's own must be byte-identical.
func TestOutputsMatch(t *testing.T) {
	for _, ds := range reg.Datasets() {
		for _, mode := range contenders.Modes {
			t.Run(ds.Name+"/"+string(mode), func(t *testing.T) {
				val := decode(t, ds)
				rows := contenders.Identity(val, mode)
				for _, r := range rows {
					switch {
					case r.Diff.Identical:
						t.Logf("%-22s identical", r.C.Name)
					case r.C.Exact:
						t.Errorf("%-22s %s", r.C.Name, r.Diff)
					default:
						t.Logf("%-22s %s", r.C.Name, r.Diff)
					}
				}
			})
		}
	}
}

// TestProbeOutputs compares every contender's output with encoding/json's on
// the datasets' probes (reg.ProbeText: invalid UTF-8 and the characters
// that encoding/json escapes). jsondump must be byte-identical.
func TestProbeOutputs(t *testing.T) {
	probed := 0
	for _, ds := range reg.Datasets() {
		decode(t, ds) // skips when the corpus is absent
		val, err := corpus.Probe(ds)
		if err != nil {
			t.Fatal(err)
		}
		if val == nil {
			continue
		}
		probed++
		for _, r := range contenders.Identity(val, contenders.Compact) {
			switch {
			case r.Diff.Identical:
				t.Logf("%s %-22s identical", ds.Name, r.C.Name)
			case r.C.Exact:
				t.Errorf("%s %-22s %s", ds.Name, r.C.Name, r.Diff)
			default:
				t.Logf("%s %-22s %s", ds.Name, r.C.Name, r.Diff)
			}
		}
	}
	if probed == 0 {
		t.Error("no dataset has a probe")
	}
}

// TestCopiesCurrent: each datasets/*/jd/types.go and datasets/*/jdm/types.go
// is the copy that go generate (cmd/copytypes) makes of ../types.go.
func TestCopiesCurrent(t *testing.T) {
	for name, dir := range packageDirs {
		src, err := os.ReadFile(filepath.Join("datasets", dir, "types.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, pkg := range copytypes.Packages {
			want, err := copytypes.Transform(src, pkg)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join("datasets", dir, pkg, "types.go"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: datasets/%s/%s/types.go is stale; run go generate ./datasets/%s", name, dir, pkg, dir)
			}
		}
	}
}

// BenchmarkMarshal measures every contender on every dataset and mode; names
// are data=…/mode=…/enc=… for benchstat's -row/-col (run.sh uses them). The
// output of every contender that must equal encoding/json's (Exact) is
// checked before it is timed.
func BenchmarkMarshal(b *testing.B) {
	cs := contenders.All()
	var ref *contenders.Contender
	for _, c := range cs {
		if c.Name == contenders.Reference {
			ref = c
		}
	}
	for _, ds := range reg.Datasets() {
		b.Run("data="+ds.Name, func(b *testing.B) {
			val := decode(b, ds)
			for _, mode := range contenders.Modes {
				b.Run("mode="+string(mode), func(b *testing.B) {
					want, err := ref.Bind(val, mode)(true)
					if err != nil {
						b.Fatal(err)
					}
					want = bytes.Clone(want)
					for _, c := range cs {
						run := c.Bind(val, mode)
						if run == nil {
							continue
						}
						b.Run("enc="+c.Name, func(b *testing.B) {
							out, err := run(true)
							if err != nil {
								b.Fatal(err)
							}
							if c.Exact && !bytes.Equal(out, want) {
								b.Fatalf("output differs from encoding/json's: %s", contenders.Compare(want, out, mode))
							}
							b.SetBytes(int64(len(out)))
							b.ReportAllocs()
							b.ResetTimer()
							for b.Loop() {
								if _, err := run(false); err != nil {
									b.Fatal(err)
								}
							}
						})
					}
				})
			}
		})
	}
}

// BenchmarkRoutes measures each of jsondump's routes against the
// encoding/json call it replaces (contenders.Contender.Base), compact, the
// two called in turn within each iteration, so that both see the same load
// of a shared machine; BenchmarkMarshal runs them seconds apart. It reports
// the time of each (base-ns/op, route-ns/op) and their ratio (speedup:
// the base's time over the route's, higher is faster), which benchstat
// summarises over -count runs:
//
//	go test -run '^$' -bench Routes -count 6 . | tee routes.txt
//	benchstat -col /route -filter '.unit:speedup' routes.txt
//
// Both outputs are checked against encoding/json's first. ns/op is the
// pair's. A route's allocations are those of the pair, too.
func BenchmarkRoutes(b *testing.B) {
	cs := contenders.All()
	byName := map[string]*contenders.Contender{}
	for _, c := range cs {
		byName[c.Name] = c
	}
	for _, ds := range reg.Datasets() {
		b.Run("data="+ds.Name, func(b *testing.B) {
			val := decode(b, ds)
			want, err := byName[contenders.Reference].Bind(val, contenders.Compact)(true)
			if err != nil {
				b.Fatal(err)
			}
			want = bytes.Clone(want)
			for _, c := range cs {
				if !c.Ours {
					continue
				}
				base := byName[contenders.Reference]
				if c.Base != "" {
					base = byName[c.Base]
				}
				runBase, run := base.Bind(val, contenders.Compact), c.Bind(val, contenders.Compact)
				if runBase == nil || run == nil {
					continue
				}
				b.Run("route="+c.Name, func(b *testing.B) {
					for _, r := range []contenders.Run{runBase, run} {
						out, err := r(true)
						if err != nil {
							b.Fatal(err)
						}
						if !bytes.Equal(out, want) {
							b.Fatalf("output differs from encoding/json's: %s", contenders.Compare(want, out, contenders.Compact))
						}
					}
					b.ReportAllocs()
					var tBase, tRoute time.Duration
					for b.Loop() {
						t0 := time.Now()
						if _, err := runBase(false); err != nil {
							b.Fatal(err)
						}
						t1 := time.Now()
						if _, err := run(false); err != nil {
							b.Fatal(err)
						}
						tBase += t1.Sub(t0)
						tRoute += time.Since(t1)
					}
					b.ReportMetric(float64(tBase.Nanoseconds())/float64(b.N), "base-ns/op")
					b.ReportMetric(float64(tRoute.Nanoseconds())/float64(b.N), "route-ns/op")
					b.ReportMetric(float64(tBase)/float64(tRoute), "speedup")
				})
			}
		})
	}
}

// Package contenders lists the JSON encoders the benchmark compares, each
// bound to one decoded value of a dataset's concrete Go types.
package contenders

import (
	"bytes"
	"encoding/json"

	"github.com/bytedance/sonic"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	goccy "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	"github.com/mailru/easyjson"
	segjson "github.com/segmentio/encoding/json"

	"github.com/jsondump/jsondump/bench/internal/corpus"
	"github.com/jsondump/jsondump/bench/internal/reg"
)

// Mode is compact or indented output.
type Mode string

const (
	Compact Mode = "compact"
	Indent  Mode = "indent" // prefix "", indent "  "
)

// Modes are all modes, in benchmark order.
var Modes = []Mode{Compact, Indent}

// Run encodes the bound value once. The returned bytes may be reused by the
// next call. With keep false the caller discards the output (the benchmark
// loop), and a Run whose result is not already bytes (Dumps' string) may
// return nil instead of converting it.
type Run func(keep bool) ([]byte, error)

// Contender is one encoder.
type Contender struct {
	Name string // the enc= part of benchmark names
	Ours bool   // jsondump: must equal encoding/json byte for byte
	Desc string // what is called, for the report

	// Bind returns the function encoding the decoded dataset in mode (val.V,
	// or val.JD for jsondump), or nil when the contender has no such mode or
	// is not available for the dataset.
	Bind func(val *corpus.Value, mode Mode) Run
}

// Reference is the contender every other is compared with.
const Reference = "jsonv1"

// All returns the contenders available in this build: the peers always,
// jsondump's when it is registered for at least one dataset.
func All() []*Contender {
	cs := []*Contender{
		{Name: "jsonv1", Desc: "encoding/json Marshal / MarshalIndent", Bind: simple(json.Marshal,
			func(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") })},
		{Name: "jsonv2", Desc: "github.com/go-json-experiment/json Marshal (default v2 options; indent: jsontext.WithIndent)", Bind: simple(
			func(v any) ([]byte, error) { return jsonv2.Marshal(v) },
			func(v any) ([]byte, error) { return jsonv2.Marshal(v, jsontext.WithIndent("  ")) })},
		{Name: "easyjson", Desc: "github.com/mailru/easyjson generated MarshalEasyJSON via easyjson.Marshal (no indent API)", Bind: bindEasyJSON},
		{Name: "goccy", Desc: "github.com/goccy/go-json Marshal / MarshalIndent", Bind: simple(goccy.Marshal,
			func(v any) ([]byte, error) { return goccy.MarshalIndent(v, "", "  ") })},
		{Name: "goccy_encoder", Desc: "github.com/goccy/go-json NewEncoder(reused bytes.Buffer).Encode, its streaming API and DumpTo's counterpart (the newline Encode adds is cut)", Bind: bindGoccyEncoder},
		{Name: "sonic", Desc: "github.com/bytedance/sonic ConfigDefault Marshal / MarshalIndent", Bind: simple(sonic.ConfigDefault.Marshal,
			func(v any) ([]byte, error) { return sonic.ConfigDefault.MarshalIndent(v, "", "  ") })},
		{Name: "sonic_std", Desc: "github.com/bytedance/sonic ConfigStd Marshal / MarshalIndent", Bind: simple(sonic.ConfigStd.Marshal,
			func(v any) ([]byte, error) { return sonic.ConfigStd.MarshalIndent(v, "", "  ") })},
		{Name: "jsoniter", Desc: "github.com/json-iterator/go ConfigCompatibleWithStandardLibrary Marshal / MarshalIndent", Bind: simple(
			jsoniter.ConfigCompatibleWithStandardLibrary.Marshal,
			func(v any) ([]byte, error) {
				return jsoniter.ConfigCompatibleWithStandardLibrary.MarshalIndent(v, "", "  ")
			})},
		{Name: "segmentio", Desc: "github.com/segmentio/encoding/json Marshal / MarshalIndent", Bind: simple(segjson.Marshal,
			func(v any) ([]byte, error) { return segjson.MarshalIndent(v, "", "  ") })},
		{Name: "floor", Desc: "copying encoding/json's output into a reused buffer (a lower bound)", Bind: bindFloor},
	}
	if anyDump() {
		cs = append(cs,
			&Contender{Name: "jsondump_dumpto", Ours: true, Desc: "jsondump generated DumpTo into a reused bytes.Buffer", Bind: bindDumpTo},
			&Contender{Name: "jsondump_dumps", Ours: true, Desc: "jsondump generated Dumps (a string)", Bind: bindDumps},
			&Contender{Name: "jsondump_marshaljson", Ours: true, Desc: "jsondump generated MarshalJSON (compact only)", Bind: bindMarshalJSON},
		)
	}
	return cs
}

func anyDump() bool {
	for _, ds := range reg.Datasets() {
		if reg.DumpFor(ds.Name) != nil {
			return true
		}
	}
	return false
}

func simple(compact, indent func(any) ([]byte, error)) func(*corpus.Value, Mode) Run {
	return func(val *corpus.Value, mode Mode) Run {
		f, v := compact, val.V
		if mode == Indent {
			f = indent
		}
		return func(bool) ([]byte, error) { return f(v) }
	}
}

// bindGoccyEncoder streams into a reused buffer, as DumpTo does: goccy's
// Marshal pays for a new slice of the whole output and the collections it
// brings about, which its Encoder does not.
func bindGoccyEncoder(val *corpus.Value, mode Mode) Run {
	v := val.V
	var buf bytes.Buffer
	enc := goccy.NewEncoder(&buf)
	if mode == Indent {
		enc.SetIndent("", "  ")
	}
	return func(bool) ([]byte, error) {
		buf.Reset()
		err := enc.Encode(v)
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
	}
}

func bindEasyJSON(val *corpus.Value, mode Mode) Run {
	if mode != Compact || val.DS.Easy == nil {
		return nil
	}
	m := val.DS.Easy(val.V)
	return func(bool) ([]byte, error) { return easyjson.Marshal(m) }
}

func bindFloor(val *corpus.Value, mode Mode) Run {
	v := val.V
	var out []byte
	var err error
	if mode == Indent {
		out, err = json.MarshalIndent(v, "", "  ")
	} else {
		out, err = json.Marshal(v)
	}
	if err != nil {
		return func(bool) ([]byte, error) { return nil, err }
	}
	buf := make([]byte, 0, len(out))
	return func(bool) ([]byte, error) {
		buf = append(buf[:0], out...)
		return buf, nil
	}
}

// The jsondump contenders encode val.JD: the same corpus decoded by
// encoding/json into the jsondump copy of the types (datasets/*/jd).

func bindDumpTo(val *corpus.Value, mode Mode) Run {
	d := reg.DumpFor(val.DS.Name)
	if d == nil {
		return nil
	}
	v, ind := val.JD, mode == Indent
	var buf bytes.Buffer
	return func(bool) ([]byte, error) {
		buf.Reset()
		err := d.DumpTo(v, &buf, ind)
		return buf.Bytes(), err
	}
}

func bindDumps(val *corpus.Value, mode Mode) Run {
	d := reg.DumpFor(val.DS.Name)
	if d == nil {
		return nil
	}
	v, ind := val.JD, mode == Indent
	return func(keep bool) (out []byte, err error) {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(error); ok {
					err = e
				} else {
					panic(r)
				}
			}
		}()
		s := d.Dumps(v, ind)
		if keep {
			out = []byte(s)
		}
		return out, nil
	}
}

func bindMarshalJSON(val *corpus.Value, mode Mode) Run {
	d := reg.DumpFor(val.DS.Name)
	if d == nil || mode != Compact {
		return nil
	}
	v := val.JD
	return func(bool) ([]byte, error) { return d.MarshalJSON(v) }
}

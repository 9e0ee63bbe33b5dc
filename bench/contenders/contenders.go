// Package contenders lists the JSON encoders the benchmark compares, each
// bound to one decoded value of a dataset's concrete Go types.
package contenders

import (
	"bytes"
	"encoding/json"
	"unsafe"

	"github.com/bytedance/sonic"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	goccy "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	"github.com/mailru/easyjson"
	segjson "github.com/segmentio/encoding/json"

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
// next call.
type Run func() ([]byte, error)

// Contender is one encoder.
type Contender struct {
	Name string // the enc= part of benchmark names
	Ours bool   // jsondump: must equal encoding/json byte for byte
	Desc string // what is called, for the report

	// Bind returns the function encoding v (a pointer from ds.New, decoded
	// from the dataset) in mode, or nil when the contender has no such mode or
	// is not available for the dataset.
	Bind func(ds *reg.Dataset, v any, mode Mode) Run
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

func simple(compact, indent func(any) ([]byte, error)) func(*reg.Dataset, any, Mode) Run {
	return func(_ *reg.Dataset, v any, mode Mode) Run {
		f := compact
		if mode == Indent {
			f = indent
		}
		return func() ([]byte, error) { return f(v) }
	}
}

func bindEasyJSON(ds *reg.Dataset, v any, mode Mode) Run {
	if mode != Compact || ds.Easy == nil {
		return nil
	}
	m := ds.Easy(v)
	return func() ([]byte, error) { return easyjson.Marshal(m) }
}

func bindFloor(_ *reg.Dataset, v any, mode Mode) Run {
	var out []byte
	var err error
	if mode == Indent {
		out, err = json.MarshalIndent(v, "", "  ")
	} else {
		out, err = json.Marshal(v)
	}
	if err != nil {
		return func() ([]byte, error) { return nil, err }
	}
	buf := make([]byte, 0, len(out))
	return func() ([]byte, error) {
		buf = append(buf[:0], out...)
		return buf, nil
	}
}

func bindDumpTo(ds *reg.Dataset, v any, mode Mode) Run {
	d := reg.DumpFor(ds.Name)
	if d == nil {
		return nil
	}
	b, ind := d.Bind(v), mode == Indent
	var buf bytes.Buffer
	return func() ([]byte, error) {
		buf.Reset()
		err := d.DumpTo(b, &buf, ind)
		return buf.Bytes(), err
	}
}

func bindDumps(ds *reg.Dataset, v any, mode Mode) Run {
	d := reg.DumpFor(ds.Name)
	if d == nil {
		return nil
	}
	b, ind := d.Bind(v), mode == Indent
	return func() (out []byte, err error) {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(error); ok {
					err = e
				} else {
					panic(r)
				}
			}
		}()
		s := d.Dumps(b, ind)
		return unsafe.Slice(unsafe.StringData(s), len(s)), nil
	}
}

func bindMarshalJSON(ds *reg.Dataset, v any, mode Mode) Run {
	d := reg.DumpFor(ds.Name)
	if d == nil || mode != Compact {
		return nil
	}
	b := d.Bind(v)
	return func() ([]byte, error) { return d.MarshalJSON(b) }
}

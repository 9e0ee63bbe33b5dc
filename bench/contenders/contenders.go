// Package contenders lists the JSON encoders the benchmark compares, each
// bound to one decoded value of a dataset's concrete Go types.
package contenders

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/bytedance/sonic"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	goccy "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	"github.com/mailru/easyjson"
	segjson "github.com/segmentio/encoding/json"

	"github.com/jsondump/jsondump"
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

// Contender is one encoder, or one way of calling it (a route).
type Contender struct {
	Name  string // the enc= part of benchmark names
	Ours  bool   // jsondump's code runs (its methods, or json.Marshal on its generated types)
	Exact bool   // the output must equal encoding/json's byte for byte (checked before timing)
	Desc  string // what is called, for the report

	// Base names the encoding/json contender that this one replaces, whose
	// time its speed-up is taken over in the routes table: Reference when
	// empty, JSONEncoder for Encoder.Encode, JSONMap for a map[string]any.
	Base string
	// Target is the speed-up over Base that the route must reach (issue 11),
	// 0 for none.
	Target float64

	// Bind returns the function encoding the decoded dataset in mode (val.V,
	// or val.JD for jsondump), or nil when the contender has no such mode or
	// is not available for the dataset.
	Bind func(val *corpus.Value, mode Mode) Run
}

// Reference is the contender every other is compared with.
const Reference = "jsonv1"

// The encoding/json calls that routes other than Marshal replace.
const (
	JSONEncoder = "jsonv1_encoder" // json.NewEncoder(w).Encode(v)
	JSONMap     = "jsonv1_map"     // json.Marshal(map[string]any{"data": v})
)

// mapPrefix and mapSuffix wrap a value in the map[string]any routes' output.
const mapPrefix, mapSuffix = `{"data":`, `}`

// All returns the contenders available in this build: the peers always,
// jsondump's when it is registered for at least one dataset.
func All() []*Contender {
	cs := []*Contender{
		{Name: "jsonv1", Exact: true, Desc: "encoding/json Marshal / MarshalIndent", Bind: simple(json.Marshal,
			func(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") })},
		{Name: JSONEncoder, Exact: true, Desc: "encoding/json NewEncoder(w).Encode, a new Encoder per call into a reused bytes.Buffer (indent: SetIndent); its newline is checked, then cut for the comparison", Bind: bindJSONEncoder},
		{Name: JSONMap, Exact: true, Desc: "encoding/json Marshal(map[string]any{\"data\": v}) (compact only); its wrapper is checked, then cut for the comparison", Bind: bindJSONMap},
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
			&Contender{Name: "jsondump_dumpto", Ours: true, Exact: true, Desc: "jsondump generated DumpTo into a reused bytes.Buffer", Bind: bindDumpTo},
			&Contender{Name: "jsondump_dumps", Ours: true, Exact: true, Desc: "jsondump generated Dumps (a string)", Bind: bindDumps},
			&Contender{Name: "jsondump_marshal", Ours: true, Exact: true, Target: 2, Desc: "jsondump.Marshal / jsondump.MarshalIndent on the generated types", Bind: bindMarshal},
			&Contender{Name: "jsondump_encoder", Ours: true, Exact: true, Base: JSONEncoder, Target: 2, Desc: "jsondump.NewEncoder(w).Encode on the generated types, a new Encoder per call into a reused bytes.Buffer (indent: SetIndent); its newline is checked, then cut", Bind: bindEncoder},
			&Contender{Name: "jsondump_map", Ours: true, Exact: true, Base: JSONMap, Target: 1.8, Desc: "jsondump.Marshal(map[string]any{\"data\": v}) on the generated types (compact only); its wrapper is checked, then cut", Bind: bindMap},
			&Contender{Name: "jsonv1_gen", Ours: true, Exact: true, Target: 0.95, Desc: "encoding/json Marshal / MarshalIndent on the generated types (default flags: no MarshalJSON, so encoding/json's own reflection)", Bind: bindJSONGen},
		)
	}
	if anyMJ() {
		cs = append(cs,
			&Contender{Name: "jsonv1_marshaljson", Ours: true, Exact: true, Desc: "encoding/json Marshal on the types generated with -marshaljson, which calls their MarshalJSON and validates and compacts its output (compact only)", Bind: bindJSONMJ},
			&Contender{Name: "jsondump_marshaljson", Ours: true, Exact: true, Desc: "the MarshalJSON generated with -marshaljson, called directly (compact only)", Bind: bindMarshalJSON},
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

func anyMJ() bool {
	for _, ds := range reg.Datasets() {
		if reg.MJFor(ds.Name) != nil {
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

// bindJSONEncoder is json.NewEncoder(w).Encode(v) as a handler calls it:
// a new Encoder per call. The output is json.Marshal's and a newline.
func bindJSONEncoder(val *corpus.Value, mode Mode) Run {
	v := val.V
	var buf bytes.Buffer
	return func(keep bool) ([]byte, error) {
		buf.Reset()
		enc := json.NewEncoder(&buf)
		if mode == Indent {
			enc.SetIndent("", "  ")
		}
		err := enc.Encode(v)
		return endLine(buf.Bytes(), keep, err)
	}
}

// endLine checks that out ends with the newline an Encoder adds and cuts
// it, so that out can be compared with Marshal's output; only when the
// output is kept (not in the timed loop).
func endLine(out []byte, keep bool, err error) ([]byte, error) {
	if !keep || err != nil {
		return out, err
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		return nil, errors.New("Encode wrote no trailing newline")
	}
	return out[:len(out)-1], nil
}

// bindJSONMap is json.Marshal of a map[string]any holding the value, as a
// handler writes gin.H{"data": v}.
func bindJSONMap(val *corpus.Value, mode Mode) Run {
	if mode != Compact {
		return nil
	}
	m := map[string]any{"data": val.V}
	return func(keep bool) ([]byte, error) {
		out, err := json.Marshal(m)
		return unwrap(out, keep, err)
	}
}

// unwrap checks that out is {"data":…} and cuts the wrapper, so that out
// can be compared with Marshal's output of the value; only when the output
// is kept (not in the timed loop).
func unwrap(out []byte, keep bool, err error) ([]byte, error) {
	if !keep || err != nil {
		return out, err
	}
	if !bytes.HasPrefix(out, []byte(mapPrefix)) || !bytes.HasSuffix(out, []byte(mapSuffix)) {
		return nil, errors.New("output is not " + mapPrefix + "…" + mapSuffix)
	}
	return out[len(mapPrefix) : len(out)-len(mapSuffix)], nil
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
// encoding/json into the jsondump copy of the types (datasets/*/jd), or
// val.JDM, the copy generated with -marshaljson (datasets/*/jdm).

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

// bindMarshal is jsondump.Marshal, or jsondump.MarshalIndent, on the
// generated copy.
func bindMarshal(val *corpus.Value, mode Mode) Run {
	if val.JD == nil {
		return nil
	}
	v := val.JD
	if mode == Indent {
		return func(bool) ([]byte, error) { return jsondump.MarshalIndent(v, "", "  ") }
	}
	return func(bool) ([]byte, error) { return jsondump.Marshal(v) }
}

// bindEncoder is jsondump.NewEncoder(w).Encode(v), as bindJSONEncoder.
func bindEncoder(val *corpus.Value, mode Mode) Run {
	if val.JD == nil {
		return nil
	}
	v := val.JD
	var buf bytes.Buffer
	return func(keep bool) ([]byte, error) {
		buf.Reset()
		enc := jsondump.NewEncoder(&buf)
		if mode == Indent {
			enc.SetIndent("", "  ")
		}
		err := enc.Encode(v)
		return endLine(buf.Bytes(), keep, err)
	}
}

// bindMap is jsondump.Marshal of a map[string]any holding the generated
// value, as bindJSONMap.
func bindMap(val *corpus.Value, mode Mode) Run {
	if val.JD == nil || mode != Compact {
		return nil
	}
	m := map[string]any{"data": val.JD}
	return func(keep bool) ([]byte, error) {
		out, err := jsondump.Marshal(m)
		return unwrap(out, keep, err)
	}
}

// bindJSONGen is encoding/json on the generated copy (default flags), whose
// speed generated code must leave as it was.
func bindJSONGen(val *corpus.Value, mode Mode) Run {
	if val.JD == nil {
		return nil
	}
	v := val.JD
	if mode == Indent {
		return func(bool) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }
	}
	return func(bool) ([]byte, error) { return json.Marshal(v) }
}

// bindJSONMJ is encoding/json on the copy generated with -marshaljson.
func bindJSONMJ(val *corpus.Value, mode Mode) Run {
	if val.JDM == nil || mode != Compact {
		return nil
	}
	v := val.JDM
	return func(bool) ([]byte, error) { return json.Marshal(v) }
}

// bindMarshalJSON calls the generated MarshalJSON of the -marshaljson copy.
func bindMarshalJSON(val *corpus.Value, mode Mode) Run {
	d := reg.MJFor(val.DS.Name)
	if d == nil || val.JDM == nil || mode != Compact {
		return nil
	}
	v := val.JDM
	return func(bool) ([]byte, error) { return d.MarshalJSON(v) }
}

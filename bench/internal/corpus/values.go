package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/jsondump/jsondump/bench/internal/reg"
)

// Value is a dataset's input and its decoding into the dataset's types.
type Value struct {
	DS    *reg.Dataset
	Input []byte
	V     any // a pointer from DS.New, decoded with encoding/json

	// JD is the same input decoded with encoding/json into the jsondump copy
	// of the types (a pointer from reg.DumpFor(DS.Name).New), nil when
	// jsondump is not wired in for the dataset. TestOutputsMatch checks that
	// encoding it gives encoding/json's output for V.
	JD any

	// JDM is the same input decoded into the copy of the types generated
	// with -marshaljson (a pointer from reg.MJFor(DS.Name).New), nil when
	// that copy is not wired in.
	JDM any
}

var (
	vmu    sync.Mutex
	values = map[string]*Value{}
)

// Decode loads the dataset and decodes it with encoding/json into its types,
// rejecting unknown fields (the types must cover the data). Results are
// cached and shared: callers must not modify them.
func Decode(ds *reg.Dataset) (*Value, error) {
	vmu.Lock()
	defer vmu.Unlock()
	if v, ok := values[ds.Name]; ok {
		return v, nil
	}
	val, err := decodeNew(ds)
	if err != nil {
		return nil, err
	}
	values[ds.Name] = val
	return val, nil
}

// Probe decodes the dataset afresh and puts reg.ProbeText into it (into
// every copy of the types), or returns nil when the dataset has no Probe.
func Probe(ds *reg.Dataset) (*Value, error) {
	d, m := reg.DumpFor(ds.Name), reg.MJFor(ds.Name)
	if ds.Probe == nil || d != nil && d.Probe == nil || m != nil && m.Probe == nil {
		return nil, nil
	}
	val, err := decodeNew(ds)
	if err != nil {
		return nil, err
	}
	ds.Probe(val.V)
	if d != nil {
		d.Probe(val.JD)
	}
	if m != nil {
		m.Probe(val.JDM)
	}
	return val, nil
}

// decodeNew loads the dataset and decodes it into new values of its types
// and, when jsondump is wired in for it, of the jsondump copies (Value.JD,
// Value.JDM).
func decodeNew(ds *reg.Dataset) (*Value, error) {
	in, err := Load(ds.Name)
	if err != nil {
		return nil, err
	}
	val := &Value{DS: ds, Input: in}
	if val.V, err = decode(ds.Name, in, ds.New()); err != nil {
		return nil, err
	}
	if d := reg.DumpFor(ds.Name); d != nil {
		if val.JD, err = decode(ds.Name, in, d.New()); err != nil {
			return nil, err
		}
	}
	if m := reg.MJFor(ds.Name); m != nil {
		if val.JDM, err = decode(ds.Name, in, m.New()); err != nil {
			return nil, err
		}
	}
	return val, nil
}

func decode(name string, in []byte, v any) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("%s: decoding into %T: %w", name, v, err)
	}
	return v, nil
}

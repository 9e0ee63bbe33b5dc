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
	in, err := Load(ds.Name)
	if err != nil {
		return nil, err
	}
	v := ds.New()
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("%s: decoding into %T: %w", ds.Name, v, err)
	}
	val := &Value{DS: ds, Input: in, V: v}
	values[ds.Name] = val
	return val, nil
}

// Package reg is the registry of datasets and of the generated encoders bound
// to them. Dataset packages register themselves from init; so do the jsondump
// registration files (one per dataset and copy of its types, see
// datasets/*/jd/jsondump.go and datasets/*/jdm/jsondump.go).
package reg

import (
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/mailru/easyjson"
)

// Dataset is one corpus file and the Go types that model it.
type Dataset struct {
	Name string     // corpus file name without .json.gz, e.g. "twitter_status"
	New  func() any // a new pointer to the root type, e.g. new(twitter.Root)

	// Easy returns v (a pointer from New) as easyjson sees it: the same root
	// type, whose generated MarshalEasyJSON methods live beside the types.
	Easy func(v any) easyjson.Marshaler

	// Probe, if set, puts ProbeText into a string of v (a pointer from New,
	// decoded): the report shows how each encoder writes what decoded JSON
	// cannot hold.
	Probe func(v any)
}

// ProbeText holds what a dataset decoded from JSON cannot: invalid UTF-8
// (a stray continuation byte, an overlong encoding, a UTF-16 surrogate
// half, a truncated sequence), with U+2028 and U+2029, HTML characters,
// control characters and DEL. encoding/json writes each invalid byte as
// \ufffd, U+2028, U+2029, <, > and & as \u escapes.
const ProbeText = "probe: \x80 stray, \xc0\xaf overlong, \xed\xa0\x80 surrogate, \xe2\x82 cut; " +
	"\u2028 \u2029 <b>&amp;</b> \x01\x7f done"

// Dump binds jsondump's generated methods to a dataset. jsondump generates on
// a copy of the dataset's types (package jd), which the corpus is decoded
// into a second time; every function takes such a value (a pointer from New).
type Dump struct {
	// New returns a new pointer to the root type of the copy, e.g. new(jd.Root).
	New func() any
	// DumpTo calls the generated DumpTo on the bound value, indented with
	// ("", "  ") when indent is set.
	DumpTo func(b any, w io.Writer, indent bool) error
	// Dumps calls the generated Dumps.
	Dumps func(b any, indent bool) string
	// Probe is Dataset.Probe for the copy.
	Probe func(b any)
}

// MJ binds the second copy of a dataset's types (package jdm), on which
// jsondump generates with -marshaljson, so that json.Marshal finds a
// generated MarshalJSON. The corpus is decoded into it a third time.
type MJ struct {
	// New returns a new pointer to the root type of the copy, e.g. new(jdm.Root).
	New func() any
	// MarshalJSON calls the generated MarshalJSON directly.
	MarshalJSON func(b any) ([]byte, error)
	// Probe is Dataset.Probe for the copy.
	Probe func(b any)
}

var (
	mu       sync.Mutex
	datasets = map[string]*Dataset{}
	dumps    = map[string]*Dump{}
	mjs      = map[string]*MJ{}
)

// Register adds a dataset; it panics on a duplicate name.
func Register(d *Dataset) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := datasets[d.Name]; dup {
		panic(fmt.Sprintf("reg: dataset %q registered twice", d.Name))
	}
	datasets[d.Name] = d
}

// RegisterDump binds jsondump's generated methods to the named dataset.
func RegisterDump(name string, d *Dump) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := dumps[name]; dup {
		panic(fmt.Sprintf("reg: jsondump for %q registered twice", name))
	}
	dumps[name] = d
}

// Datasets returns the registered datasets sorted by name.
func Datasets() []*Dataset {
	mu.Lock()
	defer mu.Unlock()
	out := make([]*Dataset, 0, len(datasets))
	for _, d := range datasets {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// DumpFor returns jsondump's binding for the dataset, or nil when jsondump is
// not wired in (build without the jsondump registration files).
func DumpFor(name string) *Dump {
	mu.Lock()
	defer mu.Unlock()
	return dumps[name]
}

// RegisterMJ binds the -marshaljson copy's methods to the named dataset.
func RegisterMJ(name string, d *MJ) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := mjs[name]; dup {
		panic(fmt.Sprintf("reg: jsondump -marshaljson for %q registered twice", name))
	}
	mjs[name] = d
}

// MJFor returns the binding of the dataset's -marshaljson copy, or nil.
func MJFor(name string) *MJ {
	mu.Lock()
	defer mu.Unlock()
	return mjs[name]
}

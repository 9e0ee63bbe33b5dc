package gen_test

import (
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

const noCopyTypes = `
import (
	"sync"
	"sync/atomic"
)

type Client struct {
	Name string
	mu   sync.Mutex
}

type Backends struct {
	API  string
	lock sync.RWMutex
}

type Counter struct {
	N atomic.Int64
}

type Deep struct {
	Inner [2]struct{ wg sync.WaitGroup }
	Ok    bool
}

// Pool has maps of them: a map value cannot be reached without a copy.
type Pool struct {
	ByName map[string]Client
	ByID   map[int]Counter
}

// Free holds its lock behind a pointer: it may be copied.
type Free struct {
	Mu *sync.Mutex
	X  int
}
`

// TestNoCopyTypesGetPointerReceivers: a selected type that holds a lock or
// an atomic value gets pointer receivers on every generated method, so
// go vet's copylocks check passes, and its output is still encoding/json's.
func TestNoCopyTypesGetPointerReceivers(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"types.go":       "package m\n" + noCopyTypes,
		"plain/types.go": "package plain\n" + noCopyTypes,
		"main/main.go": `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"example.com/m"
	"example.com/m/plain"
)

func main() {
	var c m.Client
	c.Name = "x"
	var pc plain.Client
	pc.Name = "x"
	want, err := json.Marshal(&pc)
	check("Client", c.Dumps(), want, err)
	var counter m.Counter
	counter.N.Store(7)
	var pcounter plain.Counter
	pcounter.N.Store(7)
	want, err = json.Marshal(&pcounter)
	check("Counter", counter.Dumps(), want, err)
	var d m.Deep
	var pd plain.Deep
	want, err = json.Marshal(&pd)
	check("Deep", d.Dumps(), want, err)
	var b m.Backends
	var pb plain.Backends
	want, err = json.Marshal(&pb)
	check("Backends", b.Dumps(), want, err)
	var nilClient *m.Client
	check("nil *Client", nilClient.Dumps(), []byte("null"), nil)
	mp := m.Pool{ByName: map[string]m.Client{"a": {Name: "<a>"}}, ByID: map[int]m.Counter{2: {}}}
	pp := plain.Pool{ByName: map[string]plain.Client{"a": {Name: "<a>"}}, ByID: map[int]plain.Counter{2: {}}}
	want, err = json.Marshal(&pp)
	check("Pool", mp.Dumps(), want, err)
	f := m.Free{X: 1}
	pf := plain.Free{X: 1}
	want, err = json.Marshal(pf)
	check("Free", f.Dumps(), want, err)
}
` + mainCompare,
	})
	outs := generate(t, gen.Config{Dir: dir, All: true})
	src := string(outs[0].Content)
	for _, name := range []string{"Client", "Backends", "Counter", "Deep"} {
		for _, m := range []string{"DumpTo", "Dumps", "DumpJSON"} {
			if !strings.Contains(src, "func (v *"+name+") "+m+"(") {
				t.Errorf("%s.%s has a value receiver", name, m)
			}
		}
		if strings.Contains(src, "func (v "+name+") MarshalJSON(") {
			t.Errorf("%s.MarshalJSON has a value receiver", name)
		}
	}
	if !strings.Contains(src, "func (v Free) DumpTo(") {
		t.Errorf("Free (its lock behind a pointer) lost its value receivers")
	}
	goVet(t, dir)
	if got := goRun(t, dir, "./main"); strings.Count(got, "\n") != 7 {
		t.Errorf("output:\n%s", got)
	}
}

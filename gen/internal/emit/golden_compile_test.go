package emit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"
)

// goldenDecls declares, for each emit test case, types that its hand-built
// model can stand for, so that TestGoldenFilesCompile can compile the golden
// file against the real runtime. Every case needs an entry.
var goldenDecls = map[string]string{
	"kinds": `
import (
	"encoding/json"
	"time"

	"github.com/jsondump/jsondump/runtime"
)

type Age int8
type MyByte byte
type Grams float64
type Color string
type Money struct{ A int }

func (m Money) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

type Cents int64

func (c *Cents) MarshalJSON() ([]byte, error) { return []byte("2"), nil }

type Rate struct{}

func (r *Rate) MarshalJSON() ([]byte, error) { return []byte("3"), nil }

type ID int

func (id ID) MarshalText() ([]byte, error) { return []byte("id"), nil }

type Place struct{}

func (p *Place) DumpJSON(e *runtime.Encoder) { e.Null() }

type Seller struct{ Name string }

type Item struct {
	Ok       bool
	Count    int
	Total    int64
	Age      Age
	Size     uint16
	Ratio    float32
	Price    float64
	Weight   Grams
	Name     string
	Color    Color
	Code     int
	Score    float64
	Label    string
	Blob     []byte
	Raw      []MyByte
	Amount   json.Number
	Extra    json.RawMessage
	Created  time.Time
	Money    Money
	Cents    Cents
	Rate     *Rate
	ID       ID
	Parent   *Item
	Note     *string
	Tags     []string
	Children []Item
	Point    [2]float64
	Attrs    map[string]string
	Dims     struct {
		W int
		H float64
	}
	Empty  struct{}
	Seller Seller
	Where  Place
	Meta   any
	Grid   [3][3]int8
	Prices *[]float64
	Twice  **int
	Deep   *struct{ X float32 }
	Boxes  []struct{}
}
`,
	"omit": `
import (
	"encoding/json"
	"time"

	"example.com/other"
)

type Span struct{ N int }

func (s Span) MarshalJSON() ([]byte, error) { return []byte("1"), nil }
func (s *Span) IsZero() bool                { return s.N == 0 }

type Pos struct{ X, Y int }

type Box struct {
	Scale  float32
	Items  []int
	Due    *time.Time
	Corner [2]float64
}

func (b Box) IsZero() bool { return b.Scale == 0 }

type Stater interface{ IsZero() bool }

type Opts struct {
	On     bool
	N      int
	F      float64
	S      string
	P      *int
	L      []int
	When   time.Time
	Span   Span
	Due    *time.Time
	Pos    Pos
	Pair   [2]int
	Box    Box
	None   [0]float64
	Price  float64
	State  Stater
	Any    any
	Ext    other.Ext
	Both   []int
	Span2  Box
	Amount json.Number
}
`,
	"embedded": `
import "time"

type Meta struct {
	Version int
	Owner   string
}
type History struct{ Rev float64 }
type Audit struct {
	Source string
	*History
}
type Base struct {
	Created, Updated time.Time
	*Meta
	Audit
	Region string
}
type Status struct{ Shipped bool }
type Extra struct{ Note string }
type Stamp struct{}

func (s *Stamp) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

type Order struct {
	ID int
	*Base
	Total float64
	Status
	*Extra
	*Stamp
}
`,
	"sortkeys": `
type Inner struct {
	Beta  float64
	Alpha string
}

type Row struct {
	Zeta int
	*Inner
	Mid string
}
`,
	"maps": `
import "net/netip"

type Color string
type Item struct{ Name string }
type Money struct{}

func (Money) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

type Index struct {
	ByName  map[string]int
	ByColor map[Color]Item
	ByID    map[int64]float64
	BySize  map[uint8]bool
	ByAddr  map[netip.Addr][]string
	Nested  map[string]map[int]*Item
	Tree    map[string]any
	Set     map[string]struct{}
	Money   map[string]Money
	Lists   []map[string][]float64
}
`,
	"named": `
import (
	_ "net/url"

	_ "gopkg.in/yaml.v3"
)

type Item struct{ Name string }
type Items []Item
type Lookup map[string]float32
type Matrix [2][2]float64
`,
	"generic": `
type Celsius float32

type Box[N ~int | ~float64 | Celsius] struct{ N N }

type Pair[K comparable, V any] struct {
	Key    K
	Value  V
	Values map[string]V
	Box    Box[int]
	Maybe  V
	Quoted V
	ByKey  map[K]int
}
`,
	"keys": `
type Odd struct{ Script, Quote, Accent, Escape, Sep string }
`,
	"nocopy": `
import "sync"

type Guarded struct {
	N  int
	Mu sync.Mutex
}
`,
	"build": `
type Cents int64

func (c *Cents) MarshalJSON() ([]byte, error) { return []byte("1"), nil }

type Legacy struct{ Name string }

func (l Legacy) MarshalJSON() ([]byte, error) { return []byte("2"), nil }

type Account struct {
	Balance Cents
	Owner   Legacy
}
`,
}

// TestGoldenFilesCompile compiles every golden file of the emit tests, with
// the types of goldenDecls, against this checkout's runtime, and runs go vet
// on it: a golden file is a promise about code users compile, so comparing
// it as text is not enough.
func TestGoldenFilesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet on a module")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	files := map[string]string{
		"other/go.mod": "module example.com/other\n\ngo 1.26.0\n",
		"other/ext.go": "package other\n\ntype Ext struct{ hidden int }\n",
		"yaml/go.mod":  "module gopkg.in/yaml.v3\n\ngo 1.26.0\n",
		"yaml/yaml.go": "package yaml\n\ntype Node struct{ Value string }\n",
	}
	for _, c := range emitCases {
		decls, ok := goldenDecls[c.name]
		if !ok {
			t.Errorf("emit case %s has no declarations in goldenDecls", c.name)
			continue
		}
		golden, err := os.ReadFile(filepath.Join("testdata", c.name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		files[c.name+"/types.go"] = "package shop\n" + decls
		files[c.name+"/"+c.name+"_jsondump.go"] = string(golden)
	}
	dir := testmod.Write(t, files)
	gomod := filepath.Join(dir, "go.mod")
	mod, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	mod = append(mod, "\nrequire (\n\texample.com/other v0.0.0\n\tgopkg.in/yaml.v3 v3.0.0\n)\n\nreplace example.com/other => ./other\n\nreplace gopkg.in/yaml.v3 => ./yaml\n"...)
	if err := os.WriteFile(gomod, mod, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	// The build case is constrained to linux on amd64 or arm64.
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the golden files: %v\n%s", err, strings.TrimSpace(string(out)))
	}
}

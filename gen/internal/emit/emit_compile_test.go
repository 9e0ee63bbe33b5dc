package emit

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/internal/testmod"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// TestEmitCompiles emits a hand-built model of the types in compileTypes
// into a temporary module, checks that go vet accepts the result, and runs a
// program that compares its output with encoding/json's on the same values
// of a copy of the types without generated methods (package plain).
func TestEmitCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a module")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	m, geo := compileModel()
	src, err := File(m)
	if err != nil {
		t.Fatal(err)
	}
	geoSrc, err := File(geo)
	if err != nil {
		t.Fatal(err)
	}
	dir := testmod.Write(t, map[string]string{
		"types.go":              "package m\n" + strings.ReplaceAll(compileTypes, "GEO", "example.com/m/geo"),
		"types_jsondump.go":     string(src),
		"geo/place.go":          "package geo\n" + compileGeo,
		"geo/place_jsondump.go": string(geoSrc),
		"plain/types.go":        "package plain\n" + strings.ReplaceAll(compileTypes, "GEO", "example.com/m/plain/geo"),
		"plain/geo/place.go":    "package geo\n" + compileGeo,
		"cmd/compare/main.go":   compileMain,
	})
	for _, args := range [][]string{{"vet", "./..."}, {"run", "./cmd/compare"}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s\ngenerated code:\n%s\n%s", strings.Join(args, " "), err, out, numbered(src), numbered(geoSrc))
		}
		t.Logf("go %s:\n%s", strings.Join(args, " "), out)
	}
}

// numbered prefixes each line with its number, for the compiler's messages.
func numbered(src []byte) string {
	var b strings.Builder
	for i, line := range strings.Split(string(src), "\n") {
		b.WriteString(strconv.Itoa(i+1) + "\t" + line + "\n")
	}
	return b.String()
}

// compileTypes is the source of package m (and of package plain), after its
// package clause.
const compileTypes = `
import (
	"encoding/json"
	"errors"
	"math"
	"net/netip"
	"strconv"
	"time"

	"GEO"
)

type Age int8

type Color string

// Cents has MarshalJSON on its pointer: encoding/json calls it only where a
// Cents is addressable.
type Cents int64

func (c *Cents) MarshalJSON() ([]byte, error) {
	if *c < 0 {
		return nil, errors.New("negative cents")
	}
	return []byte(strconv.FormatInt(int64(*c), 10) + ".00"), nil
}

type Money struct{ Amount int }

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(` + "`" + `{ "amount" : ` + "`" + ` + strconv.Itoa(m.Amount) + "}"), nil
}

type ID int

func (id ID) MarshalText() ([]byte, error) { return []byte("id-" + strconv.Itoa(int(id))), nil }

type Pos struct{ X, Y int }

type Seller struct {
	Name string ` + "`json:\"name\"`" + `
}

type Base struct {
	Created time.Time
	Memo    string ` + "`json:\"memo,omitempty\"`" + `
}

type Meta struct{ Version int }

type Pair[K comparable, V any] struct {
	Key   K ` + "`json:\"key\"`" + `
	Value V ` + "`json:\"value\"`" + `
}

// Box is a selected generic type.
type Box[T any] struct {
	Val  T   ` + "`json:\"val\"`" + `
	List []T ` + "`json:\"list\"`" + `
}

type Item struct {
	Ok      bool              ` + "`json:\"ok\"`" + `
	Count   int               ` + "`json:\"count\"`" + `
	Total   int64             ` + "`json:\"total\"`" + `
	Age     Age               ` + "`json:\"age\"`" + `
	Size    uint16            ` + "`json:\"size\"`" + `
	Ratio   float32           ` + "`json:\"ratio\"`" + `
	Price   float64           ` + "`json:\"price\"`" + `
	Name    string            ` + "`json:\"name\"`" + `
	Color   Color             ` + "`json:\"color\"`" + `
	Code    int               ` + "`json:\"code,string\"`" + `
	Score   float64           ` + "`json:\"score,string\"`" + `
	Label   string            ` + "`json:\"label,string\"`" + `
	Blob    []byte            ` + "`json:\"blob\"`" + `
	Amount  json.Number       ` + "`json:\"amount\"`" + `
	Extra   json.RawMessage   ` + "`json:\"extra\"`" + `
	Created time.Time         ` + "`json:\"created\"`" + `
	Money   Money             ` + "`json:\"money\"`" + `
	Cents   Cents             ` + "`json:\"cents\"`" + `
	Rate    *Money            ` + "`json:\"rate\"`" + `
	ID      ID                ` + "`json:\"id\"`" + `
	Parent  *Item             ` + "`json:\"parent\"`" + `
	Note    *string           ` + "`json:\"note\"`" + `
	Tags    []string          ` + "`json:\"tags\"`" + `
	Kids    []Item            ` + "`json:\"kids\"`" + `
	Point   [2]float64        ` + "`json:\"point\"`" + `
	Attrs   map[string]string ` + "`json:\"attrs\"`" + `
	Dims    struct {
		W int     ` + "`json:\"w\"`" + `
		H float64 ` + "`json:\"h\"`" + `
	} ` + "`json:\"dims\"`" + `
	Seller Seller                  ` + "`json:\"seller\"`" + `
	ByID   map[int64]float64       ` + "`json:\"by_id\"`" + `
	BySize map[uint8]bool          ` + "`json:\"by_size\"`" + `
	ByAddr map[netip.Addr][]string ` + "`json:\"by_addr\"`" + `
	Opt    int                     ` + "`json:\"opt,omitempty\"`" + `
	OptF   float64                 ` + "`json:\"opt_f,omitempty\"`" + `
	OptS   string                  ` + "`json:\"opt_s,omitempty\"`" + `
	OptP   *int                    ` + "`json:\"opt_p,omitempty\"`" + `
	OptL   []int                   ` + "`json:\"opt_l,omitempty\"`" + `
	OptB   bool                    ` + "`json:\"opt_b,omitempty\"`" + `
	When   time.Time               ` + "`json:\"when,omitzero\"`" + `
	Pos    Pos                     ` + "`json:\"pos,omitzero\"`" + `
	Script string                  ` + "`json:\"</script>\"`" + `
	Cafe   string                  ` + "`json:\"café\"`" + `
	Where  geo.Place               ` + "`json:\"where\"`" + `
	Home   *geo.Place              ` + "`json:\"home\"`" + `
	Any    any                     ` + "`json:\"any\"`" + `
	Pair   Pair[string, int]       ` + "`json:\"pair\"`" + `
	*Base
	Meta
}

// Sample is a value with every field set.
func Sample() Item {
	note := "a note"
	one := 1
	it := Item{
		Ok: true, Count: -3, Total: 1 << 40, Age: 42, Size: 65535,
		Ratio: 0.1, Price: 1e21, Name: "<b>\u2028\xff", Color: "red",
		Code: 7, Score: 2.5, Label: "x\"y",
		Blob: []byte("hello"), Amount: "12.50", Extra: json.RawMessage(` + "`" + `{"b": [1, 2]}` + "`" + `),
		Created: time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC),
		Money: Money{5}, Cents: 250, Rate: &Money{7}, ID: 9,
		Note: &note, Tags: []string{"a", "b"},
		Point: [2]float64{1.5, math.Copysign(0, -1)},
		Attrs: map[string]string{"z": "1", "a": "2"},
		Seller: Seller{"Bob"},
		ByID: map[int64]float64{-1: 1, 10: 2, 2: 3},
		BySize: map[uint8]bool{3: true, 1: false},
		ByAddr: map[netip.Addr][]string{netip.MustParseAddr("10.0.0.2"): {"x"}, netip.MustParseAddr("10.0.0.1"): nil},
		Opt: 1, OptF: -0.0, OptS: "s", OptP: &one, OptL: []int{}, OptB: true,
		When: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Pos: Pos{0, 1},
		Script: "s", Cafe: "c",
		Where: geo.Place{Lat: 1.5, Lon: -2}, Home: &geo.Place{Lat: 3},
		Any: map[string]any{"n": 1, "s": []any{"x", nil, true}, "p": geo.Place{Lat: 4}},
		Pair: Pair[string, int]{"k", 9},
		Base: &Base{Created: time.Unix(0, 0).UTC(), Memo: "m"},
		Meta: Meta{Version: 3},
	}
	it.Dims.W, it.Dims.H = 2, 3.25
	it.Kids = []Item{{Name: "kid"}, {Name: "kid2", Tags: []string{}}}
	parent := Item{Name: "parent"}
	it.Parent = &parent
	return it
}

// Failing is a value whose encoding fails at .Kids[1].Price.
func Failing() Item {
	it := Item{Kids: []Item{{}, {Price: math.NaN()}}}
	return it
}

// Cyclic is a value that contains itself.
func Cyclic() *Item {
	it := &Item{}
	it.Parent = it
	return it
}
`

// compileGeo is the source of package geo, which has generated code of its
// own: package m calls its DumpJSON.
const compileGeo = `
type Place struct {
	Lat float64 ` + "`json:\"lat\"`" + `
	Lon float64 ` + "`json:\"lon\"`" + `
}
`

// compileMain compares package m's generated encoding with encoding/json's
// encoding of the same values in package plain.
const compileMain = `package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"example.com/m"
	"example.com/m/plain"
	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/runtime"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

func main() {
	failed := false
	check := func(what string, got, want []byte) {
		if !bytes.Equal(got, want) {
			fmt.Printf("%s differs\n got: %s\nwant: %s\n", what, got, want)
			failed = true
		}
	}
	for _, c := range []struct {
		name  string
		v     m.Item
		plain plain.Item
	}{
		{"sample", m.Sample(), plain.Sample()},
		{"zero", m.Item{}, plain.Item{}},
	} {
		want, err := json.Marshal(&c.plain)
		if err != nil {
			panic(err)
		}
		check(c.name+" Dumps", []byte(c.v.Dumps()), want)
		var buf bytes.Buffer
		if err := c.v.DumpTo(&buf); err != nil {
			fmt.Println(c.name, "DumpTo:", err)
			failed = true
		}
		check(c.name+" DumpTo", buf.Bytes(), want)
		viaJSON, err := json.Marshal(&c.v)
		if err != nil {
			fmt.Println(c.name, "json.Marshal of the generated type:", err)
			failed = true
		}
		check(c.name+" json.Marshal(&v)", viaJSON, want)
		dropIn, err := jsondump.Marshal(&c.v)
		if err != nil {
			fmt.Println(c.name, "jsondump.Marshal:", err)
			failed = true
		}
		check(c.name+" jsondump.Marshal(&v)", dropIn, want)
		wantValue, _ := json.Marshal(map[string]any{"v": c.plain})
		dropIn, _ = jsondump.Marshal(map[string]any{"v": c.v})
		check(c.name+" jsondump.Marshal(map[string]any{v})", dropIn, wantValue)
		indented, _ := json.MarshalIndent(&c.plain, "", "  ")
		buf.Reset()
		c.v.DumpTo(&buf, runtime.Indent("", "  "))
		check(c.name+" Indent", buf.Bytes(), indented)
		check(c.name+" SortKeys", []byte(c.v.Dumps(runtime.SortKeys())), sortKeys(want))
		check(c.name+" EscapeHTML(false)", []byte(c.v.Dumps(runtime.EscapeHTML(false))), noHTML(&c.plain))
		fmt.Printf("%s: %s\n", c.name, want)
	}

	box, plainBox := m.Box[int]{Val: 1, List: []int{2, 3}}, plain.Box[int]{Val: 1, List: []int{2, 3}}
	want, _ := json.Marshal(&plainBox)
	check("Box[int]", []byte(box.Dumps()), want)
	check("Box[int] SortKeys", []byte(box.Dumps(runtime.SortKeys())), sortKeys(want))

	err := m.Failing().DumpTo(new(bytes.Buffer))
	var rerr *runtime.Error
	var unsupported *json.UnsupportedValueError
	if !errors.As(err, &rerr) || rerr.Path != ".Kids[1].Price" || !errors.As(err, &unsupported) {
		fmt.Printf("NaN: error %v, want one at .Kids[1].Price wrapping *json.UnsupportedValueError\n", err)
		failed = true
	}
	if err := m.Cyclic().DumpTo(new(bytes.Buffer)); !errors.As(err, &unsupported) {
		fmt.Printf("cycle: error %v, want *json.UnsupportedValueError\n", err)
		failed = true
	}
	if failed {
		os.Exit(1)
	}
}

// sortKeys re-encodes JSON with every object's keys sorted, as
// encoding/json sorts map keys; numbers keep their text.
func sortKeys(b []byte) []byte {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	// Invalid UTF-8 came out as \ufffd, which decodes to U+FFFD, which
	// encoding/json writes as it is; so does the one on encoding/json/v2
	// (dumpimpl.JSONv2) with invalid UTF-8 itself.
	if dumpimpl.JSONv2 {
		return out
	}
	return bytes.ReplaceAll(out, []byte("\uFFFD"), []byte(` + "`" + `\ufffd` + "`" + `))
}

// noHTML is encoding/json's output without HTML escaping.
func noHTML(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
`

// compileModel is the model analysis would build for compileTypes, and the
// one for compileGeo.
func compileModel() (m, geo *model.File) {
	const pkg = "example.com/m"
	key := func(name, key string, v *model.Value) *model.Field {
		return &model.Field{Name: name, Key: key, KeyLiteral: strconv.Quote(key) + ":", Path: []model.Step{{Name: name}}, Value: v}
	}
	dump := func(name string) *model.Value {
		return &model.Value{Kind: model.Call, GoType: "m." + name, Call: "_" + name + "_dump", Addressable: true}
	}
	quoted := func(v *model.Value) *model.Value {
		v.Quoted = true
		return v
	}
	withOmit := func(f *model.Field, o model.Omit) *model.Field {
		f.Omit = o
		return f
	}
	// promotedKey is a field promoted from embedded structs: path, then name.
	promotedKey := func(name, k string, v *model.Value, path ...model.Step) *model.Field {
		f := key(name, k, v)
		f.Path = append(path, f.Path...)
		return f
	}
	base := model.Step{Name: "Base", Deref: true}
	item := &model.Encoder{Name: "_Item_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Item"}, Value: &model.Value{
		Kind: model.Struct, GoType: "m.Item", Struct: &model.Object{Fields: []*model.Field{
			key("Ok", "ok", val(model.Bool, "bool")),
			key("Count", "count", convert(val(model.Int, "int"), "int64")),
			key("Total", "total", val(model.Int, "int64")),
			key("Age", "age", convert(val(model.Int, "m.Age"), "int64")),
			key("Size", "size", convert(val(model.Uint, "uint16"), "uint64")),
			key("Ratio", "ratio", val(model.Float32, "float32")),
			key("Price", "price", val(model.Float64, "float64")),
			key("Name", "name", val(model.String, "string")),
			key("Color", "color", convert(val(model.String, "m.Color"), "string")),
			key("Code", "code", quoted(convert(val(model.Int, "int"), "int64"))),
			key("Score", "score", quoted(val(model.Float64, "float64"))),
			key("Label", "label", quoted(val(model.String, "string"))),
			key("Blob", "blob", val(model.Bytes, "[]byte")),
			key("Amount", "amount", convert(val(model.Number, "json.Number"), "string")),
			key("Extra", "extra", val(model.RawMessage, "json.RawMessage")),
			key("Created", "created", val(model.Time, "time.Time")),
			key("Money", "money", val(model.Marshaler, "m.Money")),
			key("Cents", "cents", &model.Value{Kind: model.Marshaler, GoType: "m.Cents", PointerMethod: true, Addressable: true}),
			key("Rate", "rate", &model.Value{Kind: model.Marshaler, GoType: "*m.Money", Nilable: true}),
			key("ID", "id", val(model.TextMarshaler, "m.ID")),
			key("Parent", "parent", modify(ptrTo(dump("Item")), func(v *model.Value) { v.CycleCheck = true })),
			key("Note", "note", ptrTo(val(model.String, "string"))),
			key("Tags", "tags", sliceOf(val(model.String, "string"))),
			key("Kids", "kids", modify(sliceOf(dump("Item")), func(v *model.Value) { v.CycleCheck = true })),
			key("Point", "point", &model.Value{Kind: model.Array, GoType: "[2]float64", Len: 2, Elem: val(model.Float64, "float64")}),
			key("Attrs", "attrs", mapOf(model.StringKey, "string", val(model.String, "string"))),
			key("Dims", "dims", &model.Value{Kind: model.Struct, GoType: "struct{...}", Struct: &model.Object{Fields: []*model.Field{
				key("W", "w", convert(val(model.Int, "int"), "int64")),
				key("H", "h", val(model.Float64, "float64")),
			}}}),
			key("Seller", "seller", dump("Seller")),
			key("ByID", "by_id", mapOf(model.IntKey, "int64", val(model.Float64, "float64"))),
			key("BySize", "by_size", mapOf(model.UintKey, "uint8", val(model.Bool, "bool"))),
			key("ByAddr", "by_addr", mapOf(model.TextKey, "netip.Addr", sliceOf(val(model.String, "string")))),
			withOmit(key("Opt", "opt", convert(val(model.Int, "int"), "int64")), model.Omit{Kind: model.IfZero}),
			withOmit(key("OptF", "opt_f", val(model.Float64, "float64")), model.Omit{Kind: model.IfZero}),
			withOmit(key("OptS", "opt_s", val(model.String, "string")), model.Omit{Kind: model.IfEmpty}),
			withOmit(key("OptP", "opt_p", ptrTo(convert(val(model.Int, "int"), "int64"))), model.Omit{Kind: model.IfNil}),
			withOmit(key("OptL", "opt_l", sliceOf(convert(val(model.Int, "int"), "int64"))), model.Omit{Kind: model.IfLenZero}),
			withOmit(key("OptB", "opt_b", val(model.Bool, "bool")), model.Omit{Kind: model.IfFalse}),
			withOmit(key("When", "when", val(model.Time, "time.Time")), model.Omit{Kind: model.IfMethod}),
			withOmit(key("Pos", "pos", dump("Pos")), model.Omit{Kind: model.IfComparable, Type: &model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Pos"}}),
			{Name: "Script", Key: "</script>", KeyLiteral: `"\u003c/script\u003e":`, KeyNeedsRuntime: true,
				Path: []model.Step{{Name: "Script"}}, Value: val(model.String, "string")},
			{Name: "Cafe", Key: "café", KeyLiteral: `"café":`, KeyNeedsRuntime: true,
				Path: []model.Step{{Name: "Cafe"}}, Value: val(model.String, "string")},
			key("Where", "where", &model.Value{Kind: model.Dumper, GoType: "geo.Place", Addressable: true}),
			key("Home", "home", ptrTo(&model.Value{Kind: model.Dumper, GoType: "geo.Place", Addressable: true})),
			key("Any", "any", &model.Value{Kind: model.Interface, GoType: "any", Nilable: true}),
			key("Pair", "pair", &model.Value{Kind: model.Call, GoType: "m.Pair[string, int]", Call: "_Pair_dump", Addressable: true}),
			promotedKey("Created", "Created", val(model.Time, "time.Time"), base),
			withOmit(promotedKey("Memo", "memo", val(model.String, "string"), base), model.Omit{Kind: model.IfEmpty}),
			promotedKey("Version", "Version", convert(val(model.Int, "int"), "int64"), model.Step{Name: "Meta"}),
		}},
	}}

	pos := &model.Encoder{Name: "_Pos_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Pos"}, Value: &model.Value{
		Kind: model.Struct, GoType: "m.Pos", Struct: &model.Object{Fields: []*model.Field{
			key("X", "X", convert(val(model.Int, "int"), "int64")),
			key("Y", "Y", convert(val(model.Int, "int"), "int64")),
		}},
	}}
	seller := &model.Encoder{Name: "_Seller_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Seller"}, Value: &model.Value{
		Kind: model.Struct, GoType: "m.Seller", Struct: &model.Object{Fields: []*model.Field{key("Name", "name", val(model.String, "string"))}},
	}}
	pair := &model.Encoder{Name: "_Pair_dump",
		Type: model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Pair", Args: []model.TypeExpr{
			{Kind: model.TypeParamExpr, Name: "K"}, {Kind: model.TypeParamExpr, Name: "V"},
		}},
		TypeParams: []model.Param{{Name: "K", Constraint: builtin("comparable")}, {Name: "V", Constraint: builtin("any")}},
		Value: &model.Value{Kind: model.Struct, GoType: "m.Pair[K, V]", Struct: &model.Object{Fields: []*model.Field{
			key("Key", "key", &model.Value{Kind: model.TypeParam, GoType: "K", Addressable: true}),
			key("Value", "value", &model.Value{Kind: model.TypeParam, GoType: "V", Addressable: true}),
		}}},
	}
	box := &model.Encoder{Name: "_Box_dump",
		Type:       model.TypeExpr{Kind: model.NamedExpr, Path: pkg, Name: "Box", Args: []model.TypeExpr{{Kind: model.TypeParamExpr, Name: "T"}}},
		TypeParams: []model.Param{{Name: "T", Constraint: builtin("any")}},
		Value: &model.Value{Kind: model.Struct, GoType: "m.Box[T]", Struct: &model.Object{Fields: []*model.Field{
			key("Val", "val", &model.Value{Kind: model.TypeParam, GoType: "T", Addressable: true}),
			key("List", "list", sliceOf(&model.Value{Kind: model.TypeParam, GoType: "T", Addressable: true})),
		}}},
	}
	m = &model.File{
		PkgPath:     pkg,
		PkgName:     "m",
		RuntimeName: "runtime",
		ImplName:    "dumpimpl",
		Types: []*model.Type{
			{Name: "Box", Encoder: "_Box_dump", MarshalJSON: true, TypeParams: []model.Param{{Name: "T", Constraint: builtin("any")}}},
			{Name: "Item", Encoder: "_Item_dump", MarshalJSON: true, PointerReceiver: true},
		},
		Encoders: []*model.Encoder{box, item, pair, pos, seller},
	}

	place := &model.Encoder{Name: "_Place_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: pkg + "/geo", Name: "Place"}, Value: &model.Value{
		Kind: model.Struct, GoType: "geo.Place", Struct: &model.Object{Fields: []*model.Field{
			key("Lat", "lat", val(model.Float64, "float64")),
			key("Lon", "lon", val(model.Float64, "float64")),
		}},
	}}
	geo = &model.File{
		PkgPath:     pkg + "/geo",
		PkgName:     "geo",
		RuntimeName: "runtime",
		ImplName:    "dumpimpl",
		Types:       []*model.Type{{Name: "Place", Encoder: "_Place_dump", ValueEncoder: "_Place_dump", MarshalJSON: true}},
		Dispatch:    "_Place_dispatch",
		Encoders:    []*model.Encoder{place},
	}
	return m, geo
}

package analyze

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/jsondump/jsondump/runtime/dumpimpl"

	"github.com/jsondump/jsondump/gen/internal/load"
	"github.com/jsondump/jsondump/gen/internal/model"
)

// writeModule writes files (path -> content) into a new temporary
// directory, with a go.mod for example.com/x unless files has one.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = "module example.com/x\n\ngo 1.26\n"
	}
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadModel loads the package in dir, built with tags, and analyses it with
// cfg.
func loadModel(t *testing.T, dir string, cfg Config, tags ...string) ([]*model.File, error) {
	t.Helper()
	pkgs, err := load.Load(dir, tags, nil)
	if err != nil {
		return nil, err
	}
	return Packages(pkgs, cfg)
}

// mustModel is loadModel for a package that must analyse cleanly into one file.
func mustModel(t *testing.T, dir string, cfg Config, tags ...string) *model.File {
	t.Helper()
	files, err := loadModel(t, dir, cfg, tags...)
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	if len(files) != 1 {
		t.Fatalf("got %d files, want 1", len(files))
	}
	return files[0]
}

// fakeRuntime is a stand-in for github.com/jsondump/jsondump/runtime and
// runtime/dumpimpl, so that test packages can hold "generated" code of
// their own without depending on the real runtime.
var fakeRuntime = map[string]string{
	"jd/go.mod":                       "module github.com/jsondump/jsondump\n\ngo 1.26\n",
	"jd/runtime/runtime.go":           "package runtime\n\nimport \"github.com/jsondump/jsondump/runtime/dumpimpl\"\n\ntype Encoder = dumpimpl.Encoder\n",
	"jd/runtime/dumpimpl/dumpimpl.go": "package dumpimpl\n\ntype Encoder struct{}\n",
}

const goModWithRuntime = `module example.com/x

go 1.26

require github.com/jsondump/jsondump v0.0.0

replace github.com/jsondump/jsondump => ./jd
`

func with(files ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for k, v := range f {
			out[k] = v
		}
	}
	return out
}

func encoder(f *model.File, name string) *model.Encoder {
	for _, e := range f.Encoders {
		if e.Name == name {
			return e
		}
	}
	return nil
}

func typ(f *model.File, name string) *model.Type {
	for _, t := range f.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// object returns the fields of the helper of the selected type name.
func object(f *model.File, t *testing.T, name string) *model.Object {
	t.Helper()
	typ := typ(f, name)
	if typ == nil {
		t.Fatalf("type %s not selected; types: %v", name, typeNames(f))
	}
	enc := encoder(f, typ.Encoder)
	if enc == nil || enc.Value.Kind != model.Struct {
		t.Fatalf("type %s: helper %q is not a struct encoder", name, typ.Encoder)
	}
	return enc.Value.Struct
}

func typeNames(f *model.File) []string {
	var names []string
	for _, t := range f.Types {
		names = append(names, t.Name)
	}
	return names
}

func field(o *model.Object, key string) *model.Field {
	for _, f := range o.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

func keys(o *model.Object) []string {
	var keys []string
	for _, f := range o.Fields {
		keys = append(keys, f.Key)
	}
	return keys
}

// TestPromotion compares the fields of each type in analyze_promo_test.go,
// in order, with the keys encoding/json writes for the same type.
func TestPromotion(t *testing.T) {
	src, err := os.ReadFile("analyze_promo_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(src), "// BEGIN TYPES\n")
	body, _, _ = strings.Cut(body, "// END TYPES\n")
	dir := writeModule(t, map[string]string{"promo.go": "package x\n\n" + body})
	f := mustModel(t, dir, Config{All: true})

	for _, v := range promoTypes {
		rt := reflect.TypeOf(v)
		t.Run(rt.Name(), func(t *testing.T) {
			p := reflect.New(rt)
			fill(p.Elem(), 0)
			want := topKeys(t, p.Interface())
			obj := object(f, t, rt.Name())
			if dumpimpl.JSONv2 && obj.V2 != nil {
				obj = obj.V2 // encoding/json on encoding/json/v2 reads the tags otherwise
			}
			if got := keys(obj); !slices.Equal(got, want) {
				t.Errorf("keys\n got %q\nwant %q (encoding/json)", got, want)
			}
			for _, fld := range obj.Fields {
				lit, _ := json.Marshal(map[string]int{fld.Key: 0})
				if want := string(lit[1 : len(lit)-2]); fld.KeyLiteral != want {
					t.Errorf("key %q: literal %s, want %s", fld.Key, fld.KeyLiteral, want)
				}
			}
		})
	}

	// Paths, spot-checked.
	for _, tc := range []struct {
		typ, key string
		path     string
	}{
		{"PromoShadow", "X", "X"},
		{"PromoShadow", "Y", "promoInner.Y"},
		{"PromoPtr", "P1", "*promoP.P1"},
		{"PromoNonStruct", "PromoStr", "PromoStr"},
		{"PromoTagWins", "Name", "promoTagged.N"},
		{"PromoSelf", "Val", "Val"},
		{"PromoAlias", "P2", "promoAliased.P2"},
	} {
		fld := field(object(f, t, tc.typ), tc.key)
		if fld == nil {
			t.Errorf("%s: no field %q", tc.typ, tc.key)
			continue
		}
		var steps []string
		for _, s := range fld.Path {
			if s.Deref {
				steps = append(steps, "*"+s.Name)
			} else {
				steps = append(steps, s.Name)
			}
		}
		if got := strings.Join(steps, "."); got != tc.path {
			t.Errorf("%s.%s: path %s, want %s", tc.typ, tc.key, got, tc.path)
		}
	}

	if fld := field(object(f, t, "PromoTags"), "!#$%&()*+-./:;<=>?@[]^_{|}~ "); fld == nil || !fld.KeyNeedsRuntime {
		t.Errorf("punctuation key: want KeyNeedsRuntime, got %+v", fld)
	}
	if fld := field(object(f, t, "PromoTags"), "héllo"); fld == nil || !fld.KeyNeedsRuntime {
		t.Errorf("non-ASCII key: want KeyNeedsRuntime, got %+v", fld)
	}
	if fld := field(object(f, t, "PromoPlain"), "a"); fld == nil || fld.KeyNeedsRuntime {
		t.Errorf("plain key: want no KeyNeedsRuntime, got %+v", fld)
	}
}

// fill sets every part of v, which is addressable, to a non-zero value, so
// that encoding/json writes every key (unexported embedded pointers too).
func fill(v reflect.Value, depth int) {
	if depth > 4 {
		return
	}
	v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), depth+1)
		}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		v.SetInt(1)
	case reflect.String:
		v.SetString("s")
	case reflect.Bool:
		v.SetBool(true)
	}
}

// topKeys returns the keys of the JSON object json.Marshal writes for v, in
// order.
func topKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%s: not an object", b)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// describe renders a Value compactly for table tests: the kind, the
// conversion in parentheses, flags after a slash (a addressable, n nilable,
// q quoted, p pointer method, c cycle check), the helper called, the map key
// kind and the element in brackets.
func describe(v *model.Value) string {
	if v == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(kindNames[v.Kind])
	if v.Convert != "" {
		b.WriteString("(" + v.Convert + ")")
	}
	var flags string
	for _, f := range []struct {
		on bool
		c  string
	}{{v.Addressable, "a"}, {v.Nilable, "n"}, {v.Quoted, "q"}, {v.PointerMethod, "p"}, {v.CycleCheck, "c"}} {
		if f.on {
			flags += f.c
		}
	}
	if flags != "" {
		b.WriteString("/" + flags)
	}
	if v.Call != "" {
		b.WriteString(" " + v.Call)
	}
	if v.Kind == model.Map {
		b.WriteString(" " + mapKeyNames[v.MapKey])
	}
	if v.Kind == model.Array {
		fmt.Fprintf(&b, " %d", v.Len)
	}
	if v.Elem != nil {
		b.WriteString("[" + describe(v.Elem) + "]")
	}
	return b.String()
}

var kindNames = map[model.Kind]string{
	model.Bool: "Bool", model.Int: "Int", model.Uint: "Uint", model.Float32: "Float32", model.Float64: "Float64", model.String: "String",
	model.Bytes: "Bytes", model.Number: "Number", model.RawMessage: "RawMessage", model.Time: "Time", model.Marshaler: "Marshaler",
	model.TextMarshaler: "TextMarshaler", model.Pointer: "Pointer", model.Slice: "Slice", model.Array: "Array", model.Map: "Map",
	model.Struct: "Struct", model.Call: "Call", model.Dumper: "Dumper", model.Interface: "Interface", model.TypeParam: "TypeParam",
}

var mapKeyNames = map[model.MapKeyKind]string{model.StringKey: "StringKey", model.IntKey: "IntKey", model.UintKey: "UintKey", model.TextKey: "TextKey"}

// describeOmit renders an Omit compactly: the kind and its flags.
func describeOmit(o model.Omit) string {
	s := omitNames[o.Kind]
	for _, f := range []struct {
		on bool
		c  string
	}{{o.PointerMethod, "ptr"}, {o.NilIsZero, "nil"}, {o.Interface, "iface"}, {o.Empty, "empty"}, {o.Zero, "zero"}} {
		if f.on {
			s += " " + f.c
		}
	}
	if o.Type != nil && o.Type.Name != "" {
		s += " " + o.Type.Name
	}
	for _, p := range o.Parts {
		if p.Field != "" {
			s += " ." + p.Field + ":" + describeOmit(p.Omit)
		} else {
			s += fmt.Sprintf(" [%d]:", p.Index) + describeOmit(p.Omit)
		}
	}
	if o.Also != nil {
		s += " | " + describeOmit(*o.Also)
	}
	return s
}

var omitNames = map[model.OmitKind]string{
	model.Never: "Never", model.IfFalse: "IfFalse", model.IfZero: "IfZero", model.IfEmpty: "IfEmpty",
	model.IfNil: "IfNil", model.IfLenZero: "IfLenZero", model.IfMethod: "IfMethod", model.IfComparable: "IfComparable",
	model.IfParts: "IfParts", model.IfDynamic: "IfDynamic",
}

// semanticsSrc is one package with a field for most rules; TestSemantics
// checks the model of each field.
const semanticsSrc = `//go:build jsontest

package x

import (
	"encoding/json"
	"time"
	"unsafe"

	"example.com/x/y"
)

type Age int8
type Color string
type Blob []byte
type Celsius float64

// Marshalers, by receiver.
type ValM struct{ A int }
func (ValM) MarshalJSON() ([]byte, error) { return nil, nil }
type PtrM struct{ A int }
func (*PtrM) MarshalJSON() ([]byte, error) { return nil, nil }
type PtrT int
func (*PtrT) MarshalText() ([]byte, error) { return nil, nil }
type ValT string
func (ValT) MarshalText() ([]byte, error) { return nil, nil }
type IntT int
func (IntT) MarshalText() ([]byte, error) { return nil, nil }
type BothM struct{}
func (*BothM) MarshalJSON() ([]byte, error) { return nil, nil }
func (BothM) MarshalText() ([]byte, error) { return nil, nil }

// Zero testers.
type ValZ struct{ A []int }
func (ValZ) IsZero() bool { return true }
type PtrZ struct{ A []int }
func (*PtrZ) IsZero() bool { return true }
type Zeroer interface{ IsZero() bool }

type Point struct{ X, Y float64 }
type Bag struct {
	Items []int
	N     int
	_     int
	inner string
}

type Node struct {
	Next  *Node
	Kids  []Node
	Named map[string]*Node
}

type Items []PtrM

//jsondump:json
type Fields struct {
	I     int
	I64   int64
	A     Age
	U8    uint8
	UP    uintptr
	F32   float32
	C     Celsius
	S     string
	Col   Color
	B     bool
	Raw   []byte
	Bl    Blob
	When  time.Time
	PWhen *time.Time
	Num   json.Number
	RawM  json.RawMessage
	Any   any
	Err   error
	UPtr  unsafe.Pointer ` + "`json:\"-\"`" + `
	Dash  int            ` + "`json:\"-,omitempty\"`" + `

	QI   int          ` + "`json:\",string\"`" + `
	QP   *int         ` + "`json:\",string\"`" + `
	QPP  **int        ` + "`json:\",string\"`" + `
	QS   Color        ` + "`json:\",string\"`" + `
	QN   json.Number  ` + "`json:\",string\"`" + `
	QM   PtrT         ` + "`json:\",string\"`" + `
	QSl  []int        ` + "`json:\",string\"`" + `

	VM    ValM
	PM    PtrM
	PPM   *PtrM
	PT    PtrT
	VT    ValT
	BM    BothM
	MarI  json.Marshaler
	MPM   map[string]PtrM
	MPT   map[string]PtrT
	SPM   []PtrM
	APM   [2]PtrM
	MAPM  map[string][2]PtrM
	It    Items
	MIt   map[string]Items

	KStr  map[Color]int
	KInt  map[Age]int
	KUint map[uint16]int
	KText map[IntT]int
	KVT   map[ValT]int

	N     Node
	PN    *Node
	Pt    Point
	Y     y.Plain
	YP    *y.Plain
	YM    map[string]y.Plain
	YG    y.Gen
	YGM   map[string]y.Gen
	YA    y.Addr
	YAM   map[string]y.Addr
	Anon  struct{ P, Q int }
	G     Box[int]
	GS    []Box[string]
}

//jsondump:json
type Omits struct {
	OB   bool      ` + "`json:\",omitempty\"`" + `
	OI   int       ` + "`json:\",omitempty\"`" + `
	OF   float64   ` + "`json:\",omitempty\"`" + `
	OS   Color     ` + "`json:\",omitempty\"`" + `
	OSl  []int     ` + "`json:\",omitempty\"`" + `
	OM   map[int]int ` + "`json:\",omitempty\"`" + `
	OA0  [0]int    ` + "`json:\",omitempty\"`" + `
	OA2  [2]int    ` + "`json:\",omitempty\"`" + `
	OP   *int      ` + "`json:\",omitempty\"`" + `
	OSt  Point     ` + "`json:\",omitempty\"`" + `
	OAny any       ` + "`json:\",omitempty\"`" + `

	ZF   float64   ` + "`json:\",omitzero\"`" + `
	ZS   string    ` + "`json:\",omitzero\"`" + `
	ZSl  []int     ` + "`json:\",omitzero\"`" + `
	ZT   time.Time ` + "`json:\",omitzero\"`" + `
	ZPT  *time.Time ` + "`json:\",omitzero\"`" + `
	ZVZ  ValZ      ` + "`json:\",omitzero\"`" + `
	ZPZ  PtrZ      ` + "`json:\",omitzero\"`" + `
	ZPPZ *PtrZ     ` + "`json:\",omitzero\"`" + `
	ZI   Zeroer    ` + "`json:\",omitzero\"`" + `
	ZPt  Point     ` + "`json:\",omitzero\"`" + `
	ZBag Bag       ` + "`json:\",omitzero\"`" + `
	ZArr [2]float32 ` + "`json:\",omitzero\"`" + `
	ZSA  [2][]int  ` + "`json:\",omitzero\"`" + `
	ZAn  struct{ A []int; B string } ` + "`json:\",omitzero\"`" + `
	ZY   y.Hidden  ` + "`json:\",omitzero\"`" + `

	EZSl []int     ` + "`json:\",omitempty,omitzero\"`" + `
	EZP  *PtrZ     ` + "`json:\",omitempty,omitzero\"`" + `
	EZVZ ValZ      ` + "`json:\",omitempty,omitzero\"`" + `
	EZC  ZColor    ` + "`json:\",omitempty,omitzero\"`" + `
}

type ZColor string
func (ZColor) IsZero() bool { return false }

// Box is generic; its helper is generic too.
//
//jsondump:json
type Box[T any] struct {
	V  T
	P  *T
	S  []T
	M  map[string]T
	Z  T ` + "`json:\",omitempty\"`" + `
}

//jsondump:json
type Pair[K ~string | ~int, V interface{ ~int | ~float64 }] struct {
	M map[Color]V
	K K
}

// Hand is hand-written: it keeps its method.
//
//jsondump:json
type Hand struct{ A int }

func (Hand) MarshalJSON() ([]byte, error) { return nil, nil }

// Stamped gets time.Time's MarshalJSON promoted.
//
//jsondump:json
type Stamped struct {
	time.Time
	Note string
}

// Local embeds a generated type of another package: its promoted
// MarshalJSON is generated, so it does not count.
//
//jsondump:json
type Local struct {
	y.Gen
	More int
}
`

const semanticsRuntimeSrc = `package x

import "runtime"

var _ = runtime.GOOS
`

const ySrc = `package y

type Plain struct {
	A int
	hidden
	b int
}

type hidden struct{ H string }

type Gen struct{ G int }

type Addr struct{ P pm }

type pm int

func (*pm) MarshalText() ([]byte, error) { return nil, nil }

type Hidden struct {
	A []int
	b []int
}
`

// yGenSrc is a generated file of package y: DumpJSON makes Gen a Dumper,
// and its MarshalJSON must not count as written by hand.
const yGenSrc = `// Code generated by jsondump. DO NOT EDIT.

package y

import "github.com/jsondump/jsondump/runtime"

func (v Gen) MarshalJSON() ([]byte, error) { return nil, nil }

func (v *Gen) DumpJSON(e *runtime.Encoder) {}
`

func TestSemantics(t *testing.T) {
	dir := writeModule(t, with(fakeRuntime, map[string]string{
		"go.mod":            goModWithRuntime,
		"fields.go":         semanticsSrc,
		"rt.go":             semanticsRuntimeSrc,
		"y/y.go":            ySrc,
		"y/y_jsondump.go":   yGenSrc,
		"notgen.go":         "//go:build !jsontest\n\npackage x\n",
		"x_jsondump_old.go": "// Code generated by jsondump. DO NOT EDIT.\n\n//go:build jsontest\n\npackage x\n\nfunc (v Fields) MarshalJSON() ([]byte, error) { broken\n",
	}))
	f := mustModel(t, dir, Config{MarshalJSON: true}, "jsontest")

	if f.BuildConstraint != "jsontest" {
		t.Errorf("BuildConstraint %q, want jsontest", f.BuildConstraint)
	}
	if f.RuntimeName != "jsonruntime" {
		t.Errorf("RuntimeName %q, want jsonruntime (rt.go imports Go's runtime)", f.RuntimeName)
	}
	if want := filepath.Join(dir, "x_jsondump.go"); f.Output != want {
		t.Errorf("Output %q, want %q", f.Output, want)
	}
	if f.PkgPath != "example.com/x" || f.PkgName != "x" {
		t.Errorf("package %s %s", f.PkgPath, f.PkgName)
	}
	if got, want := typeNames(f), []string{"Box", "Fields", "Hand", "Local", "Omits", "Pair", "Stamped"}; !slices.Equal(got, want) {
		t.Errorf("types %q, want %q", got, want)
	}

	fields := object(f, t, "Fields")
	for _, tc := range []struct{ key, want string }{
		{"I", "Int(int64)/a"},
		{"I64", "Int/a"},
		{"A", "Int(int64)/a"},
		{"U8", "Uint(uint64)/a"},
		{"UP", "Uint(uint64)/a"},
		{"F32", "Float32/a"},
		{"C", "Float64(float64)/a"},
		{"S", "String/a"},
		{"Col", "String(string)/a"},
		{"B", "Bool/a"},
		{"Raw", "Bytes/an"},
		{"Bl", "Bytes/an"}, // assignable to []byte: no conversion
		{"When", "Time/a"},
		{"PWhen", "Pointer/an[Time/a]"},
		{"Num", "Number(string)/a"},
		{"RawM", "RawMessage/an"},
		{"Any", "Interface/an"},
		{"Err", "Interface/an"},
		{"UPtr", ""},
		{"-", "Int(int64)/a"},

		{"QI", "Int(int64)/aq"},
		{"QP", "Pointer/an[Int(int64)/aq]"},
		{"QPP", "Pointer/an[Pointer/an[Int(int64)/a]]"},
		{"QS", "String(string)/aq"},
		{"QN", "Number(string)/aq"},
		{"QM", "TextMarshaler/ap"},
		{"QSl", "Slice/an[Int(int64)/a]"},

		{"VM", "Marshaler/a"},
		{"PM", "Marshaler/ap"},
		{"PPM", "Marshaler/an"},
		{"PT", "TextMarshaler/ap"},
		{"VT", "TextMarshaler/a"},
		{"BM", "Marshaler/ap"},
		{"MarI", "Marshaler/an"},
		{"MPM", "Map/an StringKey[Call _PtrM_dumpValue]"},
		{"MPT", "Map/an StringKey[Int(int64)]"},
		{"SPM", "Slice/an[Marshaler/ap]"},
		{"APM", "Array/a 2[Marshaler/ap]"},
		{"MAPM", "Map/an StringKey[Array 2[Call _PtrM_dumpValue]]"},
		{"It", "Call/a _Items_dump"},
		{"MIt", "Map/an StringKey[Call _Items_dump]"},

		{"KStr", "Map/an StringKey[Int(int64)]"},
		{"KInt", "Map/an IntKey[Int(int64)]"},
		{"KUint", "Map/an UintKey[Int(int64)]"},
		{"KText", "Map/an TextKey[Int(int64)]"},
		{"KVT", "Map/an StringKey[Int(int64)]"},

		{"N", "Call/a _Node_dump"},
		{"PN", "Pointer/anc[Call/a _Node_dump]"},
		{"Pt", "Call/a _Point_dump"},
		{"Y", "Call/a _y_Plain_dump"},
		{"YP", "Pointer/an[Call/a _y_Plain_dump]"},
		{"YM", "Map/an StringKey[Call _y_Plain_dump]"},
		{"YG", "Dumper/a"},
		{"YGM", "Map/an StringKey[Dumper]"},
		{"YA", "Call/a _y_Addr_dump"},
		{"YAM", "Map/an StringKey[Call _y_Addr_dumpValue]"},
		{"Anon", "Struct/a"},
		{"G", "Call/a _Box_dump"},
		{"GS", "Slice/an[Call/a _Box_dump]"},
	} {
		fld := field(fields, tc.key)
		if tc.want == "" {
			if fld != nil {
				t.Errorf("field %s: present, want skipped", tc.key)
			}
			continue
		}
		if fld == nil {
			t.Errorf("field %s: missing", tc.key)
			continue
		}
		if got := describe(fld.Value); got != tc.want {
			t.Errorf("field %s: %s, want %s", tc.key, got, tc.want)
		}
	}
	if field(fields, "-") == nil {
		t.Errorf(`json:"-," field: want key "-"`)
	}

	// Helpers: the variants, recursion and foreign structs.
	for _, tc := range []struct{ name, want string }{
		{"_PtrM_dumpValue", "Struct"},
		{"_Node_dump", "Struct/a"},
		{"_Items_dump", "Slice/an[Marshaler/ap]"},
		{"_y_Plain_dump", "Struct/a"},
		{"_y_Addr_dump", "Struct/a"},
		{"_y_Addr_dumpValue", "Struct"},
		{"_Box_dump", "Struct/a"},
	} {
		enc := encoder(f, tc.name)
		if enc == nil {
			t.Errorf("helper %s missing", tc.name)
			continue
		}
		if got := describe(enc.Value); got != tc.want {
			t.Errorf("helper %s: %s, want %s", tc.name, got, tc.want)
		}
	}
	if encoder(f, "_PtrM_dump") != nil {
		t.Errorf("unused helper variants generated")
	}
	// Fields depends on addressability: its DispatchFunc needs the variant
	// for a Fields held in an interface.
	if typ := typ(f, "Fields"); typ.ValueEncoder != "_Fields_dumpValue" || encoder(f, "_Fields_dumpValue") == nil {
		t.Errorf("Fields: value encoder %q, want _Fields_dumpValue", typ.ValueEncoder)
	}
	node := encoder(f, "_Node_dump").Value.Struct
	for key, want := range map[string]string{
		"Next":  "Pointer/anc[Call/a _Node_dump]",
		"Kids":  "Slice/anc[Call/a _Node_dump]",
		"Named": "Map/anc StringKey[Pointer/nc[Call/a _Node_dump]]",
	} {
		if got := describe(field(node, key).Value); got != want {
			t.Errorf("Node.%s: %s, want %s", key, got, want)
		}
	}
	plain := encoder(f, "_y_Plain_dump").Value.Struct
	if got := keys(plain); !slices.Equal(got, []string{"A", "H"}) {
		t.Errorf("y.Plain keys %q, want A H", got)
	}
	if p := field(plain, "H").Path; len(p) != 1 || p[0].Name != "H" {
		t.Errorf("y.Plain.H path %+v: want the promoted selector H", p)
	}
	if addr := field(encoder(f, "_y_Addr_dumpValue").Value.Struct, "P"); describe(addr.Value) != "Int(int64)" {
		t.Errorf("y.Addr.P not addressable: %s, want Int(int64)", describe(addr.Value))
	}
	box := encoder(f, "_Box_dump")
	if len(box.TypeParams) != 1 || box.TypeParams[0].Name != "T" || box.TypeParams[0].Constraint.Name != "any" {
		t.Errorf("Box type params %+v", box.TypeParams)
	}
	if te := box.Type; te.Path != "example.com/x" || te.Name != "Box" || len(te.Args) != 1 || te.Args[0].Kind != model.TypeParamExpr {
		t.Errorf("Box helper type %+v", te)
	}
	for key, want := range map[string]string{
		"V": "TypeParam/a",
		"P": "Pointer/an[TypeParam/a]",
		"S": "Slice/an[TypeParam/a]",
		"M": "Map/an StringKey[TypeParam]",
	} {
		if got := describe(field(box.Value.Struct, key).Value); got != want {
			t.Errorf("Box.%s: %s, want %s", key, got, want)
		}
	}
	if got := describeOmit(field(box.Value.Struct, "Z").Omit); got != "IfDynamic empty" {
		t.Errorf("Box.Z omit %s", got)
	}
	pair := typ(f, "Pair")
	if len(pair.TypeParams) != 2 {
		t.Fatalf("Pair type params %+v", pair.TypeParams)
	}
	k, v := pair.TypeParams[0].Constraint, pair.TypeParams[1].Constraint
	if k.Kind != model.UnionExpr || len(k.Terms) != 2 || !k.Terms[0].Tilde || k.Terms[0].Name != "string" || k.Terms[1].Name != "int" {
		t.Errorf("Pair K constraint %+v", k)
	}
	if v.Kind != model.UnionExpr || len(v.Terms) != 2 || v.Terms[1].Name != "float64" {
		t.Errorf("Pair V constraint %+v", v)
	}

	// Types.
	for _, tc := range []struct {
		name               string
		marshalJSON, ptrRx bool
		encoder            string
	}{
		{"Fields", true, true, "_Fields_dump"}, // PM: a pointer Marshaler reached without indirection
		{"Omits", true, false, "_Omits_dump"},
		{"Box", true, true, "_Box_dump"}, // V T could be anything
		{"Hand", false, false, "_Hand_dump"},
		{"Stamped", false, false, "_Stamped_dump"},
		{"Local", true, false, "_Local_dump"},
	} {
		typ := typ(f, tc.name)
		if typ.MarshalJSON != tc.marshalJSON || typ.PointerReceiver != tc.ptrRx || typ.Encoder != tc.encoder {
			t.Errorf("type %s: MarshalJSON %v PointerReceiver %v Encoder %s, want %v %v %s",
				tc.name, typ.MarshalJSON, typ.PointerReceiver, typ.Encoder, tc.marshalJSON, tc.ptrRx, tc.encoder)
		}
	}
	if got := describe(encoder(f, "_Hand_dump").Value); got != "Marshaler/a" {
		t.Errorf("Hand helper %s, want its own Marshaler", got)
	}
	if got := describe(encoder(f, "_Stamped_dump").Value); got != "Marshaler/a" {
		t.Errorf("Stamped helper %s, want the promoted Marshaler", got)
	}
	if got := keys(object(f, t, "Local")); !slices.Equal(got, []string{"G", "More"}) {
		t.Errorf("Local keys %q, want G More (y.Gen's generated MarshalJSON ignored)", got)
	}

	omits := object(f, t, "Omits")
	for _, tc := range []struct{ key, want string }{
		{"OB", "IfFalse"},
		{"OI", "IfZero"},
		{"OF", "IfZero"},
		{"OS", "IfEmpty"},
		{"OSl", "IfLenZero"},
		{"OM", "IfLenZero"},
		{"OA0", ""},
		{"OA2", "Never"},
		{"OP", "IfNil"},
		{"OSt", "Never"},
		{"OAny", "IfNil"},
		{"ZF", "IfZero"},
		{"ZS", "IfEmpty"},
		{"ZSl", "IfNil"},
		{"ZT", "IfMethod"},
		{"ZPT", "IfMethod nil"},
		{"ZVZ", "IfMethod"},
		{"ZPZ", "IfMethod ptr"},
		{"ZPPZ", "IfMethod nil"},
		{"ZI", "IfMethod nil iface"},
		{"ZPt", "IfComparable Point"},
		{"ZBag", "IfParts .Items:IfNil .N:IfZero .inner:IfEmpty"},
		{"ZArr", "IfComparable"},
		{"ZSA", "IfParts [0]:IfNil [1]:IfNil"},
		{"ZAn", "IfParts .A:IfNil .B:IfEmpty"},
		{"ZY", "IfDynamic zero"},
		{"EZSl", "IfLenZero"},
		{"EZP", "IfMethod nil"},
		{"EZVZ", "IfMethod"},
		{"EZC", "IfMethod | IfEmpty"},
	} {
		fld := field(omits, tc.key)
		if tc.want == "" {
			if fld != nil {
				t.Errorf("field %s: present, want dropped", tc.key)
			}
			continue
		}
		if fld == nil {
			t.Errorf("field %s: missing", tc.key)
			continue
		}
		if got := describeOmit(fld.Omit); got != tc.want {
			t.Errorf("field %s: omit %s, want %s", tc.key, got, tc.want)
		}
	}
}

// TestUnsupported checks that every field JSON cannot hold is reported,
// with its position, and only those.
func TestUnsupported(t *testing.T) {
	src := `package x

import (
	"unsafe"

	"example.com/x/y"
)

//jsondump:json
type Bad struct {
	Ch     chan int
	Fn     func()
	C      complex128
	OK     int
	UP     unsafe.Pointer
	Skip   chan int ` + "`json:\"-\"`" + `
	MK     map[float64]int
	SC     []chan int
	unexp  chan int
	Y      y.WithChan
	Y2     y.WithChan
	Chans  Chans
	Inner  Inner
}

type Chans []chan int

type Inner struct {
	Deep complex64
}
`
	dir := writeModule(t, map[string]string{
		"bad.go": src,
		"y/y.go": "package y\n\ntype WithChan struct {\n\tA int\n\tC chan int\n}\n",
	})
	_, err := loadModel(t, dir, Config{})
	var list model.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T), want an ErrorList", err, err)
	}
	file := filepath.Join(dir, "bad.go")
	// Fields of chan, func, complex and unsafe.Pointer type, and maps with
	// keys encoding/json rejects, held directly: no value of Bad encodes.
	// Behind a slice (SC, Chans) they fail only when there are elements,
	// at run time, as in encoding/json.
	want := []string{
		file + `:11:2: type Bad can never be encoded as JSON: its field .Ch has type chan int, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:12:2: type Bad can never be encoded as JSON: its field .Fn has type func(), which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:13:2: type Bad can never be encoded as JSON: its field .C has type complex128, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:15:2: type Bad can never be encoded as JSON: its field .UP has type unsafe.Pointer, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:17:2: type Bad can never be encoded as JSON: its field .MK has type map[float64]int, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:20:2: type Bad can never be encoded as JSON: its field .Y.C has type chan int, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:21:2: type Bad can never be encoded as JSON: its field .Y2.C has type chan int, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
		file + `:29:2: type Bad can never be encoded as JSON: its field .Inner.Deep has type complex64, which encoding/json rejects for every value (tag the field json:"-" to skip it)`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSelection covers -type (with its did-you-mean), -all, the comment, the
// output names, and the embedders of selected types.
func TestSelection(t *testing.T) {
	src := `package x

//jsondump:json
type T struct{ A int }

// U is marked in a group.
type (
	//jsondump:json
	U struct{ B int }
	Plain struct{ C int }
)

type S struct{ T }          // gets T's MarshalJSON
type S2 struct{ *S }        // gets S's, promoted from depth 1
type Deep struct{ Mid }     // gets T's at depth 2
type Mid struct{ mid }
type mid struct{ T }
type Both struct{ T; U }    // ambiguous: nothing promoted
type Own struct{ T }        // declares its own (but gets T's DumpJSON)
func (Own) MarshalJSON() ([]byte, error) { return nil, nil }
type Shadow struct {        // hider's MarshalJSON makes T's ambiguous (not its DumpJSON)
	T
	hider
}
type hider interface{ MarshalJSON() }
type Color string
type List []T
`
	dir := writeModule(t, map[string]string{
		"sel.go":   src,
		"clash.go": "//go:build clash\n\npackage x\n\ntype Clash struct {\n\tMarshalJSON int\n\tDumps       string\n}\n",
	})

	// The structs that embed a selected type are selected too, with or
	// without -marshaljson: the generated DumpTo and Dumps would be promoted
	// to them. Own and Shadow get T's DumpJSON, though not its MarshalJSON.
	want := []string{"Deep", "Mid", "Own", "S", "S2", "Shadow", "T", "U", "mid"}
	f := mustModel(t, dir, Config{})
	if got := typeNames(f); !slices.Equal(got, want) {
		t.Errorf("comment mode: types %q, want %q", got, want)
	}
	for _, typ := range f.Types {
		if typ.MarshalJSON {
			t.Errorf("%s gets a MarshalJSON without -marshaljson", typ.Name)
		}
	}
	f = mustModel(t, dir, Config{MarshalJSON: true})
	if got := typeNames(f); !slices.Equal(got, want) {
		t.Errorf("comment mode, -marshaljson: types %q, want %q", got, want)
	}
	if want := filepath.Join(dir, "x_jsondump.go"); f.Output != want {
		t.Errorf("comment mode: output %s, want %s", f.Output, want)
	}

	f = mustModel(t, dir, Config{Types: []string{"Plain", "Own"}, MarshalJSON: true})
	if got, want := typeNames(f), []string{"Own", "Plain"}; !slices.Equal(got, want) {
		t.Errorf("-type: types %q, want %q", got, want)
	}
	if want := filepath.Join(dir, "plain_jsondump.go"); f.Output != want {
		t.Errorf("-type: output %s, want %s", f.Output, want)
	}
	if typ(f, "Own").MarshalJSON {
		t.Errorf("Own declares MarshalJSON: it must keep it")
	}

	f = mustModel(t, dir, Config{All: true, Output: filepath.Join(dir, "out.go"), MarshalJSON: true})
	want = []string{"Both", "Deep", "Mid", "Own", "Plain", "S", "S2", "Shadow", "T", "U", "mid"}
	if got := typeNames(f); !slices.Equal(got, want) {
		t.Errorf("-all: types %q, want %q", got, want)
	}
	if want := filepath.Join(dir, "out.go"); f.Output != want {
		t.Errorf("-output: %s, want %s", f.Output, want)
	}

	for _, tc := range []struct {
		types []string
		want  string
	}{
		{[]string{"Tt"}, "type Tt not found in package example.com/x; did you mean T?"},
		{[]string{"Plian"}, "type Plian not found in package example.com/x; did you mean Plain?"},
		{[]string{"PLAIN"}, "type PLAIN not found in package example.com/x; did you mean Plain?"},
		{[]string{"Nothing"}, "type Nothing not found in package example.com/x"},
		{[]string{"Color"}, filepath.Join(dir, "sel.go") + ":26:6: type Color is not a struct, map, slice or array type: jsondump generates methods for those"},
	} {
		_, err := loadModel(t, dir, Config{Types: tc.types})
		if err == nil || err.Error() != tc.want {
			t.Errorf("-type %v: error %v, want %s", tc.types, err, tc.want)
		}
	}
	_, err := loadModel(t, dir, Config{Types: []string{"Clash"}}, "clash")
	if want := filepath.Join(dir, "clash.go") + ":7:2: type Clash already has a field or method Dumps, which jsondump generates"; err == nil || err.Error() != want {
		t.Errorf("-type Clash: error %v, want %s", err, want)
	}
}

// TestStaleGenerated checks that generated files are read as their package
// clause alone: a broken one does not stop loading, its methods do not
// count, and a type generated in another file is called through DumpJSON.
func TestStaleGenerated(t *testing.T) {
	dir := writeModule(t, with(fakeRuntime, map[string]string{
		"go.mod": goModWithRuntime,
		"t.go": `package x

//jsondump:json
type T struct {
	O Other
	N int
}

type Other struct{ A int }
`,
		// Broken, and would make T keep a MarshalJSON if it were read.
		"x_jsondump.go": "// Code generated by jsondump. DO NOT EDIT.\n\npackage x\n\nimport \"strings\"\n\nfunc (v T) MarshalJSON() ([]byte, error) { return strings.Nope(v) }\nfunc (v T) Broken( {\n",
		// Another generated file, which has Other's code.
		"other_jsondump.go": "// Code generated by jsondump. DO NOT EDIT.\n\npackage x\n\nimport \"github.com/jsondump/jsondump/runtime\"\n\nfunc (v *Other) DumpJSON(e *runtime.Encoder) { e.Broken() }\n",
	}))
	f := mustModel(t, dir, Config{MarshalJSON: true})
	if typ := typ(f, "T"); typ == nil || !typ.MarshalJSON {
		t.Fatalf("T: %+v, want a generated MarshalJSON (the stale one ignored)", typ)
	}
	if got := describe(field(object(f, t, "T"), "O").Value); got != "Dumper/a" {
		t.Errorf("T.O: %s, want Dumper/a (Other is generated in other_jsondump.go)", got)
	}

	// A broken hand-written file is reported with positions.
	dir = writeModule(t, map[string]string{"t.go": "package x\n\ntype T struct{ A Undefined }\n"})
	_, err := loadModel(t, dir, Config{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "t.go")+":3:18: undefined: Undefined") {
		t.Errorf("error %v, want the position of Undefined", err)
	}
}

func TestKeyLiteral(t *testing.T) {
	for _, key := range []string{"a", "<b>&", "héllo", "日本", "a b", "!#$%()*+-./:;=?@[]^_{|}~"} {
		b, _ := json.Marshal(map[string]int{key: 0})
		want := string(b[1 : len(b)-2])
		lit, rt := keyLiteral(key)
		if lit != want {
			t.Errorf("keyLiteral(%q) = %s, want %s", key, lit, want)
		}
		var esc bytes.Buffer
		enc := json.NewEncoder(&esc)
		enc.SetEscapeHTML(false)
		enc.Encode(map[string]int{key: 0})
		changes := strings.ContainsAny(key, "<>&") || strings.ContainsFunc(key, func(r rune) bool { return r > 0x7e })
		if rt != changes {
			t.Errorf("keyLiteral(%q): needs runtime %v, want %v", key, rt, changes)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "abc", 0}, {"Usr", "User", 1}, {"plian", "Plain", 3}, {"kitten", "sitting", 3}} {
		if d := editDistance(tc.a, tc.b); d != tc.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, d, tc.d)
		}
	}
}

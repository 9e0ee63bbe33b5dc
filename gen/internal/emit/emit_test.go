package emit

import (
	"bytes"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/jsondump/jsondump/gen/internal/diff"
	"github.com/jsondump/jsondump/gen/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files of the emit tests")

// The emit tests build models by hand, emit them, and compare the result with
// testdata/NAME.golden. `go test ./gen/internal/emit -run Emit -update` rewrites the
// golden files; read their diff before committing it.

const testPkg = "example.com/shop"

// Helpers that keep the hand-built models short.

func testFile(name string, types []*model.Type, encoders ...*model.Encoder) *model.File {
	return &model.File{
		PkgPath:     testPkg,
		PkgName:     "shop",
		Dir:         "/src/shop",
		Output:      "/src/shop/" + name + "_jsondump.go",
		RuntimeName: "runtime",
		ImplName:    "dumpimpl",
		Types:       types,
		Encoders:    encoders,
	}
}

// withDispatch gives f a DispatchFunc named name.
func withDispatch(f *model.File, name string) *model.File {
	f.Dispatch = name
	return f
}

// selected is a selected type with value-receiver methods and helper _Name_dump.
func selected(name string) *model.Type {
	return &model.Type{Name: name, Encoder: "_" + name + "_dump", MarshalJSON: true}
}

func named(name string) model.TypeExpr {
	return model.TypeExpr{Kind: model.NamedExpr, Path: testPkg, Name: name}
}

func builtin(name string) model.TypeExpr { return model.TypeExpr{Kind: model.NamedExpr, Name: name} }

// structEncoder is the helper of a struct type of the test package.
func structEncoder(name string, fields ...*model.Field) *model.Encoder {
	return &model.Encoder{
		Name:  "_" + name + "_dump",
		Type:  named(name),
		Value: &model.Value{Kind: model.Struct, GoType: "shop." + name, Struct: &model.Object{Fields: fields}},
	}
}

// fld is a field of the struct itself whose key is its name in lower case.
func fld(name string, v *model.Value) *model.Field {
	key := strings.ToLower(name)
	return &model.Field{
		Name:       name,
		Key:        key,
		KeyLiteral: strconv.Quote(key) + ":",
		Path:       []model.Step{{Name: name}},
		Value:      v,
	}
}

// promoted is fld for a field promoted through the embedded fields of path;
// a name starting with * is an embedded pointer.
func promoted(name string, v *model.Value, path ...string) *model.Field {
	f := fld(name, v)
	f.Path = nil
	for _, p := range path {
		name, ptr := strings.CutPrefix(p, "*")
		f.Path = append(f.Path, model.Step{Name: name, Deref: ptr})
	}
	f.Path = append(f.Path, model.Step{Name: f.Name})
	return f
}

func omit(f *model.Field, o model.Omit) *model.Field {
	f.Omit = o
	return f
}

func val(kind model.Kind, goType string) *model.Value {
	return &model.Value{Kind: kind, GoType: goType}
}

// convert says that the runtime call takes v converted to the type to.
func convert(v *model.Value, to string) *model.Value {
	v.Convert = to
	return v
}

func call(helper, goType string) *model.Value {
	return &model.Value{Kind: model.Call, GoType: goType, Call: helper, Addressable: true}
}

func ptrTo(elem *model.Value) *model.Value {
	return &model.Value{Kind: model.Pointer, GoType: "*" + elem.GoType, Nilable: true, Elem: elem}
}

func sliceOf(elem *model.Value) *model.Value {
	return &model.Value{Kind: model.Slice, GoType: "[]" + elem.GoType, Nilable: true, Elem: elem}
}

func mapOf(key model.MapKeyKind, keyType string, elem *model.Value) *model.Value {
	return &model.Value{Kind: model.Map, GoType: "map[" + keyType + "]" + elem.GoType, Nilable: true, MapKey: key, Elem: elem}
}

func withPkgNames(f *model.File, names map[string]string) *model.File {
	f.PkgNames = names
	return f
}

func modify(v *model.Value, change func(*model.Value)) *model.Value {
	change(v)
	return v
}

var emitCases = []struct {
	name string
	file *model.File
}{
	{"kinds", testFile("kinds", []*model.Type{selected("Item")},
		structEncoder("Item",
			fld("Ok", val(model.Bool, "bool")),
			fld("Count", convert(val(model.Int, "int"), "int64")),
			fld("Total", val(model.Int, "int64")),
			fld("Age", modify(val(model.Int, "shop.Age"), func(v *model.Value) { v.Convert = "int64" })),
			fld("Size", convert(val(model.Uint, "uint16"), "uint64")),
			fld("Ratio", val(model.Float32, "float32")),
			fld("Price", val(model.Float64, "float64")),
			fld("Weight", modify(val(model.Float64, "shop.Grams"), func(v *model.Value) { v.Convert = "float64" })),
			fld("Name", val(model.String, "string")),
			fld("Color", modify(val(model.String, "shop.Color"), func(v *model.Value) { v.Convert = "string" })),
			fld("Code", modify(convert(val(model.Int, "int"), "int64"), func(v *model.Value) { v.Quoted = true })),
			fld("Score", modify(val(model.Float64, "float64"), func(v *model.Value) { v.Quoted = true })),
			fld("Label", modify(val(model.String, "string"), func(v *model.Value) { v.Quoted = true })),
			fld("Blob", val(model.Bytes, "[]byte")),
			fld("Raw", modify(val(model.Bytes, "[]shop.MyByte"), func(v *model.Value) { v.NamedBytes = true })),
			fld("Amount", convert(val(model.Number, "json.Number"), "string")),
			fld("Extra", val(model.RawMessage, "json.RawMessage")),
			fld("Created", val(model.Time, "time.Time")),
			fld("Money", val(model.Marshaler, "shop.Money")),
			fld("Cents", modify(val(model.Marshaler, "shop.Cents"), func(v *model.Value) { v.PointerMethod, v.Addressable = true, true })),
			fld("Rate", modify(val(model.Marshaler, "*shop.Rate"), func(v *model.Value) { v.Nilable = true })),
			fld("ID", val(model.TextMarshaler, "shop.ID")),
			fld("Parent", modify(ptrTo(call("_Item_dump", "shop.Item")), func(v *model.Value) { v.CycleCheck = true })),
			fld("Note", ptrTo(val(model.String, "string"))),
			fld("Tags", sliceOf(val(model.String, "string"))),
			fld("Children", modify(sliceOf(call("_Item_dump", "shop.Item")), func(v *model.Value) { v.CycleCheck = true })),
			fld("Point", &model.Value{Kind: model.Array, GoType: "[2]float64", Len: 2, Elem: val(model.Float64, "float64")}),
			fld("Attrs", mapOf(model.StringKey, "string", val(model.String, "string"))),
			fld("Dims", &model.Value{Kind: model.Struct, GoType: "struct{...}", Struct: &model.Object{Fields: []*model.Field{
				fld("W", convert(val(model.Int, "int"), "int64")),
				fld("H", val(model.Float64, "float64")),
			}}}),
			fld("Empty", &model.Value{Kind: model.Struct, GoType: "struct{}", Struct: &model.Object{}}),
			fld("Seller", call("_Seller_dump", "shop.Seller")),
			fld("Where", &model.Value{Kind: model.Dumper, GoType: "geo.Place", Addressable: true}),
			fld("Meta", modify(val(model.Interface, "any"), func(v *model.Value) { v.Nilable = true })),
			fld("Grid", &model.Value{Kind: model.Array, GoType: "[3][3]int8", Len: 3, Elem: &model.Value{
				Kind: model.Array, GoType: "[3]int8", Len: 3, Elem: convert(val(model.Int, "int8"), "int64"),
			}}),
			fld("Prices", ptrTo(sliceOf(val(model.Float64, "float64")))),
			fld("Twice", ptrTo(ptrTo(convert(val(model.Int, "int"), "int64")))),
			fld("Deep", ptrTo(&model.Value{Kind: model.Struct, GoType: "struct{...}", Struct: &model.Object{Fields: []*model.Field{
				fld("X", val(model.Float32, "float32")),
			}}})),
			fld("Boxes", sliceOf(&model.Value{Kind: model.Struct, GoType: "struct{}", Struct: &model.Object{}})),
		),
		structEncoder("Seller", fld("Name", val(model.String, "string"))),
	)},

	{"omit", withPkgNames(testFile("omit", []*model.Type{selected("Opts")},
		structEncoder("Opts",
			omit(fld("On", val(model.Bool, "bool")), model.Omit{Kind: model.IfFalse}),
			omit(fld("N", convert(val(model.Int, "int"), "int64")), model.Omit{Kind: model.IfZero}),
			omit(fld("F", val(model.Float64, "float64")), model.Omit{Kind: model.IfZero}),
			omit(fld("S", val(model.String, "string")), model.Omit{Kind: model.IfEmpty}),
			omit(fld("P", ptrTo(convert(val(model.Int, "int"), "int64"))), model.Omit{Kind: model.IfNil}),
			omit(fld("L", sliceOf(convert(val(model.Int, "int"), "int64"))), model.Omit{Kind: model.IfLenZero}),
			omit(fld("When", val(model.Time, "time.Time")), model.Omit{Kind: model.IfMethod}),
			omit(fld("Span", val(model.Marshaler, "shop.Span")), model.Omit{Kind: model.IfMethod, PointerMethod: true}),
			omit(fld("Due", ptrTo(val(model.Time, "time.Time"))), model.Omit{Kind: model.IfMethod, NilIsZero: true}),
			omit(fld("Pos", call("_Pos_dump", "shop.Pos")), model.Omit{Kind: model.IfComparable, Type: &model.TypeExpr{Kind: model.NamedExpr, Path: testPkg, Name: "Pos"}}),
			omit(fld("Pair", &model.Value{Kind: model.Array, GoType: "[2]int", Len: 2, Elem: convert(val(model.Int, "int"), "int64")}),
				model.Omit{Kind: model.IfComparable, Type: &model.TypeExpr{Kind: model.ArrayExpr, Len: 2, Elem: &model.TypeExpr{Kind: model.NamedExpr, Name: "int"}}}),
			omit(fld("Box", call("_Box_dump", "shop.Box")), model.Omit{Kind: model.IfParts, Parts: []model.OmitPart{
				{Field: "Scale", Omit: model.Omit{Kind: model.IfZero}},
				{Field: "Items", Omit: model.Omit{Kind: model.IfNil}},
				{Field: "Due", Omit: model.Omit{Kind: model.IfMethod, NilIsZero: true}},
				{Field: "Corner", Omit: model.Omit{Kind: model.IfParts, Parts: []model.OmitPart{
					{Index: 0, Omit: model.Omit{Kind: model.IfZero}},
					{Index: 1, Omit: model.Omit{Kind: model.IfZero}},
				}}},
			}}),
			omit(fld("None", &model.Value{Kind: model.Array, GoType: "[0]float64", Elem: val(model.Float64, "float64")}), model.Omit{Kind: model.IfParts}),
			omit(fld("Price", modify(val(model.Float64, "float64"), func(v *model.Value) { v.Quoted = true })), model.Omit{Kind: model.IfZero}),
			omit(fld("State", modify(val(model.Interface, "shop.Stater"), func(v *model.Value) { v.Nilable = true })),
				model.Omit{Kind: model.IfMethod, NilIsZero: true, Interface: true}),
			omit(fld("Any", &model.Value{Kind: model.Interface, GoType: "any", Nilable: true}), model.Omit{Kind: model.IfNil}),
			omit(fld("Ext", &model.Value{Kind: model.Call, GoType: "other.Ext", Call: "_other_Ext_dump", Addressable: true}),
				model.Omit{Kind: model.IfDynamic, Zero: true}),
			// omitempty and omitzero on a slice: left out when nil or empty.
			omit(fld("Both", sliceOf(convert(val(model.Int, "int"), "int64"))), model.Omit{Kind: model.IfLenZero, Also: &model.Omit{Kind: model.IfNil}}),
			omit(fld("Span2", call("_Box_dump", "shop.Box")), model.Omit{Kind: model.IfMethod, Also: &model.Omit{Kind: model.IfParts, Parts: []model.OmitPart{
				{Field: "Scale", Omit: model.Omit{Kind: model.IfZero}},
				{Field: "Items", Omit: model.Omit{Kind: model.IfNil}},
			}}}),
			omit(fld("Amount", modify(convert(val(model.Number, "json.Number"), "string"), func(v *model.Value) { v.Quoted = true })), model.Omit{Kind: model.IfEmpty}),
		),
		&model.Encoder{Name: "_other_Ext_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: "example.com/other", Name: "Ext"},
			Value: &model.Value{Kind: model.Struct, GoType: "other.Ext", Struct: &model.Object{}}},
		structEncoder("Box",
			fld("Scale", val(model.Float32, "float32")),
			fld("Items", sliceOf(convert(val(model.Int, "int"), "int64"))),
			fld("Due", ptrTo(val(model.Time, "time.Time"))),
			fld("Corner", &model.Value{Kind: model.Array, GoType: "[2]float64", Len: 2, Elem: val(model.Float64, "float64")}),
		),
		structEncoder("Pos", fld("X", convert(val(model.Int, "int"), "int64")), fld("Y", convert(val(model.Int, "int"), "int64"))),
	), map[string]string{"example.com/other": "other"})},

	{"embedded", testFile("embedded", []*model.Type{selected("Order")},
		structEncoder("Order",
			fld("ID", convert(val(model.Int, "int"), "int64")),
			promoted("Created", val(model.Time, "time.Time"), "*Base"),
			promoted("Updated", val(model.Time, "time.Time"), "*Base"),
			promoted("Version", convert(val(model.Int, "int"), "int64"), "*Base", "*Meta"),
			promoted("Owner", val(model.String, "string"), "*Base", "*Meta"),
			promoted("Source", val(model.String, "string"), "*Base", "Audit"),
			promoted("Rev", val(model.Float64, "float64"), "*Base", "Audit", "*History"),
			fld("Total", val(model.Float64, "float64")),
			promoted("Region", val(model.String, "string"), "*Base"),
			promoted("Shipped", val(model.Bool, "bool"), "Status"),
			omit(promoted("Note", val(model.String, "string"), "*Extra"), model.Omit{Kind: model.IfEmpty}),
			// An embedded pointer that is itself the field (its type has a Marshaler).
			&model.Field{Name: "Stamp", Key: "Stamp", KeyLiteral: `"Stamp":`, Path: []model.Step{{Name: "Stamp", Deref: true}},
				Value: modify(val(model.Marshaler, "*shop.Stamp"), func(v *model.Value) { v.Nilable = true })},
		),
	)},

	{"sortkeys", testFile("sortkeys", []*model.Type{selected("Row")},
		func() *model.Encoder {
			enc := structEncoder("Row",
				fld("Zeta", convert(val(model.Int, "int"), "int64")),
				promoted("Beta", val(model.Float64, "float64"), "*Inner"),
				promoted("Alpha", val(model.String, "string"), "*Inner"),
				omit(fld("Mid", val(model.String, "string")), model.Omit{Kind: model.IfEmpty}),
			)
			return enc
		}(),
	)},

	{"maps", testFile("maps", []*model.Type{selected("Index")},
		structEncoder("Index",
			fld("ByName", mapOf(model.StringKey, "string", convert(val(model.Int, "int"), "int64"))),
			fld("ByColor", mapOf(model.StringKey, "shop.Color", call("_Item_dump", "shop.Item"))),
			fld("ByID", mapOf(model.IntKey, "int64", val(model.Float64, "float64"))),
			fld("BySize", mapOf(model.UintKey, "uint8", val(model.Bool, "bool"))),
			fld("ByAddr", mapOf(model.TextKey, "netip.Addr", sliceOf(val(model.String, "string")))),
			fld("Nested", mapOf(model.StringKey, "string", mapOf(model.IntKey, "int", ptrTo(call("_Item_dump", "shop.Item"))))),
			fld("Tree", modify(mapOf(model.StringKey, "string", val(model.Interface, "any")), func(v *model.Value) { v.CycleCheck = true })),
			fld("Set", mapOf(model.StringKey, "string", &model.Value{Kind: model.Struct, GoType: "struct{}", Struct: &model.Object{}})),
			fld("Money", mapOf(model.StringKey, "string", val(model.Marshaler, "shop.Money"))),
			fld("Lists", sliceOf(mapOf(model.StringKey, "string", sliceOf(val(model.Float64, "float64"))))),
		),
		structEncoder("Item", fld("Name", val(model.String, "string"))),
	)},

	{"named", withPkgNames(testFile("named", []*model.Type{selected("Items"), selected("Matrix"), selected("Lookup")},
		&model.Encoder{Name: "_Items_dump", Type: named("Items"), Value: sliceOf(call("_Item_dump", "shop.Item"))},
		structEncoder("Item", fld("Name", val(model.String, "string"))),
		&model.Encoder{Name: "_Lookup_dump", Type: named("Lookup"), Value: mapOf(model.StringKey, "string", val(model.Float32, "float32"))},
		&model.Encoder{Name: "_Matrix_dump", Type: named("Matrix"), Value: &model.Value{Kind: model.Array, GoType: "shop.Matrix", Len: 2,
			Elem: &model.Value{Kind: model.Array, GoType: "[2]float64", Len: 2, Elem: val(model.Float64, "float64")}}},
		&model.Encoder{Name: "_url_URL_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: "net/url", Name: "URL"},
			Value: &model.Value{Kind: model.Struct, GoType: "url.URL", Struct: &model.Object{Fields: []*model.Field{
				fld("Scheme", val(model.String, "string")),
				fld("User", ptrTo(&model.Value{Kind: model.Struct, GoType: "url.Userinfo", Struct: &model.Object{}})),
			}}}},
		// The package name is not the last element of the path.
		&model.Encoder{Name: "_yaml_Node_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: "gopkg.in/yaml.v3", Name: "Node"},
			Value: &model.Value{Kind: model.Struct, GoType: "yaml.Node", Struct: &model.Object{Fields: []*model.Field{
				fld("Value", val(model.String, "string")),
			}}}},
	), map[string]string{"gopkg.in/yaml.v3": "yaml"})},

	{"generic", withDispatch(testFile("generic", []*model.Type{
		{Name: "Pair", Encoder: "_Pair_dump", ValueEncoder: "_Pair_dump", MarshalJSON: true,
			DispatchPointer: "_Pair_pointer", DispatchValue: "_Pair_value", TypeParams: []model.Param{
				{Name: "K", Constraint: builtin("comparable")},
				{Name: "V", Constraint: builtin("any")},
			}},
	},
		&model.Encoder{Name: "_Box_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: testPkg, Name: "Box",
			Args: []model.TypeExpr{{Kind: model.TypeParamExpr, Name: "N"}}},
			TypeParams: []model.Param{{Name: "N", Constraint: model.TypeExpr{Kind: model.UnionExpr, Terms: []model.TypeExpr{
				{Kind: model.NamedExpr, Name: "int", Tilde: true},
				{Kind: model.NamedExpr, Name: "float64", Tilde: true},
				{Kind: model.NamedExpr, Path: testPkg, Name: "Celsius"},
			}}}},
			Value: &model.Value{Kind: model.Struct, GoType: "shop.Box[N]", Struct: &model.Object{Fields: []*model.Field{
				fld("N", &model.Value{Kind: model.TypeParam, GoType: "N", Addressable: true}),
			}}}},
		&model.Encoder{Name: "_Pair_dump", Type: model.TypeExpr{Kind: model.NamedExpr, Path: testPkg, Name: "Pair",
			Args: []model.TypeExpr{{Kind: model.TypeParamExpr, Name: "K"}, {Kind: model.TypeParamExpr, Name: "V"}}},
			TypeParams: []model.Param{{Name: "K", Constraint: builtin("comparable")}, {Name: "V", Constraint: builtin("any")}},
			Value: &model.Value{Kind: model.Struct, GoType: "shop.Pair[K, V]", Struct: &model.Object{Fields: []*model.Field{
				fld("Key", &model.Value{Kind: model.TypeParam, GoType: "K", Addressable: true}),
				fld("Value", &model.Value{Kind: model.TypeParam, GoType: "V", Addressable: true}),
				fld("Values", mapOf(model.StringKey, "string", &model.Value{Kind: model.TypeParam, GoType: "V"})),
				fld("Box", call("_Box_dump", "shop.Box[int]")),
				omit(fld("Maybe", &model.Value{Kind: model.TypeParam, GoType: "V", Addressable: true}), model.Omit{Kind: model.IfDynamic, Empty: true, Zero: true}),
				fld("Quoted", &model.Value{Kind: model.TypeParam, GoType: "V", Addressable: true, Quoted: true}),
				fld("ByKey", mapOf(model.ParamKey, "K", convert(val(model.Int, "int"), "int64"))),
			}}},
			// Parts as analysis gives them to a struct with many fields:
			// the helper and each part call the next, the last closes.
			Parts: []model.Part{{Name: "_Pair_dump_Box", From: 3}, {Name: "_Pair_dump_Quoted", From: 5}}},
	), "_Pair_dispatch")},

	{"keys", testFile("keys", []*model.Type{selected("Odd")},
		structEncoder("Odd",
			&model.Field{Name: "Script", Key: "</script>", KeyLiteral: `"\u003c/script\u003e":`, KeyNeedsRuntime: true,
				Path: []model.Step{{Name: "Script"}}, Value: val(model.String, "string")},
			&model.Field{Name: "Quote", Key: `say "hi"\now`, KeyLiteral: `"say \"hi\"\\now":`,
				Path: []model.Step{{Name: "Quote"}}, Value: val(model.String, "string")},
			&model.Field{Name: "Accent", Key: "café", KeyLiteral: `"café":`, KeyNeedsRuntime: true,
				Path: []model.Step{{Name: "Accent"}}, Value: val(model.String, "string")},
			&model.Field{Name: "Escape", Key: "`); panic(1); //\n", KeyLiteral: "\"`); panic(1); //\\n\":",
				Path: []model.Step{{Name: "Escape"}}, Value: val(model.String, "string")},
			&model.Field{Name: "Sep", Key: "a\u2028b\x7f", KeyLiteral: `"a\u2028b` + "\x7f" + `":`, KeyNeedsRuntime: true,
				Path: []model.Step{{Name: "Sep"}}, Value: val(model.String, "string")},
		),
	)},

	// A type that must not be copied: every method takes a pointer.
	{"nocopy", testFile("nocopy", []*model.Type{
		{Name: "Guarded", Encoder: "_Guarded_dump", MarshalJSON: true, NoCopy: true},
	},
		structEncoder("Guarded", fld("N", convert(val(model.Int, "int"), "int64")), fld("Mu", &model.Value{Kind: model.Struct, GoType: "sync.Mutex", Struct: &model.Object{}})),
	)},

	{"build", func() *model.File {
		f := testFile("build", []*model.Type{
			{Name: "Account", Encoder: "_Account_dump", ValueEncoder: "_Account_dump", DispatchValue: "_Account_value", MarshalJSON: true, PointerReceiver: true},
			{Name: "Legacy", Encoder: "_Legacy_dump", ValueEncoder: "_Legacy_dumpValue", DispatchValue: "_Legacy_value", MarshalJSON: false},
		},
			structEncoder("Account",
				fld("Balance", modify(val(model.Marshaler, "shop.Cents"), func(v *model.Value) { v.PointerMethod, v.Addressable = true, true })),
				fld("Owner", call("_Legacy_dumpValue", "shop.Legacy")),
			),
			structEncoder("Legacy", fld("Name", val(model.String, "string"))),
			&model.Encoder{Name: "_Legacy_dumpValue", Type: named("Legacy"), NotAddressable: true, Value: &model.Value{Kind: model.Struct, GoType: "shop.Legacy",
				Struct: &model.Object{Fields: []*model.Field{fld("Name", val(model.String, "string"))}}}},
		)
		f.BuildConstraint = "linux &&   (amd64||arm64)"
		f.Dispatch = "_Account_dispatch"
		f.RuntimeName = "jsonrt"
		f.ImplName = "jsonimpl"
		return f
	}()},
}

func TestEmitGolden(t *testing.T) {
	for _, c := range emitCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := File(c.file)
			if err != nil {
				t.Fatal(err)
			}
			again, err := File(c.file)
			if err != nil || !bytes.Equal(got, again) {
				t.Fatalf("a second emit of the same model differs (err %v)", err)
			}
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := diff.Unified(golden, "emitted", want, got); diff != "" {
				t.Errorf("emitted code differs from %s (-update rewrites it):\n%s", golden, diff)
			}
		})
	}
}

// TestEmitShape checks properties every generated file must have, on every case.
func TestEmitShape(t *testing.T) {
	for _, c := range emitCases {
		src, err := File(c.file)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if first, _, _ := strings.Cut(string(src), "\n"); first != model.Header {
			t.Errorf("%s: first line %q, want %q", c.name, first, model.Header)
		}
		f, err := parser.ParseFile(token.NewFileSet(), c.name+".go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: the generated code does not parse: %v", c.name, err)
		}
		if f.Name.Name != c.file.PkgName {
			t.Errorf("%s: package %s, want %s", c.name, f.Name.Name, c.file.PkgName)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == testPkg {
				t.Errorf("%s: the package imports itself", c.name)
			}
			for _, rt := range []struct{ path, name, alias string }{
				{model.RuntimePath, "runtime", c.file.RuntimeName},
				{model.ImplPath, "dumpimpl", c.file.ImplName},
			} {
				if path != rt.path {
					continue
				}
				switch {
				case rt.alias == rt.name && imp.Name != nil:
					t.Errorf("%s: %s imported as %s, want no alias", c.name, rt.name, imp.Name.Name)
				case rt.alias != rt.name && (imp.Name == nil || imp.Name.Name != rt.alias):
					t.Errorf("%s: %s imported without the alias %s", c.name, rt.name, rt.alias)
				}
			}
		}
		// The version handshake is the one blank declaration, on purpose.
		handshake := "const _ = " + c.file.ImplName + ".SupportPackageIsVersion5\n"
		if strings.Count(string(src), handshake) != 1 {
			t.Errorf("%s: no version handshake %q", c.name, handshake)
		}
		if strings.Contains(strings.Replace(string(src), handshake, "", 1), "_ = ") {
			t.Errorf("%s: the generated code silences the compiler with _ =", c.name)
		}
		// A key is data: the "keys" case has one that would call panic if
		// it were printed as code.
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
					t.Errorf("%s: the generated code calls panic at %d", c.name, call.Pos())
				}
			}
			return true
		})
	}
}

// TestEmitBuildConstraint checks that the constraint is printed in canonical
// form and is one line, whatever it was given as.
func TestEmitBuildConstraint(t *testing.T) {
	f := testFile("b", []*model.Type{selected("A")}, structEncoder("A"))
	f.BuildConstraint = "linux &&   (amd64||arm64)"
	src, err := File(f)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Header + "\n\n//go:build linux && (amd64 || arm64)\n\npackage shop\n"
	if !strings.HasPrefix(string(src), want) {
		t.Errorf("file starts\n%s\nwant\n%s", src[:min(len(src), len(want))], want)
	}
}

// TestEmitBadModel checks that a model emission cannot print is an error,
// not broken or injected code.
func TestEmitBadModel(t *testing.T) {
	cases := []struct {
		name   string
		change func(*model.File)
		want   string
	}{
		{"constraint with a newline", func(f *model.File) { f.BuildConstraint = "linux\n\nfunc init() {}" }, "build constraint"},
		{"field name", func(f *model.File) { f.Encoders[0].Value.Struct.Fields[0].Path[0].Name = "X; os.Exit(1)" }, "not a Go identifier"},
		{"type name", func(f *model.File) { f.Types[0].Name = "A B" }, "not a Go identifier"},
		{"type parameter e", func(f *model.File) { f.Types[0].TypeParams = []model.Param{{Name: "e", Constraint: builtin("any")}} }, "type parameter e"},
		{"type parameter v1", func(f *model.File) {
			f.Encoders[0].TypeParams = []model.Param{{Name: "v1", Constraint: builtin("any")}}
		}, "type parameter v1"},
		{"runtime name", func(f *model.File) { f.RuntimeName = "rt \"os\"\nimport x" }, "not a Go identifier"},
		{"dumpimpl name", func(f *model.File) { f.ImplName = "impl \"os\"\nimport x" }, "not a Go identifier"},
		{"unknown helper", func(f *model.File) { f.Encoders[0].Value.Struct.Fields[0].Value = call("_Nope_dump", "shop.Nope") }, "not among the file's encoders"},
		{"unknown kind", func(f *model.File) { f.Encoders[0].Value.Struct.Fields[0].Value.Kind = 99 }, "unknown kind"},
		{"conversion", func(f *model.File) { f.Encoders[0].Value.Struct.Fields[0].Value.Convert = "int64(0) + int64" }, "not a Go identifier"},
		{"bad part", func(f *model.File) {
			f.Encoders[0].Value.Struct.Fields[0].Omit = model.Omit{Kind: model.IfParts, Parts: []model.OmitPart{{Index: -1, Omit: model.Omit{Kind: model.IfZero}}}}
		}, "omit part"},
	}
	for _, c := range cases {
		f := testFile("bad", []*model.Type{selected("A")}, structEncoder("A", fld("N", convert(val(model.Int, "int"), "int64")), fld("M", convert(val(model.Int, "int"), "int64"))))
		c.change(f)
		src, err := File(f)
		if err == nil {
			t.Errorf("%s: no error; emitted\n%s", c.name, src)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to mention %q", c.name, err, c.want)
		}
	}
}

// TestStringLit: raw literals only where they hold the value unchanged.
func TestStringLit(t *testing.T) {
	for _, s := range []string{`"id":`, `"a\"b":`, "\"`\":", "a\nb", "a\rb", "\ufeff", "\xff", "tab\there", "é<>&"} {
		var b bytes.Buffer
		if err := jen.Var().Id("x").Op("=").Add(stringLit(s)).Render(&b); err != nil {
			t.Fatal(err)
		}
		lit := strings.TrimPrefix(b.String(), "var x = ")
		got, err := strconv.Unquote(lit)
		if err != nil || got != s {
			t.Errorf("stringLit(%q) = %s, which is %q (%v)", s, lit, got, err)
		}
		if raw := strings.HasPrefix(lit, "`"); raw != strconv.CanBackquote(s) {
			t.Errorf("stringLit(%q) = %s: raw %v", s, lit, raw)
		}
	}
}

package gen

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
)

var update = flag.Bool("update", false, "rewrite the golden files of the emit tests")

// The emit tests build models by hand, emit them, and compare the result with
// testdata/emit/NAME.golden. `go test ./gen -run Emit -update` rewrites the
// golden files; read their diff before committing it.

const testPkg = "example.com/shop"

// Helpers that keep the hand-built models short.

func testFile(name string, types []*Type, encoders ...*Encoder) *File {
	return &File{
		PkgPath:     testPkg,
		PkgName:     "shop",
		Dir:         "/src/shop",
		Output:      "/src/shop/" + name + "_jsondump.go",
		RuntimeName: "runtime",
		Types:       types,
		Encoders:    encoders,
	}
}

// withDispatch gives f a DispatchFunc named name.
func withDispatch(f *File, name string) *File {
	f.Dispatch = name
	return f
}

// selected is a selected type with value-receiver methods and helper _Name_dump.
func selected(name string) *Type {
	return &Type{Name: name, Encoder: "_" + name + "_dump", MarshalJSON: true}
}

func named(name string) TypeExpr { return TypeExpr{Kind: NamedExpr, Path: testPkg, Name: name} }

func builtin(name string) TypeExpr { return TypeExpr{Kind: NamedExpr, Name: name} }

// structEncoder is the helper of a struct type of the test package.
func structEncoder(name string, fields ...*Field) *Encoder {
	return &Encoder{
		Name:  "_" + name + "_dump",
		Type:  named(name),
		Value: &Value{Kind: Struct, GoType: "shop." + name, Struct: &Object{Fields: fields}},
	}
}

// fld is a field of the struct itself whose key is its name in lower case.
func fld(name string, v *Value) *Field {
	key := strings.ToLower(name)
	return &Field{
		Name:       name,
		Key:        key,
		KeyLiteral: strconv.Quote(key) + ":",
		Path:       []Step{{Name: name}},
		Value:      v,
	}
}

// promoted is fld for a field promoted through the embedded fields of path;
// a name starting with * is an embedded pointer.
func promoted(name string, v *Value, path ...string) *Field {
	f := fld(name, v)
	f.Path = nil
	for _, p := range path {
		name, ptr := strings.CutPrefix(p, "*")
		f.Path = append(f.Path, Step{Name: name, Deref: ptr})
	}
	f.Path = append(f.Path, Step{Name: f.Name})
	return f
}

func omit(f *Field, o Omit) *Field {
	f.Omit = o
	return f
}

func val(kind Kind, goType string) *Value { return &Value{Kind: kind, GoType: goType} }

func call(helper, goType string) *Value {
	return &Value{Kind: Call, GoType: goType, Call: helper, Addressable: true}
}

func ptrTo(elem *Value) *Value {
	return &Value{Kind: Pointer, GoType: "*" + elem.GoType, Nilable: true, Elem: elem}
}

func sliceOf(elem *Value) *Value {
	return &Value{Kind: Slice, GoType: "[]" + elem.GoType, Nilable: true, Elem: elem}
}

func mapOf(key MapKeyKind, keyType string, elem *Value) *Value {
	return &Value{Kind: Map, GoType: "map[" + keyType + "]" + elem.GoType, Nilable: true, MapKey: key, Elem: elem}
}

func withPkgNames(f *File, names map[string]string) *File {
	f.PkgNames = names
	return f
}

func modify(v *Value, change func(*Value)) *Value {
	change(v)
	return v
}

var emitCases = []struct {
	name string
	file *File
}{
	{"kinds", testFile("kinds", []*Type{selected("Item")},
		structEncoder("Item",
			fld("Ok", val(Bool, "bool")),
			fld("Count", val(Int, "int")),
			fld("Total", val(Int, "int64")),
			fld("Age", modify(val(Int, "shop.Age"), func(v *Value) { v.Convert = "int64" })),
			fld("Size", val(Uint, "uint16")),
			fld("Ratio", val(Float32, "float32")),
			fld("Price", val(Float64, "float64")),
			fld("Weight", modify(val(Float64, "shop.Grams"), func(v *Value) { v.Convert = "float64" })),
			fld("Name", val(String, "string")),
			fld("Color", modify(val(String, "shop.Color"), func(v *Value) { v.Convert = "string" })),
			fld("Code", modify(val(Int, "int"), func(v *Value) { v.Quoted = true })),
			fld("Score", modify(val(Float64, "float64"), func(v *Value) { v.Quoted = true })),
			fld("Label", modify(val(String, "string"), func(v *Value) { v.Quoted = true })),
			fld("Blob", val(Bytes, "[]byte")),
			fld("Raw", modify(val(Bytes, "[]shop.MyByte"), func(v *Value) { v.NamedBytes = true })),
			fld("Amount", val(Number, "json.Number")),
			fld("Extra", val(RawMessage, "json.RawMessage")),
			fld("Created", val(Time, "time.Time")),
			fld("Money", val(Marshaler, "shop.Money")),
			fld("Cents", modify(val(Marshaler, "shop.Cents"), func(v *Value) { v.PointerMethod, v.Addressable = true, true })),
			fld("Rate", modify(val(Marshaler, "*shop.Rate"), func(v *Value) { v.Nilable = true })),
			fld("ID", val(TextMarshaler, "shop.ID")),
			fld("Parent", modify(ptrTo(call("_Item_dump", "shop.Item")), func(v *Value) { v.CycleCheck = true })),
			fld("Note", ptrTo(val(String, "string"))),
			fld("Tags", sliceOf(val(String, "string"))),
			fld("Children", modify(sliceOf(call("_Item_dump", "shop.Item")), func(v *Value) { v.CycleCheck = true })),
			fld("Point", &Value{Kind: Array, GoType: "[2]float64", Len: 2, Elem: val(Float64, "float64")}),
			fld("Attrs", mapOf(StringKey, "string", val(String, "string"))),
			fld("Dims", &Value{Kind: Struct, GoType: "struct{...}", Struct: &Object{Fields: []*Field{
				fld("W", val(Int, "int")),
				fld("H", val(Float64, "float64")),
			}}}),
			fld("Empty", &Value{Kind: Struct, GoType: "struct{}", Struct: &Object{}}),
			fld("Seller", call("_Seller_dump", "shop.Seller")),
			fld("Where", &Value{Kind: Dumper, GoType: "geo.Place", Addressable: true}),
			fld("Meta", modify(val(Interface, "any"), func(v *Value) { v.Nilable = true })),
			fld("Grid", &Value{Kind: Array, GoType: "[3][3]int8", Len: 3, Elem: &Value{
				Kind: Array, GoType: "[3]int8", Len: 3, Elem: val(Int, "int8"),
			}}),
			fld("Prices", ptrTo(sliceOf(val(Float64, "float64")))),
			fld("Twice", ptrTo(ptrTo(val(Int, "int")))),
			fld("Deep", ptrTo(&Value{Kind: Struct, GoType: "struct{...}", Struct: &Object{Fields: []*Field{
				fld("X", val(Float32, "float32")),
			}}})),
			fld("Boxes", sliceOf(&Value{Kind: Struct, GoType: "struct{}", Struct: &Object{}})),
		),
		structEncoder("Seller", fld("Name", val(String, "string"))),
	)},

	{"omit", withPkgNames(testFile("omit", []*Type{selected("Opts")},
		structEncoder("Opts",
			omit(fld("On", val(Bool, "bool")), Omit{Kind: IfFalse}),
			omit(fld("N", val(Int, "int")), Omit{Kind: IfZero}),
			omit(fld("F", val(Float64, "float64")), Omit{Kind: IfZero}),
			omit(fld("Z", val(Float64, "float64")), Omit{Kind: IfZeroBits}),
			omit(fld("Z32", val(Float32, "float32")), Omit{Kind: IfZeroBits}),
			omit(fld("ZNamed", modify(val(Float64, "shop.Celsius"), func(v *Value) { v.Convert = "float64" })), Omit{Kind: IfZeroBits}),
			omit(fld("S", val(String, "string")), Omit{Kind: IfEmpty}),
			omit(fld("P", ptrTo(val(Int, "int"))), Omit{Kind: IfNil}),
			omit(fld("L", sliceOf(val(Int, "int"))), Omit{Kind: IfLenZero}),
			omit(fld("When", val(Time, "time.Time")), Omit{Kind: IfMethod}),
			omit(fld("Span", val(Marshaler, "shop.Span")), Omit{Kind: IfMethod, PointerMethod: true}),
			omit(fld("Due", ptrTo(val(Time, "time.Time"))), Omit{Kind: IfMethod, NilIsZero: true}),
			omit(fld("Pos", call("_Pos_dump", "shop.Pos")), Omit{Kind: IfComparable, Type: &TypeExpr{Kind: NamedExpr, Path: testPkg, Name: "Pos"}}),
			omit(fld("Pair", &Value{Kind: Array, GoType: "[2]int", Len: 2, Elem: val(Int, "int")}),
				Omit{Kind: IfComparable, Type: &TypeExpr{Kind: ArrayExpr, Len: 2, Elem: &TypeExpr{Kind: NamedExpr, Name: "int"}}}),
			omit(fld("Box", call("_Box_dump", "shop.Box")), Omit{Kind: IfParts, Parts: []OmitPart{
				{Selector: ".Scale", Omit: Omit{Kind: IfZeroBits, Type: &TypeExpr{Kind: NamedExpr, Name: "float32"}}},
				{Selector: ".Items", Omit: Omit{Kind: IfNil}},
				{Selector: ".Due", Omit: Omit{Kind: IfMethod, NilIsZero: true}},
				{Selector: ".Corner", Omit: Omit{Kind: IfParts, Parts: []OmitPart{
					{Selector: "[0]", Omit: Omit{Kind: IfZeroBits, Type: &TypeExpr{Kind: NamedExpr, Name: "float64"}}},
					{Selector: "[1]", Omit: Omit{Kind: IfZeroBits}}, // type unknown: float64(x)
				}}},
			}}),
			omit(fld("None", &Value{Kind: Array, GoType: "[0]float64", Elem: val(Float64, "float64")}), Omit{Kind: IfParts}),
			omit(fld("Price", modify(val(Float64, "float64"), func(v *Value) { v.Quoted = true })), Omit{Kind: IfZero}),
			omit(fld("State", modify(val(Interface, "shop.Stater"), func(v *Value) { v.Nilable = true })),
				Omit{Kind: IfMethod, NilIsZero: true, Interface: true}),
			omit(fld("Any", &Value{Kind: Interface, GoType: "any", Nilable: true}), Omit{Kind: IfNil}),
			omit(fld("Ext", &Value{Kind: Call, GoType: "other.Ext", Call: "_other_Ext_dump", Addressable: true}),
				Omit{Kind: IfDynamic, Zero: true}),
			// omitempty and omitzero on a slice: left out when nil or empty.
			omit(fld("Both", sliceOf(val(Int, "int"))), Omit{Kind: IfLenZero, Also: &Omit{Kind: IfNil}}),
			omit(fld("Span2", call("_Box_dump", "shop.Box")), Omit{Kind: IfMethod, Also: &Omit{Kind: IfParts, Parts: []OmitPart{
				{Selector: ".Scale", Omit: Omit{Kind: IfZero}},
				{Selector: ".Items", Omit: Omit{Kind: IfNil}},
			}}}),
			omit(fld("Amount", modify(val(Number, "json.Number"), func(v *Value) { v.Quoted = true })), Omit{Kind: IfEmpty}),
		),
		&Encoder{Name: "_other_Ext_dump", Type: TypeExpr{Kind: NamedExpr, Path: "example.com/other", Name: "Ext"},
			Value: &Value{Kind: Struct, GoType: "other.Ext", Struct: &Object{}}},
		structEncoder("Box",
			fld("Scale", val(Float32, "float32")),
			fld("Items", sliceOf(val(Int, "int"))),
			fld("Due", ptrTo(val(Time, "time.Time"))),
			fld("Corner", &Value{Kind: Array, GoType: "[2]float64", Len: 2, Elem: val(Float64, "float64")}),
		),
		structEncoder("Pos", fld("X", val(Int, "int")), fld("Y", val(Int, "int"))),
	), map[string]string{"example.com/other": "other"})},

	{"embedded", testFile("embedded", []*Type{selected("Order")},
		structEncoder("Order",
			fld("ID", val(Int, "int")),
			promoted("Created", val(Time, "time.Time"), "*Base"),
			promoted("Updated", val(Time, "time.Time"), "*Base"),
			promoted("Version", val(Int, "int"), "*Base", "*Meta"),
			promoted("Owner", val(String, "string"), "*Base", "*Meta"),
			promoted("Source", val(String, "string"), "*Base", "Audit"),
			promoted("Rev", val(Float64, "float64"), "*Base", "Audit", "*History"),
			fld("Total", val(Float64, "float64")),
			promoted("Region", val(String, "string"), "*Base"),
			promoted("Shipped", val(Bool, "bool"), "Status"),
			omit(promoted("Note", val(String, "string"), "*Extra"), Omit{Kind: IfEmpty}),
			// An embedded pointer that is itself the field (its type has a Marshaler).
			&Field{Name: "Stamp", Key: "Stamp", KeyLiteral: `"Stamp":`, Path: []Step{{Name: "Stamp", Deref: true}},
				Value: modify(val(Marshaler, "*shop.Stamp"), func(v *Value) { v.Nilable = true })},
		),
	)},

	{"sortkeys", testFile("sortkeys", []*Type{selected("Row")},
		func() *Encoder {
			enc := structEncoder("Row",
				fld("Zeta", val(Int, "int")),
				promoted("Beta", val(Float64, "float64"), "*Inner"),
				promoted("Alpha", val(String, "string"), "*Inner"),
				omit(fld("Mid", val(String, "string")), Omit{Kind: IfEmpty}),
			)
			enc.Value.Struct.Sorted = []int{2, 1, 3, 0}
			return enc
		}(),
	)},

	{"maps", testFile("maps", []*Type{selected("Index")},
		structEncoder("Index",
			fld("ByName", mapOf(StringKey, "string", val(Int, "int"))),
			fld("ByColor", mapOf(StringKey, "shop.Color", call("_Item_dump", "shop.Item"))),
			fld("ByID", mapOf(IntKey, "int64", val(Float64, "float64"))),
			fld("BySize", mapOf(UintKey, "uint8", val(Bool, "bool"))),
			fld("ByAddr", mapOf(TextKey, "netip.Addr", sliceOf(val(String, "string")))),
			fld("Nested", mapOf(StringKey, "string", mapOf(IntKey, "int", ptrTo(call("_Item_dump", "shop.Item"))))),
			fld("Tree", modify(mapOf(StringKey, "string", val(Interface, "any")), func(v *Value) { v.CycleCheck = true })),
			fld("Set", mapOf(StringKey, "string", &Value{Kind: Struct, GoType: "struct{}", Struct: &Object{}})),
			fld("Money", mapOf(StringKey, "string", val(Marshaler, "shop.Money"))),
			fld("Lists", sliceOf(mapOf(StringKey, "string", sliceOf(val(Float64, "float64"))))),
		),
		structEncoder("Item", fld("Name", val(String, "string"))),
	)},

	{"named", withPkgNames(testFile("named", []*Type{selected("Items"), selected("Matrix"), selected("Lookup")},
		&Encoder{Name: "_Items_dump", Type: named("Items"), Value: sliceOf(call("_Item_dump", "shop.Item"))},
		structEncoder("Item", fld("Name", val(String, "string"))),
		&Encoder{Name: "_Lookup_dump", Type: named("Lookup"), Value: mapOf(StringKey, "string", val(Float32, "float32"))},
		&Encoder{Name: "_Matrix_dump", Type: named("Matrix"), Value: &Value{Kind: Array, GoType: "shop.Matrix", Len: 2,
			Elem: &Value{Kind: Array, GoType: "[2]float64", Len: 2, Elem: val(Float64, "float64")}}},
		&Encoder{Name: "_url_URL_dump", Type: TypeExpr{Kind: NamedExpr, Path: "net/url", Name: "URL"},
			Value: &Value{Kind: Struct, GoType: "url.URL", Struct: &Object{Fields: []*Field{
				fld("Scheme", val(String, "string")),
				fld("User", ptrTo(&Value{Kind: Struct, GoType: "url.Userinfo", Struct: &Object{}})),
			}}}},
		// The package name is not the last element of the path.
		&Encoder{Name: "_yaml_Node_dump", Type: TypeExpr{Kind: NamedExpr, Path: "gopkg.in/yaml.v3", Name: "Node"},
			Value: &Value{Kind: Struct, GoType: "yaml.Node", Struct: &Object{Fields: []*Field{
				fld("Value", val(String, "string")),
			}}}},
	), map[string]string{"gopkg.in/yaml.v3": "yaml"})},

	{"generic", withDispatch(testFile("generic", []*Type{
		{Name: "Pair", Encoder: "_Pair_dump", ValueEncoder: "_Pair_dump", MarshalJSON: true,
			DispatchPointer: "_Pair_pointer", DispatchValue: "_Pair_value", TypeParams: []Param{
				{Name: "K", Constraint: builtin("comparable")},
				{Name: "V", Constraint: builtin("any")},
			}},
	},
		&Encoder{Name: "_Box_dump", Type: TypeExpr{Kind: NamedExpr, Path: testPkg, Name: "Box",
			Args: []TypeExpr{{Kind: TypeParamExpr, Name: "N"}}},
			TypeParams: []Param{{Name: "N", Constraint: TypeExpr{Kind: UnionExpr, Terms: []TypeExpr{
				{Kind: NamedExpr, Name: "int", Tilde: true},
				{Kind: NamedExpr, Name: "float64", Tilde: true},
				{Kind: NamedExpr, Path: testPkg, Name: "Celsius"},
			}}}},
			Value: &Value{Kind: Struct, GoType: "shop.Box[N]", Struct: &Object{Fields: []*Field{
				fld("N", &Value{Kind: TypeParam, GoType: "N", Addressable: true}),
			}}}},
		&Encoder{Name: "_Pair_dump", Type: TypeExpr{Kind: NamedExpr, Path: testPkg, Name: "Pair",
			Args: []TypeExpr{{Kind: TypeParamExpr, Name: "K"}, {Kind: TypeParamExpr, Name: "V"}}},
			TypeParams: []Param{{Name: "K", Constraint: builtin("comparable")}, {Name: "V", Constraint: builtin("any")}},
			Value: &Value{Kind: Struct, GoType: "shop.Pair[K, V]", Struct: &Object{Fields: []*Field{
				fld("Key", &Value{Kind: TypeParam, GoType: "K", Addressable: true}),
				fld("Value", &Value{Kind: TypeParam, GoType: "V", Addressable: true}),
				fld("Values", mapOf(StringKey, "string", &Value{Kind: TypeParam, GoType: "V"})),
				fld("Box", call("_Box_dump", "shop.Box[int]")),
				omit(fld("Maybe", &Value{Kind: TypeParam, GoType: "V", Addressable: true}), Omit{Kind: IfDynamic, Empty: true, Zero: true}),
				fld("Quoted", &Value{Kind: TypeParam, GoType: "V", Addressable: true, Quoted: true}),
				fld("ByKey", mapOf(ParamKey, "K", val(Int, "int"))),
			}}}},
	), "_Pair_dispatch")},

	{"keys", testFile("keys", []*Type{selected("Odd")},
		structEncoder("Odd",
			&Field{Name: "Script", Key: "</script>", KeyLiteral: `"\u003c/script\u003e":`, KeyNeedsRuntime: true,
				Path: []Step{{Name: "Script"}}, Value: val(String, "string")},
			&Field{Name: "Quote", Key: `say "hi"\now`, KeyLiteral: `"say \"hi\"\\now":`,
				Path: []Step{{Name: "Quote"}}, Value: val(String, "string")},
			&Field{Name: "Accent", Key: "café", KeyLiteral: `"café":`, KeyNeedsRuntime: true,
				Path: []Step{{Name: "Accent"}}, Value: val(String, "string")},
			&Field{Name: "Escape", Key: "`); panic(1); //\n", KeyLiteral: "\"`); panic(1); //\\n\":",
				Path: []Step{{Name: "Escape"}}, Value: val(String, "string")},
			&Field{Name: "Sep", Key: "a\u2028b\x7f", KeyLiteral: `"a\u2028b` + "\x7f" + `":`, KeyNeedsRuntime: true,
				Path: []Step{{Name: "Sep"}}, Value: val(String, "string")},
		),
	)},

	// A type that must not be copied: every method takes a pointer.
	{"nocopy", testFile("nocopy", []*Type{
		{Name: "Guarded", Encoder: "_Guarded_dump", MarshalJSON: true, NoCopy: true},
	},
		structEncoder("Guarded", fld("N", val(Int, "int")), fld("Mu", &Value{Kind: Struct, GoType: "sync.Mutex", Struct: &Object{}})),
	)},

	{"build", func() *File {
		f := testFile("build", []*Type{
			{Name: "Account", Encoder: "_Account_dump", ValueEncoder: "_Account_dump", MarshalJSON: true, PointerReceiver: true},
			{Name: "Legacy", Encoder: "_Legacy_dump", ValueEncoder: "_Legacy_dumpValue", MarshalJSON: false},
		},
			structEncoder("Account",
				fld("Balance", modify(val(Marshaler, "shop.Cents"), func(v *Value) { v.PointerMethod, v.Addressable = true, true })),
				fld("Owner", call("_Legacy_dumpValue", "shop.Legacy")),
			),
			structEncoder("Legacy", fld("Name", val(String, "string"))),
			&Encoder{Name: "_Legacy_dumpValue", Type: named("Legacy"), Value: &Value{Kind: Struct, GoType: "shop.Legacy",
				Struct: &Object{Fields: []*Field{fld("Name", val(String, "string"))}}}},
		)
		f.BuildConstraint = "linux &&   (amd64||arm64)"
		f.Dispatch = "_Account_dispatch"
		f.RuntimeName = "jsonrt"
		return f
	}()},
}

func TestEmitGolden(t *testing.T) {
	for _, c := range emitCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := emit(c.file)
			if err != nil {
				t.Fatal(err)
			}
			again, err := emit(c.file)
			if err != nil || !bytes.Equal(got, again) {
				t.Fatalf("a second emit of the same model differs (err %v)", err)
			}
			golden := filepath.Join("testdata", "emit", c.name+".golden")
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
			if diff := unifiedDiff(golden, "emitted", want, got); diff != "" {
				t.Errorf("emitted code differs from %s (-update rewrites it):\n%s", golden, diff)
			}
		})
	}
}

// TestEmitShape checks properties every generated file must have, on every case.
func TestEmitShape(t *testing.T) {
	for _, c := range emitCases {
		src, err := emit(c.file)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if first, _, _ := strings.Cut(string(src), "\n"); first != header {
			t.Errorf("%s: first line %q, want %q", c.name, first, header)
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
			if path == runtimePath {
				switch {
				case c.file.RuntimeName == "runtime" && imp.Name != nil:
					t.Errorf("%s: runtime imported as %s, want no alias", c.name, imp.Name.Name)
				case c.file.RuntimeName != "runtime" && (imp.Name == nil || imp.Name.Name != c.file.RuntimeName):
					t.Errorf("%s: runtime imported without the alias %s", c.name, c.file.RuntimeName)
				}
			}
		}
		// The version handshake is the one blank declaration, on purpose.
		handshake := "const _ = " + c.file.RuntimeName + ".SupportPackageIsVersion4\n"
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
	f := testFile("b", []*Type{selected("A")}, structEncoder("A"))
	f.BuildConstraint = "linux &&   (amd64||arm64)"
	src, err := emit(f)
	if err != nil {
		t.Fatal(err)
	}
	want := header + "\n\n//go:build linux && (amd64 || arm64)\n\npackage shop\n"
	if !strings.HasPrefix(string(src), want) {
		t.Errorf("file starts\n%s\nwant\n%s", src[:min(len(src), len(want))], want)
	}
}

// TestEmitBadModel checks that a model emission cannot print is an error,
// not broken or injected code.
func TestEmitBadModel(t *testing.T) {
	cases := []struct {
		name   string
		change func(*File)
		want   string
	}{
		{"constraint with a newline", func(f *File) { f.BuildConstraint = "linux\n\nfunc init() {}" }, "build constraint"},
		{"field name", func(f *File) { f.Encoders[0].Value.Struct.Fields[0].Path[0].Name = "X; os.Exit(1)" }, "not a Go identifier"},
		{"type name", func(f *File) { f.Types[0].Name = "A B" }, "not a Go identifier"},
		{"type parameter e", func(f *File) { f.Types[0].TypeParams = []Param{{Name: "e", Constraint: builtin("any")}} }, "type parameter e"},
		{"type parameter v1", func(f *File) { f.Encoders[0].TypeParams = []Param{{Name: "v1", Constraint: builtin("any")}} }, "type parameter v1"},
		{"runtime name", func(f *File) { f.RuntimeName = "rt \"os\"\nimport x" }, "not a Go identifier"},
		{"unknown helper", func(f *File) { f.Encoders[0].Value.Struct.Fields[0].Value = call("_Nope_dump", "shop.Nope") }, "not among the file's encoders"},
		{"unknown kind", func(f *File) { f.Encoders[0].Value.Struct.Fields[0].Value.Kind = 99 }, "unknown kind"},
		{"bad conversion", func(f *File) { f.Encoders[0].Value.Struct.Fields[0].Value.Convert = "int" }, "conversion"},
		{"bad sort order", func(f *File) { f.Encoders[0].Value.Struct.Sorted = []int{0, 0} }, "not an order"},
		{"bad part", func(f *File) {
			f.Encoders[0].Value.Struct.Fields[0].Omit = Omit{Kind: IfParts, Parts: []OmitPart{{Selector: "[x]", Omit: Omit{Kind: IfZero}}}}
		}, "selector"},
	}
	for _, c := range cases {
		f := testFile("bad", []*Type{selected("A")}, structEncoder("A", fld("N", val(Int, "int")), fld("M", val(Int, "int"))))
		c.change(f)
		src, err := emit(f)
		if err == nil {
			t.Errorf("%s: no error; emitted\n%s", c.name, src)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to mention %q", c.name, err, c.want)
		}
	}
}

// TestEmitSeam enforces the seam between analysis and emission: the emit
// files read the model alone.
func TestEmitSeam(t *testing.T) {
	files, err := filepath.Glob("emit*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no emit files (%v)", err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == "go/types" || path == "go/ast" || path == "golang.org/x/tools" || strings.HasPrefix(path, "golang.org/x/tools/") {
				t.Errorf("%s imports %s: emission must read the model alone", name, path)
			}
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

// Package model is the seam between analysis and emission. Analysis
// (gen/internal/analyze, on the packages gen/internal/load loads) is the only
// code that looks at go/types; it takes every decision about JSON semantics
// and records it here as plain data. Emission (gen/internal/emit) reads the
// model alone and decides nothing but how the Go source looks. A model can be
// built by hand in a test.
//
// The package imports no go/types, go/ast or golang.org/x/tools: no value of
// theirs can reach emission, which imports the model and nothing of
// analysis. It also holds the error types of a run (gen.Error and
// gen.ErrorList are these), which every stage reports.
package model

import "go/token"

// RuntimePath is the package of the types that the signatures of the
// generated methods name for users: DumpTo's and Dumps' runtime.Option,
// DumpJSON's *runtime.Encoder (aliases of ImplPath's types).
const RuntimePath = "github.com/jsondump/jsondump/runtime"

// ImplPath is the package generated code calls: everything else it names.
const ImplPath = "github.com/jsondump/jsondump/runtime/dumpimpl"

// File is one generated Go file: the selected types of one package.
type File struct {
	PkgPath string // import path of the package, e.g. "example.com/shop"
	PkgName string // package name, e.g. "shop"
	Dir     string // directory of the package
	Output  string // path of the file to write (absolute or relative to the working directory)

	// BuildConstraint is the expression of a //go:build line the generated file
	// must carry ("" for none), when every selected type is declared in files
	// behind that constraint.
	BuildConstraint string

	// RuntimeName is the name the generated file imports
	// github.com/jsondump/jsondump/runtime as: "runtime" unless that name is
	// taken in the package (see Aliases), then "jsonruntime".
	RuntimeName string

	// ImplName is the name the generated file imports
	// github.com/jsondump/jsondump/runtime/dumpimpl as: "dumpimpl" unless
	// that name is taken in the package, then "jsondumpimpl".
	ImplName string

	// PkgNames gives the package name of each import path that TypeExprs of
	// the file name (other than PkgPath), e.g. "gopkg.in/yaml.v3" -> "yaml",
	// so that imports print without aliases. A path not listed is imported
	// under an alias guessed from its last element.
	PkgNames map[string]string

	// Aliases gives the name a package is imported under when its own name is
	// taken in the generated file: by a top-level identifier of the package,
	// another package some file of it imports under that name, or a name
	// generated code declares (e, v, w, opts). Keys are import paths, of
	// PkgNames or of the fixed import "io"; e.g. "io" -> "stdio",
	// "example.com/x/url" -> "xurl". The runtime's name is RuntimeName,
	// dumpimpl's ImplName.
	Aliases map[string]string

	// Shadowed gives the position of each package-level declaration whose
	// name is a predeclared identifier (func len, type int64 int32, var
	// nil): generated code that used that name would mean the package's
	// declaration, not Go's. Generate refuses a file whose code uses one.
	Shadowed map[string]token.Position

	// Types are the selected types, sorted by name. Each gets the exported
	// methods DumpTo, Dumps, DumpJSON, and MarshalJSON when asked for.
	Types []*Type

	// Dispatch is the name of the file's DispatchFunc, which the file
	// registers with the runtime: a type switch over the Types, so that
	// dynamic values (interface fields, jsondump.Marshal's argument) of
	// those types, or pointers to them, take the generated code. A type
	// switch cannot name a generic type without its type arguments: those
	// are matched through their DispatchPointer and DispatchValue methods.
	Dispatch string

	// Encoders are the helper functions of the file, sorted by Name: one for
	// every named type with a composite underlying type (struct, slice, array,
	// map) that the selected types reach and that has no generated code of its
	// own elsewhere, in the variants (addressable or not) that are used.
	Encoders []*Encoder
}

// Type is a selected type: it gets the exported methods.
type Type struct {
	Name       string  // Go name of the type, e.g. "User"
	TypeParams []Param // type parameters of a generic type, in order
	Pos        token.Position

	// Encoder is the helper that encodes an addressable value of the type; the
	// methods call it with a pointer to their receiver.
	Encoder string

	// ValueEncoder is the helper that encodes a value of the type that is not
	// addressable, as a T held in an interface is: Encoder unless the
	// encoding depends on addressability (PointerReceiver). File.Dispatch
	// calls it.
	ValueEncoder string

	// DispatchValue names what File.Dispatch calls to write a value of the
	// type held in an interface, and DispatchPointer what matches a pointer
	// to one, where a type switch cannot.
	//
	// For a generic type both are unexported methods, through which
	// File.Dispatch matches its instantiations exactly: DispatchPointer, on
	// the pointer, returns the receiver (a promoted one returns another
	// value); DispatchValue writes the receiver with ValueEncoder when its
	// argument is exactly an instantiation of the type with the receiver's
	// type arguments.
	//
	// For any other type DispatchPointer is empty, and DispatchValue is a
	// function that takes the value as its parameter and writes it with
	// ValueEncoder: the copy is in that function's frame, so the frame of
	// File.Dispatch does not hold a copy of every type in the file (tens of
	// KiB in a large package, which every goroutine that writes an
	// interface would grow its stack to hold). It is empty for a type that
	// must not be copied (NoCopy): File.Dispatch writes it in place.
	DispatchPointer, DispatchValue string

	// MarshalJSON says whether to generate MarshalJSON: only under
	// -marshaljson, and not when the type (or a field it embeds) already has
	// MarshalJSON or MarshalText written by hand: generated code must not
	// shadow it.
	MarshalJSON bool

	// PointerReceiver is true when the encoding of the type depends on
	// addressability (a field reached without indirection has a Marshaler or
	// TextMarshaler on its pointer type only). MarshalJSON then takes a
	// pointer receiver, so json.Marshal(v) and json.Marshal(&v) each keep the
	// bytes they gave before the methods existed.
	PointerReceiver bool

	// NoCopy is true when a value of the type must not be copied: it holds,
	// not behind a pointer, a sync.Mutex, sync.RWMutex, an atomic value or
	// anything else go vet's copylocks check flags. Every generated method
	// then takes a pointer receiver (a nil v encodes as null), so go vet
	// stays clean.
	NoCopy bool
}

// Param is one type parameter of a generic type.
type Param struct {
	Name       string   // e.g. "T"
	Constraint TypeExpr // e.g. any
}

// Encoder is one helper function: func Name(e *runtime.Encoder, v *Type).
type Encoder struct {
	Name       string   // e.g. "_User_dump", "_User_dumpValue", "_url_URL_dump"
	Type       TypeExpr // the named type; the helper takes a pointer to it
	TypeParams []Param  // when Type is a generic type

	// NotAddressable says the helper encodes *v as encoding/json encodes a
	// value that is not addressable (Marshaler and TextMarshaler methods on
	// its pointer type do not apply): the variant named _T_dumpValue.
	NotAddressable bool

	// Value says how to encode *v. For a struct it has Kind Struct.
	Value *Value

	// Parts split the helper of a struct with many fields: the helper
	// writes the fields before Parts[0].From and calls Parts[0].Name, which
	// writes the fields from there to the next part's From and calls that
	// part, the last one closing the object. The compiler's debug
	// information costs more than linearly in a function's size (see
	// DESIGN.md, "Generated code at scale"). Empty for other helpers.
	Parts []Part
}

// Part is a function that writes some of the fields of a helper's struct:
// Value.Struct.Fields[From:] up to the next part. A part begins at a field
// that is not promoted through an embedded pointer, so it never begins
// inside the nil check of one.
type Part struct {
	Name string // e.g. "_Repository_dump_Owner": the helper's name and the field's
	From int
}

// TypeExpr is a Go type expression, for the few places where generated code
// must spell a type: helper parameters, type parameters and type arguments.
type TypeExpr struct {
	Kind TypeExprKind
	Path string     // Named: import path of the package ("" for predeclared types such as int, any, error)
	Name string     // Named: type name; TypeParam: parameter name
	Args []TypeExpr // Named: type arguments of an instantiated generic type
	Elem *TypeExpr  // Pointer, Slice, Array, Map: element type
	Key  *TypeExpr  // Map: key type
	Len  int64      // Array: length

	// Constraints of type parameters only: Tilde is the ~ of a term (~int,
	// ~[]E), and a Union lists its Terms (~int | ~string).
	Tilde bool
	Terms []TypeExpr // Union: the terms, in order
}

// TypeExprKind is the form of a TypeExpr.
type TypeExprKind int

const (
	NamedExpr TypeExprKind = iota // Path.Name[Args], or a predeclared name
	PointerExpr
	SliceExpr
	ArrayExpr
	MapExpr
	TypeParamExpr // a type parameter of the enclosing generic type
	UnionExpr     // a constraint's union of Terms: ~int | ~string
)

// Value says how to encode a Go value of some type at some position.
// Positions matter: encoding/json applies pointer-receiver methods only to
// addressable values, so the same Go type can have two Values.
type Value struct {
	Kind Kind

	// GoType names the value's type for error messages, e.g. "shop.Price" or
	// "*time.Time".
	GoType string

	// Convert is the predeclared type the value is converted to for the
	// runtime call, which takes that type: e.g. "int64" for int or for type
	// Age int8 encoded with Int, "string" for type Color string or for
	// json.Number. Empty when the value is passed as it is: its type is the
	// one the call takes (an int64, a string), or is assignable to it (any
	// byte slice type to []byte, json.RawMessage).
	Convert string

	// Nilable says the value can be nil (pointer, slice, map, interface,
	// Marshaler implemented by a pointer or interface type) and nil is written
	// as null.
	Nilable bool

	// Quoted is the ",string" tag option: the value is written inside a JSON
	// string (only for Bool, Int, Uint, Float32, Float64, String, and Number,
	// which encoding/json then writes as "123"). Through a pointer the option
	// is on the pointer's Elem, where the value is written.
	//
	// On a TypeParam value the option is decided at run time by the
	// instantiated kind, as encoding/json decides it (runtime.QuotedParam).
	Quoted bool

	// CycleCheck asks for the runtime cycle check when following this pointer,
	// slice or map: the element type can reach itself.
	CycleCheck bool

	Elem *Value // Pointer, Slice, Array, Map: element value
	Len  int64  // Array: length

	MapKey MapKeyKind // Map: how keys are turned into strings

	Struct *Object // Struct: an inline (anonymous or embedded) struct

	// Call: the helper to call, a name from File.Encoders; the argument is a
	// pointer to the value. Dumper: the value's type has jsondump-generated
	// code in another package; call its DumpJSON method.
	Call string

	// Addressable says the value is addressable at this position (for Method
	// kinds with a pointer receiver, and for Call/Dumper/TypeParam).
	Addressable bool

	// PointerMethod says the Marshaler, TextMarshaler or IsZero method has a
	// pointer receiver: generated code calls it on the value's address.
	PointerMethod bool

	// NamedBytes: a Bytes value whose elements are of a named byte type
	// ([]MyByte), which is not convertible to []byte: runtime.NamedBytes
	// writes it.
	NamedBytes bool
}

// PlainObject returns the object of a struct value that both versions of
// encoding/json write alike, or nil: the one kind of helper that analysis
// writes in parts (Encoder.Parts) and emission checks them against.
func (v *Value) PlainObject() *Object {
	if v == nil || v.Kind != Struct || v.Struct == nil || v.Struct.V2 != nil || v.Struct.Unsupported != "" {
		return nil
	}
	return v.Struct
}

// Kind is how a Value is encoded.
type Kind int

const (
	Bool          Kind = iota + 1 // e.Bool
	Int                           // e.Int(int64(x))
	Uint                          // e.Uint(uint64(x))
	Float32                       // e.Float32(float32(x))
	Float64                       // e.Float64(float64(x))
	String                        // e.String(string(x))
	Bytes                         // e.Base64([]byte(x)): base64, nil as null
	Number                        // json.Number: e.Number(string(x))
	RawMessage                    // json.RawMessage: e.RawMessage(x)
	Time                          // time.Time (not a pointer): e.Time(x), as its MarshalJSON
	Marshaler                     // json.Marshaler: e.Marshaler(x)
	TextMarshaler                 // encoding.TextMarshaler: e.TextMarshaler(x)
	Pointer                       // nil as null, else Elem
	Slice                         // nil as null, else array of Elem
	Array                         // array of Elem, Len elements
	Map                           // nil as null, else object with sorted keys
	Struct                        // inline struct: Struct
	Call                          // a helper of this file: Call
	Dumper                        // generated code of another package: x.DumpJSON(e)
	Interface                     // e.Any(x): dynamic dispatch at run time
	TypeParam                     // a value of a type parameter: e.Addr(&x) or e.Any(x)
	Toolchain                     // a struct whose fields the compiling Go decides (the standard library's): e.Addr(&x) or e.Any(x)
)

// MapKeyKind is how a map key becomes a JSON object key.
type MapKeyKind int

const (
	StringKey MapKeyKind = iota + 1 // the key's string kind
	IntKey                          // strconv.FormatInt
	UintKey                         // strconv.FormatUint
	TextKey                         // the key's MarshalText
	ParamKey                        // a type parameter: decided at run time by the instantiated kind
)

// Object is the JSON object encoding of a struct type: its fields after Go's
// embedding, promotion and conflict rules as encoding/json applies them.
type Object struct {
	// Fields in encoding/json's order (the order of the index sequences).
	Fields []*Field

	// V2 is the object as encoding/json on encoding/json/v2 (Go 1.27's
	// default) writes it, when it reads the struct's tags otherwise: other
	// keys, options or fields (see gen/internal/analyze/tags.go). Generated code then
	// chooses by runtime.JSONv2, a constant. Nil when both agree.
	V2 *Object

	// Unsupported, when set, is the text of the *json.UnsupportedValueError
	// that encoding/json returns for the struct instead of writing it (v2
	// and a format tag option); Fields are then empty.
	Unsupported string
}

// Field is one JSON field of a struct, possibly promoted from embedded structs.
type Field struct {
	Name string // Go field name, used in error paths: ".Price"
	Key  string // the JSON key, unescaped

	// KeyLiteral is the key as encoding/json writes it by default, quoted and
	// escaped, followed by a colon: `"name":`. KeyNeedsRuntime is true when
	// EscapeHTML(false) or EnsureASCII can change those bytes (the key has <,
	// >, & or non-ASCII runes); the generated code then escapes Key at run time.
	KeyLiteral      string
	KeyNeedsRuntime bool

	// Path is the selector from the struct value to the field: one step for a
	// field of the struct itself, more for a field promoted from embedded
	// structs. A step through an embedded pointer is Deref: when that pointer
	// is nil, the field is skipped (not written as null).
	Path []Step

	Omit  Omit // omitempty / omitzero, resolved to one test
	Value *Value
	Pos   token.Position
}

// BehindPointer says the field is promoted through an embedded pointer:
// generated code writes it inside that pointer's nil check.
func (f *Field) BehindPointer() bool {
	for _, step := range f.Path[:max(len(f.Path)-1, 0)] {
		if step.Deref {
			return true
		}
	}
	return false
}

// Step is one selector in a Field's Path.
type Step struct {
	Name  string // Go field name
	Deref bool   // the field is an embedded pointer: check for nil, then follow it
}

// Omit is how to decide that a field is left out. Emission turns it into the
// condition under which the field is written.
type Omit struct {
	Kind OmitKind

	// Method: IsZero is called; PointerMethod says on the address (a copy is
	// taken when the position is not addressable). NilIsZero says nil (pointer
	// or interface) counts as zero before the method is called.
	PointerMethod bool
	NilIsZero     bool

	// Parts: a struct or array value is zero when every one of these is:
	// a test on each field of a struct, or on each element of an array.
	Parts []OmitPart

	// Type spells the type for Comparable (x == T{}).
	Type *TypeExpr

	// Interface: IfMethod on an interface type. As encoding/json does, a nil
	// interface and an interface holding a nil pointer both count as zero
	// before IsZero is called (NilIsZero is set too).
	Interface bool

	// Empty and Zero are the tests IfDynamic makes at run time, as
	// encoding/json does by reflection: Empty is omitempty's isEmptyValue (by
	// kind: len 0, false, 0, nil), Zero is omitzero (the IsZero method if the
	// dynamic type or its pointer has one, else reflect.Value.IsZero).
	Empty, Zero bool

	// Also is a second test, when omitempty and omitzero are both given and
	// neither implies the other: the field is left out when either holds.
	Also *Omit
}

// OmitPart is one part of a composite zero test: a field of the struct
// value, or an element of the array value.
type OmitPart struct {
	Field string // the Go name of the struct field; "" for an array element
	Index int    // the index of the array element, when Field is ""
	Omit  Omit
}

// OmitKind is the test that leaves a field out.
type OmitKind int

const (
	Never        OmitKind = iota // always written
	IfFalse                      // bool: !x
	IfZero                       // numbers: x == 0 (omitempty and omitzero on floats too: -0 is zero to both)
	IfEmpty                      // strings: x == ""
	IfNil                        // pointers, interfaces, and under omitzero slices and maps: x == nil
	IfLenZero                    // omitempty on slices, maps, arrays of length 0: len(x) == 0
	IfMethod                     // omitzero with an IsZero method
	IfComparable                 // omitzero on a comparable struct or array: x == Type{} (what reflect.Value.IsZero does for them, -0 and all)
	IfParts                      // omitzero on other structs and arrays: every Part is zero
	IfDynamic                    // decided at run time by reflection (Omit.Empty, Omit.Zero): type parameters; foreign types whose zero test needs unexported fields
)

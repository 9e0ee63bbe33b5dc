package analyze

// How a value of each Go type is encoded, as encoding/json's newTypeEncoder
// decides it: special types by identity, then json.Marshaler and
// encoding.TextMarshaler (pointer-receiver methods only where the value is
// addressable), then the kind. Named composite types get a helper each.

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// site is where a value is reached from in the user's package: the nearest
// field of the package, which is where problems are reported (a field of
// another package cannot be tagged by the user).
type site struct {
	name string // Go field name
	typ  types.Type
	pos  token.Position
}

// The methods encoding/json looks for.
type method struct {
	name    string
	results []string // "[]byte", "error", "bool"
}

var (
	marshalJSON = method{"MarshalJSON", []string{"[]byte", "error"}}
	marshalText = method{"MarshalText", []string{"[]byte", "error"}}
	isZero      = method{"IsZero", []string{"bool"}}
)

// implements reports whether the method set of t has m with its exact
// signature, not counting methods jsondump generated: the reference is the
// types without any generated methods.
func (a *analyzer) implements(t types.Type, m method) bool {
	sel := a.msets.MethodSet(t).Lookup(nil, m.name)
	if sel == nil {
		return false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Variadic() || sig.Results().Len() != len(m.results) {
		return false
	}
	for i, want := range m.results {
		if types.TypeString(sig.Results().At(i).Type(), nil) != want {
			return false
		}
	}
	return !a.shared.generatedFile(a.pkg.Fset.Position(fn.Pos()).Filename)
}

// special types that encoding/json treats by identity.
func special(t types.Type) model.Kind {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return 0
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "time.Time":
		return model.Time
	case "encoding/json.Number":
		return model.Number
	case "encoding/json.RawMessage", "encoding/json/jsontext.Value":
		// Under GOEXPERIMENT=jsonv2 (Go 1.27's default) json.RawMessage
		// is an alias of jsontext.Value.
		return model.RawMessage
	}
	return 0
}

// isPointer reports whether t's kind is reflect.Pointer (named pointer types
// included).
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isInterface(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return !ok && types.IsInterface(t)
}

// methodValue is the Marshaler or TextMarshaler encoding of t at a position
// (addressable or not), or nil when encoding/json would not call a method.
func (a *analyzer) methodValue(t types.Type, addr bool) *model.Value {
	nilable := isPointer(t) || isInterface(t)
	for _, m := range []struct {
		method
		kind model.Kind
	}{{marshalJSON, model.Marshaler}, {marshalText, model.TextMarshaler}} {
		if !nilable && addr && a.implements(types.NewPointer(t), m.method) {
			return &model.Value{Kind: m.kind, Addressable: true, PointerMethod: !a.implements(t, m.method)}
		}
		if a.implements(t, m.method) {
			return &model.Value{Kind: m.kind, Addressable: addr, Nilable: nilable}
		}
	}
	return nil
}

// hasDumper reports whether the named type has generated code of its own
// outside the file being written: DumpJSON(*runtime.Encoder) on its pointer
// (runtime.Encoder is an alias of dumpimpl.Encoder).
func (a *analyzer) hasDumper(n *types.Named) bool {
	obj := n.Origin().Obj()
	if obj.Pkg() == a.pkg.Types {
		_, ok := a.elsewhere[obj.Name()]
		return !a.selected[obj] && ok
	}
	// Declared on the type itself: a DumpJSON promoted from an embedded
	// field encodes the embedded value alone.
	sel := a.msets.MethodSet(types.NewPointer(n)).Lookup(nil, "DumpJSON")
	if sel == nil || len(sel.Index()) != 1 {
		return false
	}
	sig := sel.Obj().Type().(*types.Signature)
	if sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return false
	}
	p, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	e, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && e.Obj().Name() == "Encoder" && e.Obj().Pkg() != nil && e.Obj().Pkg().Path() == model.ImplPath
}

// value says how a value of type t is encoded at a position: addressable
// or not, reached from site s, with the ",string" option or not.
func (a *analyzer) value(t types.Type, addr bool, s *site, quoted bool) *model.Value {
	v := a.valueOf(t, addr, s, quoted)
	v.Addressable = addr
	return v
}

func (a *analyzer) valueOf(t types.Type, addr bool, s *site, quoted bool) *model.Value {
	t = types.Unalias(t)
	goType := a.typeString(t)
	if _, ok := t.(*types.TypeParam); ok {
		return &model.Value{Kind: model.TypeParam, GoType: goType, Addressable: addr, Quoted: quoted}
	}
	if k := special(t); k != 0 {
		v := &model.Value{Kind: k, GoType: goType, Addressable: addr}
		switch k {
		case model.Number:
			v.Quoted = quoted
			if goType != "string" {
				v.Convert = "string"
			}
		case model.RawMessage:
			v.Nilable = true
		}
		return v
	}
	if p, ok := t.(*types.Pointer); ok && special(p.Elem()) != 0 {
		// *time.Time: its Marshaler is time.Time's, after the nil check.
		return &model.Value{Kind: model.Pointer, GoType: goType, Nilable: true, Elem: a.value(p.Elem(), true, s, quoted)}
	}
	named, _ := t.(*types.Named)
	if named != nil && a.hasDumper(named) {
		if addr || !a.dependsOnAddr(named) {
			return &model.Value{Kind: model.Dumper, GoType: goType, Addressable: addr}
		}
		if named.Obj().Pkg() == a.pkg.Types {
			// Another generated file of the package has the type's encoding
			// as a value that is not addressable (a map value, a field of a
			// value in an interface), in a helper of its own; this file
			// would declare the same helper. Boxed, the value reaches that
			// file's DispatchFunc, which writes it so.
			return &model.Value{Kind: model.Interface, GoType: goType}
		}
	}
	if v := a.methodValue(t, addr); v != nil {
		v.GoType = goType
		return v
	}
	if a.stdStruct(t) != nil {
		return &model.Value{Kind: model.Toolchain, GoType: goType, Addressable: addr}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return a.basic(u, goType, s, t, quoted)
	case *types.Pointer:
		v := &model.Value{Kind: model.Pointer, GoType: goType, Nilable: true, Elem: a.value(u.Elem(), true, s, quoted)}
		v.CycleCheck = a.cyclic(t, u.Elem())
		return v
	case *types.Interface:
		return &model.Value{Kind: model.Interface, GoType: goType, Nilable: true, Addressable: addr}
	case *types.Slice:
		if a.isByteSlice(u) {
			v := &model.Value{Kind: model.Bytes, GoType: goType, Nilable: true}
			if !types.Identical(types.Unalias(u.Elem()), types.Typ[types.Uint8]) {
				v.NamedBytes = true // []MyByte: not convertible to []byte
			}
			return v
		}
	case *types.Chan, *types.Signature:
		return unsupported(goType)
	}
	if named != nil {
		return a.call(named, addr, s)
	}
	return a.composite(t, addr, s)
}

// basic is the encoding of a boolean, number or string kind.
func (a *analyzer) basic(u *types.Basic, goType string, s *site, t types.Type, quoted bool) *model.Value {
	v := &model.Value{GoType: goType, Quoted: quoted}
	var param string
	switch info := u.Info(); {
	case u.Kind() == types.Bool:
		v.Kind, param = model.Bool, "bool"
	case u.Kind() == types.Float32:
		v.Kind, param = model.Float32, "float32"
	case u.Kind() == types.Float64:
		v.Kind, param = model.Float64, "float64"
	case info&types.IsString != 0:
		v.Kind, param = model.String, "string"
	case info&types.IsInteger != 0 && info&types.IsUnsigned != 0:
		v.Kind, param = model.Uint, "uint64"
	case info&types.IsInteger != 0:
		v.Kind, param = model.Int, "int64"
	default: // complex, unsafe.Pointer
		return unsupported(goType)
	}
	if goType != param {
		v.Convert = param
	}
	return v
}

// isByteSlice reports whether encoding/json writes the slice type as base64:
// its element kind is uint8 and the element's pointer has no Marshaler.
func (a *analyzer) isByteSlice(s *types.Slice) bool {
	b, ok := s.Elem().Underlying().(*types.Basic)
	if !ok || b.Kind() != types.Uint8 {
		return false
	}
	p := types.NewPointer(s.Elem())
	return !a.implements(p, marshalJSON) && !a.implements(p, marshalText)
}

// composite is the encoding of an unnamed struct, slice, array or map type,
// or of the underlying type of a named one (t is then the named type).
func (a *analyzer) composite(t types.Type, addr bool, s *site) *model.Value {
	v := a.compositeOf(t, addr, s)
	v.Addressable = addr
	return v
}

func (a *analyzer) compositeOf(t types.Type, addr bool, s *site) *model.Value {
	goType := a.typeString(t)
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return &model.Value{Kind: model.Struct, GoType: goType, Struct: a.object(t, u, addr, s), Addressable: addr}
	case *types.Slice:
		return &model.Value{Kind: model.Slice, GoType: goType, Nilable: true,
			Elem: a.value(u.Elem(), true, s, false), CycleCheck: a.cyclic(t, u.Elem())}
	case *types.Array:
		return &model.Value{Kind: model.Array, GoType: goType, Len: u.Len(), Elem: a.value(u.Elem(), addr, s, false)}
	case *types.Map:
		if _, isParam := types.Unalias(u.Key()).(*types.TypeParam); !isParam && a.mapKeyKind(u.Key()) == 0 {
			return unsupported(goType) // even a nil map: encoding/json rejects the type
		}
		if holdsLock(u.Elem(), map[types.Type]bool{}) {
			// Generated code would copy each value out of the map, which go
			// vet's copylocks check refuses; the runtime's dynamic path
			// writes the map as encoding/json does.
			return &model.Value{Kind: model.Interface, GoType: goType}
		}
		v := &model.Value{Kind: model.Map, GoType: goType, Nilable: true,
			Elem: a.value(u.Elem(), false, s, false), CycleCheck: a.cyclic(t, u.Elem())}
		v.MapKey = a.mapKey(u.Key(), s, t)
		return v
	}
	a.fail(s, t, fmt.Sprintf("%s is not supported", goType))
	return &model.Value{GoType: goType}
}

// mapKey is how encoding/json turns keys of type k into strings: string
// kinds first, then TextMarshaler, then integers.
func (a *analyzer) mapKey(k types.Type, s *site, m types.Type) model.MapKeyKind {
	k = types.Unalias(k)
	if tp, ok := k.(*types.TypeParam); ok {
		if allTerms(tp, func(b *types.Basic) bool { return b.Info()&types.IsString != 0 }) {
			return model.StringKey
		}
		return model.ParamKey // decided by the instantiated kind
	}
	if kind := a.mapKeyKind(k); kind != 0 {
		return kind
	}
	a.fail(s, m, fmt.Sprintf("its key type %s is not a string, an integer or an encoding.TextMarshaler", a.typeString(k)))
	return 0
}

// mapKeyKind is mapKey for a key type that is not a type parameter, or 0
// when encoding/json rejects the key type.
func (a *analyzer) mapKeyKind(k types.Type) model.MapKeyKind {
	k = types.Unalias(k)
	b, _ := k.Underlying().(*types.Basic)
	switch {
	case b != nil && b.Info()&types.IsString != 0:
		return model.StringKey
	case a.implements(k, marshalText):
		return model.TextKey
	case b != nil && b.Info()&types.IsInteger != 0 && b.Info()&types.IsUnsigned != 0:
		return model.UintKey
	case b != nil && b.Info()&types.IsInteger != 0:
		return model.IntKey
	}
	return 0
}

// unsupported is the value of a type encoding/json rejects when it meets a
// value of it (chan, func, complex, unsafe.Pointer, a map with keys of
// another kind): it is handed to the runtime's dynamic path, whose
// fallback, encoding/json, fails with the very error encoding/json gives,
// where encoding/json gives it. A nil pointer to such a value is still
// null, as there. Types that fail for every value are found before, by
// neverEncodes.
func unsupported(goType string) *model.Value {
	return &model.Value{Kind: model.Interface, GoType: goType}
}

// allTerms reports whether the constraint of tp has a core set of terms all
// of whose underlying types satisfy ok.
func allTerms(tp *types.TypeParam, ok func(*types.Basic) bool) bool {
	iface, _ := tp.Constraint().Underlying().(*types.Interface)
	if iface == nil {
		return false
	}
	any := false
	for i := range iface.NumEmbeddeds() {
		u, _ := iface.EmbeddedType(i).(*types.Union)
		if u == nil {
			continue
		}
		for j := range u.Len() {
			b, _ := u.Term(j).Type().Underlying().(*types.Basic)
			if b == nil || !ok(b) {
				return false
			}
			any = true
		}
	}
	return any
}

// stdStruct is the struct of the standard library whose fields are in the
// JSON object of t, or nil: t itself, or a struct embedded in it, whose
// fields JSON flattens into t's. Those fields are the ones of the Go that
// compiles the code, which may have more than the Go that generates it
// (crypto/x509.Certificate gained one in Go 1.27): generated code, which
// would fix them, hands such a value to encoding/json at run time instead.
func (a *analyzer) stdStruct(t types.Type) *types.TypeName {
	for _, m := range []method{marshalJSON, marshalText} {
		if a.implements(t, m) || !isPointer(t) && a.implements(types.NewPointer(t), m) {
			return nil // a method, promoted from time.Time maybe, writes it
		}
	}
	seen := map[types.Type]bool{}
	var find func(t types.Type) *types.TypeName
	find = func(t types.Type) *types.TypeName {
		t = types.Unalias(t)
		st, ok := t.Underlying().(*types.Struct)
		if !ok || seen[t] {
			return nil
		}
		seen[t] = true
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && a.pkg.IsStandard(n.Obj().Pkg().Path()) {
			return n.Obj()
		}
		for i := range st.NumFields() {
			f := st.Field(i)
			tag := reflect.StructTag(st.Tag(i)).Get("json")
			if !f.Embedded() || tag == "-" || tagV1(tag).name != "" {
				continue // not flattened into t's object
			}
			ft := types.Unalias(f.Type())
			if p, ok := ft.(*types.Pointer); ok {
				ft = p.Elem()
			}
			if tn := find(ft); tn != nil {
				return tn
			}
		}
		return nil
	}
	return find(t)
}

// call is the call of the helper of a named struct, slice, array or map type,
// in the variant the position needs. A type that cannot be named in the
// generated file (unexported, in an internal package, or with constraints
// that cannot be written) is encoded inline instead.
func (a *analyzer) call(named *types.Named, addr bool, s *site) *model.Value {
	origin := named.Origin()
	if !a.nameable(origin) {
		tn := origin.Obj()
		if a.inlines[tn] > 0 {
			a.fail(s, named, fmt.Sprintf("%s is recursive and cannot be named outside its package, which jsondump does not support", a.typeString(named)))
			return &model.Value{GoType: a.typeString(named)}
		}
		a.inlines[tn]++
		defer func() { a.inlines[tn]-- }()
		return a.composite(named, addr, s)
	}
	variant := !addr && a.dependsOnAddr(origin)
	st := a.encoder(origin, variant)
	if !st.entered {
		st.entered, st.entry = true, s
		a.open = append(a.open, st)
		st.enc.Value = a.composite(origin, !variant, s)
		a.open = a.open[:len(a.open)-1]
	} else if st.entry != s {
		for _, msg := range st.fails {
			a.report(s, named, msg)
		}
	}
	v := &model.Value{Kind: model.Call, GoType: a.typeString(named), Addressable: addr}
	st.calls = append(st.calls, v)
	return v
}

// nameable reports whether the generated file can name the type (and so
// declare a helper for it).
func (a *analyzer) nameable(origin *types.Named) bool {
	obj := origin.Obj()
	if obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return false
	}
	if obj.Pkg() != a.pkg.Types && (!obj.Exported() || !importable(obj.Pkg().Path(), a.pkg.PkgPath)) {
		return false
	}
	_, ok := a.params(origin)
	return ok
}

// importable reports whether the package at path may be imported by from
// (the internal directory rule).
func importable(path, from string) bool {
	i := strings.LastIndex(path, "/internal/")
	switch {
	case i >= 0:
	case strings.HasSuffix(path, "/internal"):
		i = len(path) - len("/internal")
	case path == "internal" || strings.HasPrefix(path, "internal/"):
		return false // the standard library's own
	default:
		return true
	}
	parent := path[:i]
	return from == parent || strings.HasPrefix(from, parent+"/")
}

// fail reports that the type t reached from site s cannot be encoded; msg
// says why.
func (a *analyzer) fail(s *site, t types.Type, msg string) {
	for _, st := range a.open {
		if st.entry == s {
			st.fails = append(st.fails, msg)
		}
	}
	a.report(s, t, msg)
}

func (a *analyzer) report(s *site, t types.Type, msg string) {
	// Every message names the selected type being generated, the path of
	// fields to the problem, and a position: the nearest field of the
	// package, else the selected type.
	where := ""
	pos := token.Position{}
	if a.cur != nil {
		where = "type " + a.cur.Name()
		if len(a.fieldPath) > 0 {
			where += ", field " + strings.Join(a.fieldPath, "")
		}
		where += ": "
		pos = a.pos(a.cur.Pos())
	}
	if s == nil || s.name == "" {
		a.errs.Errorf(pos, "%s%s cannot be encoded as JSON: %s", where, a.typeString(t), msg)
		return
	}
	a.errs.Errorf(s.pos, "%sfield %s of type %s cannot be encoded as JSON: %s (tag it json:\"-\" to skip it)",
		where, s.name, a.typeString(s.typ), msg)
}

// typeString names a type as Go error messages do: package name, type.
func (a *analyzer) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// depState memoises dependsOnAddr.
type depState int

const (
	depBusy depState = iota + 1
	depNo
	depYes
)

// dependsOnAddr reports whether a value of type t encodes differently when
// addressable: a Marshaler or TextMarshaler on its pointer only, reached
// without indirection (fields of structs, elements of arrays), or a value of
// a type parameter (which could be such a type).
func (a *analyzer) dependsOnAddr(t types.Type) bool {
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok {
		t = n.Origin()
	}
	if st, ok := a.deps.At(t).(depState); ok {
		return st == depYes // busy: a recursive type does not depend on itself
	}
	a.deps.Set(t, depBusy)
	d := a.computeDepends(t)
	st := depNo
	if d {
		st = depYes
	}
	a.deps.Set(t, st)
	return d
}

func (a *analyzer) computeDepends(t types.Type) bool {
	if _, ok := t.(*types.TypeParam); ok {
		return true
	}
	if special(t) != 0 {
		return false
	}
	if !isPointer(t) && !isInterface(t) {
		for _, m := range []method{marshalJSON, marshalText} {
			if a.implements(types.NewPointer(t), m) {
				return !a.implements(t, m)
			}
		}
	} else if a.implements(t, marshalJSON) || a.implements(t, marshalText) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for _, f := range a.bothFields(u) {
			if !f.deref() && a.dependsOnAddr(f.decl) {
				return true
			}
		}
	case *types.Array:
		return a.dependsOnAddr(u.Elem())
	}
	return false
}

// cyclic reports whether the container type c (a pointer, slice or map type)
// can be reached again from its element type elem: a value of it can then
// hold a cycle, which the generated code must check for.
func (a *analyzer) cyclic(c, elem types.Type) bool {
	if r, ok := a.cycles.At(c).(bool); ok {
		return r
	}
	seen := map[string]bool{}
	var reach func(t types.Type) bool
	reach = func(t types.Type) bool {
		t = types.Unalias(t)
		if types.Identical(t, c) {
			return true
		}
		key := types.TypeString(t, nil)
		if seen[key] {
			return false
		}
		seen[key] = true
		if special(t) != 0 || a.implements(t, marshalJSON) || a.implements(t, marshalText) {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			return reach(u.Elem())
		case *types.Slice:
			return reach(u.Elem())
		case *types.Array:
			return reach(u.Elem())
		case *types.Map:
			return reach(u.Elem())
		case *types.Struct:
			for _, f := range a.bothFields(u) {
				if reach(f.decl) {
					return true
				}
			}
		}
		return false
	}
	r := reach(elem)
	a.cycles.Set(c, r)
	return r
}

// params are the type parameters of a generic named type, with constraints
// the generated file can spell; ok is false when one cannot be.
func (a *analyzer) params(n *types.Named) ([]model.Param, bool) {
	tps := n.Origin().TypeParams()
	var out []model.Param
	for i := range tps.Len() {
		tp := tps.At(i)
		c, ok := a.typeExpr(tp.Constraint())
		if !ok {
			return nil, false
		}
		out = append(out, model.Param{Name: tp.Obj().Name(), Constraint: c})
	}
	return out, true
}

// typeExpr spells t for the generated file; ok is false when it cannot be
// spelled (an unexported type of another package, a struct or func type, an
// interface with methods written inline).
func (a *analyzer) typeExpr(t types.Type) (model.TypeExpr, bool) {
	if al, ok := t.(*types.Alias); ok {
		if al.Obj().Pkg() == nil && al.Obj().Name() == "any" {
			return model.TypeExpr{Kind: model.NamedExpr, Name: "any"}, true
		}
		return a.typeExpr(types.Unalias(t))
	}
	elem := func(e types.Type) (*model.TypeExpr, bool) {
		x, ok := a.typeExpr(e)
		return &x, ok
	}
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return model.TypeExpr{Kind: model.NamedExpr, Path: "unsafe", Name: "Pointer"}, true
		}
		return model.TypeExpr{Kind: model.NamedExpr, Name: t.Name()}, true
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return model.TypeExpr{Kind: model.NamedExpr, Name: obj.Name()}, true
		}
		if obj.Parent() != obj.Pkg().Scope() ||
			obj.Pkg() != a.pkg.Types && (!obj.Exported() || !importable(obj.Pkg().Path(), a.pkg.PkgPath)) {
			return model.TypeExpr{}, false
		}
		x := model.TypeExpr{Kind: model.NamedExpr, Path: obj.Pkg().Path(), Name: obj.Name()}
		args := t.TypeArgs()
		for i := range args.Len() {
			arg, ok := a.typeExpr(args.At(i))
			if !ok {
				return model.TypeExpr{}, false
			}
			x.Args = append(x.Args, arg)
		}
		return x, true
	case *types.TypeParam:
		return model.TypeExpr{Kind: model.TypeParamExpr, Name: t.Obj().Name()}, true
	case *types.Pointer:
		e, ok := elem(t.Elem())
		return model.TypeExpr{Kind: model.PointerExpr, Elem: e}, ok
	case *types.Slice:
		e, ok := elem(t.Elem())
		return model.TypeExpr{Kind: model.SliceExpr, Elem: e}, ok
	case *types.Array:
		e, ok := elem(t.Elem())
		return model.TypeExpr{Kind: model.ArrayExpr, Elem: e, Len: t.Len()}, ok
	case *types.Map:
		k, ok1 := elem(t.Key())
		e, ok2 := elem(t.Elem())
		return model.TypeExpr{Kind: model.MapExpr, Key: k, Elem: e}, ok1 && ok2
	case *types.Interface:
		if t.Empty() {
			return model.TypeExpr{Kind: model.NamedExpr, Name: "any"}, true
		}
		if t.NumExplicitMethods() == 0 && t.NumEmbeddeds() == 1 {
			return a.typeExpr(t.EmbeddedType(0))
		}
	case *types.Union:
		x := model.TypeExpr{Kind: model.UnionExpr}
		for i := range t.Len() {
			term, ok := a.typeExpr(t.Term(i).Type())
			if !ok {
				return model.TypeExpr{}, false
			}
			term.Tilde = t.Term(i).Tilde()
			x.Terms = append(x.Terms, term)
		}
		return x, true
	}
	return model.TypeExpr{}, false
}

// never is one reason why no value of a type can be encoded: the field
// path from the type (".Conn.Ch"), the position of the last field, and the
// type encoding/json rejects.
type never struct {
	path string
	pos  token.Position
	what string
}

// neverEncodes returns why every value of t makes encoding/json fail, or
// nothing when some value encodes: each field of t (with the first path
// inside it) that leads to a value of a type encoding/json rejects, a value
// every value of t holds and writes (not behind a pointer, slice, map or
// interface, not left out by omitzero).
func (a *analyzer) neverEncodes(t types.Type) []never {
	seen := map[types.Type]bool{}
	var walk func(t types.Type, all bool) []never
	walk = func(t types.Type, all bool) []never {
		t = types.Unalias(t)
		if seen[t] {
			return nil
		}
		seen[t] = true
		defer delete(seen, t)
		if _, ok := t.(*types.TypeParam); ok || special(t) != 0 {
			return nil
		}
		for _, m := range []method{marshalJSON, marshalText} {
			if a.implements(t, m) || !isPointer(t) && !isInterface(t) && a.implements(types.NewPointer(t), m) {
				return nil
			}
		}
		switch u := t.Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsComplex != 0 || u.Kind() == types.UnsafePointer {
				return []never{{what: a.typeString(t)}}
			}
		case *types.Chan, *types.Signature:
			return []never{{what: a.typeString(t)}}
		case *types.Map:
			if _, ok := types.Unalias(u.Key()).(*types.TypeParam); !ok && a.mapKeyKind(u.Key()) == 0 {
				return []never{{what: a.typeString(t)}}
			}
		case *types.Array:
			if u.Len() > 0 {
				if ns := walk(u.Elem(), false); len(ns) > 0 {
					n := ns[0]
					n.path = "[0]" + n.path
					return []never{n}
				}
			}
		case *types.Struct:
			var out []never
			for _, f := range a.typeFields(t) {
				if f.omitZero || f.deref() {
					continue
				}
				if ns := walk(f.decl, false); len(ns) > 0 {
					n := ns[0]
					last := f.vars[len(f.vars)-1]
					if !n.pos.IsValid() && last.Pkg() == a.pkg.Types {
						n.pos = a.pos(last.Pos()) // where the user can tag it json:"-"
					}
					n.path = "." + last.Name() + n.path
					out = append(out, n)
					if !all {
						break
					}
				}
			}
			return out
		}
		return nil
	}
	return walk(t, true)
}

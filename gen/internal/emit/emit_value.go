package emit

// The body of a helper: the code that encodes one Value at one place, one
// function per Kind family. The code is straight-line; after every call that
// can fail comes `if e.Failed() { e.At...; return }`, which adds the path of
// the value, innermost first, on the way out (see failing.go).

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// place is where a value is, as an addressable Go expression: v.Items[i1],
// v1, or through a pointer: the helper's own v, a followed pointer.
type place struct {
	expr *jen.Statement // the value, or a pointer to it when ptr
	ptr  bool
	// unary says expr begins with an operator (*v.P), so it needs
	// parentheses before a selector or an index.
	unary bool
	// nonNil says the code around has checked that the value is not nil
	// (the test of omitempty or omitzero), so it needs no nil check.
	nonNil bool
	// last says the code for the value ends the function (a helper for a
	// named slice or map type), so null can return early.
	last bool
}

// value is the value itself: v.Name, *v.
func (p place) value() *jen.Statement {
	if p.ptr {
		return jen.Op("*").Add(p.expr.Clone())
	}
	return p.expr.Clone()
}

// addr is a pointer to the value: &v.Name, v.
func (p place) addr() *jen.Statement {
	if p.ptr {
		return p.expr.Clone()
	}
	return jen.Op("&").Add(p.operand())
}

// operand is expr, parenthesized when a selector or index must follow it.
func (p place) operand() *jen.Statement {
	if p.unary {
		return jen.Parens(p.expr.Clone())
	}
	return p.expr.Clone()
}

// dot selects a field or a method: v.Name, v.Name.IsZero. Go follows the
// pointer when there is one.
func (p place) dot(name string) place {
	return place{expr: p.operand().Dot(name)}
}

// index is an element of the array or slice at p: v.Items[i1], (*v)[i1].
func (p place) index(i jen.Code) place {
	if p.ptr {
		return place{expr: jen.Parens(p.value()).Index(i)}
	}
	return place{expr: p.expr.Clone().Index(i)}
}

// elem is what the pointer at p points to.
func (p place) elem() place {
	return place{expr: p.value(), ptr: true, unary: p.ptr}
}

// scope is what the code being written is nested in.
type scope struct {
	depth int   // loops around it: locals are i1, k1, v1 at depth 1, i2... inside
	path  []seg // where in the encoded value, outermost first
}

// seg is one step of an error path, as a user would write it: .Items[3].Price.
type seg struct {
	call string // AtField, AtIndex or AtKey
	arg  func() jen.Code
}

// with returns the scope one path step further in.
func (s scope) with(call string, arg func() jen.Code) scope {
	path := make([]seg, len(s.path), len(s.path)+1)
	copy(path, s.path)
	s.path = append(path, seg{call, arg})
	return s
}

func (s scope) atField(name string) scope {
	return s.with("AtField", func() jen.Code { return jen.Lit(name) })
}

// loop returns the scope of a loop body and the names of its locals.
func (s scope) loop() (inner scope, i, k, v string) {
	s.depth++
	n := s.depth
	return s, fmt.Sprint("i", n), fmt.Sprint("k", n), fmt.Sprint("v", n)
}

// unwind adds the path to the recorded error, innermost first, and returns.
func (s scope) unwind(g *jen.Group) {
	for i := len(s.path) - 1; i >= 0; i-- {
		g.Add(e().Dot(s.path[i].call).Call(s.path[i].arg()))
	}
	g.Return()
}

// check follows a call that can fail.
func (s scope) check(b *jen.Group) {
	b.If(e().Dot("Failed").Call()).BlockFunc(s.unwind)
}

// value writes the code that encodes v, which is at p.
func (em *emitter) value(b *jen.Group, v *model.Value, p place, s scope) {
	switch v.Kind {
	case model.Bool, model.Int, model.Uint, model.Float32, model.Float64, model.String, model.Bytes, model.Number, model.RawMessage, model.Time:
		em.scalar(b, v, p, s)
	case model.Marshaler, model.TextMarshaler:
		em.marshaler(b, v, p, s)
	case model.Pointer:
		em.pointer(b, v, p, s)
	case model.Slice, model.Array:
		em.array(b, v, p, s)
	case model.Map:
		em.mapValue(b, v, p, s)
	case model.Struct:
		if v.Struct == nil {
			em.errorf("a Struct value (%s) without its fields", v.GoType)
			return
		}
		em.object(b, v.Struct, p, s)
	case model.Call, model.Dumper, model.Interface, model.TypeParam, model.Toolchain:
		em.call(b, v, p, s)
	default:
		em.errorf("value of %s: unknown kind %d", v.GoType, v.Kind)
	}
}

// A scalar is written by one runtime call: method, or quoted under the
// ",string" option.
type scalarCall struct {
	method, quoted string
	canFail        bool
}

var scalarCalls = map[model.Kind]scalarCall{
	model.Bool:       {"Bool", "QuotedBool", false},
	model.Int:        {"Int", "QuotedInt", false},
	model.Uint:       {"Uint", "QuotedUint", false},
	model.Float32:    {"Float32", "QuotedFloat32", true}, // NaN and ±Inf
	model.Float64:    {"Float64", "QuotedFloat64", true},
	model.String:     {"String", "QuotedString", false},
	model.Bytes:      {"Base64", "", false},
	model.Number:     {"Number", "QuotedNumber", true}, // not a valid number
	model.RawMessage: {"RawMessage", "", true},
	model.Time:       {"Time", "", true}, // a year outside [0,9999]
}

// scalar writes e.Int(int64(v.Age)) and its kin.
func (em *emitter) scalar(b *jen.Group, v *model.Value, p place, s scope) {
	c := scalarCalls[v.Kind]
	method := c.method
	if v.Quoted {
		if c.quoted == "" {
			em.errorf("value of %s: kind %d cannot be quoted", v.GoType, v.Kind)
			return
		}
		method = c.quoted
	}
	x := p.value()
	if v.Kind == model.Bytes && v.NamedBytes {
		b.Add(implName("NamedBytes").Call(e(), x))
		return
	}
	if v.Convert != "" {
		x = em.id(v.Convert).Call(x)
	}
	b.Add(e().Dot(method).Call(x))
	if c.canFail {
		s.check(b)
	}
}

// marshaler writes e.Marshaler(v.Price) or e.TextMarshaler(&v.ID), null
// first for a nil pointer or interface.
func (em *emitter) marshaler(b *jen.Group, v *model.Value, p place, s scope) {
	method := "Marshaler"
	if v.Kind == model.TextMarshaler {
		method = "TextMarshaler"
	}
	arg := p.value()
	if v.PointerMethod {
		arg = p.addr()
	}
	write := func(g *jen.Group) {
		g.Add(e().Dot(method).Call(arg))
		s.check(g)
	}
	if !v.Nilable || p.nonNil {
		write(b)
		return
	}
	b.If(p.value().Op("==").Nil()).Block(
		e().Dot("Null").Call(),
	).Else().BlockFunc(write)
}

// call writes the calls that hand the value to other code: a helper of this
// file, generated code of another package, or the runtime's dynamic path.
func (em *emitter) call(b *jen.Group, v *model.Value, p place, s scope) {
	switch v.Kind {
	case model.Call:
		if !em.helpers[v.Call] {
			em.errorf("value of %s: call of %q, which is not among the file's encoders", v.GoType, v.Call)
		}
		b.Add(em.id(v.Call).Call(e(), p.addr()))
		if !em.failing[v.Call] {
			return
		}
	case model.Dumper:
		b.Add(p.dot("DumpJSON").expr.Call(e()))
	case model.Interface:
		b.Add(e().Dot("Any").Call(p.value()))
	case model.TypeParam, model.Toolchain:
		if v.Quoted {
			// ",string" applies or not by the instantiated kind.
			b.Add(implName("QuotedParam").Call(e(), p.addr(), jen.Lit(v.Addressable)))
		} else if v.Addressable {
			b.Add(e().Dot("Addr").Call(p.addr()))
		} else {
			b.Add(e().Dot("Any").Call(p.value()))
		}
	}
	s.check(b)
}

// enter starts a cycle check on the pointer ptr: a value that can reach
// itself is about to be followed.
func enter(b *jen.Group, ptr *jen.Statement, s scope) {
	b.If(jen.Op("!").Add(e()).Dot("Enter").Call(ptr)).BlockFunc(s.unwind)
}

// leave ends the cycle check that enter started.
func leave(b *jen.Group, ptr *jen.Statement) {
	b.Add(e().Dot("Leave").Call(ptr))
}

// pointer writes null for a nil pointer, else what it points to.
func (em *emitter) pointer(b *jen.Group, v *model.Value, p place, s scope) {
	if v.Elem == nil {
		em.errorf("pointer %s without an element value", v.GoType)
		return
	}
	follow := func(g *jen.Group) {
		if v.CycleCheck {
			g.Comment("The pointer can lead back here: stop at a cycle.")
			enter(g, p.value(), s)
			em.value(g, v.Elem, p.elem(), s)
			leave(g, p.value())
			return
		}
		em.value(g, v.Elem, p.elem(), s)
	}
	nullOr(b, p, follow)
}

// nullOr writes null when the value at p is nil, else what write writes.
func nullOr(b *jen.Group, p place, write func(*jen.Group)) {
	nullOrWith(b, p, func(g *jen.Group) { g.Add(e().Dot("Null").Call()) }, write)
}

// nullOrWith writes what null writes when the value at p is nil, else what
// write writes.
func nullOrWith(b *jen.Group, p place, null, write func(*jen.Group)) {
	if p.nonNil {
		write(b)
		return
	}
	if p.last {
		b.If(p.value().Op("==").Nil()).BlockFunc(func(g *jen.Group) {
			null(g)
			g.Return()
		})
		write(b)
		return
	}
	b.If(p.value().Op("==").Nil()).BlockFunc(null).Else().BlockFunc(write)
}

// array writes a slice (nil as null) or an array as a JSON array.
func (em *emitter) array(b *jen.Group, v *model.Value, p place, s scope) {
	if v.Elem == nil {
		em.errorf("%s without an element value", v.GoType)
		return
	}
	inner, i, _, _ := s.loop()
	inner = inner.with("AtIndex", func() jen.Code { return jen.Id(i) })
	loop := func(g *jen.Group) {
		var head *jen.Statement
		if uses(v.Elem) {
			head = jen.Id(i).Op(":=").Range().Add(p.value())
		} else {
			head = jen.Range().Add(p.value())
		}
		g.For(head).BlockFunc(func(g *jen.Group) {
			g.Add(e().Dot("Elem").Call())
			em.value(g, v.Elem, p.index(jen.Id(i)), inner)
		})
	}
	body := func(g *jen.Group) {
		g.Add(e().Dot("OpenArray").Call())
		if v.Kind == model.Slice && v.CycleCheck {
			// The first element's address stands for the slice.
			first := func() *jen.Statement { return p.index(jen.Lit(0)).addr() }
			g.If(jen.Len(p.value()).Op(">").Lit(0)).BlockFunc(func(g *jen.Group) {
				g.Comment("The elements can lead back to this slice: stop at a cycle.")
				enter(g, first(), s)
				loop(g)
				leave(g, first())
			})
		} else {
			loop(g)
		}
		g.Add(e().Dot("CloseArray").Call())
	}
	if v.Kind == model.Array {
		body(b)
		return
	}
	nullOr(b, p, body)
}

// mapKeys names the runtime function that sorts a map's keys.
var mapKeys = map[model.MapKeyKind]string{
	model.StringKey: "StringKeys",
	model.IntKey:    "IntKeys",
	model.UintKey:   "UintKeys",
	model.TextKey:   "TextKeys",
	model.ParamKey:  "ParamKeys",
}

// mapValue writes a map (nil as null) as a JSON object, keys sorted.
func (em *emitter) mapValue(b *jen.Group, v *model.Value, p place, s scope) {
	keys, ok := mapKeys[v.MapKey]
	if !ok || v.Elem == nil {
		em.errorf("map %s: key kind %d, element %v", v.GoType, v.MapKey, v.Elem)
		return
	}
	inner, _, k, val := s.loop()
	list := fmt.Sprint("keys", inner.depth)
	inner = inner.with("AtKey", func() jen.Code { return jen.Id(k).Dot("Name") })
	null := func(g *jen.Group) { g.Add(e().Dot("Null").Call()) }
	if v.MapKey == model.ParamKey {
		// encoding/json rejects a map whose key type it rejects even when
		// the map is nil; only the instantiated type tells.
		null = func(g *jen.Group) {
			g.Add(implName("NilParamMap").Call(e(), p.value()))
			s.check(g)
		}
	}
	nullOrWith(b, p, null, func(g *jen.Group) {
		g.Add(e().Dot("OpenObject").Call())
		if v.CycleCheck {
			g.Comment("The values can lead back to this map: stop at a cycle.")
			enter(g, jen.Nil(), s)
		}
		entries := v.MapKey == model.StringKey && smallValue(v.Elem)
		if entries {
			keys = "StringEntries"
		}
		sorted := implName(keys).Call(e(), p.value())
		if v.MapKey == model.TextKey || v.MapKey == model.ParamKey {
			// MarshalText can fail (and ParamKeys rejects some key types):
			// sort first, check, then loop.
			g.Id(list).Op(":=").Add(sorted)
			s.check(g)
			sorted = jen.Id(list)
		}
		g.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(sorted)).BlockFunc(func(g *jen.Group) {
			g.Add(e().Dot("KeyString").Call(jen.Id(k).Dot("Name")))
			if !uses(v.Elem) {
				em.value(g, v.Elem, place{}, inner)
				return
			}
			if entries {
				g.Id(val).Op(":=").Id(k).Dot("Value")
			} else {
				g.Id(val).Op(":=").Add(p.index(jen.Id(k).Dot("Key")).expr)
			}
			em.value(g, v.Elem, place{expr: jen.Id(val)}, inner)
		})
		if v.CycleCheck {
			leave(g, jen.Nil())
		}
		g.Add(e().Dot("CloseObject").Call())
	})
}

// smallValue says whether a map's values are small enough (a few words) to
// be sorted along with the keys, by dumpimpl.StringEntries, rather than
// looked up again by key.
func smallValue(v *model.Value) bool {
	switch v.Kind {
	case model.Bool, model.Int, model.Uint, model.Float32, model.Float64, model.String, model.Number, model.Pointer, model.Interface, model.Bytes, model.RawMessage, model.Slice:
		return true
	}
	return false
}

// uses says whether the code for v refers to the value at all; the one that
// does not is a struct without JSON fields, written as {}. Go rejects a loop
// variable that is never used.
func uses(v *model.Value) bool {
	return v.Kind != model.Struct || v.Struct == nil || len(v.Struct.Fields) > 0
}

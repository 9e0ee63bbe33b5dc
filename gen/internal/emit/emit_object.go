package emit

// Structs: the fields of a JSON object in order (written once: under
// SortKeys the Encoder moves them into the order of their keys), the nil
// checks of embedded pointers, and the tests that leave a field out
// (omitempty, omitzero).

import (
	"go/token"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// object writes the struct at p as a JSON object. When the two
// encoding/json implementations read its tags otherwise, both versions are
// written behind the constant dumpimpl.JSONv2, and the compiler keeps one.
func (em *emitter) object(b *jen.Group, o *model.Object, p place, s scope) {
	if o.V2 != nil {
		b.Comment("Go 1.27's encoding/json (on encoding/json/v2) reads these tags otherwise;")
		b.Comment(em.impl + ".JSONv2 is a constant, so the compiler keeps one branch.")
		b.If(implName("JSONv2")).BlockFunc(func(g *jen.Group) {
			em.objectV(g, o.V2, p, s)
		}).Else().BlockFunc(func(g *jen.Group) {
			em.objectV(g, o, p, s)
		})
		return
	}
	em.objectV(b, o, p, s)
}

// objectV writes one version of an object.
func (em *emitter) objectV(b *jen.Group, o *model.Object, p place, s scope) {
	if o.Unsupported != "" {
		b.Add(e().Dot("Unsupported").Call(stringLit(o.Unsupported)))
		return
	}
	b.Add(e().Dot("OpenObject").Call())
	em.members(b, o.Fields, p, s)
	b.Add(e().Dot("CloseObject").Call())
}

// members writes the fields of an object in the order given. When the first
// field is always written, under a key known now, its key is written by
// FirstKey, which knows that no comma is due: one append where Key would
// take its slow path.
func (em *emitter) members(b *jen.Group, fields []*model.Field, p place, s scope) {
	if len(fields) > 0 {
		if f := fields[0]; f.Omit.Kind == model.Never && !f.KeyNeedsRuntime && f.KeyLiteral != "" && !f.BehindPointer() && f.Value != nil && len(f.Path) > 0 {
			b.Add(e().Dot("FirstKey").Call(stringLit(f.KeyLiteral)))
			x, fs := em.fieldPlace(f, p, s)
			em.value(b, f.Value, x, fs)
			fields = fields[1:]
		}
	}
	em.fields(b, fields, p, s, 0)
}

// fields writes fields in the order given. A field promoted through an
// embedded pointer is left out when that pointer is nil, so consecutive
// fields behind the same pointer share one `if v.Base != nil`; level is the
// number of such pointers the enclosing code has checked.
func (em *emitter) fields(b *jen.Group, fields []*model.Field, p place, s scope, level int) {
	for i := 0; i < len(fields); {
		n := guard(fields[i], level)
		if n == 0 {
			em.field(b, fields[i], p, s)
			i++
			continue
		}
		j := i + 1
		for j < len(fields) && guard(fields[j], level) == n && samePath(fields[i].Path[:n], fields[j].Path[:n]) {
			j++
		}
		group := fields[i:j]
		b.If(em.selector(p, fields[i].Path[:n]).value().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			em.fields(g, group, p, s, level+1)
		})
		i = j
	}
}

// guard returns the length of the part of f's path that ends at its
// embedded pointer number level (from 0), or 0 when there is none. The last
// step does not count: that is the field itself.
func guard(f *model.Field, level int) int {
	for n := 1; n < len(f.Path); n++ {
		if f.Path[n-1].Deref {
			if level == 0 {
				return n
			}
			level--
		}
	}
	return 0
}

func samePath(a, b []model.Step) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// selector follows a field path from p: v.Base.Name (Go follows embedded
// pointers by itself).
func (em *emitter) selector(p place, path []model.Step) place {
	for _, step := range path {
		p = p.dot(em.name(step.Name))
	}
	return p
}

// name checks a name from the model that is printed as part of an expression.
func (em *emitter) name(name string) string {
	if !token.IsIdentifier(name) {
		em.errorf("%q is not a Go identifier", name)
	}
	return name
}

// field writes one field: its key and value, inside the test that leaves it
// out when there is one.
func (em *emitter) field(b *jen.Group, f *model.Field, p place, s scope) {
	if f.Value == nil || len(f.Path) == 0 {
		em.errorf("field %s at %s: no value or no path", f.Name, f.Pos)
		return
	}
	x, s := em.fieldPlace(f, p, s)
	write := func(g *jen.Group) {
		switch {
		case f.KeyNeedsRuntime:
			g.Add(e().Dot("KeyString").Call(stringLit(f.Key)))
		case f.KeyLiteral == "":
			em.errorf("field %s at %s: no key literal", f.Name, f.Pos)
		default:
			g.Add(e().Dot("Key").Call(stringLit("," + f.KeyLiteral)))
		}
		em.value(g, f.Value, x, s)
	}
	if f.Omit.Kind == model.Never {
		write(b)
		return
	}
	cond := em.written(f.Omit, x, f.Value.GoType)
	if cond == nil {
		// A struct or array without parts to test is always zero.
		b.Commentf("%s is always zero, and omitzero leaves it out.", f.Name)
		return
	}
	b.If(cond).BlockFunc(write)
}

// fieldPlace returns where the value of f is, and the scope that names it in
// errors.
func (em *emitter) fieldPlace(f *model.Field, p place, s scope) (place, scope) {
	x := em.selector(p, f.Path)
	x.nonNil = writtenNonNil(f.Omit)
	return x, s.atField(em.name(f.Name))
}

// writtenNonNil says whether o writes a field only when it is not nil.
func writtenNonNil(o model.Omit) bool {
	switch {
	case o.Kind == model.IfNil, o.Kind == model.IfLenZero, o.Kind == model.IfMethod && o.NilIsZero:
		return true
	case o.Also != nil:
		return writtenNonNil(*o.Also)
	}
	return false
}

// written is the condition under which o writes the value at x, or nil when
// it never does.
func (em *emitter) written(o model.Omit, x place, goType string) *jen.Statement {
	terms := em.nonZero(o, x, goType)
	if len(terms) == 0 {
		return nil
	}
	if o.Also == nil {
		return or(terms)
	}
	// omitempty and omitzero both: left out when either holds.
	also := em.nonZero(*o.Also, x, goType)
	if len(also) == 0 {
		return nil
	}
	return and(terms).Op("&&").Add(and(also))
}

// A term is one condition of a disjunction; and says it is a conjunction
// (x != nil && !x.IsZero()), parenthesized when joined with others.
type term struct {
	code *jen.Statement
	and  bool
}

// or joins terms with ||, one to a line when there are more than two.
func or(terms []term) *jen.Statement {
	if len(terms) == 1 {
		return terms[0].code
	}
	s := jen.Null()
	for i, t := range terms {
		if i > 0 {
			s.Op("||")
			if len(terms) > 2 {
				s.Line()
			}
		}
		if t.and {
			s.Parens(t.code)
		} else {
			s.Add(t.code)
		}
	}
	return s
}

// and is or(terms) as an operand of &&.
func and(terms []term) *jen.Statement {
	if len(terms) == 1 {
		return terms[0].code
	}
	return jen.Parens(or(terms))
}

// nonZero returns the conditions, any of which means the value at x is not
// zero under o and is written; goType names the value in errors. No
// conditions means the value is always zero.
func (em *emitter) nonZero(o model.Omit, x place, goType string) []term {
	v := x.value
	switch o.Kind {
	case model.IfFalse:
		return []term{{code: v()}}
	case model.IfZero:
		return []term{{code: v().Op("!=").Lit(0)}}
	case model.IfEmpty:
		return []term{{code: v().Op("!=").Lit("")}}
	case model.IfNil:
		return []term{{code: v().Op("!=").Nil()}}
	case model.IfLenZero:
		return []term{{code: jen.Len(v()).Op("!=").Lit(0)}}
	case model.IfMethod:
		// Go takes the address for a pointer method: x is addressable.
		isZero := jen.Op("!").Add(x.dot("IsZero").expr.Call())
		switch {
		case o.Interface:
			// As encoding/json: an interface holding a nil pointer is zero
			// too, without a call.
			return []term{{code: v().Op("!=").Nil().
				Op("&&").Op("!").Add(implName("IsNilPointer")).Call(v()).
				Op("&&").Add(isZero), and: true}}
		case o.NilIsZero:
			return []term{{code: v().Op("!=").Nil().Op("&&").Add(isZero), and: true}}
		}
		return []term{{code: isZero}}
	case model.IfComparable:
		if o.Type == nil {
			em.errorf("omitzero test of %s without its type", goType)
			return nil
		}
		return []term{{code: v().Op("!=").Parens(em.typeExpr(*o.Type).Values())}}
	case model.IfDynamic:
		// Decided by reflection at run time, as encoding/json does.
		var terms []*jen.Statement
		if o.Empty {
			terms = append(terms, jen.Op("!").Add(implName("IsEmpty")).Call(x.addr()))
		}
		if o.Zero {
			terms = append(terms, jen.Op("!").Add(implName("IsZero")).Call(x.addr()))
		}
		switch len(terms) {
		case 0:
			em.errorf("run-time omit test of %s that tests nothing", goType)
			return nil
		case 1:
			return []term{{code: terms[0]}}
		}
		return []term{{code: terms[0].Op("&&").Add(terms[1]), and: true}}
	case model.IfParts:
		var terms []term
		for _, part := range o.Parts {
			terms = append(terms, em.nonZero(part.Omit, em.part(x, part), goType)...)
		}
		return terms
	default:
		em.errorf("omit test of %s: kind %d", goType, o.Kind)
		return nil
	}
}

// part is the place of a part of a composite zero test: the field or the
// element of the value at x.
func (em *emitter) part(x place, part model.OmitPart) place {
	if part.Field != "" {
		return x.dot(em.name(part.Field))
	}
	if part.Index < 0 {
		em.errorf("omit part: array index %d is negative", part.Index)
	}
	return x.index(jen.Lit(part.Index))
}

// stringLit is a Go string literal with the value s: a raw literal,
// e.Key(`,"id":`), when s can be one unchanged (no backquote, no control
// character but tab, valid UTF-8, no BOM: strconv.CanBackquote), so keys
// read as they are written; otherwise jen.Lit's quoted form. Keys come
// from struct tags: nothing in them can end the literal.
func stringLit(s string) jen.Code {
	if strconv.CanBackquote(s) {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

// Package emit writes the generated file of a model (gen/internal/model):
// File returns its complete, gofmt-formatted source.
package emit

// Emission: the model (package model) in, formatted Go source out. This
// file holds the file as a whole and the exported methods of each selected
// type; emit_value.go writes the body of each helper, one function per Kind
// family, and emit_object.go the struct fields and their omit tests.
//
// Emission reads the model alone: it imports no go/types, go/ast or
// golang.org/x/tools, and package model has nothing of theirs to hand it
// (the package boundary holds the seam that a test of emit's imports used
// to). It takes no decision about JSON. Every identifier goes through
// jen.Qual or a checked jen.Id, and every string from the user's source
// (JSON keys) is printed by jen.Lit as a quoted Go literal, so nothing in a
// struct tag can become code.

import (
	"bytes"
	"fmt"
	"go/build/constraint"
	"go/format"
	"go/token"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// File returns the complete, gofmt-formatted source of the generated file f.
func File(f *model.File) ([]byte, error) {
	rt, impl := f.RuntimeName, f.ImplName
	if rt == "" {
		rt = "runtime"
	}
	if impl == "" {
		impl = "dumpimpl"
	}
	for _, name := range []string{f.PkgName, rt, impl} {
		if !token.IsIdentifier(name) {
			return nil, fmt.Errorf("gen: emitting %s: %q is not a Go identifier", f.PkgPath, name)
		}
	}
	out := jen.NewFilePathName(f.PkgPath, f.PkgName)
	for path, name := range f.PkgNames {
		if !token.IsIdentifier(name) {
			return nil, fmt.Errorf("gen: emitting %s: package name %q of %s is not a Go identifier", f.PkgPath, name, path)
		}
		out.ImportName(path, name)
	}
	for path, name := range f.Aliases {
		if !token.IsIdentifier(name) {
			return nil, fmt.Errorf("gen: emitting %s: import name %q of %s is not a Go identifier", f.PkgPath, name, path)
		}
		out.ImportAlias(path, name)
	}
	if rt == "runtime" {
		out.ImportName(model.RuntimePath, rt)
	} else {
		out.ImportAlias(model.RuntimePath, rt)
	}
	if impl == "dumpimpl" {
		out.ImportName(model.ImplPath, impl)
	} else {
		out.ImportAlias(model.ImplPath, impl)
	}
	top, err := fileHeader(f.BuildConstraint)
	if err != nil {
		return nil, fmt.Errorf("gen: emitting %s: %v", f.PkgPath, err)
	}
	out.HeaderComment(top)

	em := &emitter{pkg: f.PkgPath, rt: rt, impl: impl, helpers: map[string]bool{}, failing: failingHelpers(f.Encoders)}
	for _, enc := range f.Encoders {
		em.helpers[enc.Name] = true
	}
	// Analysis refuses type parameters named like the locals generated code
	// declares (model.Locals, the loop locals), at the user's declaration; a
	// model that has one anyway is a bug, said before code that would not
	// compile is printed.
	for _, t := range f.Types {
		if err := localClash(f, t.Name, t.TypeParams); err != nil {
			return nil, err
		}
	}
	for _, enc := range f.Encoders {
		if err := localClash(f, enc.Name, enc.TypeParams); err != nil {
			return nil, err
		}
	}
	// The version handshake: a file generated for another version of the
	// runtime fails to compile here, with a message that names the
	// constant, rather than somewhere in the code below.
	out.Comment("This file needs the runtime API it was generated for; regenerate it")
	out.Comment("with go generate if this line does not compile.")
	out.Const().Id("_").Op("=").Add(implName("SupportPackageIsVersion5"))
	for _, t := range f.Types {
		em.methods(out, t)
	}
	if f.Dispatch != "" {
		em.dispatch(out, f)
	}
	for _, enc := range f.Encoders {
		em.encoder(out, enc)
	}
	if em.err != nil {
		return nil, fmt.Errorf("gen: emitting %s: %v", f.PkgPath, em.err)
	}

	// jen formats too, but its error carries the whole source; format here
	// and say what failed.
	out.NoFormat = true
	var raw bytes.Buffer
	if err := out.Render(&raw); err != nil {
		return nil, fmt.Errorf("gen: emitting %s: %v", f.PkgPath, err)
	}
	src, err := format.Source(raw.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gen: emitting %s: the generated code does not format: %v", f.PkgPath, err)
	}
	return groupImports(src), nil
}

// groupImports puts the standard library's imports of a formatted file
// first and the others after a blank line, as goimports does (jen prints
// one block sorted by path). Both groups stay sorted, so the file is still
// gofmt-clean.
func groupImports(src []byte) []byte {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src
	}
	start += len("\nimport (\n")
	n := bytes.Index(src[start:], []byte("\n)\n"))
	if n < 0 {
		return src
	}
	var std, other []string
	for _, line := range strings.Split(string(src[start:start+n]), "\n") {
		path := line[strings.LastIndexByte(line, ' ')+1:]
		if first, _, _ := strings.Cut(strings.Trim(path, "\t\""), "/"); strings.Contains(first, ".") {
			other = append(other, line)
		} else {
			std = append(std, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	block := strings.Join(std, "\n") + "\n\n" + strings.Join(other, "\n")
	return slices.Concat(src[:start], []byte(block), src[start+n:])
}

// fileHeader is the comment above the package clause: the generated-code
// line, then the build constraint if there is one. The constraint is parsed
// and printed again, so it is one well-formed line.
func fileHeader(build string) (string, error) {
	if build == "" {
		return model.Header, nil
	}
	expr, err := constraint.Parse("//go:build " + build)
	if err != nil {
		return "", fmt.Errorf("build constraint %q: %v", build, err)
	}
	return model.Header + "\n\n//go:build " + expr.String(), nil
}

// localClash reports a type parameter named like a local of generated code.
func localClash(f *model.File, owner string, params []model.Param) error {
	for _, p := range params {
		if slices.Contains(model.Locals, p.Name) || model.IsLoopLocal(p.Name) {
			return fmt.Errorf("gen: emitting %s: type parameter %s of %s: generated code uses that name", f.PkgPath, p.Name, owner)
		}
	}
	return nil
}

// emitter holds what every part of emission needs. Problems in the model
// (which are bugs of analysis, not of the user's code) are kept in err, the
// first one wins, so that jen's callbacks need not return errors.
type emitter struct {
	pkg     string          // import path of the generated package
	rt      string          // the name the runtime package is imported as, for doc comments
	impl    string          // the name package dumpimpl is imported as, for comments
	helpers map[string]bool // names of File.Encoders
	failing map[string]bool // of those, the ones that can fail (failingHelpers)
	err     error
}

func (em *emitter) errorf(format string, args ...any) {
	if em.err == nil {
		em.err = fmt.Errorf(format, args...)
	}
}

// id is jen.Id for a name taken from the model, which must be a Go identifier.
func (em *emitter) id(name string) *jen.Statement {
	if !token.IsIdentifier(name) {
		em.errorf("%q is not a Go identifier", name)
	}
	return jen.Id(name)
}

// qual is jen.Qual for a name taken from the model.
func (em *emitter) qual(path, name string) *jen.Statement {
	if !token.IsIdentifier(name) {
		em.errorf("%q is not a Go identifier", name)
	}
	if path == "" {
		return jen.Id(name)
	}
	return jen.Qual(path, name)
}

// runtimeName is a name of package runtime, which users import: only the
// types that the signatures of DumpTo, Dumps and DumpJSON name (Option,
// Encoder).
func runtimeName(name string) *jen.Statement { return jen.Qual(model.RuntimePath, name) }

// implName is a name of package dumpimpl, which generated code calls:
// dumpimpl.NewEncoder, dumpimpl.StringKeys, everything but runtimeName's.
func implName(name string) *jen.Statement { return jen.Qual(model.ImplPath, name) }

// e is the *dumpimpl.Encoder every generated function writes to.
func e() *jen.Statement { return jen.Id("e") }

// typeExpr spells a type of the model.
func (em *emitter) typeExpr(t model.TypeExpr) *jen.Statement {
	var s *jen.Statement
	switch t.Kind {
	case model.NamedExpr:
		s = em.qual(t.Path, t.Name)
		if len(t.Args) > 0 {
			s.TypesFunc(func(g *jen.Group) {
				for _, a := range t.Args {
					g.Add(em.typeExpr(a))
				}
			})
		}
	case model.PointerExpr, model.SliceExpr, model.ArrayExpr, model.MapExpr:
		if t.Elem == nil {
			em.errorf("type expression of kind %d without an element type", t.Kind)
			return jen.Null()
		}
		elem := em.typeExpr(*t.Elem)
		switch t.Kind {
		case model.PointerExpr:
			s = jen.Op("*").Add(elem)
		case model.SliceExpr:
			s = jen.Index().Add(elem)
		case model.ArrayExpr:
			s = jen.Index(jen.Lit(int(t.Len))).Add(elem)
		case model.MapExpr:
			if t.Key == nil {
				em.errorf("map type expression without a key type")
				return jen.Null()
			}
			s = jen.Map(em.typeExpr(*t.Key)).Add(elem)
		}
	case model.TypeParamExpr:
		s = em.id(t.Name)
	case model.UnionExpr:
		s = jen.UnionFunc(func(g *jen.Group) {
			for _, term := range t.Terms {
				g.Add(em.typeExpr(term))
			}
		})
	default:
		em.errorf("unknown type expression kind %d", t.Kind)
		return jen.Null()
	}
	if t.Tilde {
		return jen.Op("~").Add(s)
	}
	return s
}

// typeParams declares the type parameters of a generic helper: [K comparable, V any].
func (em *emitter) typeParams(params []model.Param) func(*jen.Group) {
	return func(g *jen.Group) {
		for _, p := range params {
			g.Add(em.id(p.Name).Add(em.typeExpr(p.Constraint)))
		}
	}
}

// methods writes the exported methods of a selected type.
func (em *emitter) methods(out *jen.File, t *model.Type) {
	if !em.helpers[t.Encoder] {
		em.errorf("type %s: its encoder %q is not among the file's encoders", t.Name, t.Encoder)
	}
	// recv spells the receiver type: User, or Pair[K, V] for a generic type.
	recv := func() *jen.Statement {
		s := em.qual(em.pkg, t.Name)
		if len(t.TypeParams) > 0 {
			s.TypesFunc(func(g *jen.Group) {
				for _, p := range t.TypeParams {
					g.Add(em.id(p.Name))
				}
			})
		}
		return s
	}
	dump := func(arg jen.Code) *jen.Statement { return em.id(t.Encoder).Call(e(), arg) }
	// valueRecv and dumpRecv are the receiver of DumpTo and Dumps and their
	// call of the helper: a value, or for a type that must not be copied
	// (NoCopy) a pointer, which DumpJSON writes as null when it is nil.
	valueRecv, dumpRecv := recv, func() *jen.Statement { return dump(jen.Op("&").Id("v")) }
	if t.NoCopy {
		valueRecv = func() *jen.Statement { return jen.Op("*").Add(recv()) }
		dumpRecv = func() *jen.Statement { return jen.Id("v").Dot("DumpJSON").Call(e()) }
	}
	opts := jen.Id("opts").Op("...").Add(runtimeName("Option"))

	doc(out, "DumpTo writes the JSON encoding of v to w, formatted as opts ask. The\n"+
		"error is the writer's, or one that says where in v encoding failed (a\n"+
		"*%s.Error wrapping the cause). w receives the output in chunks of about\n"+
		"32 KiB as it is made: when encoding fails after the first chunk, w has\n"+
		"been given part of the output, a prefix that is not valid JSON, as with\n"+
		"Python's json.dump. Encode into a buffer, or call Dumps, when a reader\n"+
		"must see all of the output or none of it.%s", em.rt, noCopyNote(t))
	out.Func().Params(jen.Id("v").Add(valueRecv())).Id("DumpTo").
		Params(jen.Id("w").Qual("io", "Writer"), opts.Clone()).Error().
		Block(
			jen.Id("e").Op(":=").Add(implName("NewEncoder")).Call(jen.Id("w"), jen.Id("opts").Op("...")),
			dumpRecv(),
			jen.Return(e().Dot("Close").Call()),
		)
	out.Line()

	doc(out, "Dumps returns the JSON encoding of v as a string, formatted as opts ask.\n"+
		"It panics with the error DumpTo would return, and never returns part of\n"+
		"the output.%s", noCopyNote(t))
	out.Func().Params(jen.Id("v").Add(valueRecv())).Id("Dumps").
		Params(opts.Clone()).String().
		Block(
			jen.Id("e").Op(":=").Add(implName("NewEncoder")).Call(jen.Nil(), jen.Id("opts").Op("...")),
			dumpRecv(),
			jen.Return(e().Dot("MustString").Call()),
		)
	out.Line()

	if t.MarshalJSON {
		newEncoder := jen.Id("e").Op(":=").Add(implName("NewEncoder")).Call(jen.Nil())
		result := jen.Params(jen.Index().Byte(), jen.Error())
		if t.NoCopy {
			doc(out, "MarshalJSON implements json.Marshaler with the generated encoding, so\n"+
				"encoding/json and the libraries built on it take the fast path too.%s", noCopyNote(t))
		} else if t.PointerReceiver {
			doc(out, "MarshalJSON implements json.Marshaler with the generated encoding, so\n"+
				"encoding/json and the libraries built on it take the fast path too.\n"+
				"The receiver is a pointer because %[1]s encodes differently when it is\n"+
				"addressable (a field has a Marshaler or TextMarshaler method on its\n"+
				"pointer type): json.Marshal(v) and json.Marshal(&v) keep the bytes they\n"+
				"gave before %[1]s had this method. A nil v encodes as null.", t.Name)
		}
		if t.PointerReceiver || t.NoCopy {
			out.Func().Params(jen.Id("v").Op("*").Add(recv())).Id("MarshalJSON").Params().Add(result).
				Block(
					newEncoder,
					jen.Id("v").Dot("DumpJSON").Call(e()),
					jen.Return(e().Dot("Bytes").Call()),
				)
		} else {
			doc(out, "MarshalJSON implements json.Marshaler with the generated encoding, so\n"+
				"encoding/json and the libraries built on it take the fast path too.")
			out.Func().Params(jen.Id("v").Add(recv())).Id("MarshalJSON").Params().Add(result).
				Block(
					newEncoder,
					dump(jen.Op("&").Id("v")),
					jen.Return(e().Dot("Bytes").Call()),
				)
		}
		out.Line()
	}

	doc(out, "DumpJSON writes the JSON encoding of *v to e, or null when v is nil. It\n"+
		"is for generated code, which calls it where %s appears in its types or\n"+
		"inside an interface.", t.Name)
	out.Func().Params(jen.Id("v").Op("*").Add(recv())).Id("DumpJSON").
		Params(jen.Id("e").Op("*").Add(runtimeName("Encoder"))).
		Block(
			jen.If(jen.Id("v").Op("==").Nil()).Block(
				e().Dot("Null").Call(),
				jen.Return(),
			),
			dump(jen.Id("v")),
		)
	out.Line()

	if t.DispatchPointer != "" {
		em.genericDispatch(out, t, recv)
	}
}

// genericDispatch writes the two methods through which the file's
// DispatchFunc matches the instantiations of a generic type, which a type
// switch cannot name.
func (em *emitter) genericDispatch(out *jen.File, t *model.Type, recv func() *jen.Statement) {
	doc(out, "%s returns v, for the file's DispatchFunc: a *%s held in an interface is "+
		"matched when this method returns that very pointer, which the method "+
		"promoted to a struct that embeds %s does not.", t.DispatchPointer, t.Name, t.Name)
	out.Func().Params(jen.Id("v").Op("*").Add(recv())).Id(t.DispatchPointer).Params().
		Add(implName("Dumper")).
		Block(jen.Return(jen.Id("v")))
	out.Line()

	doc(out, "%s writes v to e as encoding/json writes a %s held in an interface, "+
		"and reports true, when x holds a value of exactly v's type; for the "+
		"file's DispatchFunc.", t.DispatchValue, t.Name)
	out.Func().Params(jen.Id("v").Add(recv())).Id(t.DispatchValue).
		Params(jen.Id("e").Op("*").Add(implName("Encoder")), jen.Id("x").Any()).Bool().
		Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("x").Assert(recv()), jen.Op("!").Id("ok")).Block(
				jen.Return(jen.False()),
			),
			em.writeValue(t),
			jen.Return(jen.True()),
		)
	out.Line()
}

// dispatch writes the file's DispatchFunc and the init function that
// registers it.
func (em *emitter) dispatch(out *jen.File, f *model.File) {
	out.Func().Id("init").Params().Block(implName("Register").Call(em.id(f.Dispatch)))
	out.Line()

	doc(out, "%s writes v to e when v holds a value of one of the types of this file, "+
		"or a pointer to one, and reports whether it did: dynamic values "+
		"(interface fields, the argument of jsondump.Marshal) reach the generated "+
		"code through it. A struct that embeds one of these types does not match, "+
		"so it is encoded whole, as encoding/json encodes it. A value is "+
		"handed to a function of its type, not inlined, whose frame holds the "+
		"copy: this one's would otherwise hold a copy of every type of the file, "+
		"tens of KiB in a large package, which every goroutine that writes an "+
		"interface would grow its stack to.", f.Dispatch)
	out.Func().Add(em.id(f.Dispatch)).
		Params(jen.Id("e").Op("*").Add(implName("Encoder")), jen.Id("v").Any()).Bool().
		Block(
			jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
				for _, t := range f.Types {
					if t.DispatchPointer != "" {
						continue
					}
					g.Case(jen.Op("*").Add(em.qual(em.pkg, t.Name))).Block(e().Dot("Follow").Call(jen.Id("v")))
					write := em.writeValue(t) // NoCopy: in place
					if t.DispatchValue != "" {
						write = em.id(t.DispatchValue).Call(e(), jen.Id("v"))
					}
					g.Case(em.qual(em.pkg, t.Name)).Block(write)
				}
				// Generic types, after every exact type: an interface case
				// also matches the structs the methods are promoted to.
				for _, t := range f.Types {
					if t.DispatchPointer == "" {
						continue
					}
					g.Case(jen.Interface(jen.Id(t.DispatchPointer).Params().Add(implName("Dumper")))).Block(
						jen.Id("d").Op(":=").Add(implName("Declared")).Call(jen.Id("v"), jen.Id("v").Dot(t.DispatchPointer)),
						jen.If(jen.Id("d").Op("==").Nil()).Block(jen.Return(jen.False())),
						e().Dot("Follow").Call(jen.Id("d")),
					)
					g.Case(jen.Interface(jen.Id(t.DispatchValue).Params(jen.Op("*").Add(implName("Encoder")), jen.Any()).Bool())).Block(
						jen.Return(jen.Id("v").Dot(t.DispatchValue).Call(e(), jen.Id("v"))),
					)
				}
				g.Default().Block(jen.Return(jen.False()))
			}),
			jen.Return(jen.True()),
		)
	out.Line()

	for _, t := range f.Types {
		if t.DispatchPointer != "" || t.DispatchValue == "" {
			continue // generic: a method; NoCopy: written in place
		}
		doc(out, "%s writes v for %s.", t.DispatchValue, f.Dispatch)
		out.Comment("")
		out.Comment("//go:noinline")
		out.Func().Id(t.DispatchValue).
			Params(jen.Id("e").Op("*").Add(implName("Encoder")), jen.Id("v").Add(em.qual(em.pkg, t.Name))).
			Block(em.writeValue(t))
		out.Line()
	}
}

// writeValue is the call that writes v, a value of t that is not
// addressable (a copy of one held in an interface), with t's ValueEncoder.
func (em *emitter) writeValue(t *model.Type) *jen.Statement {
	return em.id(t.ValueEncoder).Call(e(), jen.Op("&").Id("v"))
}

// noCopyNote ends the doc comment of a method whose receiver is a pointer
// because the type must not be copied.
func noCopyNote(t *model.Type) string {
	if !t.NoCopy {
		return ""
	}
	return fmt.Sprintf(" The receiver is a pointer because a %s must not be copied (it holds a lock or an atomic value); a nil v encodes as null.", t.Name)
}

// doc writes a doc comment: the text as one paragraph, wrapped at 76
// columns (the type names in it vary in length).
func doc(out *jen.File, format string, args ...any) {
	const width = 76 - len("// ")
	line := ""
	for _, word := range strings.Fields(fmt.Sprintf(format, args...)) {
		if line != "" && len(line)+1+len(word) > width {
			out.Comment(line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		out.Comment(line)
	}
}

// encoder writes one helper: func _User_dump(e *dumpimpl.Encoder, v *User).
func (em *emitter) encoder(out *jen.File, enc *model.Encoder) {
	if enc.Value == nil {
		em.errorf("encoder %s has no value", enc.Name)
		return
	}
	if enc.NotAddressable {
		doc(out, "%s writes *v to e as encoding/json encodes a %s that is not addressable: Marshaler and TextMarshaler methods on its pointer type do not apply.", enc.Name, enc.Value.GoType)
	} else {
		doc(out, "%s writes the JSON encoding of *v, a %s, to e.", enc.Name, enc.Value.GoType)
	}
	v := place{expr: jen.Id("v"), ptr: true, last: true}
	if len(enc.Parts) == 0 {
		em.helperFunc(out, enc, enc.Name, func(b *jen.Group) {
			em.value(b, enc.Value, v, scope{})
		})
		return
	}
	fields := em.partedFields(enc)
	if fields == nil {
		return
	}
	// next ends a part: the call of the next one, or the object's close.
	next := func(b *jen.Group, i int) {
		if i < len(enc.Parts) {
			b.Add(em.id(enc.Parts[i].Name).Call(e(), jen.Id("v")))
		} else {
			b.Add(e().Dot("CloseObject").Call())
		}
	}
	em.helperFunc(out, enc, enc.Name, func(b *jen.Group) {
		b.Add(e().Dot("OpenObject").Call())
		em.members(b, fields[:enc.Parts[0].From], v, scope{})
		next(b, 0)
	})
	for i, part := range enc.Parts {
		end := len(fields)
		if i+1 < len(enc.Parts) {
			end = enc.Parts[i+1].From
		}
		doc(out, "%s writes the fields of %s from %s on, for %s.", part.Name, enc.Value.GoType, fields[part.From].Name, enc.Name)
		em.helperFunc(out, enc, part.Name, func(b *jen.Group) {
			em.fields(b, fields[part.From:end], v, scope{}, 0)
			next(b, i+1)
		})
	}
}

// helperFunc writes a function with the signature of enc's helper, named
// name.
func (em *emitter) helperFunc(out *jen.File, enc *model.Encoder, name string, body func(*jen.Group)) {
	fn := out.Func().Add(em.id(name))
	if len(enc.TypeParams) > 0 {
		fn.TypesFunc(em.typeParams(enc.TypeParams))
	}
	fn.Params(
		jen.Id("e").Op("*").Add(implName("Encoder")),
		jen.Id("v").Op("*").Add(em.typeExpr(enc.Type)),
	).BlockFunc(body)
	out.Line()
}

// partedFields returns the fields of a helper written in parts, after
// checking that the model's parts fit them.
func (em *emitter) partedFields(enc *model.Encoder) []*model.Field {
	o := enc.Value.PlainObject()
	if o == nil {
		em.errorf("encoder %s: parts of a value that is not one plain object", enc.Name)
		return nil
	}
	fields := o.Fields
	from := 0
	for _, part := range enc.Parts {
		if part.From <= from || part.From >= len(fields) || fields[part.From].BehindPointer() {
			em.errorf("encoder %s: part %s begins at field %d of %d", enc.Name, part.Name, part.From, len(fields))
			return nil
		}
		from = part.From
	}
	return fields
}

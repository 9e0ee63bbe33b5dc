package analyze

// omitempty and omitzero, resolved to one test per field as encoding/json
// decides them: omitempty by kind (isEmptyValue), omitzero by an IsZero
// method of the field's type or its pointer, else reflect.Value.IsZero.

import (
	"go/types"
	"reflect"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// maxArrayParts bounds the element-by-element zero test of arrays that are
// not comparable; longer ones are tested at run time.
const maxArrayParts = 16

// omit resolves the options of f. always is true when omitempty leaves the
// field out whatever its value (an array of length 0).
func (a *analyzer) omit(f jsonField) (o model.Omit, always bool) {
	var empty, zero model.Omit
	if f.omitEmpty {
		empty, always = a.omitEmpty(f.decl)
		if always {
			return model.Omit{}, true
		}
	}
	if f.omitZero {
		zero = a.omitZero(f.decl)
	}
	switch {
	case !f.omitEmpty:
		return zero, false
	case !f.omitZero, zero.Kind == model.Never:
		return empty, false
	case empty.Kind == model.Never, reflect.DeepEqual(empty, zero):
		return zero, false
	case empty.Kind == model.IfLenZero && zero.Kind == model.IfNil: // nil has length 0
		return empty, false
	case empty.Kind == model.IfNil && zero.NilIsZero:
		return zero, false
	}
	zero.Also = &empty
	return zero, false
}

// omitEmpty is encoding/json's isEmptyValue for type t.
func (a *analyzer) omitEmpty(t types.Type) (model.Omit, bool) {
	t = types.Unalias(t)
	if _, ok := t.(*types.TypeParam); ok {
		return model.Omit{Kind: model.IfDynamic, Empty: true}, false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case u.Kind() == types.Bool:
			return model.Omit{Kind: model.IfFalse}, false
		case info&types.IsString != 0:
			return model.Omit{Kind: model.IfEmpty}, false
		case info&(types.IsInteger|types.IsFloat) != 0:
			return model.Omit{Kind: model.IfZero}, false
		}
	case *types.Array:
		return model.Omit{}, u.Len() == 0
	case *types.Slice, *types.Map:
		return model.Omit{Kind: model.IfLenZero}, false
	case *types.Pointer, *types.Interface:
		return model.Omit{Kind: model.IfNil}, false
	}
	return model.Omit{}, false
}

// omitZero is omitzero for a field of type t: the IsZero method when the
// type or its pointer has one, else reflect.Value.IsZero.
func (a *analyzer) omitZero(t types.Type) model.Omit {
	t = types.Unalias(t)
	if _, ok := t.(*types.TypeParam); ok {
		return model.Omit{Kind: model.IfDynamic, Zero: true}
	}
	switch {
	case isInterface(t) && a.implements(t, isZero):
		return model.Omit{Kind: model.IfMethod, NilIsZero: true, Interface: true}
	case isPointer(t) && a.implements(t, isZero):
		return model.Omit{Kind: model.IfMethod, NilIsZero: true}
	case a.implements(t, isZero):
		return model.Omit{Kind: model.IfMethod}
	case !isInterface(t) && !isPointer(t) && a.implements(types.NewPointer(t), isZero):
		return model.Omit{Kind: model.IfMethod, PointerMethod: true}
	}
	if o, ok := a.reflectZero(t); ok {
		return o
	}
	return model.Omit{Kind: model.IfDynamic, Zero: true}
}

// reflectZero is reflect.Value.IsZero for type t as a static test; ok is
// false when none can be written (type parameters, unexported fields of
// another package, long arrays that are not comparable).
func (a *analyzer) reflectZero(t types.Type) (model.Omit, bool) {
	t = types.Unalias(t)
	if _, ok := t.(*types.TypeParam); ok {
		return model.Omit{}, false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case u.Kind() == types.Bool:
			return model.Omit{Kind: model.IfFalse}, true
		case info&types.IsString != 0:
			return model.Omit{Kind: model.IfEmpty}, true
		case u.Kind() == types.UnsafePointer:
			return model.Omit{Kind: model.IfNil}, true
		default:
			return model.Omit{Kind: model.IfZero}, true
		}
	case *types.Pointer, *types.Interface, *types.Slice, *types.Map, *types.Chan, *types.Signature:
		return model.Omit{Kind: model.IfNil}, true
	case *types.Struct, *types.Array:
		if a.stdStruct(t) != nil {
			return model.Omit{}, false // its fields are the compiling Go's
		}
		if types.Comparable(t) && !hasTypeParam(t) {
			if te, ok := a.typeExpr(t); ok {
				return model.Omit{Kind: model.IfComparable, Type: &te}, true
			}
		}
		o := model.Omit{Kind: model.IfParts}
		if st, ok := u.(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				if f.Name() == "_" {
					continue
				}
				if !f.Exported() && f.Pkg() != a.pkg.Types {
					return model.Omit{}, false
				}
				part, ok := a.reflectZero(f.Type())
				if !ok {
					return model.Omit{}, false
				}
				o.Parts = append(o.Parts, model.OmitPart{Field: f.Name(), Omit: part})
			}
			return o, true
		}
		arr := u.(*types.Array)
		if arr.Len() > maxArrayParts {
			return model.Omit{}, false
		}
		part, ok := a.reflectZero(arr.Elem())
		if !ok {
			return model.Omit{}, false
		}
		for i := range int(arr.Len()) {
			o.Parts = append(o.Parts, model.OmitPart{Index: i, Omit: part})
		}
		return o, true
	}
	return model.Omit{}, false
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			if hasTypeParam(args.At(i)) {
				return true
			}
		}
		return false
	case *types.Pointer:
		return hasTypeParam(t.Elem())
	case *types.Slice:
		return hasTypeParam(t.Elem())
	case *types.Array:
		return hasTypeParam(t.Elem())
	case *types.Map:
		return hasTypeParam(t.Key()) || hasTypeParam(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if hasTypeParam(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

package emit

// Which helpers can fail. After a call of a helper that cannot fail there
// is no `if e.Failed()`: in a big API package most structs hold only
// strings, integers, booleans and other such structs, and the check after
// each of their calls was a tenth of the code the compiler got. A writer
// error is the exception the check skips: it is sticky, the Encoder drops
// the output after it, and the first check on the way out still adds the
// path from there.

import "github.com/jsondump/jsondump/gen/internal/model"

// failingHelpers returns the names of the encoders whose value can fail to
// encode: a float (NaN, ±Inf), a method of the user's, an interface or
// another package's generated code, a cycle check, a json.Number, a
// RawMessage or a time.Time. Calls between helpers are followed to a fixed
// point.
func failingHelpers(encs []*model.Encoder) map[string]bool {
	failing := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, enc := range encs {
			if !failing[enc.Name] && canFail(enc.Value, failing) {
				failing[enc.Name] = true
				changed = true
			}
		}
	}
	return failing
}

// canFail reports whether encoding v can fail, given the helpers known to.
func canFail(v *model.Value, failing map[string]bool) bool {
	if v == nil {
		return true
	}
	switch v.Kind {
	case model.Bool, model.Int, model.Uint, model.Float32, model.Float64, model.String, model.Bytes, model.Number, model.RawMessage, model.Time:
		return scalarCalls[v.Kind].canFail // as scalar checks it
	case model.Pointer, model.Slice, model.Array:
		return v.CycleCheck || canFail(v.Elem, failing)
	case model.Map:
		return v.CycleCheck || v.MapKey == model.TextKey || v.MapKey == model.ParamKey || canFail(v.Elem, failing)
	case model.Struct:
		return objectCanFail(v.Struct, failing)
	case model.Call:
		return failing[v.Call]
	default: // Marshaler, TextMarshaler, Dumper, Interface, TypeParam, Toolchain
		return true
	}
}

func objectCanFail(o *model.Object, failing map[string]bool) bool {
	if o == nil || o.Unsupported != "" || o.V2 != nil && objectCanFail(o.V2, failing) {
		return true
	}
	for _, f := range o.Fields {
		if canFail(f.Value, failing) {
			return true
		}
	}
	return false
}

// Omit tests decided at run time: omitempty and omitzero on values whose
// type generated code cannot know (a type parameter), and omitzero on types
// whose zero test needs what generated code cannot see (unexported fields of
// another package's struct). They reflect, as encoding/json does; generated
// code calls them only for such fields.

package dumpimpl

import "reflect"

// isZeroer is the method omitzero calls when a type has it.
type isZeroer interface{ IsZero() bool }

var isZeroerType = reflect.TypeFor[isZeroer]()

// IsEmpty reports whether *p is empty as omitempty decides (encoding/json's
// isEmptyValue): false, 0, a nil pointer or interface, or an array, map,
// slice or string of length 0. p is a non-nil pointer to the field.
func IsEmpty(p any) bool {
	v := reflect.ValueOf(p).Elem()
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// IsZero reports whether *p is zero as omitzero decides: by the IsZero
// method of its type or of its pointer type when one has it (a nil pointer
// or interface, or an interface holding a nil pointer, is zero without a
// call), else by reflect.Value.IsZero. p is a non-nil pointer to the field,
// which is addressable, as encoding/json's fields are.
func IsZero(p any) bool {
	v := reflect.ValueOf(p).Elem()
	t := v.Type()
	switch {
	case t.Kind() == reflect.Interface && t.Implements(isZeroerType):
		return v.IsNil() ||
			v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() ||
			v.Interface().(isZeroer).IsZero()
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return v.IsNil() || v.Interface().(isZeroer).IsZero()
	case t.Implements(isZeroerType):
		return v.Interface().(isZeroer).IsZero()
	case reflect.PointerTo(t).Implements(isZeroerType):
		return p.(isZeroer).IsZero()
	}
	return v.IsZero()
}

// IsNilPointer reports whether x, the value of an interface, is a nil
// pointer: omitzero counts it as zero without calling its IsZero method,
// which would be called on nil.
func IsNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

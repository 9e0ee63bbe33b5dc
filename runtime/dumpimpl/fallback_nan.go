// The fallback under AllowNaN. encoding/json, which writes the values the
// runtime does not know (fallback.go), rejects NaN and ±Inf, which AllowNaN
// asks to write. So under AllowNaN the shapes a float takes outside a
// struct, with no method of their own (a named float, and pointers, slices,
// arrays, maps and interfaces leading to floats: a type argument *float32,
// a map[string]float32 or a *float64 in an any), are walked here instead of
// going to encoding/json. Floats are written by Float32 and Float64, which
// honour every option; whatever else the walk meets goes to Any or Addr, as
// encoding/json would write it (addressable where it would be addressable).
//
// A struct type without generated code, met in an any or as a type
// argument, still goes to encoding/json, and NaN in it stays an error:
// writing it here would take encoding/json's field rules.

package dumpimpl

import (
	"reflect"
)

// allowNaN writes v, under AllowNaN, when its type is a shape walked here
// that can hold a float, and reports whether it did.
func (e *Encoder) allowNaN(v any) bool {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || !walked(rv.Type()) || !holdsFloat(rv.Type(), 0) {
		return false
	}
	e.walkFloats(rv, true)
	return true
}

// walked reports whether values of t are walked here: a float, pointer,
// slice (but of bytes: base64), array, map with keys named by their string
// or their decimal, or interface type, that neither it nor its pointer has
// a method encoding/json or the runtime would call instead.
func walked(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true // its dynamic value is looked at on its own
	case reflect.Float32, reflect.Float64, reflect.Pointer, reflect.Array:
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return false
		}
	case reflect.Map:
		switch k := t.Key(); k.Kind() {
		case reflect.String:
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if k.Implements(textMarshalerType) {
				return false // named by MarshalText
			}
		default:
			return false
		}
	default:
		return false
	}
	for _, m := range []reflect.Type{jsonMarshalerType, textMarshalerType} {
		if t.Implements(m) || reflect.PointerTo(t).Implements(m) {
			return false
		}
	}
	return !isGenerated(t)
}

// holdsFloat reports whether a value of t can lead to a float through the
// shapes walked here (an interface can hold anything). depth bounds the
// look into a type that contains itself (type P *P).
func holdsFloat(t reflect.Type, depth int) bool {
	if depth > 16 || !walked(t) {
		return false
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Interface:
		return true
	}
	return holdsFloat(t.Elem(), depth+1)
}

// walkFloats writes v: walked here if its type is (walk, which the caller
// finds once for all the elements of a slice, array or map), else by Any or
// Addr.
func (e *Encoder) walkFloats(v reflect.Value, walk bool) {
	if !walk {
		if v.CanAddr() {
			e.Addr(v.Addr().Interface())
		} else {
			e.Any(v.Interface())
		}
		return
	}
	switch v.Kind() {
	case reflect.Float32:
		e.Float32(float32(v.Float()))
	case reflect.Float64:
		e.Float64(v.Float())
	case reflect.Interface:
		if v.IsNil() {
			e.Null()
			return
		}
		e.Any(v.Elem().Interface())
	case reflect.Pointer:
		if v.IsNil() {
			e.Null()
			return
		}
		p := v.Interface()
		if !e.Enter(p) {
			return
		}
		e.walkFloats(v.Elem(), walked(v.Type().Elem()))
		e.Leave(p)
	case reflect.Slice:
		if v.IsNil() {
			e.Null()
			return
		}
		if v.Len() == 0 {
			e.OpenArray()
			e.CloseArray()
			return
		}
		p := v.Index(0).Addr().Interface()
		if !e.Enter(p) {
			return
		}
		e.walkElems(v)
		e.Leave(p)
	case reflect.Array:
		e.walkElems(v)
	case reflect.Map:
		if v.IsNil() {
			e.Null()
			return
		}
		if !e.Enter(nil) {
			return
		}
		e.walkMap(v)
		e.Leave(nil)
	}
}

func (e *Encoder) walkElems(v reflect.Value) {
	walk := walked(v.Type().Elem())
	e.OpenArray()
	for i := range v.Len() {
		e.Elem()
		if e.walkFloats(v.Index(i), walk); e.Failed() {
			e.AtIndex(i)
			return
		}
	}
	e.CloseArray()
}

// walkMap writes a map's members sorted as generated code sorts them
// (sortKeys), its values not addressable, as in encoding/json.
func (e *Encoder) walkMap(v reflect.Value) {
	keys, ks := e.sortedMapKeys(v)
	walk := walked(v.Type().Elem())
	e.OpenObject()
	for _, k := range ks {
		e.KeyString(k.Name)
		if e.walkFloats(v.MapIndex(keys[k.Key]), walk); e.Failed() {
			e.AtKey(k.Name)
			return
		}
	}
	e.CloseObject()
}

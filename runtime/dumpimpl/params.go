// What generated code cannot decide about values of type parameters and
// named byte types, decided here as encoding/json decides it: the ",string"
// option on a field of a type parameter, map keys of a type parameter,
// slices of a named byte type. They reflect on the instantiated type, as
// encoding/json does; generated code calls them only for such values.

package dumpimpl

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	jsonNumberType    = reflect.TypeFor[json.Number]()
)

// QuotedParam writes *p, a field of type-parameter type T with the
// ",string" option. addr says the field is addressable (pointer-receiver
// Marshalers apply). As encoding/json decides by T's kind: a bool,
// integer, float or string kind (or an unnamed pointer to one) is written
// inside a JSON string; a type with a Marshaler, and every other kind, is
// written as without the option.
func QuotedParam[T any](e *Encoder, p *T, addr bool) {
	t := reflect.TypeFor[T]()
	v := reflect.ValueOf(p).Elem()
	if !hasMarshaler(t, addr) {
		if t.Name() == "" && t.Kind() == reflect.Pointer && quotable(t.Elem().Kind()) {
			if v.IsNil() {
				e.Null()
				return
			}
			if !hasMarshaler(t.Elem(), true) {
				e.quotedValue(v.Elem())
				return
			}
		} else if quotable(t.Kind()) {
			e.quotedValue(v)
			return
		}
	}
	if addr {
		e.Addr(p)
	} else {
		e.Any(*p)
	}
}

// hasMarshaler reports whether encoding/json calls a method to encode a
// value of type t: MarshalJSON or MarshalText, on t or, when the value is
// addressable, on *t.
func hasMarshaler(t reflect.Type, addr bool) bool {
	if t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) {
		return true
	}
	if addr && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		pt := reflect.PointerTo(t)
		return pt.Implements(jsonMarshalerType) || pt.Implements(textMarshalerType)
	}
	return false
}

// quotable says whether the ",string" option applies to a kind.
func quotable(k reflect.Kind) bool {
	switch k {
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.String:
		return true
	}
	return false
}

// quotedValue writes v, of a quotable kind, with the ",string" option.
func (e *Encoder) quotedValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		e.QuotedBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.QuotedInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.QuotedUint(v.Uint())
	case reflect.Float32:
		e.QuotedFloat32(float32(v.Float()))
	case reflect.Float64:
		e.QuotedFloat64(v.Float())
	case reflect.String:
		if v.Type() == jsonNumberType {
			e.QuotedNumber(v.String())
		} else {
			e.QuotedString(v.String())
		}
	}
}

// ParamKeys returns the keys of m, whose key type K is a type parameter,
// sorted by name, the name made as encoding/json makes it for K: the
// string of a string kind, else MarshalText (a nil pointer is ""), else the
// decimal string of an integer kind. For any other K encoding/json rejects
// the map type: the error is recorded on e, as is a failing MarshalText,
// and ParamKeys returns nil.
func ParamKeys[K comparable, V any](e *Encoder, m map[K]V) []MapKey[K] {
	kt := reflect.TypeFor[K]()
	var name func(k K) (string, error)
	switch kind := kt.Kind(); {
	case kind == reflect.String:
		name = func(k K) (string, error) { return reflect.ValueOf(&k).Elem().String(), nil }
	case kt.Implements(textMarshalerType):
		name = func(k K) (string, error) {
			v := reflect.ValueOf(&k).Elem()
			if v.Kind() == reflect.Pointer && v.IsNil() {
				return "", nil
			}
			b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
			return string(b), err
		}
	case kind >= reflect.Int && kind <= reflect.Int64:
		name = func(k K) (string, error) { return strconv.FormatInt(reflect.ValueOf(&k).Elem().Int(), 10), nil }
	case kind >= reflect.Uint && kind <= reflect.Uintptr:
		name = func(k K) (string, error) { return strconv.FormatUint(reflect.ValueOf(&k).Elem().Uint(), 10), nil }
	default:
		e.fail(&json.UnsupportedTypeError{Type: reflect.TypeFor[map[K]V]()})
		return nil
	}
	p := scratchKeys[K](e, &e.keys)
	ks := p.room(len(m))
	for k := range m {
		n, err := name(k)
		if err != nil {
			e.fail(&MarshalerError{Type: fmt.Sprintf("%T", k), Func: "MarshalText", Err: err})
			p.keep(ks) // for release to clear
			return nil
		}
		ks = append(ks, MapKey[K]{Key: k, Name: n})
	}
	sortKeys(e, ks)
	p.keep(ks)
	return ks
}

// NilParamMap writes a nil map whose key type K is a type parameter: null,
// or, when encoding/json rejects the instantiated key type, its error (it
// rejects the map type, nil or not), recorded on e.
func NilParamMap[K comparable, V any](e *Encoder, m map[K]V) {
	kt := reflect.TypeFor[K]()
	switch kind := kt.Kind(); {
	case kind == reflect.String, kt.Implements(textMarshalerType),
		kind >= reflect.Int && kind <= reflect.Int64, kind >= reflect.Uint && kind <= reflect.Uintptr:
		e.Null()
	default:
		e.fail(&json.UnsupportedTypeError{Type: reflect.TypeOf(m)})
	}
}

// NamedBytes writes a slice of a named byte type ([]MyByte) as base64, as
// encoding/json does for every slice whose elements are bytes without
// Marshalers; nil is null.
func NamedBytes[E ~byte](e *Encoder, b []E) {
	if b == nil {
		e.Null()
		return
	}
	buf := make([]byte, len(b))
	for i, c := range b {
		buf[i] = byte(c)
	}
	e.Base64(buf)
}

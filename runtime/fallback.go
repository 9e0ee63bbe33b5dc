// The fallback, for dynamic values of types the fast path of Any does not
// know: with fallback_nan.go, the only code in the package that uses
// reflection, directly or through encoding/json.Marshal (any.go's
// isNilPointer only looks at an interface's type and pointer). Nothing on
// the path of a generated type without interfaces comes here.
//
// encoding/json writes most such values, and its output is then written as
// raw JSON, so the options still apply; under AllowNaN, which encoding/json
// does not know, values that can hold a float are walked instead
// (fallback_nan.go). Values that hold generated types are the exception: encoding/json
// would call their MarshalJSON, each in a fresh Encoder, out of sight of this
// Encoder's options and cycle check, so a cycle back through an interface
// would overflow the stack. The shapes that can be caught cheaply (a generated
// value, and slices, arrays and string-keyed maps of generated types or of
// pointers to them) are written here instead.

package runtime

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// fallback writes v with encoding/json, for a type the runtime does not know.
func (e *Encoder) fallback(v any) {
	if e.generatedElems(v) {
		return
	}
	if e.opts.allowNaN && e.allowNaN(v) { // see fallback_nan.go
		return
	}
	var b []byte
	var err error
	if e.opts.escapeHTML {
		b, err = json.Marshal(v)
	} else {
		if e.jbuf == nil {
			e.jbuf = new(bytes.Buffer)
		}
		e.jbuf.Reset()
		enc := json.NewEncoder(e.jbuf)
		enc.SetEscapeHTML(false)
		err = enc.Encode(v)
		b = bytes.TrimSuffix(e.jbuf.Bytes(), []byte("\n"))
	}
	if err != nil {
		e.fail(err)
		return
	}
	e.trustedJSON(b)
}

var (
	dumperType    = reflect.TypeFor[Dumper]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
)

// generatedValue returns a pointer to a copy of m when m is a value of a
// generated type whose encoding does not depend on addressability (its
// MarshalJSON has a value receiver), so that the copy can be written by this
// Encoder: with its options, and in sight of its cycle check, which the
// fresh Encoder of MarshalJSON would not be.
func generatedValue(m json.Marshaler) (Dumper, bool) {
	t := reflect.TypeOf(m)
	if t.Kind() == reflect.Pointer || !reflect.PointerTo(t).Implements(dumperType) {
		return nil, false
	}
	p := reflect.New(t)
	p.Elem().Set(reflect.ValueOf(m))
	return p.Interface().(Dumper), true
}

// generatedElems writes v when it is a slice, an array or a map with string
// keys of a generated type (or of pointers to one), and reports whether it
// did. encoding/json would call the elements' MarshalJSON, each in an Encoder
// of its own, where a cycle back to v is out of sight and overflows the
// stack; here the elements are written by this Encoder, which sees it. The
// elements are as encoding/json sees them: a slice's addressable, an array's
// and a map's not.
func (e *Encoder) generatedElems(v any) bool {
	rv := reflect.ValueOf(v)
	k := rv.Kind()
	if k != reflect.Slice && k != reflect.Array && (k != reflect.Map || rv.Type().Key().Kind() != reflect.String) {
		return false
	}
	elem := rv.Type().Elem()
	if !elem.Implements(dumperType) && !reflect.PointerTo(elem).Implements(dumperType) {
		return false
	}
	if k != reflect.Array && rv.IsNil() {
		e.Null()
		return true
	}
	if k == reflect.Map {
		if !e.Enter(nil) {
			return true
		}
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		e.OpenObject()
		for _, key := range keys {
			e.KeyString(key.String())
			if e.Any(rv.MapIndex(key).Interface()); e.Failed() {
				e.AtKey(key.String())
				return true
			}
		}
		e.CloseObject()
		e.Leave(nil)
		return true
	}
	if k == reflect.Slice && rv.Len() > 0 {
		// The elements can lead back to this slice, as in generated code.
		p := rv.Index(0).Addr().Interface()
		if !e.Enter(p) {
			return true
		}
		defer e.Leave(p)
	}
	e.OpenArray()
	for i := range rv.Len() {
		e.Elem()
		x := rv.Index(i)
		if k == reflect.Slice && x.Kind() != reflect.Pointer {
			e.Addr(x.Addr().Interface())
		} else {
			e.Any(x.Interface())
		}
		if e.Failed() {
			e.AtIndex(i)
			return true
		}
	}
	e.CloseArray()
	return true
}

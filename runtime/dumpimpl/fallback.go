// The fallback, for dynamic values of types the fast path of Any does not
// know. It uses reflection, directly or through encoding/json.Marshal, as do
// fallback_nan.go, and omit.go and params.go for what only an instantiated
// type decides (any.go's isNilPointer only looks at an interface's type and
// pointer). Nothing on the path of a generated type without interfaces
// comes here.
//
// encoding/json writes most such values, and its output is then written as
// raw JSON, so the options still apply; under AllowNaN, which encoding/json
// does not know, values that can hold a float are walked instead
// (fallback_nan.go). Slices, arrays and string-keyed maps of generated types
// (or of pointers to them) are the exception: this Encoder walks them and
// writes each element by its generated code, with the options and in sight
// of the cycle check. So are named map[string]any and []any types, such as
// gin's gin.H and echo's echo.Map: they are written as the unnamed types
// are, each value by its generated code where it has one.

package dumpimpl

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"sync"
)

// fallback writes v with encoding/json, for a type the runtime does not know.
func (e *Encoder) fallback(v any) {
	if e.anyContainer(v) || e.generatedElems(v) {
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
	anyMapType   = reflect.TypeFor[map[string]any]()
	anySliceType = reflect.TypeFor[[]any]()
)

// anyContainer writes v when its type is a named type whose underlying type
// is map[string]any or []any, and without JSON methods, and reports whether
// it did. encoding/json writes such a value as its underlying type; the
// conversion shares v's map or array.
func (e *Encoder) anyContainer(v any) bool {
	switch v.(type) {
	case json.Marshaler, encoding.TextMarshaler:
		return false
	}
	rv := reflect.ValueOf(v)
	switch t := rv.Type(); {
	case t.Kind() == reflect.Map && t.Key() == anyMapType.Key() && t.Elem() == anyMapType.Elem():
		e.anyMap(rv.Convert(anyMapType).Interface().(map[string]any))
	case t.Kind() == reflect.Slice && t.Elem() == anySliceType.Elem():
		e.anySlice(rv.Convert(anySliceType).Interface().([]any))
	default:
		return false
	}
	return true
}

// generatedTypes caches isGenerated: reflect.Type -> bool.
var generatedTypes sync.Map

// isGenerated reports whether t, or the type t points to, has generated
// code: whether a DispatchFunc takes a nil pointer of it (writing null into
// a scratch Encoder). Asking the DispatchFuncs, not the method set, keeps a
// struct that embeds a generated type out.
func isGenerated(t reflect.Type) bool {
	if ok, found := generatedTypes.Load(t); found {
		return ok.(bool)
	}
	p := t
	if t.Kind() != reflect.Pointer {
		p = reflect.PointerTo(t)
	}
	probe := NewEncoder(nil)
	ok := probe.generated(reflect.Zero(p).Interface())
	probe.release()
	generatedTypes.Store(t, ok)
	return ok
}

// generatedElems writes v when it is a slice, an array or a map with string
// keys of a generated type (or of pointers to one), and reports whether it
// did: each element by its generated code, rather than all of v by
// reflection. The elements are as encoding/json sees them: a slice's
// addressable, an array's and a map's not.
func (e *Encoder) generatedElems(v any) bool {
	rv := reflect.ValueOf(v)
	k := rv.Kind()
	if k != reflect.Slice && k != reflect.Array && (k != reflect.Map || rv.Type().Key().Kind() != reflect.String) {
		return false
	}
	if !isGenerated(rv.Type().Elem()) {
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
		keys, ks := e.sortedMapKeys(rv)
		e.OpenObject()
		for _, k := range ks {
			e.KeyString(k.Name)
			if e.Any(rv.MapIndex(keys[k.Key]).Interface()); e.Failed() {
				e.AtKey(k.Name)
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

// sortedMapKeys returns the keys of m, a map with string or integer keys,
// and their names in the order generated code writes them (sortKeys, which
// under SortKeys spells invalid UTF-8 as U+FFFD): each name's Key is the
// index of its key.
func (e *Encoder) sortedMapKeys(m reflect.Value) ([]reflect.Value, []MapKey[int]) {
	keys := m.MapKeys()
	ks := make([]MapKey[int], len(keys))
	for i, k := range keys {
		var name string
		switch k.Kind() {
		case reflect.String:
			name = k.String()
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			name = strconv.FormatInt(k.Int(), 10)
		default:
			name = strconv.FormatUint(k.Uint(), 10)
		}
		ks[i] = MapKey[int]{Key: i, Name: name}
	}
	sortKeys(e, ks)
	return keys, ks
}

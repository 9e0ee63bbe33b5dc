// Dynamic values: interface fields (Any) and values of a type parameter
// (Addr). Generated types and the types that json.Unmarshal puts into an
// `any` take a fast path; a type the runtime does not know goes to the
// fallback (fallback.go), the only code in the package that reflects.

package dumpimpl

import (
	"encoding"
	"encoding/json"
	"reflect"
	"time"
)

// Dumper is implemented by *T for every generated type T. DumpJSON writes the
// value, addressable, as the generated code does; a nil *T writes null.
// Generated code calls it on the types of other generated files; dynamic
// values find their generated code through dispatch (dispatch.go), since
// the method is promoted to structs that embed T.
type Dumper interface{ DumpJSON(e *Encoder) }

// Any writes v, a dynamic value, which is not addressable: nil as null, a
// generated type by its generated code, then as encoding/json would.
func (e *Encoder) Any(v any) {
	// The concrete cases come first for speed; none of their types has a
	// method the interface cases below look for, but for time.Time and
	// json.RawMessage, whose MarshalJSON they reproduce.
	switch v := v.(type) {
	case nil:
		e.Null()
	case string:
		e.String(v)
	case float64:
		e.Float64(v)
	case bool:
		e.Bool(v)
	case map[string]any:
		e.anyMap(v)
	case []any:
		e.anySlice(v)
	case int:
		e.Int(int64(v))
	case int8:
		e.Int(int64(v))
	case int16:
		e.Int(int64(v))
	case int32:
		e.Int(int64(v))
	case int64:
		e.Int(v)
	case uint:
		e.Uint(uint64(v))
	case uint8:
		e.Uint(uint64(v))
	case uint16:
		e.Uint(uint64(v))
	case uint32:
		e.Uint(uint64(v))
	case uint64:
		e.Uint(v)
	case uintptr:
		e.Uint(uint64(v))
	case float32:
		e.Float32(v)
	case json.Number:
		e.Number(string(v))
	case json.RawMessage:
		e.RawMessage(v)
	case []byte:
		e.Base64(v)
	case map[string]string:
		e.anyStringMap(v)
	case []string:
		e.anyStrings(v)
	case time.Time:
		e.Time(v)
	default:
		e.dynamic(v)
	}
}

// dynamic writes v, of a type that Any's fast path does not know: by its
// generated code, or as encoding/json would.
func (e *Encoder) dynamic(v any) {
	if e.generated(v) {
		return
	}
	if isNilPointer(v) {
		e.Null() // as encoding/json writes it, without calling a method of it
		return
	}
	switch v := v.(type) {
	case json.Marshaler:
		e.Marshaler(v)
	case encoding.TextMarshaler:
		e.TextMarshaler(v)
	default:
		e.fallback(v)
	}
}

// Addr writes *p, where p is a non-nil pointer to an addressable value of a
// type parameter: as encoding/json writes an addressable value, so that
// methods on the pointer apply.
func (e *Encoder) Addr(p any) {
	switch p := p.(type) {
	case *string:
		e.String(*p)
	case *float64:
		e.Float64(*p)
	case *bool:
		e.Bool(*p)
	case *int:
		e.Int(int64(*p))
	case *int8:
		e.Int(int64(*p))
	case *int16:
		e.Int(int64(*p))
	case *int32:
		e.Int(int64(*p))
	case *int64:
		e.Int(*p)
	case *uint:
		e.Uint(uint64(*p))
	case *uint8:
		e.Uint(uint64(*p))
	case *uint16:
		e.Uint(uint64(*p))
	case *uint32:
		e.Uint(uint64(*p))
	case *uint64:
		e.Uint(*p)
	case *uintptr:
		e.Uint(uint64(*p))
	case *float32:
		e.Float32(*p)
	case *any:
		e.Any(*p)
	case *json.Number:
		e.Number(string(*p))
	case *json.RawMessage:
		e.RawMessage(*p)
	case *[]byte:
		e.Base64(*p)
	case *time.Time:
		e.Time(*p)
	case *map[string]any:
		e.anyMap(*p)
	case *[]any:
		e.anySlice(*p)
	default:
		e.addrDynamic(p)
	}
}

// addrDynamic is Addr for a type its fast path does not know: by its
// generated code, or as encoding/json would.
func (e *Encoder) addrDynamic(p any) {
	if e.generated(p) {
		return
	}
	switch p := p.(type) {
	case json.Marshaler:
		e.Marshaler(p)
	case encoding.TextMarshaler:
		e.TextMarshaler(p)
	default:
		e.fallback(p)
	}
}

func (e *Encoder) anySlice(s []any) {
	if s == nil {
		e.Null()
		return
	}
	if len(s) == 0 {
		e.OpenArray()
		e.CloseArray()
		return
	}
	if !e.Enter(&s[0]) {
		return
	}
	e.OpenArray()
	for i, v := range s {
		e.Elem()
		if e.Any(v); e.Failed() {
			e.AtIndex(i)
			break
		}
	}
	e.CloseArray()
	e.Leave(&s[0])
}

// entry is a map[string]any entry: sorting entries, not keys, saves a map
// lookup per key.
type entry struct {
	key string
	val any
}

func (e *Encoder) anyMap(m map[string]any) {
	if m == nil {
		e.Null()
		return
	}
	if !e.Enter(nil) {
		return
	}
	p := scratchKeys[entry](e, &e.anyKeys)
	ks := p.room(len(m))
	for k, v := range m {
		ks = append(ks, MapKey[entry]{Key: entry{k, v}, Name: k})
	}
	sortKeys(e, ks)
	p.keep(ks)
	e.OpenObject()
	for _, kv := range ks {
		e.KeyString(kv.Name)
		if e.Any(kv.Key.val); e.Failed() {
			e.AtKey(kv.Name)
			break
		}
	}
	e.CloseObject()
	e.Leave(nil)
}

func (e *Encoder) anyStringMap(m map[string]string) {
	if m == nil {
		e.Null()
		return
	}
	ks := sortedStringKeys(e, &e.anyKeys, m)
	e.OpenObject()
	for _, k := range ks {
		e.KeyString(k.Name)
		e.String(m[k.Key])
	}
	e.CloseObject()
}

func (e *Encoder) anyStrings(s []string) {
	if s == nil {
		e.Null()
		return
	}
	e.OpenArray()
	for _, v := range s {
		e.Elem()
		e.String(v)
	}
	e.CloseArray()
}

// isNilPointer reports whether v holds a nil pointer, which encoding/json
// writes as null (or names "" as a map key) without calling its Marshaler:
// the method must not be called to find out, since it may work on nil, or
// panic, and a panic belongs to the caller. reflect looks at the interface's
// type and pointer only, never at what it points to, and does not allocate.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

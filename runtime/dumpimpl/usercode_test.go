package dumpimpl

import (
	"encoding/json"
	"fmt"
	"testing"
)

// The user's methods that the runtime calls (MarshalJSON, MarshalText) are
// called as encoding/json calls them: once, never for a nil pointer held in
// an interface or used as a map key, and a panic in them reaches the caller
// as it is.

// counted is a method call counter shared by the types below.
var counted int

type (
	panicJSON  struct{ n int }
	panicText  struct{ n int }
	panicKey   int
	nilJSON    struct{}
	nilText    struct{}
	nilKey     struct{ s string }
	panicValue struct{ s string } // what the methods panic with
)

func (panicJSON) MarshalJSON() ([]byte, error) { counted++; panic(panicValue{"json"}) }
func (panicText) MarshalText() ([]byte, error) { counted++; panic(panicValue{"text"}) }
func (k panicKey) MarshalText() ([]byte, error) {
	counted++
	panic(panicValue{fmt.Sprint("key ", int(k))})
}

// Methods that work on a nil pointer: encoding/json does not call them.
func (*nilJSON) MarshalJSON() ([]byte, error) { counted++; return []byte(`"called"`), nil }
func (*nilText) MarshalText() ([]byte, error) { counted++; return []byte("called"), nil }
func (k *nilKey) MarshalText() ([]byte, error) {
	counted++
	if k == nil {
		return []byte("called"), nil
	}
	return []byte(k.s), nil
}

// outcome is what encoding a value did: its output or what it panicked
// with, and how many methods it called.
type outcome struct {
	out      string
	panicked any
	calls    int
}

func run(f func() string) (o outcome) {
	counted = 0
	defer func() {
		o.panicked = recover()
		o.calls = counted
	}()
	o.out = f()
	return o
}

func TestUserCodeCalledOnce(t *testing.T) {
	var nj *nilJSON
	var nt *nilText
	for _, c := range []struct {
		name string
		v    any
		dump func(e *Encoder)
	}{
		{"panicking Marshaler in any", []any{panicJSON{1}}, nil},
		{"panicking TextMarshaler in any", []any{panicText{1}}, nil},
		{"nil Marshaler in any", []any{nj}, nil},
		{"nil TextMarshaler in any", []any{nt}, nil},
		{"panicking zero key", map[panicKey]int{0: 1}, nil},
		{"panicking key", map[panicKey]int{7: 1}, nil},
		{"nil pointer key", map[*nilKey]int{nil: 1, {"a"}: 2}, nil},
	} {
		want := run(func() string { b, _ := json.Marshal(c.v); return string(b) })
		got := run(func() string {
			s, _ := dump(func(e *Encoder) {
				switch m := c.v.(type) {
				case map[panicKey]int:
					dumpMap(e, func(e *Encoder) []MapKey[panicKey] { return TextKeys(e, m) }, m, func(v int) { e.Int(int64(v)) })
				case map[*nilKey]int:
					dumpMap(e, func(e *Encoder) []MapKey[*nilKey] { return TextKeys(e, m) }, m, func(v int) { e.Int(int64(v)) })
				default:
					e.Any(c.v)
				}
			})
			return s
		})
		if got != want {
			t.Errorf("%s: got %+v, encoding/json %+v", c.name, got, want)
		}
	}
}

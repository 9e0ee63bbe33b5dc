// Dispatch: how a dynamic value (an interface field, the argument of
// jsondump.Marshal) finds the generated code of its type. Each generated file
// registers one function whose type switch matches exactly the file's types
// and pointers to them. Method sets would not do: a generated DumpJSON is
// promoted to every struct that embeds the type, in any package, and such a
// struct must be encoded whole, as encoding/json encodes it, not as the type
// it embeds.

package dumpimpl

import "sync/atomic"

// A DispatchFunc is generated, one for each generated file. When v holds a
// value of one of the file's types, or a pointer to one, it writes v to e
// and reports true; otherwise it writes nothing and reports false.
type DispatchFunc func(e *Encoder, v any) bool

// dispatchers are the registered DispatchFuncs. They are appended to by
// package initialization only, which happens before any encode, so they
// are read without a lock.
var dispatchers []DispatchFunc

// Register adds the DispatchFunc of a generated file. Generated code calls
// it from an init function; it must not be called once encoding has begun.
func Register(f DispatchFunc) { dispatchers = append(dispatchers, f) }

// lastHit is the index in dispatchers of the DispatchFunc that last wrote
// a value. A program encodes the same few types again and again, most often
// from one generated file: generated tries that file's DispatchFunc first,
// and the others, whose type switches would each miss, only when it misses.
var lastHit atomic.Uint32

// generated writes v with its generated code and reports whether v's type
// has any.
func (e *Encoder) generated(v any) bool {
	if len(dispatchers) == 0 {
		return false
	}
	first := lastHit.Load()
	if dispatchers[first](e, v) {
		return true
	}
	for i, f := range dispatchers {
		if uint32(i) != first && f(e, v) {
			lastHit.Store(uint32(i))
			return true
		}
	}
	return false
}

// Follow writes *p, a pointer to a generated type held in an interface, or
// null when p is nil. Such a pointer can lead back to a value that holds it,
// and generated code checks only the types it can see, so it gets a cycle
// check of its own.
func (e *Encoder) Follow(p Dumper) {
	if !e.Enter(p) {
		return
	}
	p.DumpJSON(e)
	e.Leave(p)
}

// Declared returns self() when that is v itself, and nil otherwise. self is
// a generated method of a generic type that returns its receiver (a type
// switch cannot name a generic type, so its DispatchFunc finds it by this
// method): it returns v only when v's own type declares it. A method
// promoted from an embedded field returns that field's address instead, and
// reaching the field may go through a nil pointer: the panic that follows
// means "not declared" too. Nothing but the one-line generated method runs
// inside the recover.
func Declared(v any, self func() Dumper) (d Dumper) {
	defer func() {
		if recover() != nil {
			d = nil
		}
	}()
	if d = self(); any(d) != v {
		return nil
	}
	return d
}

package dumpimpl

import (
	"fmt"
	"slices"
	"testing"
)

// TestDispatchTriesLastHitFirst runs generated over two stand-in files, one
// for bools and one for strings, and checks which DispatchFuncs each value
// consults: the one that last wrote a value first, then the others in
// order, and that every value is written by its own file whatever the
// order.
func TestDispatchTriesLastHitFirst(t *testing.T) {
	var calls []string
	file := func(name string, match func(any) bool) DispatchFunc {
		return func(e *Encoder, v any) bool {
			calls = append(calls, name)
			if !match(v) {
				return false
			}
			e.String(fmt.Sprint(name, ":", v))
			return true
		}
	}
	saved, savedHit := dispatchers, lastHit.Load()
	defer func() { dispatchers = saved; lastHit.Store(savedHit) }()
	dispatchers = []DispatchFunc{
		file("bools", func(v any) bool { _, ok := v.(bool); return ok }),
		file("strings", func(v any) bool { _, ok := v.(string); return ok }),
	}
	lastHit.Store(0)

	for _, c := range []struct {
		v     any
		found bool
		out   string
		calls []string
	}{
		{"a", true, `"strings:a"`, []string{"bools", "strings"}},
		{"b", true, `"strings:b"`, []string{"strings"}},
		{true, true, `"bools:true"`, []string{"strings", "bools"}},
		{false, true, `"bools:false"`, []string{"bools"}},
		{1.5, false, ``, []string{"bools", "strings"}},
		{"c", true, `"strings:c"`, []string{"bools", "strings"}},
	} {
		calls = nil
		var found bool
		out, err := dump(func(e *Encoder) { found = e.generated(c.v) })
		if err != nil || found != c.found || out != c.out || !slices.Equal(calls, c.calls) {
			t.Errorf("generated(%#v) = %v, writes %s, %v, calls %v; want %v, %s, nil, %v",
				c.v, found, out, err, calls, c.found, c.out, c.calls)
		}
	}

	dispatchers = nil
	if _, err := dump(func(e *Encoder) {
		if e.generated("a") {
			t.Error("generated with no registered file reports a write")
		}
	}); err != nil {
		t.Error(err)
	}
}

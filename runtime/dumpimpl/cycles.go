// Cycles. As in encoding/json, pointer identity is tracked only past a
// nesting depth of 1000, so that acyclic data pays one counter per level.
// A map has no identity without reflect: maps nested more than 10000 deep
// (counting maps only) are taken for a cycle. That is the backstop for a
// cycle made of maps alone; a cycle through any pointer or slice is caught
// by identity first.

package dumpimpl

import (
	"encoding/json"
	"fmt"
)

const (
	startDetectingCyclesAfter = 1000
	maxMapDepth               = 10000
)

// Enter is called before following a pointer, slice or map whose element
// type can reach itself. p is the pointer; for a slice, &s[0] (an empty
// slice needs no check); for a map, nil. Enter returns false for a cycle,
// and records the error; the caller then returns without calling Leave.
// When Enter returns true, the caller calls Leave with the same p once done
// with the value. After a failure the caller may return without Leave: the
// encode is over, and release resets the counters.
func (e *Encoder) Enter(p any) bool {
	if e.level++; e.level <= startDetectingCyclesAfter && p != nil {
		return true
	}
	return e.enterSlow(p)
}

func (e *Encoder) enterSlow(p any) bool {
	if p == nil {
		if e.mapLevel++; e.mapLevel > maxMapDepth {
			e.level--
			e.mapLevel--
			e.fail(&json.UnsupportedValueError{Str: fmt.Sprintf(
				"encountered a cycle via a map (or maps nested more than %d deep)", maxMapDepth)})
			return false
		}
		return true
	}
	if _, ok := e.seen[p]; ok {
		e.level--
		e.fail(&json.UnsupportedValueError{Str: fmt.Sprintf("encountered a cycle via %T", p)})
		return false
	}
	if e.seen == nil {
		e.seen = make(map[any]struct{})
	}
	e.seen[p] = struct{}{}
	if len(e.seen) > keepKeys {
		e.grown = true // a deep value: release lets go of the map
	}
	return true
}

// Leave ends what Enter(p) began.
func (e *Encoder) Leave(p any) {
	if e.level > startDetectingCyclesAfter || p == nil {
		e.leaveSlow(p)
	}
	e.level--
}

func (e *Encoder) leaveSlow(p any) {
	if p == nil {
		e.mapLevel--
	} else {
		delete(e.seen, p)
	}
}

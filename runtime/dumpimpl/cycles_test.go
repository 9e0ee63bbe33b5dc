package dumpimpl

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCycleThroughAny(t *testing.T) {
	m := map[string]any{"x": 1.0}
	m["self"] = m
	s := []any{1.0, nil}
	s[1] = s
	mixed := map[string]any{}
	mixed["l"] = []any{map[string]any{"back": mixed}}
	for name, v := range map[string]any{"map": m, "slice": s, "mixed": mixed} {
		_, err := dumpAny(v)
		var uve *json.UnsupportedValueError
		if err == nil || !strings.Contains(err.Error(), "cycle") || !errors.As(err, &uve) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// node is a linked list, encoded as generated code would with a cycle
// check on Next.
type node struct {
	V    int
	Next *node
}

func dumpNode(e *Encoder, n *node) {
	e.OpenObject()
	e.Key(`,"V":`)
	e.Int(int64(n.V))
	e.Key(`,"Next":`)
	if n.Next == nil {
		e.Null()
	} else {
		if !e.Enter(n.Next) {
			e.AtField("Next")
			return
		}
		dumpNode(e, n.Next)
		e.Leave(n.Next)
		if e.Failed() {
			e.AtField("Next")
			return
		}
	}
	e.CloseObject()
}

func TestCycleThroughPointers(t *testing.T) {
	var head *node
	for i := range 3000 {
		head = &node{i, head}
	}
	got, err := dump(func(e *Encoder) { dumpNode(e, head) })
	if want := mustJSON(t, head); got != want || err != nil {
		t.Fatalf("acyclic list: %v", err)
	}
	// Close the loop.
	last := head
	for last.Next != nil {
		last = last.Next
	}
	last.Next = head
	_, err = dump(func(e *Encoder) { dumpNode(e, head) })
	var je *Error
	if !errors.As(err, &je) || !strings.Contains(err.Error(), "encountered a cycle via *dumpimpl.node") ||
		!strings.HasPrefix(je.Path, ".Next.Next.Next") {
		t.Errorf("error %.200v", err)
	}
}

// TestDeepAcyclic: nesting deeper than where identity tracking starts still
// encodes, as in encoding/json.
func TestDeepAcyclic(t *testing.T) {
	var s any = []any{}
	var m any = map[string]any{}
	for range 5000 {
		s = []any{s, "x"}
		m = map[string]any{"k": m}
	}
	for _, v := range []any{s, m} {
		got, err := dumpAny(v)
		if want := mustJSON(t, v); got != want || err != nil {
			t.Errorf("got %.50s..., %v", got, err)
		}
	}
	// The same slice twice at different places is not a cycle.
	shared := []any{1.0}
	v := []any{shared, shared}
	for range 1500 {
		v = []any{v}
	}
	if _, err := dumpAny(v); err != nil {
		t.Error(err)
	}
}

// TestMapDepthBackstop: maps have no identity; past 10000 nested maps the
// encode fails, and the Encoder's depth counters come back to zero.
func TestMapDepthBackstop(t *testing.T) {
	e := NewEncoder(nil)
	for i := range maxMapDepth {
		if !e.Enter(nil) {
			t.Fatalf("Enter failed at %d", i)
		}
	}
	if e.Enter(nil) || !strings.Contains(e.err.Error(), "cycle") {
		t.Fatalf("Enter at %d: %v", maxMapDepth+1, e.err)
	}
	for range maxMapDepth {
		e.Leave(nil)
	}
	if e.level != 0 || e.mapLevel != 0 {
		t.Errorf("level %d, mapLevel %d", e.level, e.mapLevel)
	}
	e.Bytes()
}

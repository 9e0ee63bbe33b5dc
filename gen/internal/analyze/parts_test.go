package analyze

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jsondump/jsondump/gen/internal/model"
)

func partFields(keys []string) []*model.Field {
	fields := make([]*model.Field, len(keys))
	for i, k := range keys {
		fields[i] = &model.Field{Name: "F" + k, Key: k, Path: []model.Step{{Name: "F" + k}}}
	}
	return fields
}

// partStarts returns the keys of the fields that begin parts.
func partStarts(fields []*model.Field) []string {
	var keys []string
	for _, p := range parts("_T_dump", fields) {
		keys = append(keys, fields[p.From].Key)
	}
	return keys
}

// TestPartsAreLocal inserts a field at every position of a struct of 80
// and checks that the parts change only there: at most the new field and
// the next field that could begin a part gain or lose a part, so a diff of
// a one-field change does not move the other parts' boundaries.
func TestPartsAreLocal(t *testing.T) {
	keys := make([]string, 80)
	for i := range keys {
		keys[i] = fmt.Sprint("key", i)
	}
	before := partStarts(partFields(keys))
	if len(before) < 80/(partMin+partPeriod) {
		t.Fatalf("80 fields in %d parts: the test needs more", len(before)+1)
	}
	for _, added := range []string{"new0", "new1", "new2", "new3", "new4", "new5", "new6", "new7"} {
		for at := 1; at < len(keys); at++ {
			after := partStarts(partFields(slices.Insert(slices.Clone(keys), at, added)))
			// the field that could begin a part next after the insertion
			next := ""
			for _, k := range keys[at:] {
				if keyHash(k)%partPeriod == 0 {
					next = k
					break
				}
			}
			for _, k := range symmetricDifference(before, after) {
				if k != added && k != next {
					t.Errorf("%s inserted at %d: the part at %s changed too (before %v, after %v)", added, at, k, before, after)
				}
			}
		}
	}
}

func symmetricDifference(a, b []string) []string {
	var d []string
	for _, k := range a {
		if !slices.Contains(b, k) {
			d = append(d, k)
		}
	}
	for _, k := range b {
		if !slices.Contains(a, k) {
			d = append(d, k)
		}
	}
	return d
}

// TestPartsShape checks what emission relies on and what keeps parts
// worth a call: each part begins at least partMin fields after the one
// before, never at the first field, and never at a field promoted through
// an embedded pointer (inside its nil check).
func TestPartsShape(t *testing.T) {
	keys := make([]string, 200)
	for i := range keys {
		keys[i] = fmt.Sprint("k", i)
	}
	fields := partFields(keys)
	for i := 40; i < 60; i++ { // promoted through *Base
		fields[i].Path = []model.Step{{Name: "Base", Deref: true}, {Name: fields[i].Name}}
	}
	ps := parts("_T_dump", fields)
	if len(ps) < 5 {
		t.Fatalf("200 fields in %d parts", len(ps)+1)
	}
	from := 0
	for _, p := range ps {
		if p.From-from < partMin {
			t.Errorf("part %s begins %d fields after the one before", p.Name, p.From-from)
		}
		if p.From >= 40 && p.From < 60 {
			t.Errorf("part %s begins at a field behind an embedded pointer", p.Name)
		}
		if want := "_T_dump_" + fields[p.From].Name; p.Name != want {
			t.Errorf("part at %d is named %s, want %s", p.From, p.Name, want)
		}
		from = p.From
	}
	if got := parts("_T_dump", fields[:partMin]); len(got) != 0 {
		t.Errorf("%d fields in parts %v", partMin, got)
	}
}

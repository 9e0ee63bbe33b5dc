package analyze

import (
	"fmt"
	"hash/fnv"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// The helper of a struct with many fields is written in parts
// (model.Encoder.Parts), each a function that writes some of the fields and
// calls the next. The compiler's location lists for debuggers cost more
// than linearly in a function's size: every inlined runtime call adds a
// variable, its receiver, that they follow through the rest of the
// function. On go-github's file, parts of about ten fields save 130 MiB
// (9%) of the compile's peak memory, for a call every ten fields or so
// (DESIGN.md, "Generated code at scale").
//
// Where parts begin is decided by the keys, so that a one-field change
// stays one place in the diff (TestOneFieldChangesOnePlace): a field may
// begin a part when its key hashes to 0 modulo partPeriod, and does when
// the field that last could, or the first field, is at least partMin
// fields before it. Adding or removing a field changes at most whether the
// next such field begins a part.
const (
	partPeriod = 6
	partMin    = 4
)

// parts returns the parts of the helper named name, which writes fields.
// A part is named after the helper and its first field's Go name. No part
// begins at a field behind an embedded pointer, inside its nil check.
func parts(name string, fields []*model.Field) []model.Part {
	var ps []model.Part
	used := map[string]bool{}
	last := 0 // the last field that could begin a part, or the first
	for i, f := range fields {
		if i == 0 || f.BehindPointer() || keyHash(f.Key)%partPeriod != 0 {
			continue
		}
		if i-last >= partMin {
			part := name + "_" + f.Name
			for k := 2; used[part]; k++ {
				part = fmt.Sprintf("%s_%s%d", name, f.Name, k)
			}
			used[part] = true
			ps = append(ps, model.Part{Name: part, From: i})
		}
		last = i
	}
	return ps
}

// keyHash is FNV-1a of a JSON key.
func keyHash(key string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()
}

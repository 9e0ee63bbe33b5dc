package difftest

import (
	"errors"
	"testing"
)

// panicky's MarshalJSON panics, as a user's method can on a random value.
type panicky struct{ Level int }

func (p panicky) MarshalJSON() ([]byte, error) {
	return []byte(`"` + []string{"low", "high"}[p.Level] + `"`), nil
}

// TestPanicsCompare checks that a panic in a user's method is a result of
// its own: the same panic agrees, and a panic never agrees with an output,
// an error or another panic.
func TestPanicsCompare(t *testing.T) {
	bad := panicky{Level: 5}
	want := Marshal(bad)
	if want.Panic == "" {
		t.Fatalf("json.Marshal of %#v gives %s, want a panic", bad, want)
	}
	if got := DropInMarshal(bad); !Same(got, want) {
		t.Errorf("jsondump.Marshal gives %s, json.Marshal %s", got, want)
	}
	if got := DropInEncode([]any{bad}, true, "", ""); !Same(got, want) {
		t.Errorf("jsondump's Encoder gives %s, json.Marshal %s", got, want)
	}
	good := Marshal(panicky{Level: 1})
	for _, r := range []Result{good, {Err: errors.New("failed")}, {Panic: "another"}} {
		if Same(r, want) || Same(want, r) {
			t.Errorf("Same(%s, %s) is true", r, want)
		}
	}
	if string(good.JSON) != `"high"` || !Same(good, DropInMarshal(panicky{Level: 1})) {
		t.Errorf("without a panic: %s and %s", good, DropInMarshal(panicky{Level: 1}))
	}
}

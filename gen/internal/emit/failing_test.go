package emit

import (
	"maps"
	"slices"
	"testing"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// TestFailingHelpers checks which helpers can fail, through calls and
// recursion: only after their calls does generated code test e.Failed().
func TestFailingHelpers(t *testing.T) {
	cyclic := ptrTo(call("_Node_dump", "m.Node"))
	cyclic.CycleCheck = true
	encs := []*model.Encoder{
		structEncoder("Plain", fld("N", val(model.Int, "int")), fld("S", val(model.String, "string")), fld("B", val(model.Bytes, "[]byte"))),
		structEncoder("Outer", fld("P", call("_Plain_dump", "m.Plain")), fld("Q", ptrTo(call("_Plain_dump", "m.Plain")))),
		structEncoder("Price", fld("F", val(model.Float64, "float64"))),
		structEncoder("Order", fld("P", sliceOf(call("_Price_dump", "m.Price")))),
		structEncoder("Node", fld("Next", cyclic)),
		structEncoder("Text", fld("M", mapOf(model.TextKey, "netip.Addr", val(model.Int, "int")))),
		structEncoder("Loop", fld("A", ptrTo(call("_Loop2_dump", "m.Loop2")))),
		structEncoder("Loop2", fld("B", ptrTo(call("_Loop_dump", "m.Loop")))),
		structEncoder("Dyn", fld("X", val(model.Interface, "any"))),
	}
	got := slices.Sorted(maps.Keys(failingHelpers(encs)))
	want := []string{"_Dyn_dump", "_Node_dump", "_Order_dump", "_Price_dump", "_Text_dump"}
	if !slices.Equal(got, want) {
		t.Errorf("failing helpers %q, want %q", got, want)
	}
}

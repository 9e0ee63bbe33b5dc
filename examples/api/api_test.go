package api_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jsondump/jsondump/examples/api"
	mirror "github.com/jsondump/jsondump/internal/mirror/api"
	"github.com/jsondump/jsondump/runtime"
)

func Example() {
	resp := api.UserResponse{
		Meta: api.Meta{RequestID: "req-1"},
		Data: api.User{ID: 7, Name: "Ada <admin>", Tags: []string{"ops"}, Score: 99.5},
	}
	fmt.Println(resp.Dumps())
	resp.DumpTo(os.Stdout, runtime.Indent("", "  "), runtime.SortKeys())
	// Output:
	// {"request_id":"req-1","data":{"id":7,"name":"Ada \u003cadmin\u003e","tags":["ops"],"score":99.5}}
	// {
	//   "data": {
	//     "id": 7,
	//     "name": "Ada \u003cadmin\u003e",
	//     "score": 99.5,
	//     "tags": [
	//       "ops"
	//     ]
	//   },
	//   "request_id": "req-1"
	// }
}

// TestOrderListMatchesEncodingJSON writes one order list both ways: with the
// generated code, and with encoding/json on the same value of the mirror
// types, which have no generated methods.
func TestOrderListMatchesEncodingJSON(t *testing.T) {
	when := time.Date(2026, 11, 28, 9, 30, 0, 5, time.FixedZone("CET", 3600))
	discount := 0.25
	list := api.OrderList{
		Meta: api.Meta{RequestID: "r", Version: 2},
		Page: api.Page{Next: "/orders?after=2", Total: 2},
		Orders: []api.Order{
			{ID: "o1", Timestamps: api.Timestamps{CreatedAt: when, UpdatedAt: &when}, Total: 1999, Status: api.Shipped,
				Lines: []api.Line{{SKU: "a&b", Qty: 2, Price: 9.995, Discount: &discount}}, Notes: map[string]string{"z": "1", "a": "2"}},
			{ID: "o2", Lines: nil, Total: -5},
		},
	}
	ref := mirror.OrderList{
		Meta: mirror.Meta{RequestID: "r", Version: 2},
		Page: mirror.Page{Next: "/orders?after=2", Total: 2},
		Orders: []mirror.Order{
			{ID: "o1", Timestamps: mirror.Timestamps{CreatedAt: when, UpdatedAt: &when}, Total: 1999, Status: mirror.Shipped,
				Lines: []mirror.Line{{SKU: "a&b", Qty: 2, Price: 9.995, Discount: &discount}}, Notes: map[string]string{"z": "1", "a": "2"}},
			{ID: "o2", Lines: nil, Total: -5},
		},
	}
	want, err := json.Marshal(&ref)
	if err != nil {
		t.Fatal(err)
	}
	if got := list.Dumps(); got != string(want) {
		t.Errorf("Dumps:\n got %s\nwant %s", got, want)
	}
	if got, err := json.Marshal(list); err != nil || string(got) != string(want) {
		t.Errorf("json.Marshal through the generated MarshalJSON:\n got %s (%v)\nwant %s", got, err, want)
	}
}

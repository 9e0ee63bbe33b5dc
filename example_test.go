package jsondump_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
)

// net/http needs no adapter: a handler encodes its response with
// jsondump.NewEncoder where it would use json.NewEncoder, and gets the same
// bytes, written by the generated code of api.UserResponse.
func ExampleNewEncoder() {
	handler := func(w http.ResponseWriter, r *http.Request) {
		resp := api.UserResponse{
			Meta: api.Meta{RequestID: r.Header.Get("X-Request-Id")},
			Data: api.User{ID: 7, Name: "Ada <admin>", Tags: []string{"ops"}, Score: 99.5},
		}
		w.Header().Set("Content-Type", "application/json")
		if err := jsondump.NewEncoder(w).Encode(resp); err != nil {
			// Encode streams: a response larger than a chunk (about
			// 32 KiB) may have been sent in part, so log the error
			// rather than answer with another status.
			log.Print(err)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(handler))
	defer srv.Close()

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/users/7", nil)
	req.Header.Set("X-Request-Id", "req-1")
	res, err := srv.Client().Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	fmt.Println(res.Header.Get("Content-Type"))
	io.Copy(os.Stdout, res.Body)
	// Output:
	// application/json
	// {"request_id":"req-1","data":{"id":7,"name":"Ada \u003cadmin\u003e","tags":["ops"],"score":99.5}}
}

// Marshal takes the shapes frameworks and helpers build around a response,
// such as a map[string]any: the generated values inside it are written by
// their generated code, everything else as encoding/json writes it.
func ExampleMarshal() {
	page := api.OrderList{
		Meta:   api.Meta{RequestID: "req-2"},
		Page:   api.Page{Total: 1},
		Orders: []api.Order{{ID: "o1", Total: 1999, Status: api.Paid}},
	}
	b, err := jsondump.Marshal(map[string]any{"data": page, "ok": true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {"data":{"request_id":"req-2","page":{"total":1},"orders":[{"id":"o1","created_at":"0001-01-01T00:00:00Z","lines":null,"total":19.99,"status":"paid"}]},"ok":true}
}

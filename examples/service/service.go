// Package service is a small net/http API over the response types of
// examples/api, written as a user would write it: a store, a handler per
// endpoint, and one helper that writes JSON. Its JSON goes through
// jsondump.NewEncoder, which writes exactly what json.NewEncoder writes, and
// takes the generated code of api.OrderList, api.UserResponse and
// api.Category, also inside the map[string]any of GET /categories.
//
// The endpoints:
//
//	GET /orders?after=ID&limit=N   api.OrderList, a page of orders
//	GET /users/{id}                api.UserResponse, one user
//	GET /categories                {"data": [roots...], "total": n}
//	GET /categories/{name}         api.Category, one category and its subtree
//
// An error is answered with its status and {"request_id": ..., "errors":
// [api.APIError]}.
//
// NewHandler takes the function that writes each body, so that the tests
// and benchmarks can serve the same store with encoding/json.
package service

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/examples/api"
)

// An EncodeFunc writes v to w followed by a newline, as json.Encoder's
// Encode does.
type EncodeFunc func(w io.Writer, v any) error

// JSONDump writes v with jsondump.NewEncoder. It is the service's encoder.
func JSONDump(w io.Writer, v any) error { return jsondump.NewEncoder(w).Encode(v) }

// EncodingJSON writes v with json.NewEncoder, for comparison.
func EncodingJSON(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }

// Store holds the service's data. It is read-only once the handler serves.
type Store struct {
	Orders     []api.Order // in the order GET /orders lists them
	Users      map[int64]api.User
	Categories []api.Category // the roots of the category tree
}

// DefaultLimit and MaxLimit bound the page size of GET /orders.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// NewHandler returns the service's handler over s, writing each response
// body with encode.
func NewHandler(s *Store, encode EncodeFunc) http.Handler {
	h := &handler{store: s, encode: encode}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", h.orders)
	mux.HandleFunc("GET /users/{id}", h.user)
	mux.HandleFunc("GET /categories", h.categories)
	mux.HandleFunc("GET /categories/{name}", h.category)
	return mux
}

type handler struct {
	store  *Store
	encode EncodeFunc
}

// writeJSON writes v as the response with the given status. The body is
// encoded while it is sent, so an error (which the store's values never
// cause) can come after the status line: it is logged.
func (h *handler) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := h.encode(w, v); err != nil {
		log.Printf("service: writing the response: %v", err)
	}
}

// writeError answers with status and a body of one api.APIError.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, status int, msg string, details any) {
	h.writeJSON(w, status, map[string]any{
		"request_id": r.Header.Get("X-Request-Id"),
		"errors":     []api.APIError{{Code: status, Message: msg, Details: details}},
	})
}

func meta(r *http.Request) api.Meta {
	return api.Meta{RequestID: r.Header.Get("X-Request-Id"), Version: 1}
}

// orders serves a page of orders: those after the order whose ID is the
// after parameter (from the first when it is absent), at most limit of them.
func (h *handler) orders(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := DefaultLimit
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			h.writeError(w, r, http.StatusBadRequest, "limit must be a number from 1 to "+strconv.Itoa(MaxLimit),
				map[string]any{"limit": s})
			return
		}
		limit = n
	}
	orders := h.store.Orders
	start := 0
	if after := q.Get("after"); after != "" {
		start = len(orders)
		for i := range orders {
			if orders[i].ID == after {
				start = i + 1
				break
			}
		}
	}
	end := min(start+limit, len(orders))
	list := api.OrderList{Meta: meta(r), Page: api.Page{Total: len(orders)}, Orders: orders[start:end]}
	if end < len(orders) {
		list.Next = "/orders?after=" + orders[end-1].ID + "&limit=" + strconv.Itoa(limit)
	}
	h.writeJSON(w, http.StatusOK, list)
}

// user serves one user, or a 404 whose body says why.
func (h *handler) user(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	u, ok := h.store.Users[id]
	if err != nil || !ok {
		h.writeError(w, r, http.StatusNotFound, "no such user", map[string]any{"id": r.PathValue("id")})
		return
	}
	h.writeJSON(w, http.StatusOK, api.UserResponse{Meta: meta(r), Data: u})
}

// categories serves the roots of the category tree, in the shape many
// handlers use: a map[string]any around the data.
func (h *handler) categories(w http.ResponseWriter, r *http.Request) {
	h.writeJSON(w, http.StatusOK, map[string]any{
		"request_id": r.Header.Get("X-Request-Id"),
		"data":       h.store.Categories,
		"total":      len(h.store.Categories),
	})
}

// category serves the first category of that name, in a depth-first walk
// of the tree, with its subtree.
func (h *handler) category(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if c := find(h.store.Categories, name); c != nil {
		h.writeJSON(w, http.StatusOK, c)
		return
	}
	h.writeError(w, r, http.StatusNotFound, "no such category", map[string]any{"name": name})
}

func find(cs []api.Category, name string) *api.Category {
	for i := range cs {
		if cs[i].Name == name {
			return &cs[i]
		}
		if c := find(cs[i].Children, name); c != nil {
			return c
		}
	}
	return nil
}

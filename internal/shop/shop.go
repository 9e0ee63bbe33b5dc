// Package shop is the contrib modules' test fixture: a small response model
// whose encoding code jsondump generated (without -marshaljson, so
// encoding/json cannot reach that code), and a probe that tells which code
// encoded it (probe.go).
package shop

import "time"

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump -type=OrderList,Order

// OrderList is a page of orders.
type OrderList struct {
	RequestID string  `json:"request_id"`
	Orders    []Order `json:"orders"`
	Next      string  `json:"next,omitempty"`
	Total     int     `json:"total"`
}

// Order is a customer's order. Extra holds whatever the handler adds.
type Order struct {
	ID       string
	Created  time.Time         `json:"created"`
	Customer *Customer         `json:"customer,omitempty"`
	Lines    []Line            `json:"lines"`
	Total    float64           `json:"total"`
	Status   Status            `json:"status"`
	Notes    map[string]string `json:"notes,omitempty"`
	Extra    any               `json:"extra,omitempty"`
}

// Customer is who ordered.
type Customer struct {
	Name   string   `json:"name"`
	Email  string   `json:"email,omitempty"`
	Tags   []string `json:"tags"`
	Avatar []byte   `json:"avatar,omitempty"`
}

// Line is one line of an order.
type Line struct {
	SKU      string   `json:"sku"`
	Qty      int      `json:"qty"`
	Price    float64  `json:"price"`
	Discount *float64 `json:"discount,omitempty"`
}

// Status is the state of an order, written as its name.
type Status int

// The states of an order.
const (
	Pending Status = iota
	Paid
	Shipped
)

// MarshalText writes the status's name.
func (s Status) MarshalText() ([]byte, error) {
	switch s {
	case Pending:
		return []byte("pending"), nil
	case Paid:
		return []byte("paid"), nil
	}
	return []byte("shipped"), nil
}

// Package api is the response model of a small shop's HTTP API: nested and
// embedded types, optional fields, a TextMarshaler enum and money in cents.
package api

import (
	"strconv"
	"time"
)

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump -marshaljson -type=UserResponse,OrderList,Category

// UserResponse is the body of GET /users/{id}.
type UserResponse struct {
	Meta
	Data   User       `json:"data"`
	Errors []APIError `json:"errors,omitempty"`
}

// OrderList is the body of GET /orders.
type OrderList struct {
	Meta
	Page   `json:"page"`
	Orders []Order `json:"orders"`
}

// Meta is embedded in every response; its fields are promoted.
type Meta struct {
	RequestID string `json:"request_id"`
	Version   int    `json:"version,omitempty"`
}

// Page says where the next page of a list is.
type Page struct {
	Next  string `json:"next,omitempty"`
	Total int    `json:"total"`
}

// User is an account.
type User struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Email    string   `json:"email,omitempty"`
	Admin    bool     `json:"admin,omitempty"`
	Address  *Address `json:"address,omitempty"`
	Tags     []string `json:"tags"`
	Score    float64  `json:"score"`
	Avatar   []byte   `json:"avatar,omitempty"`
	password string
}

// Address is a postal address. Street and City have no tags: their Go names
// are their keys.
type Address struct {
	Street  string
	City    string
	Zip     string `json:"zip,omitempty"`
	Country string `json:"country"`
}

// Timestamps is embedded in records that track changes.
type Timestamps struct {
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
}

// Order is a customer's order.
type Order struct {
	ID string `json:"id"`
	Timestamps
	Customer *User             `json:"customer,omitempty"`
	Lines    []Line            `json:"lines"`
	Total    Money             `json:"total"`
	Status   Status            `json:"status"`
	Notes    map[string]string `json:"notes,omitempty"`
}

// Line is one line of an order.
type Line struct {
	SKU      string   `json:"sku"`
	Qty      int      `json:"qty"`
	Price    float64  `json:"price"`
	Discount *float64 `json:"discount,omitempty"`
}

// APIError is one problem with a request. Details holds whatever the handler
// found useful.
type APIError struct {
	Code    int
	Message string
	Details any `json:"details,omitempty"`
}

// Category is a node of the catalogue's category tree: a category has a
// parent, subcategories, variants per locale and free-form attributes. A
// tree has no cycles; a bug that links a category under itself makes one,
// which DumpTo reports as an error instead of recursing forever.
type Category struct {
	Name     string              `json:"name"`
	Parent   *Category           `json:"parent,omitempty"`
	Children []Category          `json:"children,omitempty"`
	Locales  map[string]Category `json:"locales,omitempty"`
	Attrs    any                 `json:"attrs,omitempty"`
}

// Money is an amount in cents, written as a decimal string of units.
type Money int64

// MarshalJSON writes m as a JSON number with two decimals.
func (m Money) MarshalJSON() ([]byte, error) {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	cents := strconv.FormatInt(int64(m%100), 10)
	if len(cents) < 2 {
		cents = "0" + cents
	}
	return []byte(sign + strconv.FormatInt(int64(m/100), 10) + "." + cents), nil
}

// Status is the state of an order.
type Status int

// The states of an order.
const (
	Pending Status = iota
	Paid
	Shipped
	Cancelled
)

var statusNames = [...]string{"pending", "paid", "shipped", "cancelled"}

// MarshalText writes the status's name.
func (s Status) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(statusNames) {
		return nil, &UnknownStatusError{s}
	}
	return []byte(statusNames[s]), nil
}

// UnknownStatusError is returned for a Status without a name.
type UnknownStatusError struct{ Status Status }

func (e *UnknownStatusError) Error() string {
	return "api: unknown order status " + strconv.Itoa(int(e.Status))
}

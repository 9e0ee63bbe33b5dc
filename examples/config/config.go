// Package config is a service configuration with struct tags of every kind:
// renamed and unnamed keys, omitempty, omitzero, string, "-" and "-,", keys
// with HTML and non-ASCII characters, a Marshaler with a pointer receiver and
// a generic type. Every struct type in it is selected with -all.
package config

import (
	"encoding/json"
	"strings"
	"time"
)

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump -all

// Config is the whole configuration.
type Config struct {
	Name     string                     `json:"name"`
	Port     int                        `json:"port,string"`
	Debug    bool                       `json:"debug,string,omitempty"`
	Ratio    float64                    `json:",string"`
	Secret   string                     `json:"-"`
	Dash     string                     `json:"-,"`
	Timeout  Duration                   `json:"timeout,omitzero"`
	Limits   Limits                     `json:"limits,omitzero"`
	Quoted   string                     `json:"say \"hi\""` // quotes: Go 1.26 uses the Go name, Go 1.27 "say"
	HTML     string                     `json:"a<b>&c"`
	Unicode  string                     `json:"ключ"`
	Ptr      *string                    `json:"ptr,string,omitempty"`
	Number   json.Number                `json:"number,omitempty"`
	Started  time.Time                  `json:"started,omitzero"`
	Mode     Mode                       `json:"mode"`
	Version  [3]int                     `json:"version"`
	Features map[string]bool            `json:"features"`
	Extra    map[string]json.RawMessage `json:"extra,omitempty"`
	Backends []Backend                  `json:"backends,omitempty"`
	Defaults Pair[string, int]          `json:"defaults"`
	Ignored  chan int                   `json:"-"`
	internal int
}

// Limits caps resource use; the zero value means no limits.
type Limits struct {
	MaxConns int     `json:"max_conns,omitempty"`
	Burst    float64 `json:"burst,omitzero"`
	Memory   uint64  `json:"memory,omitempty"`
}

// Backend is an upstream server.
type Backend struct {
	URL     string   `json:"url"`
	Weight  uint8    `json:"weight"`
	Tags    []string `json:"tags,omitzero"`
	Healthy *bool    `json:"healthy"`
}

// Pair is a generic key and value.
type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

// Duration is a time.Duration written as a string such as "1m30s".
type Duration time.Duration

// MarshalText writes d as time.Duration's String does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// IsZero reports whether d is unset; omitzero calls it.
func (d Duration) IsZero() bool { return d == 0 }

// Mode is how the service runs. Its MarshalJSON has a pointer receiver, so
// encoding/json calls it only for addressable values: a Config marshalled
// through a pointer writes "mode":"PROD", by value the plain string.
type Mode string

// MarshalJSON writes the mode in upper case.
func (m *Mode) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.ToUpper(string(*m)))
}

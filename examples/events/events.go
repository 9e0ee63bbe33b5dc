// Package events holds the records of a structured logger: time.Time,
// durations, maps of every key kind, optional fields and raw JSON. Its types
// are selected by the //jsondump:json line in their doc comments.
package events

import (
	"encoding/json"
	"fmt"
	"time"
)

//go:generate go run github.com/jsondump/jsondump/cmd/jsondump

// Record is one log line.
//
//jsondump:json
type Record struct {
	Time     time.Time         `json:"time"`
	Level    Level             `json:"level"`
	Message  string            `json:"msg"`
	Attrs    map[string]any    `json:"attrs,omitempty"`
	Counters map[string]int64  `json:"counters,omitempty"`
	ByCode   map[int]string    `json:"by_code,omitempty"`
	Labels   map[Label]string  `json:"labels,omitempty"`
	Source   *Source           `json:"source,omitempty"`
	Duration time.Duration     `json:"duration_ns"`
	Latency  float32           `json:"latency_ms"`
	TraceID  string            `json:"trace_id,omitempty"`
	Sampled  *bool             `json:"sampled,omitempty"`
	Payload  json.RawMessage   `json:"payload,omitempty"`
	Spans    []Span            `json:"spans,omitempty"`
	Host     map[string]string `json:"host"`
}

// Batch is what the shipper sends: records and how many were dropped.
//
//jsondump:json
type Batch struct {
	Records []Record `json:"records"`
	Dropped uint32   `json:"dropped"`
	Final   bool     `json:"final"`
}

// Source is where in the program a record was made.
type Source struct {
	File     string
	Line     int
	Function string `json:"function,omitempty"`
}

// Span is a timed step inside a request.
type Span struct {
	Name  string        `json:"name"`
	Start time.Time     `json:"start"`
	Took  time.Duration `json:"took"`
	Tags  []string      `json:"tags,omitempty"`
}

// Level is a record's severity, written as its name.
type Level int8

// The levels.
const (
	Debug Level = -4
	Info  Level = 0
	Warn  Level = 4
	Error Level = 8
)

// MarshalText writes the level's name; levels between the named ones are
// written as the name below plus an offset, as log/slog does.
func (l Level) MarshalText() ([]byte, error) {
	name := func(base string, off Level) []byte {
		if off == 0 {
			return []byte(base)
		}
		return fmt.Appendf(nil, "%s%+d", base, off)
	}
	switch {
	case l < Info:
		return name("DEBUG", l-Debug), nil
	case l < Warn:
		return name("INFO", l-Info), nil
	case l < Error:
		return name("WARN", l-Warn), nil
	default:
		return name("ERROR", l-Error), nil
	}
}

// Label is a map key that names a dimension, written in upper case with a
// prefix.
type Label string

// MarshalText is ignored by encoding/json for map keys of a string kind: the
// key's own string is used. It is here to show that jsondump does the same.
func (l Label) MarshalText() ([]byte, error) { return []byte("label:" + string(l)), nil }

// AuditRecord is a Record with who did it. It has no //jsondump:json line,
// but it embeds Record, whose generated MarshalJSON would be promoted to it
// and make encoding/json write an AuditRecord as its Record alone; so
// jsondump generates for it too.
type AuditRecord struct {
	Record
	Actor  string `json:"actor"`
	Action string `json:"action,omitempty"`
}

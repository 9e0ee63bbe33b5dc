// Package service is a small net/http API over the log records of
// examples/events, written as a user would write it: a store, a handler per
// endpoint, and one helper that writes JSON. Its JSON goes through
// jsondump.NewEncoder, which writes exactly what json.NewEncoder writes, and
// takes the generated code of events.Batch, events.Record and
// events.AuditRecord, also inside the map[string]any bodies of GET /audit
// and GET /stats.
//
// The endpoints:
//
//	GET /records?level=L&offset=N&limit=N  events.Batch: a page of the records at level L or above
//	GET /records/{n}                       events.Record: the record at position n of the log
//	GET /audit                             {"data": [events.AuditRecord...], "total": n}
//	GET /stats                             {"by_level": {...}, "latest": events.Record, "total": n}
//
// An error is answered with its status and {"error": {"code": ..., "message": ...}}.
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
	"github.com/jsondump/jsondump/examples/events"
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
	Records []events.Record // the log, oldest first
	Audit   []events.AuditRecord
}

// DefaultLimit and MaxLimit bound the page size of GET /records.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// NewHandler returns the service's handler over s, writing each response
// body with encode.
func NewHandler(s *Store, encode EncodeFunc) http.Handler {
	h := &handler{store: s, encode: encode}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /records", h.records)
	mux.HandleFunc("GET /records/{n}", h.record)
	mux.HandleFunc("GET /audit", h.audit)
	mux.HandleFunc("GET /stats", h.stats)
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

// writeError answers with status and a body that says what went wrong.
func (h *handler) writeError(w http.ResponseWriter, status int, msg string) {
	h.writeJSON(w, status, map[string]any{"error": map[string]any{"code": status, "message": msg}})
}

// levels are the names GET /records accepts for its level parameter.
var levels = map[string]events.Level{
	"DEBUG": events.Debug, "INFO": events.Info, "WARN": events.Warn, "ERROR": events.Error,
}

// records serves a page of the records at or above a level: limit of them
// from offset on. Dropped says how many records of the log the level left
// out; Final, whether the page is the last.
func (h *handler) records(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	least := events.Debug
	if s := q.Get("level"); s != "" {
		l, ok := levels[s]
		if !ok {
			h.writeError(w, http.StatusBadRequest, "level must be DEBUG, INFO, WARN or ERROR, not "+strconv.Quote(s))
			return
		}
		least = l
	}
	offset, ok := intParam(q.Get("offset"), 0, 0, len(h.store.Records))
	if !ok {
		h.writeError(w, http.StatusBadRequest, "offset must be a number from 0 to "+strconv.Itoa(len(h.store.Records)))
		return
	}
	limit, ok := intParam(q.Get("limit"), DefaultLimit, 1, MaxLimit)
	if !ok {
		h.writeError(w, http.StatusBadRequest, "limit must be a number from 1 to "+strconv.Itoa(MaxLimit))
		return
	}
	batch := events.Batch{Records: []events.Record{}, Final: true}
	matched := 0
	for i := range h.store.Records {
		rec := &h.store.Records[i]
		if rec.Level < least {
			batch.Dropped++
			continue
		}
		switch {
		case matched < offset:
		case len(batch.Records) < limit:
			batch.Records = append(batch.Records, *rec)
		default:
			batch.Final = false
		}
		matched++
	}
	h.writeJSON(w, http.StatusOK, batch)
}

// intParam parses s, a query parameter, as an int from lo to hi; def when s
// is empty.
func intParam(s string, def, lo, hi int) (int, bool) {
	if s == "" {
		return def, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && lo <= n && n <= hi
}

// record serves one record of the log.
func (h *handler) record(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(h.store.Records) {
		h.writeError(w, http.StatusNotFound, "no record "+strconv.Quote(r.PathValue("n")))
		return
	}
	h.writeJSON(w, http.StatusOK, h.store.Records[n])
}

// audit serves the audit trail, in the shape many handlers use: a
// map[string]any around the data.
func (h *handler) audit(w http.ResponseWriter, r *http.Request) {
	h.writeJSON(w, http.StatusOK, map[string]any{"data": h.store.Audit, "total": len(h.store.Audit)})
}

// stats serves how many records each level has, and the latest record.
func (h *handler) stats(w http.ResponseWriter, r *http.Request) {
	byLevel := map[string]int{}
	for i := range h.store.Records {
		name, _ := h.store.Records[i].Level.MarshalText()
		byLevel[string(name)]++
	}
	body := map[string]any{"by_level": byLevel, "total": len(h.store.Records), "latest": nil}
	if n := len(h.store.Records); n > 0 {
		body["latest"] = h.store.Records[n-1]
	}
	h.writeJSON(w, http.StatusOK, body)
}

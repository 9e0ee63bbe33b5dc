package runtime

import "github.com/jsondump/jsondump/runtime/dumpimpl"

// Error is the error of a failed encode: where in the value it happened and
// why. It is a struct with two fields:
//
//	type Error struct {
//		Path string // where in the value: ".Orders[2].Lines[0].Price", "" at the top
//		Err  error  // the cause
//	}
//
// Its Error method reads "jsondump: .Items[3].Price: " and the cause's
// text ("jsondump: " and the text at the top), with the middle of a very
// long path (a cycle's) elided; Path keeps it whole. errors.Is and errors.As see the cause through Unwrap: a
// *json.UnsupportedValueError for NaN, ±Inf and cycles, a *MarshalerError
// for a Marshaler that failed or wrote invalid JSON, the writer's own error.
type Error = dumpimpl.Error

// MarshalerError is the cause when a MarshalJSON or MarshalText method fails
// or MarshalJSON returns invalid JSON. It reads like encoding/json's
// MarshalerError ("json: error calling MarshalJSON for type *shop.Price:
// ..."), which cannot be built without package reflect. It is a struct with
// three fields:
//
//	type MarshalerError struct {
//		Type string // the Go type whose method failed, e.g. "*shop.Price"
//		Func string // "MarshalJSON" or "MarshalText"
//		Err  error  // what the method returned, or a *json.SyntaxError for invalid output
//	}
//
// Unwrap returns Err.
type MarshalerError = dumpimpl.MarshalerError

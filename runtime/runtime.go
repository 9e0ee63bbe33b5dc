// Package runtime holds what users of jsondump's generated code pass to it
// and get back from it: the options of an encode and its errors.
//
//	err := order.DumpTo(w, runtime.Indent("", "  "), runtime.SortKeys())
//
// [Indent], [EscapeHTML], [SortKeys], [EnsureASCII] and [AllowNaN] mirror the
// keywords of Python's json.dumps. Without options the output is byte for
// byte that of json.Marshal; with Indent, that of json.MarshalIndent; with
// EscapeHTML(false), that of a json.Encoder with SetEscapeHTML(false)
// without its newline; with SortKeys or EnsureASCII, that of Python's
// json.dumps with sort_keys=True or ensure_ascii=True on the same data.
// Options combine freely.
//
// An encode fails on NaN or ±Inf (without AllowNaN), on a cycle, on a
// Marshaler that fails or returns invalid JSON, and when the writer fails.
// The error is an [*Error], which says where in the value it happened and
// wraps the cause:
//
//	jsondump: .Items[3].Price: json: unsupported value: NaN
//
// A writer receives the output in chunks of about 32 KiB; when an encode
// fails after the first chunk, the writer has received a prefix of the
// output, and nothing after the failure.
//
// The code that generated methods call to write JSON is in package
// github.com/jsondump/jsondump/runtime/dumpimpl, which is for generated
// code only and has no compatibility promise; the types here are aliases
// of its types.
package runtime

import "github.com/jsondump/jsondump/runtime/dumpimpl"

// Encoder is the encoder of generated code, which a generated DumpJSON
// method writes to:
//
//	func (v *T) DumpJSON(e *runtime.Encoder)
//
// Users need not call it: DumpTo, Dumps and jsondump.Marshal create one.
// Its methods are documented, for generated code, in package dumpimpl.
type Encoder = dumpimpl.Encoder

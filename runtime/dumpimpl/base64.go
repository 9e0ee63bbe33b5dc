// []byte as encoding/json writes it: a string of standard base64, with
// padding; a nil slice is null.

package dumpimpl

import "encoding/base64"

// Base64 writes b as a base64 string, or null when b is nil.
func (e *Encoder) Base64(b []byte) {
	if b == nil {
		e.Null()
		return
	}
	e.buf = append(e.buf, '"')
	e.setBuf(base64.StdEncoding.AppendEncode(e.buf, b))
	e.buf = append(e.buf, '"')
}

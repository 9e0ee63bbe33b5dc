// Package jsondumpgin makes gin write JSON with jsondump: values of types
// with jsondump-generated code, and gin.H maps, slices and interfaces that
// hold them, take the generated code; every other value is written as
// encoding/json writes it. The bytes are gin's default (encoding/json)
// bytes in every case. Decoding (ShouldBindJSON and friends) is left to
// encoding/json.
//
// gin reads its JSON codec from the variable API of the package
// github.com/gin-gonic/gin/codec/json. Set it once, before the server
// starts:
//
//	import (
//		"github.com/gin-gonic/gin/codec/json"
//		jsondumpgin "github.com/jsondump/jsondump/contrib/gin"
//	)
//
//	func main() {
//		json.API = jsondumpgin.API{}
//		r := gin.Default()
//		...
//	}
//
// c.JSON, c.IndentedJSON, c.SecureJSON, c.JSONP, c.AsciiJSON and c.PureJSON
// all go through it.
//
// Like encoding/json, and unlike jsondump.Encoder, the Encoder this API
// returns writes a value whole or not at all: when encoding fails, the
// response has received none of it, so gin's error handling sees an
// untouched response, as it does by default.
package jsondumpgin

import (
	"encoding/json"
	"io"

	ginjson "github.com/gin-gonic/gin/codec/json"
	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/runtime"
)

// API is gin's JSON codec (ginjson.Core) with jsondump's encoding and
// encoding/json's decoding.
type API struct{}

var _ ginjson.Core = API{}

// Marshal returns the JSON encoding of v; jsondump.Marshal.
func (API) Marshal(v any) ([]byte, error) { return jsondump.Marshal(v) }

// MarshalIndent returns the indented JSON encoding of v;
// jsondump.MarshalIndent.
func (API) MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return jsondump.MarshalIndent(v, prefix, indent)
}

// Unmarshal decodes data into v; json.Unmarshal.
func (API) Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// NewEncoder returns an Encoder that writes to w as json.NewEncoder's does.
func (API) NewEncoder(w io.Writer) ginjson.Encoder { return &Encoder{w: w, escapeHTML: true} }

// NewDecoder returns json.NewDecoder(r).
func (API) NewDecoder(r io.Reader) ginjson.Decoder { return json.NewDecoder(r) }

// An Encoder writes JSON values to a writer, each followed by a newline,
// with the bytes json.Encoder writes. Each value reaches the writer whole,
// after it has been encoded, or not at all.
type Encoder struct {
	w          io.Writer
	escapeHTML bool
}

// SetEscapeHTML says whether <, > and & inside strings are escaped as
// \u003c, \u003e and \u0026 (the default), as json.Encoder's method of the
// same name does.
func (enc *Encoder) SetEscapeHTML(on bool) { enc.escapeHTML = on }

// Encode writes the JSON encoding of v to the writer, followed by a
// newline.
func (enc *Encoder) Encode(v any) error {
	var b []byte
	var err error
	if enc.escapeHTML {
		b, err = jsondump.Marshal(v)
	} else {
		b, err = jsondump.Marshal(v, runtime.EscapeHTML(false))
	}
	if err != nil {
		return err
	}
	if _, err := enc.w.Write(b); err != nil {
		return err
	}
	_, err = enc.w.Write(newline)
	return err
}

var newline = []byte{'\n'}

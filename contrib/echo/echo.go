// Package jsondumpecho makes echo write JSON with jsondump: values of types
// with jsondump-generated code, and echo.Map maps, slices and interfaces
// that hold them, take the generated code; every other value is written as
// encoding/json writes it. The bytes are those of echo's
// DefaultJSONSerializer in every case. Decoding (c.Bind) is left to
// DefaultJSONSerializer, which uses encoding/json.
//
// Set it on the Echo instance:
//
//	import jsondumpecho "github.com/jsondump/jsondump/contrib/echo"
//
//	e := echo.New()
//	e.JSONSerializer = jsondumpecho.Serializer{}
//
// c.JSON, c.JSONPretty and c.JSONP all go through it.
//
// Like echo's default, and unlike jsondump.Encoder, Serialize writes a value
// whole or not at all: when encoding fails, the response has received none
// of it, so echo's error handler can still answer.
package jsondumpecho

import (
	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/runtime"
	"github.com/labstack/echo/v4"
)

// Serializer is an echo.JSONSerializer with jsondump's encoding and
// encoding/json's decoding.
type Serializer struct{}

var _ echo.JSONSerializer = Serializer{}

// Serialize writes the JSON encoding of i to the response, followed by a
// newline, indented by indent when it is not empty: the bytes of
// echo.DefaultJSONSerializer.
func (Serializer) Serialize(c echo.Context, i any, indent string) error {
	var b []byte
	var err error
	if indent == "" {
		b, err = jsondump.Marshal(i)
	} else {
		b, err = jsondump.Marshal(i, runtime.Indent("", indent))
	}
	if err != nil {
		return err
	}
	w := c.Response()
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err = w.Write(newline)
	return err
}

var newline = []byte{'\n'}

// Deserialize decodes the request body into i, with
// echo.DefaultJSONSerializer (encoding/json, and echo's 400 errors for
// malformed input).
func (Serializer) Deserialize(c echo.Context, i any) error {
	return echo.DefaultJSONSerializer{}.Deserialize(c, i)
}

package dumpimpl

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestErrorPath builds the path of a NaN deep in a value the way generated
// code does, on the way out.
func TestErrorPath(t *testing.T) {
	prices := []float64{1, 2, 3, math.NaN()}
	_, err := dump(func(e *Encoder) {
		e.OpenObject()
		e.Key(`,"items":`)
		e.OpenArray()
		for i, p := range prices {
			e.Elem()
			e.OpenObject()
			e.Key(`,"price":`)
			if e.Float64(p); e.Failed() {
				e.AtField("Price")
				e.AtIndex(i)
				e.AtKey(`"q"`)
				e.AtField("Items")
				return
			}
			e.CloseObject()
		}
		e.CloseArray()
		e.CloseObject()
	})
	var je *Error
	var uve *json.UnsupportedValueError
	if !errors.As(err, &je) || !errors.As(err, &uve) {
		t.Fatalf("error %#v", err)
	}
	if je.Path != `.Items["\"q\""][3].Price` {
		t.Errorf("path %s", je.Path)
	}
	if want := `jsondump: .Items["\"q\""][3].Price: json: unsupported value: NaN`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if errors.Unwrap(err) != uve {
		t.Errorf("Unwrap")
	}
}

func TestErrorNoPath(t *testing.T) {
	_, err := dump(func(e *Encoder) { e.Float32(float32(math.Inf(1))) })
	if want := "jsondump: json: unsupported value: +Inf"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	// No error: a nil error, not a nil *Error.
	e := NewEncoder(nil)
	e.Null()
	if _, err := e.Bytes(); err != nil {
		t.Errorf("got %#v", err)
	}
	e = NewEncoder(&chunkWriter{})
	if err := e.Close(); err != nil {
		t.Errorf("got %#v", err)
	}
}

// TestFirstErrorWins: later failures are consequences of the first.
func TestFirstErrorWins(t *testing.T) {
	_, err := dump(func(e *Encoder) {
		e.Number("x")
		e.Float64(math.NaN())
	})
	_, jerr := json.Marshal(json.Number("x"))
	if err == nil || jerr == nil || err.Error() != "jsondump: "+jerr.Error() {
		t.Errorf("got %v", err)
	}
}

func TestWriterErrorPath(t *testing.T) {
	setFlushAt(t, 1)
	e := NewEncoder(&failWriter{k: 1})
	e.OpenArray()
	e.Elem()
	e.Int(1)
	e.Elem() // flushes, and fails
	if !e.Failed() {
		t.Fatal("not failed")
	}
	e.AtIndex(1)
	if err := e.Close(); !errors.Is(err, errWrite) || err.(*Error).Path != "[1]" {
		t.Errorf("got %v, want the writer's error at [1]", err)
	}
}

func TestLongPathIsElidedInMessage(t *testing.T) {
	path := strings.Repeat(`["ключ"]`, 500)
	err := &Error{Path: path, Err: errors.New("boom")}
	msg := err.Error()
	if len(msg) > 300 {
		t.Errorf("message is %d bytes long", len(msg))
	}
	if !utf8.ValidString(msg) {
		t.Errorf("eliding split a rune: %q", msg)
	}
	if !strings.HasPrefix(msg, "jsondump: "+path[:100]) || !strings.HasSuffix(msg, path[len(path)-60:]+": boom") {
		t.Errorf("message lost the ends of the path: %s", msg)
	}
	if err.Path != path {
		t.Errorf("Path itself was shortened")
	}
	short := &Error{Path: ".A[1]", Err: errors.New("boom")}
	if got := short.Error(); got != "jsondump: .A[1]: boom" {
		t.Errorf("short path: %q", got)
	}
}

package runtime_test

import (
	"errors"
	"testing"

	"github.com/jsondump/jsondump/runtime"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

// TestUserAPI: the options and errors users name here are dumpimpl's, one
// for one, so generated code (which calls dumpimpl) takes them as they are.
func TestUserAPI(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want runtime.Option
	}{
		{"Indent", runtime.Indent(">", "\t"), dumpimpl.Indent(">", "\t")},
		{"EscapeHTML(false)", runtime.EscapeHTML(false), dumpimpl.EscapeHTML(false)},
		{"EscapeHTML(true)", runtime.EscapeHTML(true), dumpimpl.EscapeHTML(true)},
		{"SortKeys", runtime.SortKeys(), dumpimpl.SortKeys()},
		{"EnsureASCII", runtime.EnsureASCII(), dumpimpl.EnsureASCII()},
		{"AllowNaN", runtime.AllowNaN(), dumpimpl.AllowNaN()},
	} {
		if c.got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, c.got, c.want)
		}
	}

	var err error = &dumpimpl.Error{Path: ".A", Err: &dumpimpl.MarshalerError{Type: "T", Func: "MarshalJSON", Err: errors.ErrUnsupported}}
	var re *runtime.Error
	var me *runtime.MarshalerError
	if !errors.As(err, &re) || re.Path != ".A" || !errors.As(err, &me) || me.Type != "T" || !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("errors.As and errors.Is through runtime's names: %v", err)
	}
}

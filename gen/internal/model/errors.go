package model

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// Error is a problem the user can fix in their source, at a position.
type Error struct {
	Pos token.Position // Filename:Line:Column; zero when there is no position
	Msg string
}

func (e *Error) Error() string {
	if !e.Pos.IsValid() {
		return e.Msg
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// ErrorList is every problem found in one run, sorted by position. The
// generator reports them all rather than stopping at the first.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Errorf records a problem at pos.
func (l *ErrorList) Errorf(pos token.Position, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Err returns the list as an error, sorted and without duplicates, or nil when
// it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	out := l[:1]
	for _, e := range l[1:] {
		if last := out[len(out)-1]; *last != *e {
			out = append(out, e)
		}
	}
	return out
}

package gen

import "github.com/jsondump/jsondump/gen/internal/model"

// Error is a problem the user can fix in their source, at a position
// (Filename:Line:Column; zero when there is no position). Its Error method
// prints "file:line:col: message".
type Error = model.Error

// ErrorList is every problem found in one run, sorted by position. The
// generator reports them all rather than stopping at the first.
type ErrorList = model.ErrorList

package model

import "strings"

// The names generated code declares inside its functions, whatever the
// input. They have one owner, here: analysis consults them when it names the
// file's imports and checks the type parameters of generic types (which
// share the scope of these names), and emission declares them.

// Locals are the receivers, parameters and fixed locals of generated
// functions: e (the Encoder), v (the value), w (the writer), opts (the
// options), x (the argument of a generic type's dispatch method) and d (the
// pointer a DispatchFunc takes from it).
var Locals = []string{"e", "v", "w", "x", "d", "opts"}

// IsLoopLocal reports whether name has the form of a loop local of
// generated code: i1, k2, v3, keys1, the number being the nesting depth.
func IsLoopLocal(name string) bool {
	for _, prefix := range []string{"i", "k", "v", "keys"} {
		if digits, ok := strings.CutPrefix(name, prefix); ok && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	return false
}

// Command jsondump generates fast, reflection-free JSON encoding methods for
// Go struct types. Its output is byte for byte what encoding/json writes.
//
// Put a go:generate line in the package that declares the types:
//
//	//go:generate go tool jsondump -type=User,Order
//
// (after `go get -tool github.com/jsondump/jsondump/cmd/jsondump`), or for
// one-off use:
//
//	//go:generate go run github.com/jsondump/jsondump/cmd/jsondump -type=User
//
// and run `go generate ./...`. For each selected type T, jsondump writes
//
//	func (v T) DumpTo(w io.Writer, opts ...runtime.Option) error
//	func (v T) Dumps(opts ...runtime.Option) string
//	func (v *T) DumpJSON(e *runtime.Encoder)
//
// into one file per package, by default <type>_jsondump.go, named after the
// first -type (or <package>_jsondump.go with -all or //jsondump:json). The
// file also registers the types with the runtime, so that
// github.com/jsondump/jsondump's Marshal and Encoder, the drop-in for
// encoding/json's, take the generated code for them. Nothing that
// encoding/json does changes: json.Marshal encodes the types as before.
//
// Usage:
//
//	jsondump [flags] [packages]
//
// The packages are import paths or patterns such as ./...; the default is the
// package in the current directory. The flags are:
//
//	-type T1,T2   the types to generate for (struct types, or named map,
//	              slice or array types); repeat the flag for a long list:
//	              -type=T1 -type=T2,T3
//	-all          every struct type declared in the package
//	              (without -type or -all: the types whose doc comment has a
//	              //jsondump:json line)
//	-output FILE  the file to write (one package only)
//	-check        write nothing; print a unified diff for each file that
//	              would change and exit 1 (for CI)
//	-tags LIST    build tags, as for go build
//	-marshaljson  also generate MarshalJSON, for code that needs a
//	              json.Marshaler; json.Marshal on the types gets slower,
//	              not faster (encoding/json re-scans the method's output)
//
// With JSONDUMP_CHECK=1 in the environment, every run is a -check run, so CI
// can check all go:generate lines, each with its own flags, in one command:
//
//	JSONDUMP_CHECK=1 go generate -run jsondump ./...
//
// Errors are printed as file:line:col: message; a type that -all skips,
// because no value of it can be encoded, as file:line:col: warning: message.
// -output never replaces a file jsondump did not write. The exit status is 0 on
// success, 1 for errors in the input (or stale files under -check), 2 for
// bad usage.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/jsondump/jsondump/gen"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A run is short and allocates much that it keeps (syntax, types,
		// the model): collecting less often saves a quarter of its CPU time.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // an error in the input, or stale files under -check
	exitUsage = 2
)

// run is the whole command, apart from the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("jsondump", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var types []string
	flags.Func("type", "comma-separated `names` of the types to generate for (repeatable)", func(s string) error {
		types = append(types, splitList(s)...)
		return nil
	})
	var (
		all    = flags.Bool("all", false, "generate for every struct type declared in the package")
		output = flags.String("output", "", "the `file` to write (one package only)")
		check  = flags.Bool("check", false, "write nothing; print a diff for each file that would change and exit 1")
		tags   = flags.String("tags", "", "comma-separated build `tags`, as for go build")

		marshalJSON = flags.Bool("marshaljson", false, "also generate MarshalJSON (json.Marshal gets no faster; see the README)")
	)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: jsondump [flags] [packages]\n\nflags:\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if os.Getenv("JSONDUMP_CHECK") == "1" {
		*check = true
	}
	if *all && len(types) > 0 {
		fmt.Fprintln(stderr, "jsondump: -type and -all cannot be used together")
		return exitUsage
	}
	cfg := gen.Config{
		Patterns: flags.Args(),
		Types:    types,
		All:      *all,
		Output:   *output,
		Tags:     splitList(*tags),
		Warn:     func(e *gen.Error) { fmt.Fprintln(stderr, warning(e)) },

		MarshalJSON: *marshalJSON,
	}
	outs, err := gen.Generate(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if *check {
		stale, err := gen.Check(outs, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "jsondump:", err)
			return exitError
		}
		if stale > 0 {
			fmt.Fprintf(stderr, "jsondump: %d generated file(s) out of date: run go generate ./...\n", stale)
			return exitError
		}
		return exitOK
	}
	for _, out := range outs {
		if err := gen.WriteFile(out); err != nil {
			fmt.Fprintln(stderr, "jsondump:", err)
			return exitError
		}
	}
	return exitOK
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var list []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			list = append(list, item)
		}
	}
	return list
}

// warning formats a problem that does not stop the run:
// file:line:col: warning: message.
func warning(e *gen.Error) string {
	if !e.Pos.IsValid() {
		return "warning: " + e.Msg
	}
	return e.Pos.String() + ": warning: " + e.Msg
}

// Package gen is jsondump's generator as a library: it loads Go packages,
// analyses the selected struct types into a model and emits, for each
// package, one Go file of JSON encoding methods. It never prints, exits or
// panics: it returns files and errors, and cmd/jsondump owns the rest.
//
// This package is the public API (Config, Generate, Check, WriteFile and the
// errors); the pipeline is behind it, one package per stage, so that the
// compiler holds its seams:
//
//   - internal/load loads the packages with go/packages, a stale generated
//     file of an earlier run read as its package clause alone, and reports
//     what the package's generated files declare;
//   - internal/analyze analyses their types (go/types) into the model,
//     taking every decision about JSON;
//   - internal/model is the plain data that analysis hands to emission,
//     with every decision taken;
//   - internal/emit turns a model into Go source: it sees no go/types,
//     go/ast or golang.org/x/tools, having nothing but the model to read;
//   - internal/diff is the unified diff that Check prints.
package gen

import (
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/jsondump/jsondump/gen/internal/analyze"
	"github.com/jsondump/jsondump/gen/internal/emit"
	"github.com/jsondump/jsondump/gen/internal/load"
	"github.com/jsondump/jsondump/gen/internal/model"
)

// Config is what one run of the generator is asked to do.
type Config struct {
	// Patterns are the packages, as import paths or patterns ("./...");
	// empty means ".".
	Patterns []string

	// Dir is the directory the patterns are resolved in ("" for the current one).
	Dir string

	// Types are the names of the types to generate for (-type). With none and
	// All false, the types whose doc comment has a //jsondump:json line.
	Types []string

	// All selects every struct type declared in the packages (-all).
	All bool

	// Output is the file to write, for a single package; "" for the default
	// name in each package's directory.
	Output string

	// Tags are build tags, as for go build -tags.
	Tags []string

	// MarshalJSON also generates MarshalJSON for each selected type
	// (-marshaljson). Off, generated code changes nothing that encoding/json
	// does.
	MarshalJSON bool

	// Warn, if not nil, is called with each problem that does not stop
	// the run: under All, a type that can never be encoded, which is
	// skipped.
	Warn func(*Error)
}

// Output is one generated file: its path and its complete contents.
type Output struct {
	Path    string
	Content []byte
}

// Generate loads the packages of cfg and returns the generated file of each.
// A non-nil error is an ErrorList of positioned problems (every one found),
// or an error about loading itself.
func Generate(cfg Config) ([]Output, error) {
	pkgs, err := load.Load(cfg.Dir, cfg.Tags, cfg.Patterns)
	if err != nil {
		return nil, err
	}
	// A relative Output is in Dir, where the patterns are resolved too.
	output := cfg.Output
	if output != "" && cfg.Dir != "" && !filepath.IsAbs(output) {
		output = filepath.Join(cfg.Dir, output)
	}
	files, err := analyze.Packages(pkgs, analyze.Config{
		Types:       cfg.Types,
		All:         cfg.All,
		Output:      output,
		MarshalJSON: cfg.MarshalJSON,
		Warn:        cfg.Warn,
	})
	if err != nil {
		return nil, err
	}
	// Emission reads the model alone, so the files are emitted in parallel:
	// formatting them is most of a run's time on a large tree.
	outs := make([]Output, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(files), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				src, err := emit.File(files[i])
				if err == nil {
					err = usesShadowed(files[i], src)
				}
				outs[i], errs[i] = Output{Path: files[i].Output, Content: src}, err
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// usesShadowed returns an ErrorList of the predeclared identifiers the
// generated source uses that a declaration of its package shadows
// (File.Shadowed): `len(x)` would call the package's func len. The names
// the source leaves unresolved are those of its package and Go's universe.
func usesShadowed(f *model.File, src []byte) error {
	if len(f.Shadowed) == 0 {
		return nil
	}
	file, err := parser.ParseFile(token.NewFileSet(), f.Output, src, 0)
	if err != nil {
		return fmt.Errorf("gen: the generated file for %s does not parse: %v", f.PkgPath, err)
	}
	seen := map[string]bool{}
	var errs model.ErrorList
	for _, id := range file.Unresolved {
		pos, ok := f.Shadowed[id.Name]
		if !ok || seen[id.Name] {
			continue
		}
		seen[id.Name] = true
		errs.Errorf(pos, "this %s shadows Go's predeclared %s, which the generated code uses: rename it", id.Name, id.Name)
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Msg < errs[j].Msg })
	return errs.Err()
}

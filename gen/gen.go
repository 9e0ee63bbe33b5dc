// Package gen is jsondump's generator as a library: it loads Go packages,
// analyses the selected struct types into a model (model.go) and emits, for
// each package, one Go file of JSON encoding methods. It never prints, exits
// or panics: it returns files and errors, and cmd/jsondump owns the rest.
package gen

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
	pkgs, err := load(cfg)
	if err != nil {
		return nil, err
	}
	files, err := analyze(pkgs, cfg)
	if err != nil {
		return nil, err
	}
	outs := make([]Output, 0, len(files))
	for _, f := range files {
		src, err := emit(f)
		if err != nil {
			return nil, err
		}
		outs = append(outs, Output{Path: f.Output, Content: src})
	}
	return outs, nil
}

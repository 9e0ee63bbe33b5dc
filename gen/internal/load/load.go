// Package load loads the packages jsondump reads, and knows the files it
// writes (IsGenerated) and what those declare (Generated).
package load

// Loading: one go/packages call for every pattern, with the syntax, types and
// type information of the root packages (dependencies come from export data).
//
// A stale or broken generated file of an earlier run must not stop the next
// one, so every generated file of a root package (one that starts with the
// generated header) is parsed as its package clause alone (plus its
// //go:build line): the package type-checks as if the file were empty, and
// the analysis sees no generated methods. ParseFile does this, after
// reading from the file's syntax what it declares (Generated): another
// go:generate line of the package may have written it, and the analysis
// must know which types have generated code there and which helper names
// it takes. ParseFile needs to know which files belong to the roots. When
// every pattern is a directory ("." as go:generate runs it, "./...",
// "./api"), that follows from the file names; otherwise a quick list of the
// packages' files gives it, at the cost of a second go list (about half of
// a run on one package).
//
// The go command compiles the roots too, for export data nobody reads, and
// fails on a broken generated file: its report ("# pkg" and the compiler's
// errors) is dropped for every package type-checked from source. An
// overlay with the stubs would spare the compiler the broken file, but
// go/packages then type-checks every dependency from source, the standard
// library included: 400 files parsed for a package that imports time, 3x
// the time of a run.

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// maxLoadErrors is how many loading errors are reported before the rest are
// summarised: a broken package often produces hundreds, and the first few
// are the ones that matter.
const maxLoadErrors = 10

const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo

// Package is a root package as loaded, with the files of it that jsondump
// wrote.
type Package struct {
	*packages.Package

	// Generated are the package's generated files, in the order of
	// CompiledGoFiles. Type-checking read each as its package clause
	// alone: what they declare is here, not in Types.
	Generated []*Generated

	// standard tells the import paths of the standard library.
	standard func(path string) bool
}

// IsStandard reports whether path is a package of the standard library of
// the go command that loaded p. A struct of the standard library gains
// fields from one Go release to the next (crypto/x509.Certificate gained
// RawSignatureAlgorithm in Go 1.27): what its JSON holds is decided by the
// Go that compiles the code, not by the one that generated it.
func (p *Package) IsStandard(path string) bool { return p.standard != nil && p.standard(path) }

// standardLibrary returns what Package.IsStandard asks: whether GOROOT/src
// of the go command run in dir has the path's directory (a module cannot
// provide a path of the standard library's).
func standardLibrary(dir string) (func(string) bool, error) {
	cmd := exec.Command("go", "env", "GOROOT")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "src")
	known := map[string]bool{}
	return func(path string) bool {
		std, ok := known[path]
		if !ok {
			fi, err := os.Stat(filepath.Join(src, filepath.FromSlash(path)))
			std = err == nil && fi.IsDir()
			known[path] = std
		}
		return std
	}, nil
}

// Generated is a generated file of a root package and what it declares. A
// file that does not parse (edited by hand, cut short) declares nothing
// here, as it declares nothing to type-checking: the parser's recovery
// loses the rest of the file at the first error, and half a file would
// mislead more than none.
type Generated struct {
	Name    string                    // absolute file name
	Funcs   map[string]token.Position // its functions (not methods), by name
	Methods map[string][]string       // its method names, by the name of the receiver's base type
}

// Load loads the packages that patterns match in dir (the current directory
// if ""; "." if there are no patterns), built with tags, with go/packages, so that patterns,
// modules, workspaces, go.mod's ignore directive and the go command's
// errors (with their hints) are the go command's own. An error is an
// ErrorList of the first problems found (parse, type and list errors),
// with positions.
//
// An earlier version chose the roots' files and type-checked them
// in-process, to spare the go command compiling them (160 ms instead of
// 290 ms for one package); it disagreed with the go command on ignore
// directives, workspaces and untidy modules, and was removed: a correct
// run beats a fast wrong one.
func Load(dir string, tags, patterns []string) ([]*Package, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	return loadAll(dir, tagFlags(tags), patterns, nil)
}

// noPackages is the error for patterns that matched no package. When the
// go command fails before it lists any (a go.mod it must update first, as
// "go 1.26" when a dependency needs go 1.26.0), go/packages reports no
// packages and no error, and the message and its hint are lost: the go
// command is asked again, for them.
func noPackages(dir string, flags, patterns []string) error {
	cmd := exec.Command("go", append(append([]string{"list"}, flags...), patterns...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && stderr.Len() > 0 {
		return errors.New(strings.TrimSpace(stderr.String()))
	}
	return fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
}

// tagFlags returns the go command's flags for build tags.
func tagFlags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(tags, ",")}
}

// loadAll loads the packages in one go/packages call, the roots type-checked
// from source with their generated files stubbed. inRoot, if not nil, tells
// the roots' files.
func loadAll(dir string, flags, patterns []string, inRoot func(string) bool) ([]*Package, error) {
	if inRoot == nil {
		var err error
		if inRoot, err = rootFiles(dir, flags, patterns); err != nil {
			return nil, err
		}
	}
	generated := &generatedFiles{files: map[string]*Generated{}}
	pcfg := &packages.Config{
		Mode:       loadMode,
		Dir:        dir,
		BuildFlags: flags,
		ParseFile:  parseFile(inRoot, generated),
		// No Overlay: see the top of the file.
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, noPackages(dir, flags, patterns)
	}
	if err := loadErrors(pkgs, dir, inRoot); err != nil {
		return nil, err
	}
	standard, err := standardLibrary(dir)
	if err != nil {
		return nil, err
	}
	roots := make([]*Package, len(pkgs))
	for i, p := range pkgs {
		roots[i] = &Package{Package: p, standard: standard}
		for _, name := range p.CompiledGoFiles {
			if g := generated.files[name]; g != nil {
				roots[i].Generated = append(roots[i].Generated, g)
			}
		}
	}
	return roots, nil
}

// loadErrors returns the errors of pkgs and their dependencies that stop a
// run, as an ErrorList (nil for none): not those of stale generated files,
// nor those of code that uses the methods about to be generated.
func loadErrors(pkgs []*packages.Package, dir string, inRoot func(string) bool) error {
	var errs model.ErrorList
	more := 0
	// inStub reports whether a go list position is in a stubbed file; it is
	// relative to the directory the go command ran in.
	inStub := func(pos string) bool {
		name := parsePos(pos).Filename
		if name == "" {
			return false
		}
		if !filepath.IsAbs(name) {
			base := dir
			if base == "" {
				base, _ = os.Getwd()
			}
			name, _ = filepath.Abs(filepath.Join(base, name))
		}
		if !inRoot(name) {
			return false
		}
		src, err := ReadHead(name)
		return err == nil && IsGenerated(src)
	}
	roots := map[*packages.Package]bool{}
	for _, p := range pkgs {
		roots[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		typeErrors := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		for _, e := range p.Errors {
			if (typeErrors || roots[p] || p.TypesInfo != nil) && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				// The compiler's report: of what type-checking reports with
				// positions, or, for a package type-checked from source (the
				// roots, with their generated files stubbed, and what depends
				// on them), of a stale generated file.
				continue
			}
			if e.Kind == packages.ListError && inStub(e.Pos) {
				continue // an import of a stale generated file, which is not read
			}
			if e.Kind == packages.TypeError && usesGenerated.MatchString(e.Msg) {
				continue // the package calls methods this run is about to write
			}
			if len(errs) == maxLoadErrors {
				more++
				continue
			}
			errs = append(errs, &model.Error{Pos: parsePos(e.Pos), Msg: e.Msg})
		}
	})
	if len(errs) > 0 {
		errs = errs.Err().(model.ErrorList) // sorted by position
		if more > 0 {
			errs = append(errs, &model.Error{Msg: fmt.Sprintf("and %d more errors", more)})
		}
		return errs
	}
	return nil
}

// usesGenerated matches the type errors of code that uses the methods
// jsondump generates, in a package whose generated file is missing or was
// stubbed out: `v.Dumps undefined (type T has no field or method Dumps)`,
// `cannot use T{} ... (missing method MarshalJSON)`. They are what the run
// fixes, so they do not stop it; the types jsondump reads are complete
// without those methods.
var usesGenerated = regexp.MustCompile(`(?:has no field or method|missing method) (?:DumpTo|Dumps|DumpJSON|DumpJSONValue|MarshalJSON)\b`)

// rootFiles returns whether a file (by absolute name) belongs to one of the
// root packages: by directory when every pattern is one, else from a list of
// the packages' files.
func rootFiles(dir string, flags, patterns []string) (func(string) bool, error) {
	if in, ok := patternDirs(dir, patterns); ok {
		return in, nil
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode:       packages.NeedFiles,
		Dir:        dir,
		BuildFlags: flags,
	}, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	files := map[string]bool{}
	for _, p := range pkgs {
		for _, name := range p.GoFiles {
			files[name] = true
		}
	}
	return func(name string) bool { return files[name] }, nil
}

// patternDirs turns directory patterns (".", "./api", "../x/...", an
// absolute path) into a test on file names; ok is false when a pattern is an
// import path or has a wildcard elsewhere than a final "/...". A directory
// that "..." reaches but go would skip (testdata, _x, .x, another module)
// holds no root; its files would be parsed here only if it imported a root,
// and are then treated as a root's.
func patternDirs(dir string, patterns []string) (func(string) bool, bool) {
	if dir == "" {
		dir = "."
	}
	var exact, trees []string
	for _, pat := range patterns {
		isDir := pat == "." || pat == ".." || strings.HasPrefix(pat, "./") || strings.HasPrefix(pat, "../") || filepath.IsAbs(pat)
		if !isDir {
			return nil, false
		}
		tree := false
		if rest, found := strings.CutSuffix(pat, "/..."); found {
			pat, tree = rest, true
		}
		if strings.Contains(pat, "...") {
			return nil, false
		}
		if !filepath.IsAbs(pat) {
			pat = filepath.Join(dir, pat)
		}
		abs, err := filepath.Abs(pat)
		if err != nil {
			return nil, false
		}
		if tree {
			trees = append(trees, abs)
		} else {
			exact = append(exact, abs)
		}
	}
	return func(name string) bool {
		d := filepath.Dir(name)
		for _, e := range exact {
			if d == e {
				return true
			}
		}
		for _, t := range trees {
			if d == t || strings.HasPrefix(d, t+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}, true
}

// parseFile returns the packages.Config.ParseFile that parses src with
// comments, and replaces a generated file of the root packages by its
// package clause, after recording in generated what the file declares. Generated
// files of other packages, which may be parsed too, are theirs and stay as
// they are.
func parseFile(root func(string) bool, generated *generatedFiles) func(*token.FileSet, string, []byte) (*ast.File, error) {
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		const mode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
		if IsGenerated(src) && root(filename) {
			generated.add(declarations(filename, src))
			if stub, ok := stubGenerated(src); ok {
				src = stub
			}
		}
		return parser.ParseFile(fset, filename, src, mode)
	}
}

// generatedFiles collects the Generated of the roots' files by name, as
// go/packages parses them, concurrently.
type generatedFiles struct {
	mu    sync.Mutex
	files map[string]*Generated
}

func (g *generatedFiles) add(f *Generated) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.files[f.Name] = f
}

// declarations reads the functions and methods that the generated file
// name, with contents src, declares.
func declarations(name string, src []byte) *Generated {
	g := &Generated{Name: name, Funcs: map[string]token.Position{}, Methods: map[string][]string{}}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return g
	}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if fn.Recv == nil {
			g.Funcs[fn.Name.Name] = fset.Position(fn.Name.Pos())
			continue
		}
		if recv := receiverBase(fn.Recv); recv != "" {
			g.Methods[recv] = append(g.Methods[recv], fn.Name.Name)
		}
	}
	return g
}

// receiverBase is the name of the type a method is declared on: T for a
// receiver of type T, *T, T[K, V] or *T[K, V]; "" when it names no type
// (the compiler rejects such a method).
func receiverBase(recv *ast.FieldList) string {
	if len(recv.List) != 1 {
		return ""
	}
	t := recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// IsGenerated reports whether src is a file jsondump wrote.
func IsGenerated(src []byte) bool {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return string(bytes.TrimRight(line, "\r \t")) == model.Header
}

// stubGenerated returns the header, the //go:build line and the package clause
// of a generated file: what is left when the rest is dropped.
func stubGenerated(src []byte) ([]byte, bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil || f.Name == nil {
		return nil, false
	}
	var b bytes.Buffer
	b.WriteString(model.Header + "\n\n")
	for _, line := range strings.Split(string(src[:f.Package-1]), "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "//go:build ") {
			b.WriteString(line + "\n\n")
			break
		}
	}
	b.WriteString("package " + f.Name.Name + "\n")
	return b.Bytes(), true
}

// parsePos turns a go/packages position ("file:line:col", "file:line", "file"
// or "-") into a token.Position.
func parsePos(s string) token.Position {
	if s == "" || s == "-" {
		return token.Position{}
	}
	var nums []int
	rest := s
	for len(nums) < 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	p := token.Position{Filename: rest}
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Column = nums[1]
	}
	return p
}

// NotGeneratedError is the error for a target file that exists and was not
// written by jsondump.
func NotGeneratedError(path string) error {
	return &model.Error{
		Pos: token.Position{Filename: path, Line: 1, Column: 1},
		Msg: "this file was not generated by jsondump (it does not start with \"" + model.Header +
			"\"): refusing to replace it; choose another -output, or remove the file",
	}
}

// ReadHead reads the first line or so of a file: enough for IsGenerated.
func ReadHead(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, len(model.Header)+2)
	n, _ := f.Read(buf)
	return buf[:n], nil
}

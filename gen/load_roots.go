package gen

// Loading without compiling the roots. go/packages asks go list for export
// data of every package it lists, so loadAll has the go command compile the
// roots too, for export data nobody reads; on a go:generate run the roots
// have usually just changed, and that compile was a third of a run. Here
// instead:
//
//  1. the roots, their files and modules: for directory patterns in module
//     mode, from go/build in the go command's build context (findRoots);
//     else from a go list of the patterns alone (-find: nothing built);
//  2. the roots' files are parsed here, generated ones stubbed (parseFile),
//     and the packages they import, less the roots, are loaded in one
//     go/packages call, from export data (built or cached by the go
//     command: dependencies rarely change between runs);
//  3. the roots are type-checked with go/types in import order, as
//     go/packages would (same types.Config, errors as packages.Error).
//
// Whatever this path does not handle the way go list and go/packages would
// (a list error of a root or of an import, cgo, GOPATH mode, an internal
// import, an import cycle, a dependency that imports a root) makes
// checkRoots return no packages, and load takes loadAll, whose reports are
// the go command's.

import (
	"errors"
	"go/ast"
	"go/build"
	"go/scanner"
	"go/token"
	"go/types"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// listMode lists the roots without resolving their imports (go list -find).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedModule

// depsMode loads the roots' imports from export data, with the import graph
// so that they share their dependencies' types.Package.
const depsMode = packages.NeedName | packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes

// checkRoots loads the packages of the patterns without having the go
// command compile them. pkgs is nil when the path does not apply (see the
// top of the file); inRoot then tells the roots' files if they were listed.
func checkRoots(dir string, flags, patterns []string) (pkgs []*packages.Package, inRoot func(string) bool, err error) {
	listed, ok := findRoots(dir, flags, patterns)
	if !ok {
		listed, err = packages.Load(&packages.Config{Mode: listMode, Dir: dir, BuildFlags: flags}, patterns...)
		if err != nil {
			return nil, nil, nil // loadAll reports it
		}
	}
	names := map[string]bool{}
	for _, p := range listed {
		for _, name := range p.GoFiles {
			names[name] = true
		}
	}
	inRoot = func(name string) bool { return names[name] }
	if len(listed) == 0 {
		return nil, inRoot, nil
	}
	files := &parsedFiles{fset: token.NewFileSet(), m: map[string]*parsed{}}
	return checkListed(dir, flags, listed, files), inRoot, nil
}

// findRoots does what go list -find does of directory patterns ("." as
// go:generate runs it, "./...", "./api") in module mode, in process: the
// go command tells its build context (a quick list of package unsafe),
// go/build selects the files in it, as go list does; the
// import paths follow from go.mod. ok is false where that is not known to
// be what go list would say: other patterns, a workspace, GOPATH mode, a
// directory outside the module of dir, any go/build error (go list reports
// it).
func findRoots(dir string, flags, patterns []string) (roots []*packages.Package, ok bool) {
	if dir == "" {
		dir = "."
	}
	base, err := filepath.Abs(dir)
	if err != nil || os.Getenv("GO111MODULE") == "off" || os.Getenv("GOPACKAGESDRIVER") != "" || (os.Getenv("GOWORK") != "" && os.Getenv("GOWORK") != "off") || strings.Contains(os.Getenv("GOFLAGS"), "-modfile") {
		return nil, false
	}
	mod, ok := findModule(base)
	if !ok {
		return nil, false
	}
	type pat struct {
		dir  string
		tree bool
	}
	var pats []pat
	for _, p := range patterns {
		isDir := p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
		if !isDir {
			return nil, false
		}
		rest, tree := strings.CutSuffix(p, "/...")
		if strings.Contains(rest, "...") {
			return nil, false
		}
		if !filepath.IsAbs(rest) {
			rest = filepath.Join(base, rest)
		}
		pats = append(pats, pat{filepath.Clean(rest), tree})
	}
	ctx, ok := goContext(dir, flags)
	if !ok {
		return nil, false
	}
	seen := map[string]bool{}
	add := func(d string, must bool) bool {
		m, ok := findModule(d)
		if !ok || m.Dir != mod.Dir {
			return false
		}
		bp, err := ctx.ImportDir(d, 0)
		if err != nil {
			var noGo *build.NoGoError
			return !must && errors.As(err, &noGo)
		}
		if len(bp.CgoFiles) > 0 || len(bp.InvalidGoFiles) > 0 || bp.Name == "" {
			return false
		}
		rel, err := filepath.Rel(mod.Dir, d)
		if err != nil {
			return false
		}
		path := mod.Path
		if rel != "." {
			path += "/" + filepath.ToSlash(rel)
		}
		if seen[path] {
			return true
		}
		seen[path] = true
		abs := func(names ...[]string) []string {
			var out []string
			for _, list := range names {
				for _, name := range list {
					out = append(out, filepath.Join(d, name))
				}
			}
			return out
		}
		roots = append(roots, &packages.Package{
			ID:         path,
			Name:       bp.Name,
			PkgPath:    path,
			GoFiles:    abs(bp.GoFiles),
			OtherFiles: abs(bp.CFiles, bp.CXXFiles, bp.MFiles, bp.HFiles, bp.FFiles, bp.SFiles, bp.SwigFiles, bp.SwigCXXFiles, bp.SysoFiles),
			Module:     mod,
		})
		return true
	}
	for _, p := range pats {
		if !p.tree {
			if !add(p.dir, true) {
				return nil, false
			}
			continue
		}
		err := filepath.WalkDir(p.dir, func(d string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() {
				return nil
			}
			if d != p.dir {
				name := e.Name()
				if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			if !add(d, false) {
				return errors.New("not known")
			}
			return nil
		})
		if err != nil {
			return nil, false
		}
	}
	return roots, len(roots) > 0
}

// goContext returns the go command's build context for flags, run in dir.
func goContext(dir string, flags []string) (build.Context, bool) {
	const format = "{{context.GOOS}}\n{{context.GOARCH}}\n{{context.CgoEnabled}}\n{{context.Compiler}}\n" +
		"{{join context.BuildTags \",\"}}\n{{join context.ToolTags \",\"}}\n{{join context.ReleaseTags \",\"}}"
	args := append([]string{"list", "-e", "-f", format}, flags...)
	cmd := exec.Command("go", append(args, "--", "unsafe")...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return build.Context{}, false
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 7 {
		return build.Context{}, false
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ",")
	}
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH = lines[0], lines[1]
	ctx.CgoEnabled = lines[2] == "true"
	ctx.Compiler = lines[3]
	ctx.BuildTags = split(lines[4])
	ctx.ToolTags = split(lines[5])
	ctx.ReleaseTags = split(lines[6])
	ctx.Dir = dir
	return ctx, true
}

// findModule returns the module of directory d, from the nearest go.mod
// (its path and go version).
func findModule(d string) (*packages.Module, bool) {
	for {
		gomod := filepath.Join(d, "go.mod")
		data, err := os.ReadFile(gomod)
		if err == nil {
			m := &packages.Module{Dir: d, GoMod: gomod, Main: true}
			for line := range strings.Lines(string(data)) {
				line, _, _ = strings.Cut(line, "//")
				f := strings.Fields(line)
				if len(f) != 2 {
					continue
				}
				v := f[1]
				if unq, err := strconv.Unquote(v); err == nil {
					v = unq
				}
				switch f[0] {
				case "module":
					m.Path = v
				case "go":
					m.GoVersion = v
				}
			}
			return m, m.Path != ""
		}
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return nil, false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, false
		}
		d = parent
	}
}

// extImports returns the sorted import paths of the files of roots (by
// import path) that are not roots; ok is false if one is not for this path.
func extImports(roots map[string][]string, files *parsedFiles) (paths []string, ok bool) {
	ext := map[string]bool{}
	for path, names := range roots {
		for _, name := range names {
			f := files.m[name].file
			if f == nil {
				continue
			}
			for _, imp := range f.Imports {
				ipath, err := strconv.Unquote(imp.Path.Value)
				if err != nil {
					continue // the type checker reports a bad path
				}
				switch {
				case ipath == "C":
					return nil, false // cgo: the files go/packages checks are cgo's output
				case ipath == "unsafe":
				case ipath == "" || strings.HasPrefix(ipath, ".") || strings.HasPrefix(ipath, "/") || !importable(ipath, path):
					return nil, false // an error of go list's
				case roots[ipath] != nil:
				default:
					ext[ipath] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(ext)), true
}

// parsed is a parsed file and its errors, as go/packages records them.
type parsed struct {
	file *ast.File
	errs []packages.Error
}

// parsedFiles are files parsed by parseFile's rules for roots, in one
// FileSet.
type parsedFiles struct {
	fset *token.FileSet
	m    map[string]*parsed
}

// parse parses the files not parsed yet, in parallel.
func (pf *parsedFiles) parse(names []string) {
	var todo []string
	for _, name := range names {
		if pf.m[name] == nil {
			pf.m[name] = &parsed{}
			todo = append(todo, name)
		}
	}
	parse := parseFile(func(string) bool { return true })
	next := make(chan string)
	var wg sync.WaitGroup
	for range min(len(todo), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for name := range next {
				p := pf.m[name] // written before the goroutines start
				src, err := os.ReadFile(name)
				if err != nil {
					p.errs = []packages.Error{{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError}}
					continue
				}
				f, err := parse(pf.fset, name, src)
				p.file = f
				if list, ok := err.(scanner.ErrorList); ok {
					for _, e := range list {
						p.errs = append(p.errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
					}
				} else if err != nil {
					p.errs = []packages.Error{{Pos: "-", Msg: err.Error(), Kind: packages.ParseError}}
				}
			}
		})
	}
	for _, name := range todo {
		next <- name
	}
	close(next)
	wg.Wait()
}

// root is a root package on its way through checkListed.
type root struct {
	pkg     *packages.Package
	imports []string // of other roots, sorted
	done    chan struct{}
}

// checkListed parses and type-checks the listed roots; nil if this path
// does not apply.
func checkListed(dir string, flags []string, listed []*packages.Package, files *parsedFiles) []*packages.Package {
	byPath := map[string]*root{}
	for _, p := range listed {
		if len(p.Errors) > 0 || p.Module == nil || p.PkgPath == "" || p.Name == "" || byPath[p.PkgPath] != nil {
			return nil
		}
		byPath[p.PkgPath] = &root{done: make(chan struct{}), pkg: &packages.Package{
			ID:              p.ID,
			Name:            p.Name,
			PkgPath:         p.PkgPath,
			GoFiles:         p.GoFiles,
			CompiledGoFiles: p.GoFiles, // no cgo here
			OtherFiles:      p.OtherFiles,
			EmbedFiles:      p.EmbedFiles,
			EmbedPatterns:   p.EmbedPatterns,
			IgnoredFiles:    p.IgnoredFiles,
			Module:          p.Module,
			Imports:         map[string]*packages.Package{},
		}}
	}

	fset := files.fset
	roots := map[string][]string{}
	for path, r := range byPath {
		roots[path] = r.pkg.GoFiles
	}
	files.parse(slices.Concat(slices.Collect(maps.Values(roots))...))
	for _, r := range byPath {
		for _, name := range r.pkg.GoFiles {
			p := files.m[name]
			if p.file != nil {
				r.pkg.Syntax = append(r.pkg.Syntax, p.file)
			}
			r.pkg.Errors = append(r.pkg.Errors, p.errs...)
		}
	}
	paths, ok := extImports(roots, files)
	if !ok {
		return nil
	}
	for path, r := range byPath {
		seen := map[string]bool{}
		for _, f := range r.pkg.Syntax {
			for _, imp := range f.Imports {
				ipath, err := strconv.Unquote(imp.Path.Value)
				if err == nil && ipath == path {
					return nil // an import cycle
				}
				if err == nil && byPath[ipath] != nil && !seen[ipath] {
					seen[ipath] = true
					r.imports = append(r.imports, ipath)
				}
			}
		}
		slices.Sort(r.imports)
	}
	order, ok := importOrder(listed, byPath)
	if !ok {
		return nil // an import cycle
	}

	sizes := types.SizesFor("gc", build.Default.GOARCH)
	deps := map[string]*packages.Package{}
	if len(paths) > 0 {
		loaded, err := packages.Load(&packages.Config{Mode: depsMode, Dir: dir, BuildFlags: flags, Fset: fset}, paths...)
		if err != nil {
			return nil
		}
		bad := false
		packages.Visit(loaded, nil, func(p *packages.Package) {
			if len(p.Errors) > 0 || byPath[p.PkgPath] != nil {
				bad = true // broken, or importing a root: loadAll reports or handles it
			}
		})
		if bad {
			return nil
		}
		for _, p := range loaded {
			deps[p.PkgPath] = p
			if p.TypesSizes != nil {
				sizes = p.TypesSizes
			}
		}
		for _, path := range paths {
			if p := deps[path]; p == nil || p.Name == "main" || p.Types == nil || !p.Types.Complete() {
				return nil
			}
		}
	}

	// Type-check, each root once the roots it imports are.
	var wg sync.WaitGroup
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, r := range byPath {
		wg.Go(func() {
			defer close(r.done)
			for _, path := range r.imports {
				<-byPath[path].done
			}
			cpu <- struct{}{}
			defer func() { <-cpu }()
			checkRoot(r, byPath, deps, fset, sizes)
		})
	}
	wg.Wait()

	pkgs := make([]*packages.Package, len(order))
	for i, r := range order {
		pkgs[i] = r.pkg
	}
	return pkgs
}

// importOrder returns the roots in the order go list -deps gives them (and so
// go/packages): depth first in the listed order, each after the roots it
// imports, in import path order. ok is false on an import cycle.
func importOrder(listed []*packages.Package, byPath map[string]*root) (order []*root, ok bool) {
	const (
		visiting = 1
		visited  = 2
	)
	state := map[*root]int{}
	var visit func(r *root) bool
	visit = func(r *root) bool {
		switch state[r] {
		case visiting:
			return false
		case visited:
			return true
		}
		state[r] = visiting
		for _, path := range r.imports {
			if !visit(byPath[path]) {
				return false
			}
		}
		state[r] = visited
		order = append(order, r)
		return true
	}
	for _, p := range listed {
		if !visit(byPath[p.PkgPath]) {
			return nil, false
		}
	}
	return order, true
}

// checkRoot type-checks r as go/packages would a root package: the same
// types.Config and types.Info, errors as packages.Error of kind TypeError.
func checkRoot(r *root, byPath map[string]*root, deps map[string]*packages.Package, fset *token.FileSet, sizes types.Sizes) {
	p := r.pkg
	p.Fset = fset
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	p.TypesSizes = sizes
	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	for _, path := range r.imports {
		p.Imports[path] = byPath[path].pkg
	}
	errored := len(p.Errors) > 0
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if dep := byPath[path]; dep != nil {
				return dep.pkg.Types, nil
			}
			if dep := deps[path]; dep != nil {
				p.Imports[path] = dep
				return dep.Types, nil
			}
			return nil, &os.PathError{Op: "import", Path: path, Err: os.ErrNotExist}
		}),
		Error: func(err error) {
			if e, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, e)
				p.Errors = append(p.Errors, packages.Error{Pos: e.Fset.Position(e.Pos).String(), Msg: e.Msg, Kind: packages.TypeError})
			} else {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			}
		},
		Sizes: sizes,
	}
	if p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = errored || len(p.Errors) > 0
}

// importerFunc is a types.Importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

package analyze

// The names the generated file imports its packages under. Analysis picks
// them once the file's model is complete, and records them in the model
// (File.PkgNames, File.Aliases, File.RuntimeName, File.ImplName), so that
// emission never guesses a name. A package is imported under its own name
// unless that name is taken in the generated file: by a top-level identifier
// of the package (a file-scope import may not share a name with the package
// block), by another import of the file, by a package some file of the
// package imports under that name, or by a name generated code uses for its
// own parameters. It is then aliased: as the package's own files import it
// (neturl), else jsonruntime and jsondumpimpl for jsondump's runtime and
// runtime/dumpimpl, stdio for a standard library package io, and otherwise
// the last two elements of the import path (xurl for example.com/x/url),
// with a number appended if even that is taken.

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/jsondump/jsondump/gen/internal/model"
)

// fixedImports are the packages every generated file may use besides the
// packages of the types it spells, with their names.
var fixedImports = []struct{ path, name string }{
	{model.RuntimePath, "runtime"},
	{model.ImplPath, "dumpimpl"},
	{"io", "io"},
}

// importNames fills in f.PkgNames, f.Aliases, f.RuntimeName and f.ImplName.
func (a *analyzer) importNames(f *model.File) {
	names := map[string]string{} // path -> package name
	for _, imp := range fixedImports {
		names[imp.path] = imp.name
	}
	for path := range typePaths(f) {
		if path == a.pkg.PkgPath {
			continue
		}
		if p := a.lookupPkg(path); p != nil {
			names[path] = p.Name()
		} else {
			names[path] = path[strings.LastIndexByte(path, '/')+1:]
		}
	}

	// The names other than those of this file's imports: the package's
	// top-level identifiers, the names its files import other packages under,
	// and generated code's own.
	taken := map[string]bool{}
	for _, n := range a.pkg.Types.Scope().Names() {
		taken[n] = true
	}
	for _, n := range model.Locals { // an import of such a name would be shadowed
		taken[n] = true
	}
	userNames := map[string]string{}         // path -> the name the package's files import it under
	imported := map[string]map[string]bool{} // name -> the paths the package's files import under it
	for _, file := range a.pkg.Syntax {
		for _, imp := range file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			name := ""
			switch {
			case imp.Name != nil:
				name = imp.Name.Name
			default:
				if pn, ok := a.pkg.TypesInfo.Implicits[imp].(*types.PkgName); ok {
					name = pn.Imported().Name()
					break
				}
				name = path[strings.LastIndexByte(path, '/')+1:]
			}
			if name == "_" || name == "." {
				continue
			}
			if _, ok := userNames[path]; !ok {
				userNames[path] = name
			}
			if imported[name] == nil {
				imported[name] = map[string]bool{}
			}
			imported[name][path] = true
		}
	}

	// The fixed imports first, then the others by path: the same names
	// every run.
	paths := make([]string, 0, len(names))
	for path := range names {
		paths = append(paths, path)
	}
	sort.Slice(paths, func(i, j int) bool {
		fi, fj := fixedIndex(paths[i]), fixedIndex(paths[j])
		if fi != fj {
			return fi < fj
		}
		return paths[i] < paths[j]
	})
	f.PkgNames = map[string]string{}
	f.Aliases = map[string]string{}
	for _, path := range paths {
		name := names[path]
		if !fixed(path) {
			f.PkgNames[path] = name
		}
		// A name is free for path unless the package or this file uses it, or
		// a file of the package imports another package under it.
		free := func(n string) bool {
			if taken[n] {
				return false
			}
			for p := range imported[n] {
				if p != path {
					return false
				}
			}
			return true
		}
		local := name
		if !free(local) {
			local = userNames[path]
			if local == "" || !free(local) {
				local = alias(path, name, free)
			}
			if !runtimePath(path) {
				f.Aliases[path] = local
			}
		}
		taken[local] = true
		switch path {
		case model.RuntimePath:
			f.RuntimeName = local
		case model.ImplPath:
			f.ImplName = local
		}
	}
	if len(f.PkgNames) == 0 {
		f.PkgNames = nil
	}
	if len(f.Aliases) == 0 {
		f.Aliases = nil
	}
}

func fixedIndex(path string) int {
	for i, imp := range fixedImports {
		if imp.path == path {
			return i
		}
	}
	return len(fixedImports)
}

func fixed(path string) bool { return fixedIndex(path) < len(fixedImports) }

// runtimePath says that path is jsondump's runtime or runtime/dumpimpl,
// whose names the model holds apart from Aliases.
func runtimePath(path string) bool { return path == model.RuntimePath || path == model.ImplPath }

// alias is a name for the package at path, whose own name is taken.
func alias(path, name string, free func(string) bool) string {
	var base string
	switch {
	case runtimePath(path):
		base = "json" + name
	case !strings.Contains(strings.SplitN(path, "/", 2)[0], "."):
		base = "std" + name // the standard library
	default:
		elems := strings.Split(path, "/")
		parent := ""
		if len(elems) > 1 {
			parent = identPath(elems[len(elems)-2])
			parent = strings.ReplaceAll(parent, "_", "")
		}
		base = parent + name
	}
	if base == "" || base[0] >= '0' && base[0] <= '9' {
		base = "pkg" + base
	}
	if free(base) {
		return base
	}
	for i := 2; ; i++ {
		if n := base + strconv.Itoa(i); free(n) {
			return n
		}
	}
}

// lookupPkg finds the package at path among the imports of the package,
// directly or indirectly.
func (a *analyzer) lookupPkg(path string) *types.Package {
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		if p.Path() == path {
			return p
		}
		if seen[p] {
			return nil
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if r := find(imp); r != nil {
				return r
			}
		}
		return nil
	}
	return find(a.pkg.Types)
}

// typePaths is the set of import paths that the type expressions of the file
// name.
func typePaths(f *model.File) map[string]bool {
	paths := map[string]bool{}
	var expr func(t *model.TypeExpr)
	expr = func(t *model.TypeExpr) {
		if t == nil {
			return
		}
		if t.Kind == model.NamedExpr && t.Path != "" {
			paths[t.Path] = true
		}
		for i := range t.Args {
			expr(&t.Args[i])
		}
		for i := range t.Terms {
			expr(&t.Terms[i])
		}
		expr(t.Elem)
		expr(t.Key)
	}
	params := func(ps []model.Param) {
		for i := range ps {
			expr(&ps[i].Constraint)
		}
	}
	var omit func(o *model.Omit)
	omit = func(o *model.Omit) {
		if o == nil {
			return
		}
		expr(o.Type)
		for i := range o.Parts {
			omit(&o.Parts[i].Omit)
		}
		omit(o.Also)
	}
	var value func(v *model.Value)
	value = func(v *model.Value) {
		if v == nil {
			return
		}
		value(v.Elem)
		if v.Struct != nil {
			for _, fd := range v.Struct.Fields {
				omit(&fd.Omit)
				value(fd.Value)
			}
		}
	}
	for _, t := range f.Types {
		params(t.TypeParams)
	}
	for _, enc := range f.Encoders {
		expr(&enc.Type)
		params(enc.TypeParams)
		value(enc.Value)
	}
	return paths
}

// typeParamClashes reports the type parameters of the file's generic types
// that generated code would shadow or be shadowed by: they share the scope
// of its locals (model.Locals, the loop locals) and of the file's imports.
func (a *analyzer) typeParamClashes(f *model.File) {
	taken := map[string]bool{f.RuntimeName: true, f.ImplName: true}
	for _, n := range model.Locals {
		taken[n] = true
	}
	for _, imp := range fixedImports[2:] { // io; the runtime's names are f.RuntimeName and f.ImplName
		if alias, ok := f.Aliases[imp.path]; ok {
			taken[alias] = true
		} else {
			taken[imp.name] = true
		}
	}
	for path, name := range f.PkgNames {
		if alias, ok := f.Aliases[path]; ok {
			name = alias
		}
		taken[name] = true
	}
	check := func(params []model.Param, typeName string, pos token.Position) {
		for _, p := range params {
			if taken[p.Name] || model.IsLoopLocal(p.Name) {
				a.errs.Errorf(pos, "type parameter %s of %s: generated code uses that name; rename the parameter", p.Name, typeName)
			}
		}
	}
	for _, t := range f.Types {
		check(t.TypeParams, t.Name, t.Pos)
	}
	owner := map[*model.Encoder]*types.TypeName{}
	for key, st := range a.encs {
		owner[st.enc] = key.obj
	}
	for _, enc := range f.Encoders { // sorted: the errors come in the same order every run
		if tn := owner[enc]; tn != nil && !a.selected[tn] {
			check(enc.TypeParams, tn.Name(), a.pos(tn.Pos()))
		}
	}
}

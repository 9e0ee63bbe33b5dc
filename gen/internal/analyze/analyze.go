// Package analyze builds the model (gen/internal/model) of each generated
// file from the packages gen/internal/load loads: Packages. It is the only
// code, with load, that looks at go/types; it takes every decision about
// JSON, and emission none.
package analyze

// Analysis: from type-checked packages to the model. This file selects the
// types and decides what belongs to the generated file as a whole (its path,
// build constraint, runtime import name, the helpers and their names); the
// JSON semantics live in analyze_fields.go (struct fields, as encoding/json's
// typeFields), analyze_value.go (how a value of each type is encoded) and
// analyze_omit.go (omitempty and omitzero).

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jsondump/jsondump/gen/internal/load"
	"github.com/jsondump/jsondump/gen/internal/model"
)

// directive marks a type for generation in comment mode.
const directive = "//jsondump:json"

// Config is what analysis reads of gen.Config, which documents each option
// for users, once.
type Config struct {
	Types       []string           // gen.Config.Types
	All         bool               // gen.Config.All
	Output      string             // gen.Config.Output, resolved against gen.Config.Dir
	MarshalJSON bool               // gen.Config.MarshalJSON
	Warn        func(*model.Error) // gen.Config.Warn
}

func (c Config) warn(e *model.Error) {
	if c.Warn != nil {
		c.Warn(e)
	}
}

// Packages builds the model of the generated file of every root package that
// has selected types. Errors are an ErrorList with every problem found.
func Packages(pkgs []*load.Package, cfg Config) ([]*model.File, error) {
	var errs model.ErrorList
	if cfg.Output != "" && len(pkgs) > 1 {
		return nil, fmt.Errorf("-output names one file, but the patterns match %d packages", len(pkgs))
	}
	shared := &shared{genFiles: map[string]bool{}}

	// With -type, every name must be found in some package.
	found := map[string]bool{}
	var files []*model.File
	for _, pkg := range pkgs {
		if pkg.Types == nil || pkg.TypesInfo == nil {
			continue
		}
		sel := selectTypes(pkg, cfg, found, &errs)
		if len(sel) == 0 {
			continue
		}
		a := newAnalyzer(pkg, cfg, shared, &errs)
		if f := a.file(sel); f != nil {
			files = append(files, f)
		}
	}
	for _, name := range cfg.Types {
		if !found[name] {
			errs = append(errs, &model.Error{Msg: notFound(name, pkgs)})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if len(files) == 0 {
		what := "no struct type is marked " + directive
		if cfg.All {
			what = "no struct types"
		}
		return nil, fmt.Errorf("nothing to generate: %s in %s", what, pkgPaths(pkgs))
	}
	return files, nil
}

// shared is what the analysis of every package of one run shares.
type shared struct {
	genFiles map[string]bool // file name -> written by jsondump
}

// generatedFile reports whether the file name is one jsondump wrote: it
// starts with the generated header. Methods declared there do not count as
// written by hand.
func (s *shared) generatedFile(name string) bool {
	if name == "" {
		return false
	}
	g, ok := s.genFiles[name]
	if !ok {
		src, err := load.ReadHead(name)
		g = err == nil && load.IsGenerated(src)
		s.genFiles[name] = g
	}
	return g
}

// selectTypes returns the selected type names of pkg, sorted by name, and
// records in found the -type names it declares. Auto-selection of embedding
// structs happens later, in the analyzer.
func selectTypes(pkg *load.Package, cfg Config, found map[string]bool, errs *model.ErrorList) []*types.TypeName {
	scope := pkg.Types.Scope()
	var sel []*types.TypeName
	add := func(tn *types.TypeName, pos token.Pos) {
		if tn.IsAlias() {
			errs.Errorf(pkg.Fset.Position(pos), "type %s is an alias: jsondump generates for the type it names, in the package that declares it", tn.Name())
			return
		}
		switch tn.Type().Underlying().(type) {
		case *types.Struct, *types.Map, *types.Slice, *types.Array:
		default:
			errs.Errorf(pkg.Fset.Position(pos), "type %s is not a struct, map, slice or array type: jsondump generates methods for those", tn.Name())
			return
		}
		sel = append(sel, tn)
	}
	switch {
	case len(cfg.Types) > 0:
		for _, name := range cfg.Types {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
				found[name] = true
				add(tn, tn.Pos())
			}
		}
	case cfg.All:
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if _, ok := tn.Type().Underlying().(*types.Struct); ok {
				sel = append(sel, tn)
			}
		}
	default:
		for _, f := range pkg.Syntax {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					marked := hasDirective(ts.Doc) || len(gd.Specs) == 1 && hasDirective(gd.Doc)
					if !marked {
						continue
					}
					if tn, ok := pkg.TypesInfo.Defs[ts.Name].(*types.TypeName); ok && tn.Parent() == scope {
						add(tn, ts.Pos())
					}
				}
			}
		}
	}
	sortByName(sel)
	return slices.Compact(sel)
}

func hasDirective(cg *ast.CommentGroup) bool {
	if cg == nil {
		return false
	}
	for _, c := range cg.List {
		if strings.TrimRightFunc(c.Text, unicode.IsSpace) == directive {
			return true
		}
	}
	return false
}

func sortByName(tns []*types.TypeName) {
	sort.Slice(tns, func(i, j int) bool { return tns[i].Name() < tns[j].Name() })
}

// notFound is the message for a -type name no package declares, with a
// suggestion when a declared type name is close.
func notFound(name string, pkgs []*load.Package) string {
	best, bestDist := "", 3
	for _, pkg := range pkgs {
		if pkg.Types == nil {
			continue
		}
		for _, n := range pkg.Types.Scope().Names() {
			if _, ok := pkg.Types.Scope().Lookup(n).(*types.TypeName); !ok {
				continue
			}
			d := editDistance(name, n)
			if strings.EqualFold(name, n) {
				d = 0
			}
			if d < bestDist || d == bestDist && n < best {
				best, bestDist = n, d
			}
		}
	}
	msg := fmt.Sprintf("type %s not found in %s", name, pkgPaths(pkgs))
	if best != "" {
		msg += fmt.Sprintf("; did you mean %s?", best)
	}
	return msg
}

func pkgPaths(pkgs []*load.Package) string {
	var paths []string
	for _, p := range pkgs {
		paths = append(paths, p.PkgPath)
	}
	if len(paths) == 1 {
		return "package " + paths[0]
	}
	return "packages " + strings.Join(paths, ", ")
}

// editDistance is the Levenshtein distance of a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// analyzer builds the File of one package.
type analyzer struct {
	pkg    *load.Package
	cfg    Config
	shared *shared
	errs   *model.ErrorList
	out    string // absolute path of the file being generated

	selected   map[*types.TypeName]bool
	elsewhere  map[string]string         // type name -> the other generated file of the package that has its DumpJSON
	otherFuncs map[string]token.Position // function name -> where another generated file of the package declares it

	msets    typeutil.MethodSetCache
	fields   typeutil.Map // *types.Struct -> []jsonField
	fieldsV2 typeutil.Map // the same, as encoding/json on encoding/json/v2 reads tags
	deps     typeutil.Map // types.Type -> depState
	cycles   typeutil.Map // container types.Type -> bool

	encs    map[encKey]*encState
	open    []*encState              // helpers being analysed, innermost last
	inlines map[*types.TypeName]int  // unnameable types being inlined
	refused map[*types.TypeName]bool // types reported by embedsStdStruct

	typeRefs []typeRef // selected types whose Encoder is named at the end

	cur       *types.TypeName // the selected type being analysed, for messages
	fieldPath []string        // the fields from cur to the value being analysed: ".Conn", ".Ch"
}

type encKey struct {
	obj   *types.TypeName // the origin of the named type
	value bool            // the non-addressable variant
}

// encState is a helper under construction. Its name is decided at the end,
// when every helper is known: calls are fixed up then.
type encState struct {
	key     encKey
	enc     *model.Encoder
	calls   []*model.Value
	entered bool     // its Value is being or has been built
	entry   *site    // the site the helper was first reached from
	fails   []string // problems reported against entry: repeated at other sites
}

func newAnalyzer(pkg *load.Package, cfg Config, sh *shared, errs *model.ErrorList) *analyzer {
	return &analyzer{
		pkg:      pkg,
		cfg:      cfg,
		shared:   sh,
		errs:     errs,
		selected: map[*types.TypeName]bool{},
		encs:     map[encKey]*encState{},
		inlines:  map[*types.TypeName]int{},
		refused:  map[*types.TypeName]bool{},
	}
}

// file builds the File of the package from its selected types.
func (a *analyzer) file(sel []*types.TypeName) *model.File {
	pkg := a.pkg
	dir := pkgDir(pkg)
	f := &model.File{
		PkgPath: pkg.PkgPath,
		PkgName: pkg.Name,
		Dir:     dir,
	}
	switch {
	case a.cfg.Output != "":
		f.Output = a.cfg.Output
	case len(a.cfg.Types) > 0:
		f.Output = filepath.Join(dir, strings.ToLower(a.cfg.Types[0])+"_jsondump.go")
	default:
		f.Output = filepath.Join(dir, pkg.Name+"_jsondump.go")
	}
	a.out, _ = filepath.Abs(f.Output)
	if src, err := load.ReadHead(f.Output); err == nil && !load.IsGenerated(src) {
		*a.errs = append(*a.errs, load.NotGeneratedError(f.Output).(*model.Error))
		return nil
	}
	a.generatedElsewhere()

	for _, tn := range sel {
		if a.embedsStdStruct(tn, "") {
			continue
		}
		if ns := a.neverEncodes(tn.Type()); len(ns) > 0 {
			for _, n := range ns {
				e := &model.Error{Pos: n.pos, Msg: fmt.Sprintf("type %s can never be encoded as JSON: its field %s has type %s, which encoding/json rejects for every value (tag the field json:\"-\" to skip it)",
					tn.Name(), n.path, n.what)}
				if !e.Pos.IsValid() {
					e.Pos = a.pos(tn.Pos())
				}
				if a.cfg.All {
					e.Msg += "; skipped"
					a.cfg.warn(e)
				} else {
					*a.errs = append(*a.errs, e)
				}
			}
			continue
		}
		a.selected[tn] = true
	}
	if len(a.selected) == 0 {
		return nil
	}
	a.selectEmbedders()
	sel = sel[:0]
	for tn := range a.selected {
		sel = append(sel, tn)
	}
	sortByName(sel)

	f.BuildConstraint = a.buildConstraint(sel)

	for _, tn := range sel {
		if t := a.typ(tn); t != nil {
			f.Types = append(f.Types, t)
		}
	}
	f.Encoders = a.finishEncoders()
	if len(f.Types) > 0 {
		// Named after the first type: each type is generated in one file of
		// the package only, so no other generated file has the name.
		f.Dispatch = "_" + f.Types[0].Name + "_dispatch"
		if obj := a.pkg.Types.Scope().Lookup(f.Dispatch); obj != nil {
			a.errs.Errorf(a.pos(obj.Pos()), "%s is the name of the generated file's dispatch function: rename this declaration", f.Dispatch)
		}
	}
	for _, t := range f.Types {
		switch {
		case len(t.TypeParams) > 0:
			t.DispatchPointer, t.DispatchValue = dispatchMethods(t.Name)
		case !t.NoCopy:
			_, t.DispatchValue = dispatchMethods(t.Name)
			if obj := a.pkg.Types.Scope().Lookup(t.DispatchValue); obj != nil {
				a.errs.Errorf(a.pos(obj.Pos()), "%s is the name of the generated function that writes a value of %s held in an interface: rename this declaration", t.DispatchValue, t.Name)
			}
		}
	}
	if len(f.Types) > 0 {
		a.sharedHelpers(f)
	}
	a.importNames(f)
	a.typeParamClashes(f)
	f.Shadowed = a.shadowed()
	return f
}

// shadowed returns the package-level declarations that shadow a
// predeclared identifier, by name. An alias of the very same type (type
// any = interface{}, once common) changes nothing and does not count.
func (a *analyzer) shadowed() map[string]token.Position {
	var m map[string]token.Position
	scope := a.pkg.Types.Scope()
	for _, name := range scope.Names() {
		uni := types.Universe.Lookup(name)
		if uni == nil {
			continue
		}
		obj := scope.Lookup(name)
		if tn, ok := obj.(*types.TypeName); ok && tn.IsAlias() {
			if _, isType := uni.(*types.TypeName); isType && types.Identical(tn.Type(), uni.Type()) {
				continue
			}
		}
		if m == nil {
			m = map[string]token.Position{}
		}
		m[name] = a.pos(obj.Pos())
	}
	return m
}

// pkgDir is the directory of the package's files.
func pkgDir(pkg *load.Package) string {
	for _, list := range [][]string{pkg.GoFiles, pkg.CompiledGoFiles, pkg.OtherFiles} {
		if len(list) > 0 {
			return filepath.Dir(list[0])
		}
	}
	return "."
}

// typ is the model of a selected type.
func (a *analyzer) typ(tn *types.TypeName) *model.Type {
	named := tn.Type().(*types.Named)
	pos := a.pos(tn.Pos())
	generated := []string{"DumpTo", "Dumps", "DumpJSON"}
	if named.TypeParams().Len() > 0 {
		ptr, val := dispatchMethods(tn.Name())
		generated = append(generated, ptr, val)
	}
	for _, m := range generated {
		if obj, _, _ := types.LookupFieldOrMethod(named, true, tn.Pkg(), m); obj != nil && declaredOn(obj, named) {
			a.errs.Errorf(a.pos(obj.Pos()), "type %s already has a field or method %s, which jsondump generates", tn.Name(), m)
			return nil
		}
	}
	a.cur, a.fieldPath = tn, nil
	defer func() { a.cur = nil }()
	t := &model.Type{
		Name:        tn.Name(),
		Pos:         pos,
		MarshalJSON: a.cfg.MarshalJSON && !a.handwritten(named),
	}
	if t.MarshalJSON {
		if obj, _, _ := types.LookupFieldOrMethod(named, true, tn.Pkg(), "MarshalJSON"); obj != nil && declaredOn(obj, named) {
			a.errs.Errorf(a.pos(obj.Pos()), "type %s has a field or method MarshalJSON that is not json.Marshaler's", tn.Name())
			return nil
		}
	}
	params, ok := a.params(named)
	if !ok {
		a.errs.Errorf(pos, "type %s: jsondump cannot spell the constraints of its type parameters (use named constraint interfaces or unions)", tn.Name())
		return nil
	}
	t.TypeParams = params
	t.PointerReceiver = a.dependsOnAddr(named)
	t.NoCopy = holdsLock(named, map[types.Type]bool{})

	// The helper the methods call: the encoding of an addressable value,
	// which is the hand-written Marshaler when there is one. Dispatch also
	// needs the encoding of a value that is not addressable (a T held in an
	// interface), which differs when the type depends on addressability.
	ref := typeRef{t: t, st: a.selectedEncoder(named, true)}
	if t.PointerReceiver {
		ref.value = a.selectedEncoder(named, false)
	}
	a.typeRefs = append(a.typeRefs, ref)
	return t
}

// selectedEncoder is the helper of a selected type in one variant: the
// type's Marshaler or TextMarshaler when encoding/json calls it there, else
// the composite encoding.
func (a *analyzer) selectedEncoder(named *types.Named, addr bool) *encState {
	st := a.encoder(named, !addr)
	if !st.entered {
		st.entered = true
		if v := a.methodValue(named, addr); v != nil {
			v.GoType = a.typeString(named)
			st.enc.Value = v
		} else {
			a.open = append(a.open, st)
			st.enc.Value = a.composite(named, addr, nil)
			a.open = a.open[:len(a.open)-1]
		}
	}
	return st
}

// dispatchMethods names the two methods through which the file's dispatch
// function matches the instantiations of a generic type (Type.DispatchPointer
// and DispatchValue); the second is also the name of the function through
// which it writes a value of another type.
func dispatchMethods(typeName string) (pointer, value string) {
	return "_" + typeName + "_pointer", "_" + typeName + "_value"
}

// declaredOn reports whether obj (a field or method found on named) is
// declared by the type itself rather than promoted.
func declaredOn(obj types.Object, named *types.Named) bool {
	if fn, ok := obj.(*types.Func); ok {
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			return false
		}
		rt := types.Unalias(recv.Type())
		if p, ok := rt.(*types.Pointer); ok {
			rt = types.Unalias(p.Elem())
		}
		n, ok := rt.(*types.Named)
		return ok && n.Origin() == named.Origin()
	}
	if st, ok := named.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if st.Field(i) == obj {
				return true
			}
		}
	}
	return false
}

// handwritten reports whether the named type has a MarshalJSON or
// MarshalText, declared or promoted, that jsondump did not generate.
func (a *analyzer) handwritten(named *types.Named) bool {
	p := types.NewPointer(named)
	return a.implements(p, marshalJSON) || a.implements(p, marshalText)
}

// generatedElsewhere records what the other generated files of the
// package (those of other go:generate lines) declare, as load read them:
// the types that have DumpJSON there, which the analysis treats like
// generated types of another package (Dumper), since their helpers live
// there, and the functions, whose names this file's helpers must not take.
func (a *analyzer) generatedElsewhere() {
	a.elsewhere = map[string]string{}
	a.otherFuncs = map[string]token.Position{}
	for _, g := range a.pkg.Generated {
		if g.Name == a.out {
			continue
		}
		for recv, methods := range g.Methods {
			if slices.Contains(methods, "DumpJSON") {
				a.elsewhere[recv] = g.Name
			}
		}
		for name, pos := range g.Funcs {
			if _, ok := a.otherFuncs[name]; !ok {
				a.otherFuncs[name] = pos
			}
		}
	}
}

// sharedHelpers reports the helpers of this file that another generated file
// of the package declares too: two go:generate lines whose types reach the
// same type that neither selects. The package would not compile. Sharing
// the helper would make each file depend on what the other happens to
// contain, so the user is asked to generate the types together.
func (a *analyzer) sharedHelpers(f *model.File) {
	var mine []string
	twice := map[string]bool{}
	for _, t := range f.Types {
		mine = append(mine, t.Name)
		if other, ok := a.elsewhere[t.Name]; ok {
			twice[t.Name] = true
			a.errs.Errorf(t.Pos, "type %s has generated methods in %s already (another go:generate line): select it in one -type list only",
				t.Name, filepath.Base(other))
		}
	}
	byName := map[string]encKey{}
	for key, st := range a.encs {
		byName[st.enc.Name] = key
	}
	for _, enc := range f.Encoders { // sorted: the errors come in the same order every run
		other, ok := a.otherFuncs[enc.Name]
		if !ok {
			continue
		}
		key := byName[enc.Name]
		if key.obj.Pkg() == a.pkg.Types && twice[key.obj.Name()] {
			continue // reported above
		}
		types := slices.Clone(mine)
		for name, file := range a.elsewhere {
			if file == other.Filename {
				types = append(types, name)
			}
		}
		sort.Strings(types)
		pos := f.Types[0].Pos
		if key.obj.Pkg() == a.pkg.Types {
			pos = a.pos(key.obj.Pos())
		}
		a.errs.Errorf(pos, "%s would declare %s, which %s:%d declares too (both reach %s, which neither selects): "+
			"generate these types from one go:generate line, -type=%s",
			filepath.Base(f.Output), enc.Name, filepath.Base(other.Filename), other.Line, a.typeString(key.obj.Type()), strings.Join(slices.Compact(types), ","))
	}
}

// selectEmbedders adds every struct type of the package to which a selected
// type's generated methods would be promoted: its DumpTo and Dumps would
// write the embedded type alone, and under -marshaljson so would
// encoding/json (SPEC, "Embedding a generated type").
func (a *analyzer) selectEmbedders() {
	scope := a.pkg.Types.Scope()
	for changed := true; changed; {
		changed = false
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || a.selected[tn] {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			if _, ok := named.Underlying().(*types.Struct); !ok {
				continue
			}
			if a.promotesGenerated(named, "DumpJSON") || a.cfg.MarshalJSON && a.promotesGenerated(named, "MarshalJSON") {
				if a.embedsStdStruct(tn, "; it embeds a generated type, whose methods it promotes") {
					continue
				}
				a.selected[tn] = true
				changed = true
			}
		}
	}
}

// embedsStdStruct reports, as an error at tn's declaration (a warning
// under -all, and tn is skipped), that tn embeds a struct of the standard
// library without a JSON name: its fields, flattened into tn's, are those
// of the Go that compiles the code (see stdStruct). why is added to the
// message.
func (a *analyzer) embedsStdStruct(tn *types.TypeName, why string) bool {
	if a.refused[tn] {
		return true
	}
	std := a.stdStruct(tn.Type())
	if std == nil {
		return false
	}
	a.refused[tn] = true
	e := &model.Error{Pos: a.pos(tn.Pos()), Msg: fmt.Sprintf("type %s embeds %s, a struct of the standard library: its fields, which JSON flattens into %s's, are those of the Go that compiles the code, which generated code cannot know (give the embedded field a name in a json tag, or leave %s to encoding/json)%s",
		tn.Name(), a.typeString(std.Type()), tn.Name(), tn.Name(), why)}
	if a.cfg.All {
		e.Msg += "; skipped"
		a.cfg.warn(e)
	} else {
		*a.errs = append(*a.errs, e)
	}
	return true
}

// promotesGenerated reports whether the method (DumpJSON or MarshalJSON)
// that Go's selector rules give *S (the shallowest one, if unique) is the
// generated method of a selected type.
func (a *analyzer) promotesGenerated(s *types.Named, method string) bool {
	current := []types.Type{s}
	seen := map[*types.Named]bool{}
	for depth := 0; len(current) > 0; depth++ {
		var found []bool // one per MarshalJSON at this depth: generated?
		var next []types.Type
		reached := map[*types.Named]int{}
		for _, t := range current {
			if n, ok := t.(*types.Named); ok {
				reached[n.Origin()]++
			}
		}
		for _, t := range current {
			if n, ok := t.(*types.Named); ok {
				if seen[n.Origin()] {
					continue
				}
				seen[n.Origin()] = true
				mult := reached[n.Origin()]
				if depth > 0 && a.selected[n.Origin().Obj()] && (method == "DumpJSON" || !a.handwritten(n)) {
					for range mult {
						found = append(found, true)
					}
				} else if hasOwnMethod(n, method) {
					for range mult {
						found = append(found, false)
					}
				}
				t = n.Underlying()
			}
			switch u := t.(type) {
			case *types.Struct:
				for i := range u.NumFields() {
					f := u.Field(i)
					if f.Name() == method {
						found = append(found, false)
					}
					if f.Embedded() {
						et := types.Unalias(f.Type())
						if p, ok := et.(*types.Pointer); ok {
							et = types.Unalias(p.Elem())
						}
						next = append(next, et)
					}
				}
			case *types.Interface:
				for i := range u.NumMethods() {
					if u.Method(i).Name() == method {
						found = append(found, false)
					}
				}
			}
		}
		switch len(found) {
		case 0:
			current = next
		case 1:
			return found[0]
		default:
			return false // ambiguous: nothing is promoted
		}
	}
	return false
}

// hasOwnMethod reports whether the named type declares a method name.
func hasOwnMethod(n *types.Named, name string) bool {
	for i := range n.NumMethods() {
		if n.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// buildConstraint is the build constraint shared by the files of every
// selected type, or "" for none: a file's //go:build line and its
// GOOS/GOARCH file-name suffix (_linux.go, _arm64.go), together. The
// generated file carries it, so the package builds wherever it built
// before. Types declared under different constraints cannot share one
// generated file; that is an error which says how to split them.
func (a *analyzer) buildConstraint(sel []*types.TypeName) string {
	byFile := map[string]string{}
	for _, f := range a.pkg.Syntax {
		name := a.pkg.Fset.Position(f.Package).Filename
		var expr constraint.Expr
		for _, cg := range f.Comments {
			if cg.Pos() >= f.Package {
				break
			}
			for _, c := range cg.List {
				if constraint.IsGoBuild(c.Text) {
					if x, err := constraint.Parse(c.Text); err == nil {
						expr = x
					}
				}
			}
		}
		if x := fileNameConstraint(filepath.Base(name)); x != nil {
			if expr == nil {
				expr = x
			} else {
				expr = &constraint.AndExpr{X: expr, Y: x}
			}
		}
		if expr != nil {
			byFile[name] = expr.String()
		}
	}
	groups := map[string][]string{} // constraint -> type names
	var order []string
	for _, tn := range sel {
		expr := byFile[a.pkg.Fset.Position(tn.Pos()).Filename]
		if _, ok := groups[expr]; !ok {
			order = append(order, expr)
		}
		groups[expr] = append(groups[expr], tn.Name())
	}
	if len(order) <= 1 {
		if len(order) == 0 {
			return ""
		}
		return order[0]
	}
	var parts, flags []string
	for _, expr := range order {
		what := "no build constraint"
		if expr != "" {
			what = "//go:build " + expr
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(groups[expr], ", "), what))
		flags = append(flags, "-type="+strings.Join(groups[expr], ","))
	}
	a.errs.Errorf(a.pos(sel[0].Pos()), "the selected types are declared under different build constraints, "+
		"and one generated file carries one: %s; generate each group from its own go:generate line, "+
		"with its own -output: %s", strings.Join(parts, "; "), strings.Join(flags, " and "))
	return ""
}

// fileNameConstraint is the constraint a file name implies, as go/build
// reads it (goodOSArchFile): name_GOOS.go, name_GOARCH.go,
// name_GOOS_GOARCH.go, each with an optional _test; nil for none.
func fileNameConstraint(name string) constraint.Expr {
	name, _, _ = strings.Cut(name, ".")
	i := strings.Index(name, "_")
	if i < 0 {
		return nil
	}
	l := strings.Split(name[i:], "_") // l[0] is "": the part before the first _ never counts
	if n := len(l); n > 0 && l[n-1] == "test" {
		l = l[:n-1]
	}
	n := len(l)
	if n >= 2 && knownOS[l[n-2]] && knownArch[l[n-1]] {
		return &constraint.AndExpr{X: &constraint.TagExpr{Tag: l[n-2]}, Y: &constraint.TagExpr{Tag: l[n-1]}}
	}
	if n >= 1 && (knownOS[l[n-1]] || knownArch[l[n-1]]) {
		return &constraint.TagExpr{Tag: l[n-1]}
	}
	return nil
}

// knownOS and knownArch are the GOOS and GOARCH values a file name suffix
// can name (the go command's internal/syslist, Go 1.26).
var (
	knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
		"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")
	knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
		"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
		"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// pos converts a token.Pos of the package's file set.
func (a *analyzer) pos(p token.Pos) token.Position {
	return a.pkg.Fset.Position(p)
}

// typeRef is a Type whose Encoder name is fixed up at the end.
type typeRef struct {
	t     *model.Type
	st    *encState
	value *encState // the non-addressable variant, or nil when st serves
}

// encoder returns the helper of a named type in one variant, creating it
// (without its Value) on first use.
func (a *analyzer) encoder(named *types.Named, value bool) *encState {
	origin := named.Origin()
	key := encKey{origin.Obj(), value}
	if st, ok := a.encs[key]; ok {
		return st
	}
	params, _ := a.params(origin)
	tps := origin.TypeParams()
	for i := range tps.Len() {
		// In the helper, the parameter would shadow Go's predeclared name,
		// which generated code uses (int64(x), len(x), string).
		if obj := tps.At(i).Obj(); types.Universe.Lookup(obj.Name()) != nil {
			a.errs.Errorf(a.pos(obj.Pos()), "type parameter %s of %s shadows Go's predeclared %s, which generated code uses: rename the parameter",
				obj.Name(), origin.Obj().Name(), obj.Name())
		}
	}
	te := model.TypeExpr{Kind: model.NamedExpr, Path: origin.Obj().Pkg().Path(), Name: origin.Obj().Name()}
	for _, p := range params {
		te.Args = append(te.Args, model.TypeExpr{Kind: model.TypeParamExpr, Name: p.Name})
	}
	st := &encState{key: key, enc: &model.Encoder{Type: te, TypeParams: params}}
	a.encs[key] = st
	return st
}

// finishEncoders names every helper, fixes up the calls and the types'
// Encoder names, and returns the helpers sorted by name.
func (a *analyzer) finishEncoders() []*model.Encoder {
	// Base names: _T for the package's types, _pkg_T for others. When two
	// types of other packages share a base, the import path disambiguates.
	base := map[*types.TypeName]string{}
	users := map[string][]*types.TypeName{}
	for key := range a.encs {
		tn := key.obj
		if _, ok := base[tn]; ok {
			continue
		}
		b := "_" + tn.Name()
		if tn.Pkg() != a.pkg.Types {
			b = "_" + tn.Pkg().Name() + "_" + tn.Name()
		}
		base[tn] = b
		users[b] = append(users[b], tn)
	}
	for _, tns := range users {
		if len(tns) < 2 {
			continue
		}
		for _, tn := range tns {
			if tn.Pkg() != a.pkg.Types {
				base[tn] = "_" + identPath(tn.Pkg().Path()) + "_" + tn.Name()
			}
		}
	}
	var encs []*model.Encoder
	byName := map[string][]encKey{}
	for key, st := range a.encs {
		st.enc.Name = base[key.obj] + "_dump"
		if key.value {
			st.enc.Name += "Value"
			st.enc.NotAddressable = true
		}
		for _, v := range st.calls {
			v.Call = st.enc.Name
		}
		encs = append(encs, st.enc)
		byName[st.enc.Name] = append(byName[st.enc.Name], key)
		if o := st.enc.Value.PlainObject(); o != nil {
			st.enc.Parts = parts(st.enc.Name, o.Fields)
			for _, part := range st.enc.Parts {
				byName[part.Name] = append(byName[part.Name], key)
			}
		}
	}
	a.helperClashes(byName)
	for _, r := range a.typeRefs {
		r.t.Encoder, r.t.ValueEncoder = r.st.enc.Name, r.st.enc.Name
		if r.value != nil {
			r.t.ValueEncoder = r.value.enc.Name
		}
	}
	sort.Slice(encs, func(i, j int) bool { return encs[i].Name < encs[j].Name })
	return encs
}

// helperClashes reports helper names that two types share, or that a
// declaration of the package has (a hand-written _Inner_dump): the
// generated file would not compile. The package's declarations are all
// hand-written, since generated files are read as their package clause.
func (a *analyzer) helperClashes(byName map[string][]encKey) {
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	sort.Strings(names)
	scope := a.pkg.Types.Scope()
	for _, name := range names {
		keys := byName[name]
		if obj := scope.Lookup(name); obj != nil {
			a.errs.Errorf(a.pos(obj.Pos()), "%s is the name of the generated helper that encodes %s: rename this declaration",
				name, a.typeString(keys[0].obj.Type()))
		}
		if len(keys) > 1 {
			var what []string
			for _, k := range keys {
				what = append(what, a.typeString(k.obj.Type()))
			}
			sort.Strings(what)
			pos := token.Position{}
			for _, k := range keys {
				if k.obj.Pkg() == a.pkg.Types {
					pos = a.pos(k.obj.Pos())
				}
			}
			a.errs.Errorf(pos, "the generated helpers of %s would share the name %s: rename one of the types",
				strings.Join(what, " and "), name)
		}
	}
}

// identPath turns an import path into identifier characters.
func identPath(path string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, path)
}

// lockerType is sync.Locker.
var lockerType = types.NewInterfaceType([]*types.Func{
	types.NewFunc(token.NoPos, nil, "Lock", types.NewSignatureType(nil, nil, nil, nil, nil, false)),
	types.NewFunc(token.NoPos, nil, "Unlock", types.NewSignatureType(nil, nil, nil, nil, nil, false)),
}, nil).Complete()

// holdsLock reports whether a value of type t must not be copied, by the
// rule of go vet's copylocks check (lockPath): t is, or holds in a field or
// an array element (not behind a pointer), a struct whose pointer is a
// sync.Locker but whose value is not (sync.Mutex, sync.RWMutex, and the
// noCopy field of sync.WaitGroup and the atomic types).
func holdsLock(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	for {
		arr, ok := t.Underlying().(*types.Array)
		if !ok {
			break
		}
		t = arr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	if types.Implements(types.NewPointer(t), lockerType) && !types.Implements(t, lockerType) {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Name() == "noCopy" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" {
		return true
	}
	for i := range st.NumFields() {
		if holdsLock(st.Field(i).Type(), seen) {
			return true
		}
	}
	return false
}

package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The fence around what generated code may call in packages runtime and
// dumpimpl: every name emission can produce must be declared by the package
// it names, and package runtime, which users read, is named only for the
// types of the generated signatures (signatureNames). Golden files are
// compared as text, so a name the runtime lacks (runtime.IsEmpty, once)
// passed every test until a user compiled the output. Two checks hold it:
// TestEmitRuntimeNames reads emission's own source for every name it can
// print, and TestEmittedRuntimeNames reads every emitted test file for
// every name it does print. TestGoldenFilesCompile then compiles them.

// signatureNames are the names of package runtime that generated code may
// use: the types of DumpTo(w io.Writer, opts ...runtime.Option),
// Dumps(opts ...runtime.Option) and DumpJSON(e *runtime.Encoder). Everything
// else is dumpimpl's.
var signatureNames = map[string]bool{"Option": true, "Encoder": true}

// runtimeAPI returns the exported package-level names of package runtime
// (rtPkg) and of package dumpimpl (pkg), and the exported methods of
// dumpimpl's Encoder, read from their source.
func runtimeAPI(t *testing.T) (rtPkg, pkg, methods map[string]bool) {
	t.Helper()
	rtPkg, _ = packageAPI(t, filepath.Join("..", "..", "..", "runtime"))
	pkg, methods = packageAPI(t, filepath.Join("..", "..", "..", "runtime", "dumpimpl"))
	if !pkg["NewEncoder"] || !methods["Key"] {
		t.Fatalf("read no dumpimpl API from ../runtime/dumpimpl (%d names)", len(pkg))
	}
	for name := range signatureNames {
		if !rtPkg[name] {
			t.Fatalf("package runtime does not declare %s", name)
		}
	}
	return rtPkg, pkg, methods
}

// packageAPI returns the exported package-level names of the package in dir
// and the exported methods of its Encoder, read from its source.
func packageAPI(t *testing.T, dir string) (pkg, methods map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	pkg, methods = map[string]bool{}, map[string]bool{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					pkg[d.Name.Name] = true
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok && id.Name == "Encoder" {
					methods[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						pkg[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range s.Names {
							pkg[n.Name] = true
						}
					}
				}
			}
		}
	}
	return pkg, methods
}

// isE reports whether x is e(), the generated code's *dumpimpl.Encoder, or
// jen.Op("!").Add(e()).
func isE(x ast.Expr) bool {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "e" && len(call.Args) == 0 {
		return true
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Add" && len(call.Args) == 1 {
		return isE(call.Args[0])
	}
	return false
}

// TestEmitRuntimeNames reads gen's non-test source for the runtime names it
// can print: the arguments of runtimeName(...) (package runtime's names, of
// the generated signatures only), of implName(...) (package dumpimpl's) and
// of e().Dot(...) (Encoder methods). A literal argument is checked directly; a
// variable one must be one of the few below, whose values come from the
// tables scalarCalls and mapKeys or from literals assigned to it, which are
// checked too. New code that passes a runtime name another way fails here
// until this test learns where its values come from.
func TestEmitRuntimeNames(t *testing.T) {
	rtAPI, pkgAPI, methodAPI := runtimeAPI(t)
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// Variables that carry runtime names, and whether they name a package
	// function (else an Encoder method).
	variables := map[string]bool{"keys": true, "method": false, "s.path[i].call": false}
	wantRuntime := map[string]token.Position{}
	wantPkg, wantMethod := map[string]token.Position{}, map[string]token.Position{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		lit := func(x ast.Expr) (string, bool) {
			if b, ok := x.(*ast.BasicLit); ok && b.Kind == token.STRING {
				s, err := strconv.Unquote(b.Value)
				return s, err == nil
			}
			return "", false
		}
		record := func(arg ast.Expr, pkgName bool) {
			want := wantMethod
			if pkgName {
				want = wantPkg
			}
			if s, ok := lit(arg); ok {
				want[s] = fset.Position(arg.Pos())
				return
			}
			expr := exprString(arg)
			if v, ok := variables[expr]; !ok || v != pkgName {
				t.Errorf("%s: a runtime name from %s: teach TestEmitRuntimeNames where its values come from",
					fset.Position(arg.Pos()), expr)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "runtimeName" && len(n.Args) == 1 {
					if s, ok := lit(n.Args[0]); ok {
						wantRuntime[s] = fset.Position(n.Args[0].Pos())
					} else {
						t.Errorf("%s: runtimeName takes a literal: the names of generated signatures", fset.Position(n.Args[0].Pos()))
					}
				}
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "implName" && len(n.Args) == 1 {
					record(n.Args[0], true)
				}
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Dot" && isE(sel.X) && len(n.Args) == 1 {
					record(n.Args[0], false)
				}
				// s.with("AtIndex", ...): the calls of error paths.
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "with" && len(n.Args) == 2 {
					if s, ok := lit(n.Args[0]); ok {
						wantMethod[s] = fset.Position(n.Pos())
					}
				}
			case *ast.AssignStmt:
				// keys = "StringEntries"
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if id, ok := n.Lhs[0].(*ast.Ident); ok {
						if isPkg, ok := variables[id.Name]; ok {
							if s, ok := lit(n.Rhs[0]); ok {
								if isPkg {
									wantPkg[s] = fset.Position(n.Pos())
								} else {
									wantMethod[s] = fset.Position(n.Pos())
								}
							}
						}
					}
				}
			case *ast.ValueSpec:
				// The tables: mapKeys' values are package functions,
				// scalarCalls' exported names are Encoder methods.
				for i, id := range n.Names {
					if i >= len(n.Values) || id.Name != "mapKeys" && id.Name != "scalarCalls" {
						continue
					}
					ast.Inspect(n.Values[i], func(m ast.Node) bool {
						b, ok := m.(*ast.BasicLit)
						if !ok || b.Kind != token.STRING {
							return true
						}
						s, _ := strconv.Unquote(b.Value)
						if !token.IsExported(s) {
							return true // a parameter type: "int64"
						}
						if id.Name == "mapKeys" {
							wantPkg[s] = fset.Position(b.Pos())
						} else {
							wantMethod[s] = fset.Position(b.Pos())
						}
						return true
					})
				}
			}
			return true
		})
	}
	if len(wantPkg) < 5 || len(wantMethod) < 20 {
		t.Fatalf("found only %d package names and %d methods in emission's source", len(wantPkg), len(wantMethod))
	}
	check := func(want map[string]token.Position, have map[string]bool, what, why string) {
		var missing []string
		for name, pos := range want {
			if !have[name] {
				missing = append(missing, pos.String()+": "+what+name)
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("%s: emission can print it, %s", m, why)
		}
	}
	check(wantRuntime, signatureNames, "runtime.", "but generated code names package runtime only in signatures (Option, Encoder): call dumpimpl")
	check(wantRuntime, rtAPI, "runtime.", "package runtime does not declare it")
	check(wantPkg, pkgAPI, "dumpimpl.", "package dumpimpl does not declare it")
	check(wantMethod, methodAPI, "(*dumpimpl.Encoder).", "package dumpimpl does not declare it")
}

// exprString prints the few expression forms a runtime name is passed as.
func exprString(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	case *ast.IndexExpr:
		return exprString(x.X) + "[" + exprString(x.Index) + "]"
	}
	return "?"
}

// checkRuntimeNames reports every runtime name the generated file src uses
// (rt.X, impl.X, and methods called on e, the *dumpimpl.Encoder) that its
// package does not declare, and every name of package runtime (imported as
// rt) other than signatureNames.
func checkRuntimeNames(t *testing.T, name string, src []byte, rt, impl string, rtAPI, pkgAPI, methodAPI map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		switch {
		case !ok:
		case id.Name == rt && !rtAPI[sel.Sel.Name]:
			t.Errorf("%s: %s.%s: package runtime does not declare it", fset.Position(sel.Pos()), rt, sel.Sel.Name)
		case id.Name == rt && !signatureNames[sel.Sel.Name]:
			t.Errorf("%s: %s.%s: generated code names package runtime only in signatures", fset.Position(sel.Pos()), rt, sel.Sel.Name)
		case id.Name == impl && !pkgAPI[sel.Sel.Name]:
			t.Errorf("%s: %s.%s: package dumpimpl does not declare it", fset.Position(sel.Pos()), impl, sel.Sel.Name)
		case id.Name == "e" && !methodAPI[sel.Sel.Name]:
			t.Errorf("%s: e.%s: dumpimpl.Encoder has no such method", fset.Position(sel.Pos()), sel.Sel.Name)
		}
		return true
	})
}

// TestEmittedRuntimeNames checks every emit test case's output, and every
// golden file, against the declared names of runtime and dumpimpl.
func TestEmittedRuntimeNames(t *testing.T) {
	rtAPI, pkgAPI, methodAPI := runtimeAPI(t)
	for _, c := range emitCases {
		src, err := File(c.file)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkRuntimeNames(t, c.name+" (emitted)", src, c.file.RuntimeName, c.file.ImplName, rtAPI, pkgAPI, methodAPI)
		golden := filepath.Join("testdata", c.name+".golden")
		if src, err := os.ReadFile(golden); err == nil {
			checkRuntimeNames(t, golden, src, c.file.RuntimeName, c.file.ImplName, rtAPI, pkgAPI, methodAPI)
		}
	}
}

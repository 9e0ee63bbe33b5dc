package gen

// The JSON fields of a struct type: encoding/json's typeFields and
// dominantField (Go 1.26, encode.go) replayed on go/types. Embedded structs
// are explored breadth first, depth by depth; a field's name is its tag name
// or its Go name; among fields with one name the shallowest wins, a tagged
// one over an untagged one at the same depth, and a tie cancels them all.

import (
	"cmp"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// jsonField is one field found by typeFields.
type jsonField struct {
	name  string       // the JSON key
	tag   bool         // the name comes from the tag
	index []int        // field indexes from the struct to the field
	vars  []*types.Var // the field at each step of index
	decl  types.Type   // the field's declared type
	ft    types.Type   // decl, or what it points to when it is an unnamed pointer

	omitEmpty, omitZero bool
	quoted              bool // ",string" on a kind that takes it
	quotedParam         bool // ",string" on a type parameter: decided at run time (runtime.QuotedParam)
}

// deref reports whether the path to the field goes through an embedded
// pointer: the field is then addressable whatever the struct is.
func (f *jsonField) deref() bool {
	for _, v := range f.vars[:len(f.vars)-1] {
		if isPointer(v.Type()) {
			return true
		}
	}
	return false
}

// typeFields returns the JSON fields of the struct type t (a named type or a
// struct literal type), in index order.
func (a *analyzer) typeFields(t types.Type) []jsonField {
	t = types.Unalias(t)
	if fs, ok := a.fields.At(t).([]jsonField); ok {
		return fs
	}
	fs := typeFields(t)
	a.fields.Set(t, fs)
	return fs
}

func typeFields(t types.Type) []jsonField {
	type queued struct {
		typ   types.Type
		index []int
		vars  []*types.Var
	}
	var current []queued
	next := []queued{{typ: t}}
	var count, nextCount typeutilCount
	var visited typeutilCount
	var fields []jsonField

	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, typeutilCount{}

		for _, f := range current {
			if visited.get(f.typ) > 0 {
				continue
			}
			visited.inc(f.typ)

			st := f.typ.Underlying().(*types.Struct)
			for i := range st.NumFields() {
				sf := st.Field(i)
				if sf.Embedded() {
					et := types.Unalias(sf.Type())
					if p, ok := et.(*types.Pointer); ok {
						et = p.Elem()
					}
					if !sf.Exported() && !isStruct(et) {
						continue // unexported non-struct embedded types
					}
				} else if !sf.Exported() {
					continue
				}
				tag := reflect.StructTag(st.Tag(i)).Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)
				vars := append(slices.Clip(f.vars), sf)

				decl := types.Unalias(sf.Type())
				ft := decl
				if p, ok := ft.(*types.Pointer); ok {
					ft = types.Unalias(p.Elem())
				}

				if name != "" || !sf.Embedded() || !isStruct(ft) {
					jf := jsonField{
						name:      name,
						tag:       name != "",
						index:     index,
						vars:      vars,
						decl:      decl,
						ft:        ft,
						omitEmpty: hasOption(opts, "omitempty"),
						omitZero:  hasOption(opts, "omitzero"),
					}
					if hasOption(opts, "string") {
						if _, ok := ft.(*types.TypeParam); ok {
							jf.quotedParam = true
						} else {
							jf.quoted = quotable(ft)
						}
					}
					if jf.name == "" {
						jf.name = sf.Name()
					}
					fields = append(fields, jf)
					if count.get(f.typ) > 1 {
						// Several instances at this depth: a duplicate makes
						// the conflict resolution below drop the name.
						fields = append(fields, jf)
					}
					continue
				}

				// An embedded struct to explore at the next depth.
				if nextCount.inc(ft) == 1 {
					next = append(next, queued{typ: ft, index: index, vars: vars})
				}
			}
		}
	}

	slices.SortFunc(fields, func(a, b jsonField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tag != b.tag {
			if a.tag {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})

	// Keep the dominant field of each name, if there is one.
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != fi.name {
				break
			}
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		group := fields[i : i+advance]
		if len(group[0].index) == len(group[1].index) && group[0].tag == group[1].tag {
			continue // ambiguous: every field of the name is dropped
		}
		out = append(out, group[0])
	}
	fields = out
	slices.SortFunc(fields, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
	return fields
}

// typeutilCount counts types by identity (as reflect.Type equality does).
type typeutilCount struct {
	types []types.Type
	n     []int
}

func (c *typeutilCount) get(t types.Type) int {
	for i, u := range c.types {
		if types.Identical(t, u) {
			return c.n[i]
		}
	}
	return 0
}

func (c *typeutilCount) inc(t types.Type) int {
	for i, u := range c.types {
		if types.Identical(t, u) {
			c.n[i]++
			return c.n[i]
		}
	}
	c.types = append(c.types, t)
	c.n = append(c.n, 1)
	return 1
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// quotable reports whether the ",string" option applies to the kind of t.
func quotable(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return false
	}
	info := b.Info()
	return b.Kind() == types.Bool || b.Kind() == types.Float32 || b.Kind() == types.Float64 ||
		info&types.IsString != 0 || info&types.IsInteger != 0
}

// hasOption reports whether the comma-separated tag options have opt.
func hasOption(opts, opt string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == opt {
			return true
		}
	}
	return false
}

// isValidTag is encoding/json's test of a tag name.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but otherwise any
			// punctuation chars are allowed in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// keyLiteral is the key as encoding/json writes it with HTML escaping on,
// `"key":`, and whether EscapeHTML(false) or EnsureASCII can change it.
// Keys are valid tag names or Go identifiers: letters, digits and
// punctuation other than quote and backslash, so only <, >, & and U+2028,
// U+2029 are ever escaped.
func keyLiteral(key string) (string, bool) {
	var b strings.Builder
	b.WriteByte('"')
	runtime := false
	for _, r := range key {
		switch {
		case r == '<' || r == '>' || r == '&':
			fmt.Fprintf(&b, `\u00%x`, r)
			runtime = true
		case r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
			runtime = true
		case r >= utf8.RuneSelf:
			b.WriteRune(r)
			runtime = true
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`":`)
	return b.String(), runtime
}

// object is the JSON object encoding of the struct type t (named or not,
// with underlying st) at a position, reached from site s.
func (a *analyzer) object(t types.Type, st *types.Struct, addr bool, s *site) *Object {
	obj := &Object{}
	for _, f := range a.typeFields(t) {
		last := f.vars[len(f.vars)-1]
		fs := s
		if last.Pkg() == a.pkg.Types {
			fs = &site{name: last.Name(), typ: last.Type(), pos: a.pos(last.Pos())}
		}
		path, ok := a.steps(t, f, fs)
		if !ok {
			continue
		}
		omit, always := a.omit(f)
		if always {
			continue // omitempty on an array of length 0
		}
		a.fieldPath = append(a.fieldPath, "."+last.Name())
		value := a.value(f.decl, addr || f.deref(), fs, f.quoted || f.quotedParam)
		a.fieldPath = a.fieldPath[:len(a.fieldPath)-1]
		key, runtime := keyLiteral(f.name)
		obj.Fields = append(obj.Fields, &Field{
			Name:            last.Name(),
			Key:             f.name,
			KeyLiteral:      key,
			KeyNeedsRuntime: runtime,
			Path:            path,
			Omit:            omit,
			Value:           value,
			Pos:             a.pos(last.Pos()),
		})
	}
	order := make([]int, len(obj.Fields))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return strings.Compare(obj.Fields[i].Key, obj.Fields[j].Key)
	})
	for i, j := range order {
		if i != j {
			obj.Sorted = order
			break
		}
	}
	return obj
}

// steps is the selector path of a field from the struct type root. Fields
// of other packages reached through unexported embedded structs are
// selected through Go's promotion instead, which is possible when the
// promoted selector finds the same field and no embedded pointer on the way
// must be tested for nil.
func (a *analyzer) steps(root types.Type, f jsonField, s *site) ([]Step, bool) {
	var path []Step
	cur := root
	from := 0 // f.vars[from:] are not selected yet
	for i, v := range f.vars {
		last := i == len(f.vars)-1
		if !v.Exported() && v.Pkg() != a.pkg.Types {
			switch {
			case last:
				a.fail(s, root, fmt.Sprintf("its field %s (json key %q) is an unexported embedded struct of package %s, which generated code cannot reach", v.Name(), f.name, v.Pkg().Name()))
				return nil, false
			case isPointer(v.Type()):
				a.fail(s, root, fmt.Sprintf("its field %s can only be reached through the unexported embedded pointer %s of package %s, which generated code cannot test for nil", f.vars[len(f.vars)-1].Name(), v.Name(), v.Pkg().Name()))
				return nil, false
			}
			continue
		}
		if i > from {
			obj, index, _ := types.LookupFieldOrMethod(cur, true, a.pkg.Types, v.Name())
			if obj != v || !slices.Equal(index, f.index[from:i+1]) {
				a.fail(s, root, fmt.Sprintf("its field %s is promoted through unexported embedded structs of package %s and Go's selector %s finds another field", v.Name(), v.Pkg().Name(), v.Name()))
				return nil, false
			}
		}
		path = append(path, Step{Name: v.Name(), Deref: !last && isPointer(v.Type())})
		cur = types.Unalias(v.Type())
		if p, ok := cur.(*types.Pointer); ok {
			cur = p.Elem()
		}
		from = i + 1
	}
	return path, true
}

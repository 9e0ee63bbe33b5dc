package analyze

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
	"unicode/utf8"

	"github.com/jsondump/jsondump/gen/internal/model"
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

	// Read by v2 only (tags.go): the embed option on a field that is not a
	// struct, whose entries v2 writes inline if it is a map: unsupported.
	inline bool
}

// sameFields reports whether two readings of a struct's tags found the same
// fields, with the same names and options. Whether a name came from the
// tag no longer matters: it only decided which fields won.
func sameFields(a, b []jsonField) bool {
	return slices.EqualFunc(a, b, func(x, y jsonField) bool {
		return x.name == y.name && slices.Equal(x.index, y.index) &&
			x.omitEmpty == y.omitEmpty && x.omitZero == y.omitZero &&
			x.quoted == y.quoted && x.quotedParam == y.quotedParam &&
			x.inline == y.inline
	})
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
// struct literal type), in index order, as Go 1.26's encoding/json reads its
// tags.
func (a *analyzer) typeFields(t types.Type) []jsonField {
	t = types.Unalias(t)
	if fs, ok := a.fields.At(t).([]jsonField); ok {
		return fs
	}
	fs, _ := typeFields(t, false)
	a.fields.Set(t, fs)
	return fs
}

// typeFieldsV2 is typeFields as the encoding/json implemented on
// encoding/json/v2 reads the tags (Go 1.27's, see tags.go).
func (a *analyzer) typeFieldsV2(t types.Type) []jsonField {
	return a.readV2(t).fields
}

// fieldsV2 is the reading of a struct type's tags under v2: its fields, and
// the Go name of the first field with a format option ("" for none), for
// which v2 fails on the whole struct.
type fieldsV2 struct {
	fields []jsonField
	format string
}

func (a *analyzer) readV2(t types.Type) fieldsV2 {
	t = types.Unalias(t)
	if r, ok := a.fieldsV2.At(t).(fieldsV2); ok {
		return r
	}
	fs, format := typeFields(t, true)
	r := fieldsV2{fs, format}
	a.fieldsV2.Set(t, r)
	return r
}

// bothFields is the fields of t under either encoding/json: what the
// analyses that follow every field (addressability, cycles) must see.
func (a *analyzer) bothFields(t types.Type) []jsonField {
	v1, v2 := a.typeFields(t), a.typeFieldsV2(t)
	if sameFields(v1, v2) {
		return v1
	}
	return append(slices.Clip(v1), v2...)
}

// The second result is the Go name of the first field, breadth first, with
// a format option (v2 only), "" for none.
func typeFields(t types.Type, v2 bool) ([]jsonField, string) {
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
	var format string

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
				opts := tagV1(tag)
				if v2 {
					opts = tagV2(tag)
				}
				name := opts.name
				index := append(slices.Clip(f.index), i)
				vars := append(slices.Clip(f.vars), sf)

				decl := types.Unalias(sf.Type())
				ft := decl
				if p, ok := ft.(*types.Pointer); ok {
					ft = types.Unalias(p.Elem())
				}

				// An embedded struct without a name is explored, and under
				// v2 so is a field of any struct type with the embed option
				// and no name.
				embed := name == "" && (sf.Embedded() || opts.embed) && isStruct(ft)
				if !embed {
					if opts.format && format == "" {
						format = sf.Name()
					}
					jf := jsonField{
						name:      name,
						tag:       name != "",
						index:     index,
						vars:      vars,
						decl:      decl,
						ft:        ft,
						omitEmpty: opts.omitEmpty,
						omitZero:  opts.omitZero,
						inline:    name == "" && opts.embed && inlineFallback(ft),
					}
					if opts.quoted {
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
	return fields, format
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

// keyLiteral is the key as encoding/json writes it with HTML escaping on,
// `"key":`, and whether EscapeHTML(false) or EnsureASCII can change it.
// Keys are tag names or Go identifiers, valid UTF-8 without quote or
// backslash; control characters only in names encoding/json/v2 accepts.
func keyLiteral(key string) (string, bool) {
	var b strings.Builder
	b.WriteByte('"')
	runtime := false
	for _, r := range key {
		switch {
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < ' ':
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == 0x7f: // EnsureASCII escapes it
			b.WriteRune(r)
			runtime = true
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
func (a *analyzer) object(t types.Type, st *types.Struct, addr bool, s *site) *model.Object {
	obj := a.objectOf(t, a.typeFields(t), addr, s)
	switch v2 := a.readV2(t); {
	case v2.format != "":
		// v2 fails on the struct (its format options are for v2's own
		// API; with v1's options it supports none).
		obj.V2 = &model.Object{Unsupported: "Go struct field " + v2.format + " has unsupported `format` tag option"}
	case !sameFields(a.typeFields(t), v2.fields):
		obj.V2 = a.objectOf(t, v2.fields, addr, s)
	}
	return obj
}

// objectOf is the object of the struct type t with the fields given.
func (a *analyzer) objectOf(t types.Type, fields []jsonField, addr bool, s *site) *model.Object {
	obj := &model.Object{}
	for _, f := range fields {
		last := f.vars[len(f.vars)-1]
		fs := s
		if last.Pkg() == a.pkg.Types {
			fs = &site{name: last.Name(), typ: last.Type(), pos: a.pos(last.Pos())}
		}
		path, ok := a.steps(t, f, fs)
		if !ok {
			continue
		}
		if f.inline {
			a.fail(fs, f.decl, "the embed tag option on a map or json.RawMessage is not supported (Go 1.27's encoding/json writes its members inline)")
		}
		omit, always := a.omit(f)
		if always {
			continue // omitempty on an array of length 0
		}
		a.fieldPath = append(a.fieldPath, "."+last.Name())
		value := a.value(f.decl, addr || f.deref(), fs, f.quoted || f.quotedParam)
		a.fieldPath = a.fieldPath[:len(a.fieldPath)-1]
		key, runtime := keyLiteral(f.name)
		obj.Fields = append(obj.Fields, &model.Field{
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
	return obj
}

// steps is the selector path of a field from the struct type root. Fields
// of other packages reached through unexported embedded structs are
// selected through Go's promotion instead, which is possible when the
// promoted selector finds the same field and no embedded pointer on the way
// must be tested for nil.
func (a *analyzer) steps(root types.Type, f jsonField, s *site) ([]model.Step, bool) {
	var path []model.Step
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
		path = append(path, model.Step{Name: v.Name(), Deref: !last && isPointer(v.Type())})
		cur = types.Unalias(v.Type())
		if p, ok := cur.(*types.Pointer); ok {
			cur = p.Elem()
		}
		from = i + 1
	}
	return path, true
}

// inlineFallback reports whether v2 writes the members of a field of type t
// with the embed option inline: a map with string keys, or jsontext.Value.
func inlineFallback(t types.Type) bool {
	if special(t) == model.RawMessage {
		return true
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	b, ok := m.Key().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

package analyze

// Struct tags as the two encoding/json implementations read them. Go 1.26's
// (encode.go: parseTag, isValidTag) cuts the tag at commas and drops a name
// with characters it does not allow; the one implemented on encoding/json/v2
// (Go 1.27's default; v2/fields.go: parseFieldOptions, consumeTagOption)
// takes almost any name up to a comma or quote, and reads options as Go
// identifiers. Each is replayed here from its source, never by asking the
// encoding/json of the Go that runs the generator: the generated file must
// not depend on it. DESIGN.md lists the differences.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagOptions is what one reading of a `json` tag (other than "-") gives.
type tagOptions struct {
	name                string // the JSON key, "" for none (the Go name is used)
	omitEmpty, omitZero bool
	quoted              bool // ",string"
	embed               bool // ",embed" (v2 only)
	format              bool // ",format:..." (v2 only)
}

// tagV1 reads tag as Go 1.26's encoding/json does.
func tagV1(tag string) tagOptions {
	name, opts, _ := strings.Cut(tag, ",")
	if !isValidTag(name) {
		name = ""
	}
	return tagOptions{
		name:      name,
		omitEmpty: hasOption(opts, "omitempty"),
		omitZero:  hasOption(opts, "omitzero"),
		quoted:    hasOption(opts, "string"),
	}
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

// tagV2 reads tag as encoding/json on encoding/json/v2 does (its
// parseFieldOptions under the v1 options, where a malformed tag is not an
// error: what it could read is used).
func tagV2(tag string) tagOptions {
	var o tagOptions
	if len(tag) > 0 && !strings.HasPrefix(tag, ",") {
		// Any name up to a comma, backslash or quote; if something other
		// than a comma follows, the name is the Go identifier the tag
		// starts with, or there is none.
		n := len(tag) - len(strings.TrimLeftFunc(tag, func(r rune) bool {
			return !strings.ContainsRune(",\\'\"`", r)
		}))
		name, ok := tag[:n], true
		if !strings.HasPrefix(tag[n:], ",") && n != len(tag) {
			name, n, ok = tagOptionV2(tag, false)
		}
		if !utf8.ValidString(name) {
			name = string([]rune(name)) // invalid UTF-8 as U+FFFD
		}
		if ok {
			o.name = name
		}
		tag = tag[n:]
	}
	for len(tag) > 0 {
		if tag[0] == ',' {
			tag = tag[1:]
			if tag == "" {
				break
			}
		}
		opt, n, _ := tagOptionV2(tag, false)
		tag = tag[n:]
		switch opt {
		case "case":
			if strings.HasPrefix(tag, ":") {
				if _, n, ok := tagOptionV2(tag[1:], false); ok {
					tag = tag[1+n:]
				} else {
					tag = tag[1:]
				}
			}
		case "embed":
			o.embed = true
		case "omitzero":
			o.omitZero = true
		case "omitempty":
			o.omitEmpty = true
		case "string":
			o.quoted = true
		case "format":
			if strings.HasPrefix(tag, ":") {
				tag = tag[1:]
				if opt, n, ok := tagOptionV2(tag, true); ok && opt != "" {
					tag = tag[n:]
					o.format = true
				}
			}
		}
	}
	return o
}

// tagOptionV2 is v2's consumeTagOption: the Go identifier at the start of
// in, or (if quoted) a single-quoted string; else, with ok false, all of in
// up to the next comma.
func tagOptionV2(in string, quoted bool) (opt string, n int, ok bool) {
	i := strings.IndexByte(in, ',')
	if i < 0 {
		i = len(in)
	}
	switch r, _ := utf8.DecodeRuneInString(in); {
	case r == '_' || unicode.IsLetter(r):
		n := len(in) - len(strings.TrimLeftFunc(in, func(r rune) bool {
			return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		}))
		return in[:n], n, true
	case r == '\'' && quoted:
		// Like a double-quoted Go string literal, between single quotes.
		var inEscape bool
		b := []byte{'"'}
		n := len(`'`)
		for len(in) > n {
			r, rn := utf8.DecodeRuneInString(in[n:])
			switch {
			case inEscape:
				if r == '\'' {
					b = b[:len(b)-1]
				}
				inEscape = false
			case r == '\\':
				inEscape = true
			case r == '"':
				b = append(b, '\\')
			case r == '\'':
				b = append(b, '"')
				n += len(`'`)
				out, err := strconv.Unquote(string(b))
				if err != nil {
					return in[:i], i, false
				}
				return out, n, true
			}
			b = append(b, in[n:][:rn]...)
			n += rn
		}
		return in[:i], i, false
	default:
		return in[:i], i, false
	}
}

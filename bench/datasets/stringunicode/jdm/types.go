// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package stringunicode models string_unicode.json: one object mapping Unicode
// block names to strings of random characters from each block. The keys are
// data, not a schema, so the natural Go type is a named map.
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// Root is the root: Unicode block name -> sample text.
//
//easyjson:json
//jsondump:json
type Root map[string]string

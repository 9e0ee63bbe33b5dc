// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package golangsrc models golang_source.json: a recursive tree of the Go
// source repository's files with per-file change statistics.
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// Root is the root.
//
//jsondump:json
type Root struct {
	Tree     Node   `json:"tree"`
	Username string `json:"username"`
}

// Node is a file or a directory; Kids is always present (empty for files).
//
//jsondump:json
type Node struct {
	Name     string  `json:"name"`
	Kids     []Node  `json:"kids"`
	CLWeight float64 `json:"cl_weight"`
	Touches  int     `json:"touches"`
	MinT     int64   `json:"min_t"`
	MaxT     int64   `json:"max_t"`
	MeanT    int64   `json:"mean_t"`
}

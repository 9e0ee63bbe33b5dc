// This file is a copy of ../types.go made by bench/cmd/copytypes (go generate
// in the parent package); edit ../types.go instead.

// Package canada models canada_geometry.json: a GeoJSON FeatureCollection
// holding one polygon with many rings; almost all of it is float64 pairs.
//
// This file is the single source of the types: ./jd/types.go is a copy made by
// cmd/copytypes (go generate), on which jsondump generates its methods, so that
// the peers here keep measuring encoding/json's reflection path.
package jdm

// FeatureCollection is the root.
//
//jsondump:json
type FeatureCollection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

// Feature is one GeoJSON feature.
//
//jsondump:json
type Feature struct {
	Type       string     `json:"type"`
	Properties Properties `json:"properties"`
	Geometry   Geometry   `json:"geometry"`
}

// Properties are the feature's properties.
//
//jsondump:json
type Properties struct {
	Name string `json:"name"`
}

// Geometry is a polygon: rings of [longitude, latitude] points.
//
//jsondump:json
type Geometry struct {
	Type        string         `json:"type"`
	Coordinates [][][2]float64 `json:"coordinates"`
}

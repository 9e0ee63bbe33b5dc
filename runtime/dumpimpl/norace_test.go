//go:build !race

package dumpimpl

const raceEnabled = false

package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jsondump/jsondump/bench/contenders"
)

// routes writes the routes tables: each of jsondump's routes (and
// encoding/json on the generated types) against the encoding/json call it
// replaces (Contender.Base), with issue 11's target where it has one.
//
// A ratio is taken within each round (the base's time over the route's, in
// the same round, which runs every contender once) and the median of the
// rounds' ratios is shown, with their range: on a shared machine the load
// moves between rounds more than within one, so ratios within a round are
// steadier than a ratio of medians.
func routes(md *strings.Builder, r *results, mode string) {
	var cs []*contenders.Contender
	for _, c := range contenders.All() {
		if c.Ours && r.has(mode, c.Name) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(md, "## %s: each route against the encoding/json call it replaces\n\n", title(mode))
	md.WriteString("Median over the rounds of the ratio within a round (the encoding/json call's time divided by the route's; " +
		"higher is faster), and in brackets the lowest and highest round. " +
		"The target is issue 11's: ✓ met by the median, ✗ missed.\n\n")
	md.WriteString("| route | against |")
	for _, d := range r.datas {
		md.WriteString(" " + d + " |")
	}
	md.WriteString(" geomean | target |\n|---|---|")
	for range r.datas {
		md.WriteString("---:|")
	}
	md.WriteString("---:|---|\n")
	for _, c := range cs {
		base := baseOf(c)
		fmt.Fprintf(md, "| %s | %s |", c.Name, base)
		logSum, n := 0.0, 0
		for _, d := range r.datas {
			med, lo, hi, ok := r.ratio(d, mode, base, c.Name)
			if !ok {
				md.WriteString(" – |")
				continue
			}
			logSum += math.Log(med)
			n++
			fmt.Fprintf(md, " %.2fx%s <sub>(%.2f–%.2f)</sub> |", med, mark(c, med), lo, hi)
		}
		if n == len(r.datas) {
			fmt.Fprintf(md, " **%.2fx** |", math.Exp(logSum/float64(n)))
		} else {
			md.WriteString(" – |")
		}
		if c.Target > 0 {
			fmt.Fprintf(md, " ≥ %.2gx |\n", c.Target)
		} else {
			md.WriteString(" |\n")
		}
	}
	md.WriteString("\nMedian time per call:\n\n| contender |")
	for _, d := range r.datas {
		md.WriteString(" " + d + " |")
	}
	md.WriteString("\n|---|")
	for range r.datas {
		md.WriteString("---:|")
	}
	md.WriteString("\n")
	seen := map[string]bool{}
	var names []string
	for _, c := range cs {
		for _, e := range []string{baseOf(c), c.Name} {
			if !seen[e] && r.has(mode, e) {
				seen[e] = true
				names = append(names, e)
			}
		}
	}
	for _, e := range names {
		fmt.Fprintf(md, "| %s |", e)
		for _, d := range r.datas {
			if s := r.m[key{d, mode, e}]; s != nil {
				md.WriteString(" " + durStr(s.median(nsop)) + " |")
			} else {
				md.WriteString(" – |")
			}
		}
		md.WriteString("\n")
	}
	md.WriteString("\n")
}

func baseOf(c *contenders.Contender) string {
	if c.Base != "" {
		return c.Base
	}
	return contenders.Reference
}

// mark is ✓ or ✗ against c's target, or nothing.
func mark(c *contenders.Contender, v float64) string {
	switch {
	case c.Target == 0:
		return ""
	case v >= c.Target:
		return " ✓"
	}
	return " ✗"
}

// has reports whether enc has results in mode.
func (r *results) has(mode, enc string) bool {
	for _, d := range r.datas {
		if r.m[key{d, mode, enc}] != nil {
			return true
		}
	}
	return false
}

// ratio is base's time over enc's, round by round (the i-th result of each
// is from the same round): the median and the range.
func (r *results) ratio(data, mode, base, enc string) (med, lo, hi float64, ok bool) {
	b, e := r.m[key{data, mode, base}], r.m[key{data, mode, enc}]
	if b == nil || e == nil || len(b.v[nsop]) != len(e.v[nsop]) || len(b.v[nsop]) == 0 {
		return 0, 0, 0, false
	}
	x := make([]float64, len(b.v[nsop]))
	for i := range x {
		x[i] = b.v[nsop][i] / e.v[nsop][i]
	}
	sort.Float64s(x)
	med = x[len(x)/2]
	if len(x)%2 == 0 {
		med = (x[len(x)/2-1] + x[len(x)/2]) / 2
	}
	return med, x[0], x[len(x)-1], true
}

// durStr is a time in ns/op, short.
func durStr(ns float64) string {
	switch {
	case math.IsNaN(ns):
		return "?"
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

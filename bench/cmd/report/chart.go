package main

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/jsondump/jsondump/bench/contenders"
)

var palette = []string{
	"#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	"#8c564b", "#e377c2", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
}

// chart draws a grouped horizontal bar chart of the speed-up over
// encoding/json per dataset (and the geometric mean), one bar per contender.
// The floor (a plain copy) is left out: it is tens of times faster than any
// encoder and would flatten the bars. So are the routes that are not a
// Marshal of the value (Encoder.Encode, a map[string]any holding it: the
// routes tables compare them with their own encoding/json call) and
// encoding/json's other routes, which the routes tables show.
func chart(r *results, mode string, encs []string) []byte {
	var shown []string
	for _, e := range encs {
		if inChart(e) {
			shown = append(shown, e)
		}
	}
	groups := append(append([]string(nil), r.datas...), "geomean")
	val := func(g, e string) float64 {
		if g == "geomean" {
			s, n := 0.0, 0
			for _, d := range r.datas {
				v := val1(r, d, mode, e)
				if math.IsNaN(v) {
					return math.NaN()
				}
				s += math.Log(v)
				n++
			}
			return math.Exp(s / float64(n))
		}
		return val1(r, g, mode, e)
	}
	maxV := 1.0
	for _, g := range groups {
		for _, e := range shown {
			if v := val(g, e); !math.IsNaN(v) && v > maxV {
				maxV = v
			}
		}
	}
	maxV = math.Ceil(maxV)
	const (
		left, right, top = 150.0, 60.0, 40.0
		barH, gap        = 11.0, 14.0
		plotW            = 620.0
	)
	groupH := float64(len(shown))*barH + gap
	legendH := 18.0 * float64((len(shown)+3)/4)
	height := top + float64(len(groups))*groupH + 40 + legendH
	width := left + plotW + right
	x := func(v float64) float64 { return left + v/maxV*plotW }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="20" font-size="14" font-weight="bold">Speed-up over encoding/json (%s Marshal, higher is better)</text>`+"\n", left, mode)
	// grid
	step := 1.0
	if maxV > 12 {
		step = math.Ceil(maxV / 12)
	}
	plotBottom := top + float64(len(groups))*groupH
	for v := 0.0; v <= maxV+1e-9; v += step {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`+"\n", x(v), top-4, x(v), plotBottom, map[bool]string{true: "#333", false: "#ddd"}[v == 1])
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555">%gx</text>`+"\n", x(v), plotBottom+14, v)
	}
	for gi, g := range groups {
		y0 := top + float64(gi)*groupH
		weight := ""
		if g == "geomean" {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end"%s>%s</text>`+"\n", left-8, y0+float64(len(shown))*barH/2+4, weight, html.EscapeString(g))
		for ei, e := range shown {
			v := val(g, e)
			y := y0 + float64(ei)*barH
			if math.IsNaN(v) {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %.2fx</title></rect>`+"\n",
				left, y, x(v)-left, barH-2, palette[ei%len(palette)], html.EscapeString(e), html.EscapeString(g), v)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="9" fill="#333">%.2f</text>`+"\n", x(v)+3, y+barH-3, v)
		}
	}
	// legend
	ly := plotBottom + 34
	for ei, e := range shown {
		lx := left + float64(ei%4)*160
		yy := ly + float64(ei/4)*18
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="12" height="10" fill="%s"/>`, lx, yy-9, palette[ei%len(palette)])
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", lx+16, yy, html.EscapeString(e))
	}
	lo, hi := math.Inf(1), 0.0
	for _, d := range r.datas {
		if v := val1(r, d, mode, "floor"); !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi > 0 {
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" fill="#555">floor (copying the final output) not drawn: %.0fx to %.0fx. Bars with † in RESULTS.md differ from encoding/json's output.</text>`+"\n", left, height-6, lo, hi)
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

func val1(r *results, d, mode, e string) float64 {
	s, ref := r.m[key{d, mode, e}], r.m[key{d, mode, contenders.Reference}]
	if s == nil || ref == nil {
		return math.NaN()
	}
	return ref.median(nsop) / s.median(nsop)
}

// inChart reports whether the chart shows contender e.
func inChart(e string) bool {
	if e == "floor" || e != contenders.Reference && strings.HasPrefix(e, contenders.Reference+"_") {
		return false
	}
	for _, c := range contenders.All() {
		if c.Name == e {
			return c.Base == ""
		}
	}
	return true
}

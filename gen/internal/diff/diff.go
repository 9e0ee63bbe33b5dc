// Package diff writes unified diffs of text, as `diff -u` prints them: gen.Check
// shows a stale generated file with it, and the emit tests a golden file.
package diff

import (
	"bytes"
	"fmt"
	"strings"
)

// Unified returns the differences between a and b as a unified diff with
// three lines of context, as `diff -u` prints it, or "" when they are equal.
func Unified(nameA, nameB string, a, b []byte) string {
	x, y := splitLines(a), splitLines(b)
	ops := diffLines(x, y)
	if len(ops) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	const context = 3
	for start := 0; start < len(ops); {
		// A hunk runs from the first change to the last change that is
		// within 2*context equal lines of the one before it.
		end := start
		for end+1 < len(ops) && ops[end+1].x-ops[end].xEnd() <= 2*context {
			end++
		}
		x0 := max(ops[start].x-context, 0)
		y0 := ops[start].y - (ops[start].x - x0)
		x1 := min(ops[end].xEnd()+context, len(x))
		y1 := ops[end].yEnd() + (x1 - ops[end].xEnd())
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(x0, x1-x0), hunkRange(y0, y1-y0))
		i := x0
		for _, op := range ops[start : end+1] {
			for ; i < op.x; i++ {
				out.WriteString(" " + x[i])
			}
			for _, line := range x[op.x:op.xEnd()] {
				out.WriteString("-" + line)
			}
			for _, line := range y[op.y:op.yEnd()] {
				out.WriteString("+" + line)
			}
			i = op.xEnd()
		}
		for ; i < x1; i++ {
			out.WriteString(" " + x[i])
		}
		start = end + 1
	}
	return out.String()
}

// hunkRange formats the start,count of a hunk header: 1-based, and the line
// before the hunk when it is empty, as diff does.
func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// splitLines splits text into lines that keep their "\n"; a last line without
// one gets the marker diff prints for it.
func splitLines(text []byte) []string {
	var lines []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, string(text)+"\n\\ No newline at end of file\n")
			break
		}
		lines = append(lines, string(text[:i+1]))
		text = text[i+1:]
	}
	return lines
}

// edit replaces x[x:x+dx] by y[y:y+dy].
type edit struct{ x, dx, y, dy int }

func (e edit) xEnd() int { return e.x + e.dx }
func (e edit) yEnd() int { return e.y + e.dy }

// maxEditDistance caps the work of diffLines: past this many inserted and
// deleted lines (a rewrite, not an edit) it reports the differing middle as
// one replacement, rather than spend time and memory quadratic in it on a
// shortest script nobody reads.
const maxEditDistance = 1000

// diffLines returns the edits that turn x into y, in order: the common
// prefix and suffix set aside, a shortest edit script of the middle (Myers'
// O(ND) algorithm), or the whole middle as one edit past maxEditDistance.
func diffLines(x, y []string) []edit {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	edits := myers(x[pre:len(x)-suf], y[pre:len(y)-suf])
	for i := range edits {
		edits[i].x += pre
		edits[i].y += pre
	}
	return edits
}

// myers returns a shortest edit script from x to y, or one edit replacing
// all of x by all of y when that needs more than maxEditDistance steps.
func myers(x, y []string) []edit {
	n, m := len(x), len(y)
	if n == 0 && m == 0 {
		return nil
	}
	maxD := min(n+m, maxEditDistance)
	offset := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is the part of the frontier, as round d began, that
	// backtrack reads: diagonals -d-1 to d+1. Keeping only that part keeps
	// the memory quadratic in d, not in d times the length of the input.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				i = v[offset+k+1] // down: insertion
			} else {
				i = v[offset+k-1] + 1 // right: deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[offset+k] = i
			if i >= n && j >= m {
				return backtrack(trace, d, n, m)
			}
		}
	}
	return []edit{{x: 0, dx: n, y: 0, dy: m}}
}

// backtrack walks the saved frontiers back from (n, m) to (0, 0) and returns
// the edits in order, adjacent ones merged. trace[d] holds diagonals -d-1 to
// d+1 of the frontier as it was when round d began.
func backtrack(trace [][]int, d, n, m int) []edit {
	var edits []edit
	i, j := n, m
	for ; d > 0; d-- {
		v, k, offset := trace[d], i-j, d+1
		pk := k - 1 // came right: a deletion
		if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
			pk = k + 1 // came down: an insertion
		}
		pi := v[offset+pk]
		pj := pi - pk
		for i > pi && j > pj { // the equal lines after the move
			i, j = i-1, j-1
		}
		if pk == k-1 {
			edits = append(edits, edit{x: pi, dx: 1, y: pj})
		} else {
			edits = append(edits, edit{x: pi, y: pj, dy: 1})
		}
		i, j = pi, pj
	}
	var merged []edit
	for idx := len(edits) - 1; idx >= 0; idx-- {
		e := edits[idx]
		if len(merged) > 0 {
			if p := &merged[len(merged)-1]; p.xEnd() == e.x && p.yEnd() == e.y {
				p.dx += e.dx
				p.dy += e.dy
				continue
			}
		}
		merged = append(merged, e)
	}
	return merged
}

package diff

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
)

func TestUnifiedDiffEqual(t *testing.T) {
	if d := Unified("a", "b", []byte("x\ny\n"), []byte("x\ny\n")); d != "" {
		t.Fatalf("diff of equal texts = %q, want empty", d)
	}
}

func TestUnifiedDiffCases(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"a\nb\nc\n", "a\nB\nc\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"", "new\n", "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n"},
		{"old\n", "", "--- a\n+++ b\n@@ -1 +0,0 @@\n-old\n"},
	} {
		if got := Unified("a", "b", []byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("Unified(%q, %q) =\n%s\nwant\n%s", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestUnifiedDiffPatch checks random edits against patch(1): applying the diff
// to the old text must give the new one.
func TestUnifiedDiffPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch(1) not installed")
	}
	r := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	for n := 0; n < 40; n++ {
		var a, b []string
		for i := 0; i < 60; i++ {
			line := string(rune('a'+r.IntN(6))) + "\n"
			switch r.IntN(6) {
			case 0:
				a = append(a, line)
			case 1:
				b = append(b, line)
			default:
				a, b = append(a, line), append(b, line)
			}
		}
		oldText, newText := strings.Join(a, ""), strings.Join(b, "")
		path := filepath.Join(dir, "f.txt")
		os.WriteFile(path, []byte(oldText), 0o644)
		d := Unified("a/f.txt", "b/f.txt", []byte(oldText), []byte(newText))
		cmd := exec.Command("patch", "-s", "-p1", "--no-backup-if-mismatch")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch failed: %v\n%s\ndiff:\n%s", err, out, d)
		}
		got, _ := os.ReadFile(path)
		if string(got) != newText {
			t.Fatalf("patched text differs\nold:\n%s\nnew:\n%s\ndiff:\n%s\ngot:\n%s", oldText, newText, d, got)
		}
	}
}

// TestDiffLinesShortest: below the cap, the script is a shortest one: its
// inserted and deleted lines add up to len(x)+len(y)-2*LCS.
func TestDiffLinesShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var x, y []string
		for range r.IntN(40) {
			x = append(x, string(rune('a'+r.IntN(4))))
		}
		for range r.IntN(40) {
			y = append(y, string(rune('a'+r.IntN(4))))
		}
		steps := 0
		for _, e := range diffLines(x, y) {
			steps += e.dx + e.dy
		}
		if want := len(x) + len(y) - 2*lcs(x, y); steps != want {
			t.Fatalf("%q -> %q: %d steps, want %d", x, y, steps, want)
		}
	}
}

func lcs(x, y []string) int {
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := range x {
		for j := range y {
			if x[i] == y[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// TestDiffRewriteMemory: a 2,000-line rewrite is capped, not solved: it
// allocates a few megabytes (every Myers frontier kept, it took 251 MB) and
// still gives a diff that patches the old text into the new.
func TestDiffRewriteMemory(t *testing.T) {
	var a, b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&a, "old line %d\n", i)
		fmt.Fprintf(&b, "new line %d\n", i)
	}
	var before, after goruntime.MemStats
	goruntime.ReadMemStats(&before)
	d := Unified("a/f.txt", "b/f.txt", []byte(a.String()), []byte(b.String()))
	goruntime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("the diff of a 2,000-line rewrite allocated %d MiB", alloc>>20)
	}
	if strings.Count(d, "\n-old line") != 2000 || strings.Count(d, "\n+new line") != 2000 {
		t.Errorf("the rewrite's diff does not remove and add every line")
	}
}

package gen

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnifiedDiffEqual(t *testing.T) {
	if d := unifiedDiff("a", "b", []byte("x\ny\n"), []byte("x\ny\n")); d != "" {
		t.Fatalf("diff of equal texts = %q, want empty", d)
	}
}

func TestUnifiedDiffCases(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"a\nb\nc\n", "a\nB\nc\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"", "new\n", "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n"},
		{"old\n", "", "--- a\n+++ b\n@@ -1 +0,0 @@\n-old\n"},
	} {
		if got := unifiedDiff("a", "b", []byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("unifiedDiff(%q, %q) =\n%s\nwant\n%s", tc.a, tc.b, got, tc.want)
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
		d := unifiedDiff("a/f.txt", "b/f.txt", []byte(oldText), []byte(newText))
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

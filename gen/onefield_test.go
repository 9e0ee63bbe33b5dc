package gen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/gen/internal/diff"
	"github.com/jsondump/jsondump/internal/testmod"
)

// TestOneFieldChangesOnePlace adds one field, out of key order, to the
// middle of a struct of twenty and regenerates: the generated file changes
// where the field is written and nowhere else. A reviewer reads a one-field
// change as one, and the code the compiler gets grows by one field (before
// one member list per struct, a field out of order turned the helper's one
// list into two, a diff of over two hundred lines).
func TestOneFieldChangesOnePlace(t *testing.T) {
	fields := []string{
		"ID int64 `json:\"id\"`",
		"Zone string `json:\"zone\"`",
		"Name *string `json:\"name,omitempty\"`",
		"Tags []string `json:\"tags\"`",
		"Attrs map[string]string `json:\"attrs,omitempty\"`",
		"Price float64 `json:\"price\"`",
		"Ship Address `json:\"ship\"`",
		"Bill *Address `json:\"bill,omitempty\"`",
		"Active bool `json:\"active\"`",
		"Count uint16 `json:\"count\"`",
		"Notes []Note `json:\"notes\"`",
		"Email string `json:\"email,omitempty\"`",
		"Alpha int `json:\"alpha\"`",
		"Weight float32 `json:\"weight,omitempty\"`",
		"Extra any `json:\"extra\"`",
		"Phone string `json:\"phone\"`",
		"Beta string `json:\"beta\"`",
		"Ref *int `json:\"ref\"`",
		"Flags [3]bool `json:\"flags\"`",
		"Last string `json:\"last\"`",
	}
	source := func(fields []string) string {
		return "package m\n\ntype Address struct {\n\tStreet string `json:\"street\"`\n}\n\n" +
			"type Note struct {\n\tText string `json:\"text\"`\n}\n\n" +
			"type Order struct {\n\t" + strings.Join(fields, "\n\t") + "\n}\n"
	}
	dir := testmod.Write(t, map[string]string{"order.go": source(fields)})
	cfg := gen.Config{Dir: dir, Types: []string{"Order"}}
	before := generate(t, cfg)
	// Twenty fields are enough for the helper to be written in parts
	// (analyze/parts.go): the field is added inside one, and no boundary
	// moves.
	if !strings.Contains(string(before[0].Content), "\nfunc _Order_dump_") {
		t.Fatalf("the helper of Order is not written in parts:\n%s", before[0].Content)
	}

	added := append(append(append([]string(nil), fields[:10]...), "Coupon string `json:\"coupon,omitempty\"`"), fields[10:]...)
	if err := os.WriteFile(filepath.Join(dir, "order.go"), []byte(source(added)), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := gen.Generate(gen.Config{Dir: dir, Types: []string{"Order"}})
	if err != nil {
		t.Fatal(err)
	}
	d := diff.Unified("before", "after", before[0].Content, after[0].Content)
	var changed []string
	for _, line := range strings.Split(d, "\n") {
		if (strings.HasPrefix(line, "+") || strings.HasPrefix(line, "-")) && !strings.HasPrefix(line, "+++") && !strings.HasPrefix(line, "---") {
			changed = append(changed, line)
		}
	}
	// if v.Coupon != "" { e.Key(`,"coupon":`); e.String(v.Coupon) }
	if hunks := strings.Count(d, "\n@@ "); len(changed) != 4 || hunks != 1 {
		t.Errorf("adding one field changed %d lines in %d hunks, want the field's 4 lines in one:\n%s", len(changed), hunks, d)
	}
}

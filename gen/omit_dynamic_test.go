package gen_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

// omitDynamicTypes are fields whose omit test only the run time can decide:
// omitempty and omitzero on a type parameter, omitzero on a foreign struct
// that is not comparable (big.Int), omitzero on an interface with IsZero.
const omitDynamicTypes = `
import (
	"math/big"
	"time"
)

type Box[T any] struct {
	E T ` + "`json:\"e,omitempty\"`" + `
	Z T ` + "`json:\"z,omitzero\"`" + `
	B T ` + "`json:\"b,omitempty,omitzero\"`" + `
}

type Num struct {
	N big.Int  ` + "`json:\"n,omitzero\"`" + `
	P *big.Int ` + "`json:\"p,omitzero\"`" + `
}

type Zeroer interface{ IsZero() bool }

type Stamp struct{ T time.Time }

func (s *Stamp) IsZero() bool { return s.T.IsZero() }

type Holder struct {
	S Zeroer ` + "`json:\"s,omitzero\"`" + `
	A any    ` + "`json:\"a,omitzero\"`" + `
}
`

// TestOmitDecidedAtRunTime: the generated code compiles (it once called
// runtime functions that did not exist) and leaves out exactly what
// encoding/json leaves out.
func TestOmitDecidedAtRunTime(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"types.go":       "package m\n" + omitDynamicTypes,
		"plain/types.go": "package plain\n" + omitDynamicTypes,
		"main/main.go": `package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"time"

	"example.com/m"
	"example.com/m/plain"
)

func main() {
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	var nilStamp *m.Stamp
	var nilPlain *plain.Stamp
	cmp := func(name, got string, v any) {
		want, err := json.Marshal(v)
		check(name, got, want, err)
	}
	{
		a, b := m.Box[int]{}, plain.Box[int]{}
		cmp("Box[int] zero", a.Dumps(), &b)
		a, b = m.Box[int]{E: 1, Z: 2, B: 3}, plain.Box[int]{E: 1, Z: 2, B: 3}
		cmp("Box[int]", a.Dumps(), &b)
	}
	{
		a, b := m.Box[[]string]{E: []string{}, Z: []string{}, B: []string{}}, plain.Box[[]string]{E: []string{}, Z: []string{}, B: []string{}}
		cmp("Box[[]string] empty", a.Dumps(), &b)
		c, d := m.Box[[]string]{}, plain.Box[[]string]{}
		cmp("Box[[]string] nil", c.Dumps(), &d)
	}
	{
		a, b := m.Box[time.Time]{}, plain.Box[time.Time]{}
		cmp("Box[time.Time] zero", a.Dumps(), &b)
		a, b = m.Box[time.Time]{E: now, Z: now, B: now}, plain.Box[time.Time]{E: now, Z: now, B: now}
		cmp("Box[time.Time]", a.Dumps(), &b)
	}
	{
		a, b := m.Box[*m.Stamp]{Z: &m.Stamp{}}, plain.Box[*plain.Stamp]{Z: &plain.Stamp{}}
		cmp("Box[*Stamp] zero stamp", a.Dumps(), &b)
	}
	{
		a, b := m.Num{}, plain.Num{}
		cmp("Num zero", a.Dumps(), &b)
		a.N.SetInt64(5)
		b.N.SetInt64(5)
		a.P, b.P = big.NewInt(0), big.NewInt(0)
		cmp("Num", a.Dumps(), &b)
	}
	{
		a, b := m.Holder{}, plain.Holder{}
		cmp("Holder nil", a.Dumps(), &b)
		a, b = m.Holder{S: nilStamp, A: 0}, plain.Holder{S: nilPlain, A: 0}
		cmp("Holder nil pointer", a.Dumps(), &b)
		a, b = m.Holder{S: &m.Stamp{}}, plain.Holder{S: &plain.Stamp{}}
		cmp("Holder zero stamp", a.Dumps(), &b)
		a, b = m.Holder{S: &m.Stamp{T: now}, A: ""}, plain.Holder{S: &plain.Stamp{T: now}, A: ""}
		cmp("Holder stamp", a.Dumps(), &b)
	}
}
` + mainCompare,
	})
	generate(t, gen.Config{Dir: dir, Types: []string{"Box", "Num", "Holder"}})
	got := goRun(t, dir, "./main")
	if n := strings.Count(got, "\n"); n != 13 {
		t.Errorf("want 13 lines of output, got %d:\n%s", n, got)
	}
	goVet(t, dir)
}

// goVet runs go vet ./... in dir.
func goVet(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

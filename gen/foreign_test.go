package gen_test

// Field types from other packages: the standard library's common types, and
// types of another package of the same module with and without generated
// code. Each test generates into a real temporary module, runs it, and
// compares with encoding/json.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jsondump/jsondump/gen"
	"github.com/jsondump/jsondump/internal/testmod"
)

func TestStandardLibraryFieldTypes(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"t.go": `package m

import (
	"database/sql"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"time"
)

// Foreign has a field of each common type of the standard library.
type Foreign struct {
	When     time.Time      ` + "`json:\"when\"`" + `
	WhenP    *time.Time     ` + "`json:\"when_p\"`" + `
	For      time.Duration  ` + "`json:\"for\"`" + `
	ForS     time.Duration  ` + "`json:\"for_s,string\"`" + `
	IP       net.IP         ` + "`json:\"ip\"`" + `
	IPs      []net.IP       ` + "`json:\"ips,omitempty\"`" + `
	URL      url.URL        ` + "`json:\"url\"`" + `
	URLP     *url.URL       ` + "`json:\"url_p\"`" + `
	Big      big.Int        ` + "`json:\"big\"`" + `
	BigP     *big.Int       ` + "`json:\"big_p\"`" + `
	BigZ     *big.Int       ` + "`json:\"big_z,omitempty\"`" + `
	Rat      *big.Rat       ` + "`json:\"rat\"`" + `
	Null     sql.NullString ` + "`json:\"null\"`" + `
	NullI    sql.Null[int]  ` + "`json:\"null_i\"`" + `
	Addr     netip.Addr     ` + "`json:\"addr\"`" + `
	AddrZ    netip.Addr     ` + "`json:\"addr_z,omitzero\"`" + `
	Prefix   netip.Prefix   ` + "`json:\"prefix\"`" + `
	Month    time.Month     ` + "`json:\"month\"`" + `
	Loc      *time.Location ` + "`json:\"loc\"`" + `
	Zero     time.Time      ` + "`json:\"zero,omitzero\"`" + `
	UserInfo *url.Userinfo  ` + "`json:\"user_info\"`" + `
}
`,
		"main/main.go": `package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"os"
	"time"

	"example.com/m"
	"github.com/jsondump/jsondump/runtime"
)

func main() {
	when := time.Date(2024, 2, 29, 13, 4, 5, 123456789, time.FixedZone("X", 3600))
	u, _ := url.Parse("https://user:pw@example.com:8080/a%20b/c?q=1&r=<x>#frag")
	var filled m.Foreign
	filled.When = when
	filled.WhenP = &when
	filled.For = 90 * time.Second
	filled.ForS = -time.Millisecond
	filled.IP = net.ParseIP("2001:db8::1")
	filled.IPs = []net.IP{net.IPv4(10, 0, 0, 1), nil}
	filled.URL = *u
	filled.URLP = u
	filled.Big.SetString("123456789012345678901234567890", 10)
	filled.BigP = big.NewInt(-42)
	filled.BigZ = new(big.Int)
	filled.Rat = big.NewRat(3, 4)
	filled.Null = sql.NullString{String: "s<>", Valid: true}
	filled.NullI = sql.Null[int]{V: 7, Valid: true}
	filled.Addr = netip.MustParseAddr("192.168.0.1")
	filled.AddrZ = netip.MustParseAddr("::1")
	filled.Prefix = netip.MustParsePrefix("10.0.0.0/8")
	filled.Month = time.March
	filled.Loc = time.UTC
	filled.Zero = when
	filled.UserInfo = url.UserPassword("a", "b")
	for i, v := range []m.Foreign{{}, filled} {
		want, err := json.Marshal(&v)
		check(fmt.Sprint("value ", i), v.Dumps(), want, err)
		ind, err := json.MarshalIndent(&v, ">", "\t")
		check(fmt.Sprint("indented ", i), v.Dumps(runtime.Indent(">", "\t")), ind, err)
	}
}
` + mainCompare,
	})
	generate(t, gen.Config{Dir: dir, Types: []string{"Foreign"}})
	got := goRun(t, dir, "./main")
	if !strings.Contains(got, `"big":123456789012345678901234567890`) {
		t.Errorf("output: %s", got)
	}
}

// TestSameModuleTypes: a field type of another package of the module that has
// generated code is encoded by calling its DumpJSON; one without gets an
// inline helper.
func TestSameModuleTypes(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"money/money.go": `package money

// Amount has generated code of its own.
type Amount struct {
	Units    int64  ` + "`json:\"units\"`" + `
	Currency string ` + "`json:\"currency,omitempty\"`" + `
}
`,
		"geo/geo.go": `package geo

// Point has no generated code.
type Point struct {
	Lat, Lon float64
	Label    string ` + "`json:\"label,omitempty\"`" + `
}
`,
		"order.go": `package m

import (
	"example.com/m/geo"
	"example.com/m/money"
)

type Order struct {
	Total   money.Amount    ` + "`json:\"total\"`" + `
	Lines   []money.Amount  ` + "`json:\"lines\"`" + `
	Ship    *geo.Point      ` + "`json:\"ship\"`" + `
	Stops   []geo.Point     ` + "`json:\"stops\"`" + `
	ByName  map[string]money.Amount ` + "`json:\"by_name\"`" + `
}
`,
		"main/main.go": `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"example.com/m"
	"example.com/m/geo"
	"example.com/m/money"
)

func main() {
	filled := m.Order{
		Total:  money.Amount{Units: 12, Currency: "EUR"},
		Lines:  []money.Amount{{Units: 1}, {Units: 11, Currency: "<€>"}},
		Ship:   &geo.Point{Lat: 1.5, Lon: -0.25, Label: "home"},
		Stops:  []geo.Point{{}, {Lat: 1e21}},
		ByName: map[string]money.Amount{"b": {Units: 2}, "a": {}},
	}
	for i, v := range []m.Order{{}, filled} {
		want, err := json.Marshal(&v)
		check(fmt.Sprint("value ", i), v.Dumps(), want, err)
	}
}
` + mainCompare,
	})
	generate(t, gen.Config{Dir: dir, Patterns: []string{"./money"}, Types: []string{"Amount"}})
	outs := generate(t, gen.Config{Dir: dir, Types: []string{"Order"}})
	src := outs[0].Content
	if !bytes.Contains(src, []byte(".DumpJSON(e)")) {
		t.Errorf("Order's code does not call money.Amount's DumpJSON:\n%s", src)
	}
	if bytes.Contains(src, []byte("_money_Amount_dump")) {
		t.Errorf("Order's code inlines money.Amount, which has generated code:\n%s", src)
	}
	if !bytes.Contains(src, []byte("func _geo_Point_dump(e *dumpimpl.Encoder, v *geo.Point)")) {
		t.Errorf("Order's code has no helper for geo.Point, which has no generated code:\n%s", src)
	}
	goRun(t, dir, "./main")
}

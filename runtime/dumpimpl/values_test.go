package dumpimpl

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func TestBase64(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	cases := [][]byte{nil, {}, {0}, {0, 1}, {0, 1, 2}, []byte("<>&?"), {0xff, 0xfe, 0xfd, 0xfc}}
	for range 500 {
		b := make([]byte, r.IntN(70))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		cases = append(cases, b)
	}
	for _, b := range cases {
		want := mustJSON(t, b)
		if got, _ := dump(func(e *Encoder) { e.Base64(b) }); got != want {
			t.Fatalf("Base64(%v) = %s, want %s", b, got, want)
		}
	}
}

func TestTime(t *testing.T) {
	zones := []*time.Location{
		time.UTC, time.FixedZone("", 0), time.FixedZone("A", 5*3600+30*60), time.FixedZone("B", -(9*3600 + 45*60)),
		time.FixedZone("C", 23*3600+59*60), time.FixedZone("D", 3600+1), time.FixedZone("E", -59),
	}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny)
	}
	r := rand.New(rand.NewPCG(15, 16))
	times := []time.Time{
		{}, time.Unix(0, 0), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 12, 0, 0, 1000, time.UTC),
		time.Date(2024, 2, 29, 12, 0, 0, 120000000, time.UTC), time.Now(),
	}
	for range 5000 {
		sec := r.Int64N(253402300800+62135596800) - 62135596800 // years 0 to 9999
		times = append(times, time.Unix(sec, r.Int64N(1e9)).In(zones[r.IntN(len(zones))]))
	}
	for _, tm := range times {
		want, err := tm.MarshalJSON()
		if err != nil {
			continue // near the edges, a zone can push the year out
		}
		if got, err := dump(func(e *Encoder) { e.Time(tm) }); got != string(want) || err != nil {
			t.Fatalf("Time(%v) = %s, %v; want %s", tm, got, err, want)
		}
	}
}

func TestTimeErrors(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC).In(time.FixedZone("", 3600)),
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)),
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -100*3600)),
	} {
		_, jerr := json.Marshal(tm)
		got, err := dump(func(e *Encoder) { e.Time(tm) })
		if jerr == nil || err == nil {
			t.Fatalf("Time(%v) = %s, %v; encoding/json: %v", tm, got, err, jerr)
		}
		var me *MarshalerError
		if !errors.As(err, &me) || me.Error() != jerr.Error() {
			t.Errorf("Time(%v): error %q, encoding/json says %q", tm, err, jerr)
		}
	}
}

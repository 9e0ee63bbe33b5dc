package service_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jsondump/jsondump/examples/api"
	"github.com/jsondump/jsondump/examples/service"
)

// sampleStore makes a store of n orders, with text that escaping changes
// (HTML characters, non-ASCII, U+2028), times, optional fields set and not,
// and a category tree three levels deep with locales and free-form
// attributes.
func sampleStore(n int) *service.Store {
	s := &service.Store{Users: map[int64]api.User{}}
	for id := int64(1); id <= 10; id++ {
		u := api.User{ID: id, Name: fmt.Sprintf("User %d <%c>", id, 'a'+rune(id)), Tags: []string{"customer"},
			Score: float64(id) * 1.1}
		if id%2 == 0 {
			u.Email = fmt.Sprintf("u%d@example.com", id)
			u.Address = &api.Address{Street: "Bahnhofstraße " + fmt.Sprint(id), City: "Zürich", Zip: "8001", Country: "CH"}
			u.Avatar = []byte{byte(id), 0xff, 0}
		}
		if id == 1 {
			u.Admin, u.Tags = true, append(u.Tags, "admin & ops", "line\u2028break")
		}
		s.Users[id] = u
	}
	base := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		created := base.Add(time.Duration(i) * 7 * time.Minute)
		o := api.Order{
			ID:         fmt.Sprintf("o%04d", i),
			Timestamps: api.Timestamps{CreatedAt: created},
			Status:     api.Status(i % 4),
			Total:      api.Money(1999 * (i%7 + 1)),
		}
		for l := range i%3 + 1 {
			line := api.Line{SKU: fmt.Sprintf("SKU-%03d", (i*3+l)%250), Qty: l + 1, Price: 9.99 + float64(l)*0.5}
			if l == 1 {
				d := 0.1
				line.Discount = &d
			}
			o.Lines = append(o.Lines, line)
		}
		if i%5 == 0 {
			updated := created.Add(90 * time.Minute)
			o.UpdatedAt = &updated
			o.Notes = map[string]string{"gift": "yes", "message": "Happy birthday <3 — from Zoë"}
		}
		if i%3 == 0 {
			u := s.Users[int64(i%10+1)]
			o.Customer = &u
		}
		s.Orders = append(s.Orders, o)
	}
	for r := range 4 {
		root := api.Category{Name: fmt.Sprintf("dept-%d", r),
			Locales: map[string]api.Category{"de": {Name: fmt.Sprintf("Abteilung %d", r)}, "fr": {Name: fmt.Sprintf("Département %d", r)}}}
		for c := range 3 {
			child := api.Category{Name: fmt.Sprintf("dept-%d-%d", r, c),
				Attrs: map[string]any{"rank": c, "featured": c == 0, "colors": []any{"red", "blue & green"}, "ratio": 0.5 + float64(c)}}
			for g := range 2 {
				child.Children = append(child.Children, api.Category{Name: fmt.Sprintf("dept-%d-%d-%d", r, c, g), Attrs: []string{"leaf"}})
			}
			root.Children = append(root.Children, child)
		}
		s.Categories = append(s.Categories, root)
	}
	return s
}

// paths are the requests the test makes: every endpoint, its pages and its
// errors.
var paths = []string{
	"/orders",
	"/orders?limit=5",
	"/orders?after=o0004&limit=3",
	"/orders?after=o0099",
	"/orders?limit=0",
	"/orders?limit=x<y>",
	"/users/1",
	"/users/2",
	"/users/999",
	"/users/abc",
	"/categories",
	"/categories/dept-2-1",
	"/categories/dept-3-2-1",
	"/categories/nope",
}

type response struct {
	status      int
	contentType string
	body        string
}

func get(t testing.TB, client *http.Client, url string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Request-Id", "req-<42>")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header.Get("Content-Type"), string(b)}
}

// TestService serves one store twice, with jsondump and with encoding/json,
// requests every path from both through a real client, and wants the same
// status, headers and bytes.
func TestService(t *testing.T) {
	store := sampleStore(100)
	jd := httptest.NewServer(service.NewHandler(store, service.JSONDump))
	defer jd.Close()
	std := httptest.NewServer(service.NewHandler(store, service.EncodingJSON))
	defer std.Close()

	for _, path := range paths {
		got, want := get(t, jd.Client(), jd.URL+path), get(t, std.Client(), std.URL+path)
		if got != want {
			t.Errorf("GET %s:\n got %d %q %s\nwant %d %q %s", path,
				got.status, got.contentType, got.body, want.status, want.contentType, want.body)
		}
	}

	// The service answers what it should, so that the comparison above
	// compares something.
	var page struct {
		RequestID string `json:"request_id"`
		Page      struct {
			Next  string `json:"next"`
			Total int    `json:"total"`
		} `json:"page"`
		Orders []struct {
			ID string `json:"id"`
		} `json:"orders"`
	}
	if r := get(t, jd.Client(), jd.URL+"/orders?after=o0004&limit=3"); r.status != http.StatusOK {
		t.Errorf("a page of orders: status %d", r.status)
	} else if err := json.Unmarshal([]byte(r.body), &page); err != nil {
		t.Error(err)
	}
	if page.RequestID != "req-<42>" || page.Page.Next != "/orders?after=o0007&limit=3" || page.Page.Total != 100 ||
		len(page.Orders) != 3 || page.Orders[0].ID != "o0005" || page.Orders[2].ID != "o0007" {
		t.Errorf("a page of orders: %+v", page)
	}
	for path, status := range map[string]int{"/users/999": 404, "/orders?limit=0": 400, "/categories/nope": 404, "/categories/dept-3-2-1": 200} {
		if r := get(t, jd.Client(), jd.URL+path); r.status != status || !strings.HasSuffix(r.body, "}\n") {
			t.Errorf("GET %s: %d %s; want status %d and a JSON object", path, r.status, r.body, status)
		}
	}
}

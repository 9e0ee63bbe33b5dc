// Package difftest compares jsondump's output with encoding/json's on the same
// values. The reference is the SPEC's: json.Marshal(&v) on a copy of the types
// that has no generated methods anywhere (the mirror packages under
// internal/mirror, kept current by the root generate_test.go). Fill builds
// equal values of both copies from the same random stream.
package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/jsondump/jsondump"
	"github.com/jsondump/jsondump/runtime"
	"github.com/jsondump/jsondump/runtime/dumpimpl"
)

// Dumper is what jsondump generates for a type, seen through a pointer.
type Dumper interface {
	DumpTo(w io.Writer, opts ...runtime.Option) error
	Dumps(opts ...runtime.Option) string
}

// Fill sets every exported field reachable from ptr (a pointer to a struct) to
// values drawn from r. Two structurally identical types filled from two
// sources in the same state get equal values.
func Fill(r *rand.Rand, ptr any) {
	f := filler{r: r}
	f.fill(reflect.ValueOf(ptr).Elem(), 0)
}

type filler struct{ r *rand.Rand }

var (
	timeType       = reflect.TypeFor[time.Time]()
	numberType     = reflect.TypeFor[json.Number]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	anyType        = reflect.TypeFor[any]()
)

// Strings chosen to hit every branch of string escaping.
var sampleStrings = []string{
	"", "plain", "with space", "quote\"back\\slash", "<script>&amp;</script>",
	"tab\tnew\nline\rret", "\x00\x01\x1f\x7f", "caf\u00e9", "\u2028\u2029", "\U0001F600 emoji",
	"invalid \xff\xfe utf8", "\xed\xa0\x80 surrogate", "\u65e5\u672c\u8a9e", "\b\f",
}

var sampleNumbers = []string{"0", "-1", "3.14", "1e10", "-2.5E-3", "12345678901234567890", ""}

var sampleRaw = []string{`null`, `true`, `12`, `"s<"`, `{"b":1,"a":[1, 2 ,{}]}`, ` [ ] `, `{"z":{"y":"\u00e9"},"a":null}`}

func (f *filler) fill(v reflect.Value, depth int) {
	if !v.CanSet() {
		return
	}
	r := f.r
	switch t := v.Type(); {
	case t == timeType:
		sec := r.Int64N(4_000_000_000) - 1_000_000_000
		zone := time.FixedZone("", (r.IntN(48)-24)*1800)
		if r.IntN(3) == 0 {
			zone = time.UTC
		}
		v.Set(reflect.ValueOf(time.Unix(sec, r.Int64N(1e9)*int64(r.IntN(2))).In(zone)))
		return
	case t == numberType:
		v.SetString(sampleNumbers[r.IntN(len(sampleNumbers))])
		return
	case t == rawMessageType:
		if r.IntN(4) == 0 {
			v.SetZero()
			return
		}
		v.SetBytes([]byte(sampleRaw[r.IntN(len(sampleRaw))]))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := v.Type().Bits()
		switch r.IntN(4) {
		case 0:
			v.SetInt(0)
		case 1:
			v.SetInt(int64(r.IntN(10)) - 2)
		default:
			v.SetInt(int64(r.Uint64()) >> (64 - bits))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if r.IntN(3) == 0 {
			v.SetUint(0)
		} else {
			v.SetUint(r.Uint64() >> (64 - v.Type().Bits()))
		}
	case reflect.Float32, reflect.Float64:
		v.SetFloat(f.float(v.Type().Bits()))
	case reflect.String:
		v.SetString(f.string())
	case reflect.Pointer:
		if r.IntN(3) == 0 || depth > 6 {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		n := f.length(depth)
		if n < 0 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		n := f.length(depth)
		if n < 0 {
			v.SetZero()
			return
		}
		m := reflect.MakeMap(v.Type())
		names := map[string]bool{}
		for range n {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			if dumpimpl.JSONv2 && k.Kind() == reflect.String {
				// encoding/json on encoding/json/v2 sorts some keys by
				// their names as written, invalid UTF-8 as U+FFFD, and
				// writes keys whose names then collide in an order of
				// chance: keep such maps out of the comparison.
				name := string([]rune(k.String()))
				if names[name] {
					continue
				}
				names[name] = true
			}
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			f.fill(v.Field(i), depth+1)
		}
	case reflect.Interface:
		if v.Type() == anyType && r.IntN(2) == 0 {
			if x := f.dynamic(depth); x != nil {
				v.Set(reflect.ValueOf(x))
			}
		}
	}
}

// length is a slice or map length; -1 means nil.
func (f *filler) length(depth int) int {
	if depth > 6 {
		return -1
	}
	switch f.r.IntN(5) {
	case 0:
		return -1
	case 1:
		return 0
	}
	return 1 + f.r.IntN(3)
}

func (f *filler) string() string {
	if f.r.IntN(3) == 0 {
		return sampleStrings[f.r.IntN(len(sampleStrings))]
	}
	b := make([]byte, f.r.IntN(12))
	for i := range b {
		b[i] = byte(f.r.IntN(256))
		if f.r.IntN(2) == 0 {
			b[i] = 'a' + byte(f.r.IntN(26))
		}
	}
	return string(b)
}

func (f *filler) float(bits int) float64 {
	switch f.r.IntN(8) {
	case 0:
		return 0
	case 1:
		return []float64{1e-7, 1e21, 123456789, 0.1, -0.0, 1e20, 5e-324, math.MaxFloat32}[f.r.IntN(8)]
	case 2:
		return float64(f.r.IntN(2000) - 1000)
	case 3:
		x := math.Float64frombits(f.r.Uint64())
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 1.5
		}
		if bits == 32 {
			return float64(float32(x))
		}
		return x
	}
	return (f.r.Float64() - 0.5) * math.Pow(10, float64(f.r.IntN(40)-20))
}

// dynamic is a value like those json.Unmarshal puts in an any.
func (f *filler) dynamic(depth int) any {
	switch f.r.IntN(7) {
	case 0:
		return nil
	case 1:
		return f.string()
	case 2:
		return f.float(64)
	case 3:
		return f.r.IntN(2) == 0
	case 4:
		if depth > 5 {
			return nil
		}
		m := map[string]any{}
		for range f.r.IntN(4) {
			m[f.string()] = f.dynamic(depth + 1)
		}
		return m
	case 5:
		if depth > 5 {
			return nil
		}
		s := []any{}
		for range f.r.IntN(4) {
			s = append(s, f.dynamic(depth+1))
		}
		return s
	}
	return json.Number(sampleNumbers[f.r.IntN(len(sampleNumbers)-1)])
}

// Result is one encoding: its bytes, or the error that stopped it, or the
// panic that did. A user's method can panic on a random value (a String
// that indexes a table with an out-of-range enum, in gitlab's client):
// encoding/json lets the panic through, and so must jsondump, with the same
// value.
type Result struct {
	JSON  []byte
	Err   error
	Panic string // what the panic's value prints as; "" for none
}

func (r Result) String() string {
	switch {
	case r.Panic != "":
		return "panic: " + r.Panic
	case r.Err != nil:
		return "error: " + r.Err.Error()
	}
	return string(r.JSON)
}

// Same reports whether two results agree: equal bytes, or both errors, or
// panics with the same value.
func Same(a, b Result) bool {
	switch {
	case a.Panic != "" || b.Panic != "":
		return a.Panic == b.Panic
	case a.Err != nil || b.Err != nil:
		return a.Err != nil && b.Err != nil
	}
	return bytes.Equal(a.JSON, b.JSON)
}

// catch records in *r the panic of the function that defers it.
func catch(r *Result) {
	if p := recover(); p != nil {
		*r = Result{Panic: fmt.Sprint(p)}
	}
}

// Marshal is json.Marshal as a Result.
func Marshal(v any) (r Result) {
	defer catch(&r)
	b, err := json.Marshal(v)
	return Result{JSON: b, Err: err}
}

// MarshalIndent is json.MarshalIndent as a Result.
func MarshalIndent(v any, prefix, indent string) (r Result) {
	defer catch(&r)
	b, err := json.MarshalIndent(v, prefix, indent)
	return Result{JSON: b, Err: err}
}

// MarshalNoHTML is a json.Encoder with SetEscapeHTML(false), without the
// newline it adds.
func MarshalNoHTML(v any) Result {
	r := Encode(v, false, "", "")
	r.JSON = bytes.TrimSuffix(r.JSON, []byte("\n"))
	return r
}

// Encode is json.NewEncoder(...).Encode(v) with the given settings, newline
// and all.
func Encode(v any, escapeHTML bool, prefix, indent string) (r Result) {
	defer catch(&r)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return Result{Err: err}
	}
	return Result{JSON: buf.Bytes()}
}

// DropInMarshal is jsondump.Marshal as a Result.
func DropInMarshal(v any, opts ...runtime.Option) (r Result) {
	defer catch(&r)
	b, err := jsondump.Marshal(v, opts...)
	return Result{JSON: b, Err: err}
}

// DropInEncode is jsondump.NewEncoder(...).Encode(v) with the given
// settings, as Encode.
func DropInEncode(v any, escapeHTML bool, prefix, indent string) (r Result) {
	defer catch(&r)
	var buf bytes.Buffer
	enc := jsondump.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return Result{Err: err}
	}
	return Result{JSON: buf.Bytes()}
}

// Dumps is d.Dumps(opts...) as a Result: Dumps panics with the error
// DumpTo would return, a *runtime.Error, and lets a user's panic through.
func Dumps(d Dumper, opts ...runtime.Option) (res Result) {
	defer func() {
		if p := recover(); p != nil {
			if err, ok := p.(*runtime.Error); ok {
				res = Result{Err: err}
			} else {
				res = Result{Panic: fmt.Sprint(p)}
			}
		}
	}()
	return Result{JSON: []byte(d.Dumps(opts...))}
}

// DumpTo is d.DumpTo into a buffer as a Result.
func DumpTo(d Dumper, opts ...runtime.Option) (r Result) {
	defer catch(&r)
	var buf bytes.Buffer
	if err := d.DumpTo(&buf, opts...); err != nil {
		return Result{Err: err}
	}
	return Result{JSON: buf.Bytes()}
}

func dropInIndent(v any, prefix, indent string) (r Result) {
	defer catch(&r)
	b, err := jsondump.MarshalIndent(v, prefix, indent)
	return Result{JSON: b, Err: err}
}

// Source returns a random stream: a seeded PCG, or, for fuzzing, the fuzzer's
// bytes followed by zeros.
func Source(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed>>32|1)) }

// FromBytes returns a random stream that replays data, then goes on with a
// fixed pseudo-random sequence (a stream of zeros would make rand's rejection
// sampling loop forever).
func FromBytes(data []byte) *rand.Rand { return rand.New(&byteSource{data: data}) }

type byteSource struct {
	data []byte
	tail uint64 // splitmix64 state once data is used up
}

func (s *byteSource) Uint64() uint64 {
	if len(s.data) == 0 {
		s.tail += 0x9e3779b97f4a7c15
		z := s.tail
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	var x uint64
	for i := 0; i < 8 && len(s.data) > 0; i++ {
		x = x<<8 | uint64(s.data[0])
		s.data = s.data[1:]
	}
	return x
}

// Pair is a value of a generated type and an equal value of its mirror.
type Pair[G, M any] struct {
	Gen    *G
	Mirror *M
}

// NewPair fills a value of each type from two equal random streams.
func NewPair[G, M any](mk func() *rand.Rand) Pair[G, M] {
	p := Pair[G, M]{new(G), new(M)}
	Fill(mk(), p.Gen)
	Fill(mk(), p.Mirror)
	return p
}

// Check compares every way of encoding the generated value with
// encoding/json on the mirror: Dumps, DumpTo, the options whose reference is
// encoding/json, the drop-in API (jsondump.Marshal, MarshalIndent and
// Encoder, on the value, its address, and the shapes frameworks wrap values
// in), and encoding/json itself on the generated type, which the generated
// methods must not change. It reports each difference through t.
func Check[G, M any](t testing.TB, name string, p Pair[G, M]) {
	t.Helper()
	gen, ok := any(p.Gen).(Dumper)
	if !ok {
		t.Fatalf("%T has no generated DumpTo/Dumps", p.Gen)
	}
	want := Marshal(p.Mirror)
	g, m := *p.Gen, *p.Mirror
	type comparison struct {
		what      string
		got, want Result
	}
	cases := []comparison{
		{"Dumps()", Dumps(gen), want},
		{"DumpTo()", DumpTo(gen), want},
		{"Dumps(Indent)", Dumps(gen, runtime.Indent(">", "\t")), MarshalIndent(p.Mirror, ">", "\t")},
		{"Dumps(EscapeHTML(false))", Dumps(gen, runtime.EscapeHTML(false)), MarshalNoHTML(p.Mirror)},

		{"jsondump.Marshal(&v)", DropInMarshal(p.Gen), want},
		{"jsondump.Marshal(v)", DropInMarshal(g), Marshal(m)},
		{"jsondump.MarshalIndent(&v)", dropInIndent(p.Gen, "", "  "), MarshalIndent(p.Mirror, "", "  ")},
		{"jsondump.MarshalIndent(v)", dropInIndent(g, "\t", "-"), MarshalIndent(m, "\t", "-")},
		{"Encoder.Encode(&v)", DropInEncode(p.Gen, true, "", ""), Encode(p.Mirror, true, "", "")},
		{"Encoder.Encode(v) SetEscapeHTML(false)", DropInEncode(g, false, "", ""), Encode(m, false, "", "")},
		{"Encoder.Encode(&v) SetIndent SetEscapeHTML(false)", DropInEncode(p.Gen, false, "> ", "\t"), Encode(p.Mirror, false, "> ", "\t")},
		{"Encoder.Encode(v) SetIndent", DropInEncode(g, true, "", " "), Encode(m, true, "", " ")},
		{"jsondump.Marshal(map[string]any)", DropInMarshal(map[string]any{"data": p.Gen, "total": 1, "v": g}),
			Marshal(map[string]any{"data": p.Mirror, "total": 1, "v": m})},
		{"jsondump.Marshal([]any)", DropInMarshal([]any{g, p.Gen, nil}), Marshal([]any{m, p.Mirror, nil})},
		{"jsondump.Marshal([]T)", DropInMarshal([]G{g, g}), Marshal([]M{m, m})},
		{"jsondump.Marshal([]*T)", DropInMarshal([]*G{p.Gen, nil}), Marshal([]*M{p.Mirror, nil})},
		{"jsondump.Marshal([1]T)", DropInMarshal([1]G{g}), Marshal([1]M{m})},
		{"jsondump.Marshal(map[string]T)", DropInMarshal(map[string]G{"b": g, "a": g}), Marshal(map[string]M{"b": m, "a": m})},
		{"jsondump.Marshal(map[string]*T)", DropInMarshal(map[string]*G{"k": p.Gen, "nil": nil}), Marshal(map[string]*M{"k": p.Mirror, "nil": nil})},
		{"jsondump.Marshal(any in any)", DropInMarshal(map[string]any{"x": []any{map[string]any{"y": g}}}),
			Marshal(map[string]any{"x": []any{map[string]any{"y": m}}})},

		// encoding/json on the generated type is encoding/json on the
		// mirror: the generated methods change nothing it does.
		{"json.Marshal(&v)", Marshal(p.Gen), want},
		{"json.Marshal(v)", Marshal(g), Marshal(m)},
		{"json.MarshalIndent(&v)", MarshalIndent(p.Gen, "", "  "), MarshalIndent(p.Mirror, "", "  ")},
	}
	// A MarshalJSON generated under -marshaljson escapes HTML whatever the
	// Encoder says: the cost the README warns of.
	_, generatedMarshalJSON := any(p.Gen).(json.Marshaler)
	if _, own := any(p.Mirror).(json.Marshaler); own || !generatedMarshalJSON {
		cases = append(cases,
			comparison{"json.Encoder SetEscapeHTML(false)", Encode(p.Gen, false, "", ""), Encode(p.Mirror, false, "", "")},
			comparison{"json.Encoder SetEscapeHTML(false) (v)", Encode(g, false, "", "\t"), Encode(m, false, "", "\t")},
		)
	}
	for _, c := range cases {
		if !Same(c.got, c.want) {
			t.Errorf("%s: %s differs from encoding/json%s:\n got: %s\nwant: %s", name, c.what, where(c.got, c.want), c.got, c.want)
		}
	}
}

// where says where two outputs part: " at byte N (got ..., want ...)", with
// a few bytes of each from there; "" when either is an error.
func where(got, want Result) string {
	if got.Err != nil || want.Err != nil {
		return ""
	}
	i := 0
	for i < len(got.JSON) && i < len(want.JSON) && got.JSON[i] == want.JSON[i] {
		i++
	}
	from := max(0, i-20)
	return fmt.Sprintf(" at byte %d (got %q, want %q)", i, got.JSON[from:min(len(got.JSON), i+20)], want.JSON[from:min(len(want.JSON), i+20)])
}

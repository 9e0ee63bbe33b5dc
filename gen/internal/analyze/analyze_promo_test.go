package analyze

// The struct types of TestPromotion. The text between the BEGIN and END
// lines is also written into a temporary package and analysed, so the model's
// key order is compared with what encoding/json writes for these very types.

var promoTypes = []any{
	PromoPlain{}, PromoShadow{}, PromoConflict{}, PromoTagWins{}, PromoDeepTag{},
	PromoTwice{}, PromoPtr{}, PromoNonStruct{}, PromoUnexported{}, PromoTaggedEmbed{},
	PromoTags{}, PromoSelf{}, PromoAlias{}, PromoOrder{}, PromoDeepConflict{},
	PromoTagsV2{}, PromoEmbedOption{},
}

// BEGIN TYPES

type PromoPlain struct {
	B int
	A string `json:"a"`
	C bool   `json:"c,omitempty,string"`
}

type promoInner struct {
	X, Y int
	Z    string `json:"z"`
}

type PromoShadow struct {
	promoInner
	X string // shadows promoInner.X
}

type promoL struct{ Name, OnlyL string }
type promoR struct{ Name, OnlyR string }

type PromoConflict struct {
	promoL
	promoR // Name conflicts at depth 1, untagged both: dropped
}

type promoTagged struct {
	N int `json:"Name"`
}

type PromoTagWins struct {
	promoL
	promoTagged // tagged Name at the same depth wins
}

type promoDeep struct{ promoTagged }

type PromoDeepTag struct {
	promoDeep     // tagged Name at depth 2
	Name      int // untagged at depth 0 wins
}

type promoS struct{ Shared, Own int }
type promoWrapA struct{ promoS }
type promoWrapB struct{ promoS }

type PromoTwice struct {
	promoWrapA
	promoWrapB // promoS twice at depth 2: its fields are dropped
	Top        int
}

type promoP struct{ P1, P2 int }

type PromoPtr struct {
	*promoP
	Q int
}

type PromoInt int
type promoHidden int

type PromoNonStruct struct {
	PromoInt
	promoHidden // unexported non-struct: skipped
	*PromoStr
}

type PromoStr string

type PromoUnexported struct {
	promoInner `json:",omitempty"` // options without a name: still promoted
	W          int
	hidden     int
}

type PromoTaggedEmbed struct {
	promoInner `json:"inner"` // a name: a field, not promoted
	V          int
}

type PromoTags struct {
	Dash     int `json:"-"`
	DashComa int `json:"-,"`
	Bad      int `json:"a\"b"`
	Bad2     int `json:"a'b"`
	Punct    int `json:"!#$%&()*+-./:;<=>?@[]^_{|}~ "`
	Uni      int `json:"héllo"`
	Empty    int `json:""`
	Opts     int `json:",omitempty"`
	Sp       int `json:"a b"`
}

type PromoSelf struct {
	*PromoSelf
	Val int
}

type promoAliased = promoP

type PromoAlias struct {
	promoAliased
	R int
}

type PromoOrder struct {
	Zed int
	promoOrderInner
	Alpha int
}

type promoOrderInner struct {
	Mid  int
	Beta int `json:"beta"`
}

type promoD1 struct{ promoD2 }
type promoD2 struct {
	Deep int `json:"deep"`
}
type promoD3 struct {
	Deep int `json:"deep"`
}

type PromoDeepConflict struct {
	promoD1         // deep at depth 2
	X       promoD3 // not embedded
	promoD4         // deep at depth 2 too: both dropped
}

type promoD4 struct{ promoD3 }

// PromoTagsV2 has tags that encoding/json on encoding/json/v2 (Go 1.27)
// reads otherwise than Go 1.26's: the model then has a V2 object.
type PromoTagsV2 struct {
	Emoji        int           `json:"😀"`
	Quote        int           `json:"q\"x"`        // v2: "q"
	Quote2       int           `json:"q'y"`         // v2: "q" too, and both cancel out
	Semi         int           `json:",omitempty;"` // v2: omitempty
	Tab          int           `json:"t\tb"`
	Sep          int           `json:"s\u2028"`
	Del          int           `json:"d\x7f"`
	Bad          int           `json:"\xff"` // v2: U+FFFD
	promoV2Inner `json:"i\"n"` // v1: embedded (no valid name); v2: a field "i"
}

type promoV2Inner struct{ IA, IB int }

type promoEmbedInner struct{ EA, EB int }

// PromoEmbedOption: v2's embed option inlines a struct field.
type PromoEmbedOption struct {
	E  promoEmbedInner  `json:",embed"`  // v2: EA, EB at depth 1
	N  promoEmbedInner  `json:"n,embed"` // a name: a field under both
	P  *promoEmbedInner `json:",embed,omitempty"`
	EA int              // v2: wins over the EA of E and P, one level deeper
}

// END TYPES

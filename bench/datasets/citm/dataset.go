package citm

import (
	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/mailru/easyjson"
)

func init() {
	reg.Register(&reg.Dataset{
		Name: "citm_catalog",
		New:  func() any { return new(Catalog) },
		Easy: func(v any) easyjson.Marshaler { return v.(*Catalog) },
	})
}

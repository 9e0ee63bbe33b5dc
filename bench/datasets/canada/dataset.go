package canada

import (
	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/mailru/easyjson"
)

func init() {
	reg.Register(&reg.Dataset{
		Name: "canada_geometry",
		New:  func() any { return new(FeatureCollection) },
		Easy: func(v any) easyjson.Marshaler { return v.(*FeatureCollection) },
	})
}

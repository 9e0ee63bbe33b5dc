package synthea

import (
	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/mailru/easyjson"
)

func init() {
	reg.Register(&reg.Dataset{
		Name: "synthea_fhir",
		New:  func() any { return new(Bundle) },
		Easy: func(v any) easyjson.Marshaler { return v.(*Bundle) },
	})
}

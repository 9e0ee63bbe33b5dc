package twitter

import (
	"github.com/jsondump/jsondump/bench/internal/reg"
	"github.com/mailru/easyjson"
)

func init() {
	reg.Register(&reg.Dataset{
		Name:  "twitter_status",
		New:   func() any { return new(Root) },
		Easy:  func(v any) easyjson.Marshaler { return v.(*Root) },
		Probe: func(v any) { v.(*Root).Statuses[0].Text = reg.ProbeText },
	})
}

// Package all links every dataset and, when it is wired in, jsondump's
// registrations for each (datasets/*/jd, and datasets/*/jdm for -marshaljson).
package all

import (
	_ "github.com/jsondump/jsondump/bench/datasets/canada"
	_ "github.com/jsondump/jsondump/bench/datasets/canada/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/canada/jdm"
	_ "github.com/jsondump/jsondump/bench/datasets/citm"
	_ "github.com/jsondump/jsondump/bench/datasets/citm/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/citm/jdm"
	_ "github.com/jsondump/jsondump/bench/datasets/golangsrc"
	_ "github.com/jsondump/jsondump/bench/datasets/golangsrc/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/golangsrc/jdm"
	_ "github.com/jsondump/jsondump/bench/datasets/stringunicode"
	_ "github.com/jsondump/jsondump/bench/datasets/stringunicode/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/stringunicode/jdm"
	_ "github.com/jsondump/jsondump/bench/datasets/synthea"
	_ "github.com/jsondump/jsondump/bench/datasets/synthea/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/synthea/jdm"
	_ "github.com/jsondump/jsondump/bench/datasets/twitter"
	_ "github.com/jsondump/jsondump/bench/datasets/twitter/jd"
	_ "github.com/jsondump/jsondump/bench/datasets/twitter/jdm"
)

module github.com/jsondump/jsondump/contrib/echo

go 1.26.0

// This module builds against the checkout it is in. Users' builds ignore
// the replace: on a release, require a tagged version of jsondump below in
// place of the placeholder pseudo-version.
replace github.com/jsondump/jsondump => ../..

require (
	github.com/jsondump/jsondump v0.0.0-00010101000000-000000000000
	github.com/labstack/echo/v4 v4.16.5
)

require (
	github.com/labstack/gommon v0.5.0 // indirect
	github.com/mattn/go-colorable v0.1.15 // indirect
	github.com/mattn/go-isatty v0.0.22 // indirect
	github.com/valyala/bytebufferpool v1.0.0 // indirect
	github.com/valyala/fasttemplate v1.2.2 // indirect
	golang.org/x/crypto v0.58.0 // indirect
	golang.org/x/net v0.61.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

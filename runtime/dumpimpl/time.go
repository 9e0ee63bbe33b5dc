// time.Time, byte for byte as its MarshalJSON writes it, without the
// allocation of calling it.

package dumpimpl

import "time"

// Time writes t as t.MarshalJSON does: RFC 3339 with nanoseconds, quoted.
// The years and zone offsets that RFC 3339 cannot hold are an error, the
// one MarshalJSON returns.
func (e *Encoder) Time(t time.Time) {
	n := len(e.buf)
	e.buf = append(e.buf, '"')
	e.setBuf(t.AppendFormat(e.buf, time.RFC3339Nano))
	e.buf = append(e.buf, '"')
	if !strictRFC3339(e.buf[n+1 : len(e.buf)-1]) {
		e.buf = e.buf[:n]
		b, err := t.MarshalJSON()
		if err != nil {
			e.fail(timeError(err))
			return
		}
		e.buf = append(e.buf, b...) // the checks above are stricter than time's

	}
}

// strictRFC3339 repeats the checks of time's appendStrictRFC3339 on its
// output: a four-digit year, and a zone offset of less than 24 hours.
func strictRFC3339(b []byte) bool {
	if len(b) < len("2006-01-02T15:04:05Z") || b[len("2006")] != '-' {
		return false
	}
	if b[len(b)-1] == 'Z' {
		return true
	}
	c := b[len(b)-len("Z07:00")]
	hour := 10*(b[len(b)-len("07:00")]-'0') + b[len(b)-len("7:00")] - '0'
	return (c < '0' || c > '9') && hour < 24
}

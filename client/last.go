package client

import "time"

// last is where a walk has got to: the second of the last record yielded
// (as responses write startDates) and the identities of the records of
// that second already yielded. Records are yielded in the API's order, so
// a record of an earlier second, or of that second and among them, was
// yielded already; any other was not (docs/CLIENT.md).
type last struct {
	sec  time.Time // zero before the first record
	ids  []string  // the records of sec yielded, while few
	many map[string]struct{}
}

// seen reports whether the record of second sec and identity id sorts at or
// before the last record yielded.
func (l *last) seen(sec time.Time, id string) bool {
	switch c := sec.Compare(l.sec); {
	case l.sec.IsZero() || c > 0:
		return false
	case c < 0:
		return true
	}
	if l.many != nil {
		_, ok := l.many[id]
		return ok
	}
	for _, x := range l.ids {
		if x == id {
			return true
		}
	}
	return false
}

// add records a record yielded after every one before it.
func (l *last) add(sec time.Time, id string) {
	if l.sec.IsZero() || sec.After(l.sec) {
		l.sec, l.ids, l.many = sec, l.ids[:0], nil
	}
	if l.many != nil {
		l.many[id] = struct{}{}
		return
	}
	l.ids = append(l.ids, id)
	if len(l.ids) > 32 { // a crowded second: look up in a map
		l.many = make(map[string]struct{}, 2*len(l.ids))
		for _, x := range l.ids {
			l.many[x] = struct{}{}
		}
	}
}

// floorSecond is t without its fraction of a second: a startDate as a
// response writes it.
func floorSecond(t time.Time) time.Time {
	return t.Add(-time.Duration(t.Nanosecond()))
}

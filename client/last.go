package client

import (
	"hash/maphash"
	"time"
)

// maxTies bounds the records of one second a walk keeps the identities of:
// a server that puts ever more records in one second would otherwise grow
// the walk's memory without end. Far more than any second of calls holds;
// at most some 10 MB of keys.
var maxTies = 1 << 18 // a variable for the tests (export_test.go)

// last is where a walk has got to: the second of the last record yielded
// (as responses write startDates) and the identities of the records of
// that second already yielded. Records are yielded in the API's order, so
// a record of an earlier second, or of that second and among them, was
// yielded already; any other was not (docs/CLIENT.md).
type last struct {
	sec  time.Time // zero before the first record
	ids  []string  // the records of sec yielded, while few
	many map[idKey]struct{}
	seed [2]maphash.Seed
}

// idKey is an identity hashed to 128 bits with seeds drawn for the walk:
// a crowded second costs 16 bytes a record whatever the identities'
// length, and no server can choose identities that collide.
type idKey [2]uint64

func (l *last) key(id string) idKey {
	return idKey{maphash.String(l.seed[0], id), maphash.String(l.seed[1], id)}
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
		_, ok := l.many[l.key(id)]
		return ok
	}
	for _, x := range l.ids {
		if x == id {
			return true
		}
	}
	return false
}

// add records a record yielded after every one before it; it reports
// false, recording nothing, when its second already holds maxTies records.
func (l *last) add(sec time.Time, id string) bool {
	if l.sec.IsZero() || sec.After(l.sec) {
		l.sec, l.ids, l.many = sec, l.ids[:0], nil
	}
	if l.many != nil {
		if len(l.many) >= maxTies {
			return false
		}
		l.many[l.key(id)] = struct{}{}
		return true
	}
	l.ids = append(l.ids, id)
	if len(l.ids) > 32 { // a crowded second: look up in a map
		if l.seed[0] == (maphash.Seed{}) {
			l.seed = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
		}
		l.many = make(map[idKey]struct{}, 2*len(l.ids))
		for _, x := range l.ids {
			l.many[l.key(x)] = struct{}{}
		}
		l.ids = l.ids[:0]
	}
	return true
}

// floorSecond is t without its fraction of a second: a startDate as a
// response writes it.
func floorSecond(t time.Time) time.Time {
	return t.Add(-time.Duration(t.Nanosecond()))
}

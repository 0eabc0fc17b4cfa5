package timezone

import "time"

// maxNameLen bounds the names Load looks up; longer input is never a zone.
const maxNameLen = 255

// Load returns the zone with the given IANA name from the embedded database,
// for example "America/New_York", "UTC", "Etc/GMT+5" or the backward link
// "US/Eastern". Names are case-sensitive. "UTC" returns time.UTC. The empty
// name is an error (unlike time.LoadLocation, it does not mean UTC), and so is
// "Local": the host's zone is never consulted.
//
// A failed lookup returns an *Error with suggestions. Locations are cached:
// loading a name again costs one map lookup and does not allocate.
func Load(name string) (*time.Location, error) {
	if name == "UTC" {
		return time.UTC, nil
	}
	d := db()
	if len(name) == 0 || len(name) > maxNameLen {
		return nil, unknownZone(d, name)
	}
	z := d.zones[name]
	if z == nil {
		return nil, unknownZone(d, name)
	}
	if loc := z.loc.Load(); loc != nil {
		return loc, nil
	}
	loc, err := time.LoadLocationFromTZData(name, z.tzif())
	if err != nil {
		return nil, &Error{Name: name, Msg: "cannot read time zone data for", Code: CodeInternal}
	}
	z.loc.CompareAndSwap(nil, loc)
	return z.loc.Load(), nil
}

func unknownZone(d *database, name string) *Error {
	if d.err != nil && len(d.names) == 0 {
		return &Error{Name: name, Msg: "time zone database unreadable (" + d.err.Error() + "), cannot load", Code: CodeInternal}
	}
	return &Error{Name: name, Msg: "unknown time zone", Suggestions: suggest(d, name), Code: CodeUnknownZone}
}

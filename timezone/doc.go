// Package timezone loads IANA time zones from a copy of the tz database
// embedded in the binary and maps local wall-clock times to instants.
//
// We embed our own packed copy of Go's zoneinfo.zip (zones.bin) instead of relying on time.LoadLocation:
// time.LoadLocation prefers the host's zoneinfo (ZONEINFO, /usr/share/zoneinfo)
// over the time/tzdata fallback, so its answers depend on the machine, and it
// cannot list the zone names we need for "did you mean" suggestions. Every
// answer of this package depends only on the embedded data.
//
// Local and StartOfDay resolve wall-clock times like RFC 9557 / Temporal's
// "compatible" disambiguation: a time skipped by a forward transition (a DST
// gap) is moved forward by the length of the gap, and a time that occurs
// twice takes the earlier instant.
package timezone

package main

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/timezone"
)

// clockAndZone reads the --now and --tenant-tz flags: the command is where
// the clock is read, never the library. On a fault it prints it, labelled
// with cmd, and reports false.
func clockAndZone(cmd, nowText, tenantName string, stderr io.Writer, clock func() time.Time) (time.Time, *time.Location, bool) {
	tenant, err := timezone.Load(tenantName)
	if err != nil {
		fmt.Fprintf(stderr, "%s: --tenant-tz: %v\n", cmd, err)
		return time.Time{}, nil, false
	}
	if nowText == "" {
		return clock(), tenant, true
	}
	now, ok := parseNow(nowText, tenant)
	if !ok {
		fmt.Fprintf(stderr, "%s: --now %s: expected an instant such as 2026-11-25T12:00:00Z or 2026-11-25T13:00+01:00, "+
			"or a date (2026-11-25, its midnight) or a date and time without an offset (2026-11-25T09:30), read in the tenant zone\n",
			cmd, strconv.Quote(nowText))
		return time.Time{}, nil, false
	}
	return now, tenant, true
}

// parseNow reads --now: an RFC 3339 instant, or any absolute date of the
// query language (docs/LANGUAGE.md §3.1; [L-5] in §12), whose start is the reading.
// A date or a time without an offset is read in the tenant zone, as a
// query without tz reads it: --now 2026-11-25 is that day's first instant
// for the tenant, what a user who names a day means by it. Relative dates
// (today) are refused: they need the clock being set.
func parseNow(s string, tenant *time.Location) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	v, err := daterange.ParseValue(s)
	if err != nil || v.IsRelative() {
		return time.Time{}, false
	}
	return v.Start(time.Time{}, tenant), true
}

// count writes n with the singular or the plural noun: 1 file, 2 files, 0 files.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

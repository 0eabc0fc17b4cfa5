package main

func init() {
	helps["parse"] = helpText{
		usage: "recq parse [--method GET|DELETE] [--now TIME] [--tenant-tz ZONE] REQUEST",
		about: `Reads REQUEST as the Recordings API would and prints it as one JSON object:
its method, resource and format, its canonical form, the zone its dates are
read in, the instants of d, start-date and finish-date at the clock reading,
its field and metadata matches, n, and its warnings. A refused request
prints every fault instead, each with its variable, position and code.

REQUEST is a path with its query, with or without /api/recordings, or a
whole URL. Quote it for the shell, which gives '&' and '?' meanings of its
own:
  '/files.csv?d=today-1d,today&tz=America/Denver'
  'files?agentID=bill'
  /api/recordings/transcripts/int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant
  'https://vcc-na1.8x8.com/api/recordings/files?d=2007-08-05'`,
		more: `TIME is an instant such as 2026-11-25T12:00:00Z or 2026-11-25T13:00+01:00,
or a date (2026-11-25: its midnight) or a date and time without an offset
(2026-11-25T09:30), read in the tenant zone.

Exit status:
  0  the request is accepted: its JSON object on standard output
  1  a usage error: an unknown flag, a bad --now or --tenant-tz, no REQUEST
  2  the request is refused: {"error": {...}, "errors": [...]} on standard
     output, one line per fault on standard error

Examples:
  recq parse '/files?d=today-1d,today&tz=America/Denver'
  recq parse --now 2026-11-25 --tenant-tz America/Los_Angeles '/files.csv?d=today'
  recq parse --method DELETE /files/S20071220/R2007122003163601000.wav
`,
	}
}

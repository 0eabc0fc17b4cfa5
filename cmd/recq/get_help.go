package main

func init() {
	helps["get"] = helpText{
		usage: "recq get [--url BASE] [--tenant T] [--token-file F] [--insecure] [--max N] REQUEST",
		about: `Fetches every page of a GET from the Recordings API at BASE and prints them
as one document in the request's format (one XML root, one JSON document,
one CSV header) on standard output. REQUEST is a path with its query
(/files.csv?d=today-7d,today&tz=America/Denver), /transcripts/{GUID}[.json],
or a whole URL (its origin is the BASE when --url is not given).

The token is read from the file F (--token-file), else from the environment
variable RECQ_TOKEN; it is never taken on the command line, where ps shows it.
A query without tz= is sent with tz=UTC, so that its dates do not depend on
the tenant's setting: add tz= for another zone.

The query is checked before anything is sent: a refused one prints its
faults as recq parse does and exits 2. A network or server failure (after
retrying 503 and 429) prints the error and exits 1, with nothing on
standard output: a listing is printed whole or not at all. When standard
error is a terminal, a progress line shows pages, records, rate and retries.`,
		more: `Exit status:
  0  every page is printed
  1  a usage error, or a network or server failure (nothing on standard output)
  2  the request is refused: its faults as recq parse prints them

Examples:
  recq get --insecure --token-file token.txt '/files.csv?d=today-7d,today&tz=America/Denver'
  recq get --insecure --max 100 /transcripts.json     (the token in RECQ_TOKEN)
`,
	}
}

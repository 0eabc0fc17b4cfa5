package main

func init() {
	helps["eval"] = helpText{
		usage: "recq eval --data FILE[,FILE...] [--now TIME] [--tenant-tz ZONE] REQUEST",
		about: `Prints exactly the body the API answers to the GET REQUEST: the page of files
or transcripts it selects, or one transcript, in the format of the path's
suffix (XML without one), with dates in the query's zone. The records are
read from the files named by --data, each in the API's own XML, JSON or CSV
shape, as its suffix says (.xml, .json, .csv).

REQUEST is written as for recq parse: a path with its query, or a whole URL.`,
		more: `TIME is as for recq parse: an instant (2026-11-25T12:00:00Z), or a date or a
date and time without an offset, read in the tenant zone.

Exit status:
  0  the body is printed on standard output
  1  a usage error, or a data file that cannot be read (its line and record
     are named on standard error)
  2  the request is refused, or names a transcript that is not in the data:
     {"error": {...}, "errors": [...]} on standard output, as recq parse prints

Examples:
  recq eval --data files.xml '/files.json?agentID=bill'
  recq eval --data files.csv,transcripts.json --now 2026-11-25 --tenant-tz America/Los_Angeles '/transcripts.csv?d=today-7d,today'
`,
	}
}

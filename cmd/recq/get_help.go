package main

func init() {
	helps["get"] = helpText{
		usage: "recq get [--url BASE] [--tenant NAME] [--token-file FILE] [--insecure] [--max N] [--tenant-tz ZONE] [--timeout D] [-o FILE] [--explain] [--server-filter] REQUEST",
		about: `Fetches every page of a GET from the Recordings API at BASE and prints them as
one document in the request's format (one XML root, one JSON document, one
CSV header), written as the pages come: the memory is a page's, whatever
the listing's length. On standard output a failure leaves the records
before it, without the document's end (standard error says so); with
-o FILE the document goes to a temporary file renamed to FILE only when the
walk completes, so FILE is the whole listing or is not touched. Each HTTP
request is bounded from the dial to the last byte of its answer by
--timeout.

REQUEST is a path with its query (/files.csv?d=today-7d,today&tz=America/Denver),
/transcripts/{GUID}[.json], or a whole URL, whose origin is BASE when --url is
not given. The request is sent as it is: a query without tz is read in the
tenant's zone and its dates are printed with the tenant's offsets, exactly
as the API answers it. Only the pages' n and d change from page to page. A
query without tz whose d is one time of day (or starts at a fraction of a
second) is walked by offset unless --tenant-tz names the tenant's zone
(never sent; it must be the tenant's setting). The query is checked before
anything is sent.

A filter= (recq's extension, which the Recordings API does not take) is
planned: recq get sends what the API's own variables express (an exact
agentID, a startDate window as d, one request per branch of an OR such as
agentID=in=(bill,ann)) and evaluates the rest on the records that come
back, printing what recq serve --filter prints for the request. --explain
prints the plan as JSON, {"requests": [...], "residual": "..."}, and sends
nothing; --server-filter sends the filter as it is, to a server that
accepts it. A filter's dates need the zone they are read in: the request's
tz, else --tenant-tz.

The token is read from --token-file, else from the environment variable
RECQ_TOKEN; never from the command line, where ps shows it. When standard
error is a terminal, a progress line shows pages, records, rate and retries.`,
		more: `Exit status:
  0  every page is printed on standard output (or in FILE)
  1  a usage error, or a network or server failure (after retrying 503 and
     429), or a request past --timeout: the error on standard error; on
     standard output the records before it, without the document's end;
     with -o FILE, FILE untouched
  2  the request is refused before it is sent: its faults as recq parse prints

Examples:
  recq get --insecure --token-file token.txt '/files.csv?d=today-7d,today&tz=America/Denver'
  recq get --insecure --token-file token.txt --timeout 2m -o week.json '/files.json?d=today-7d,today'
  recq get --explain '/files.csv?filter=agentID=in=(bill,ann);duration=gt=600&d=today-7d,today'
  RECQ_TOKEN=... recq get --url https://vcc-na1.8x8.com/api/recordings '/transcripts.json?agentID=bill'
`,
	}
}

package main

func init() {
	helps["serve"] = helpText{
		usage: "recq serve [--addr HOST:PORT] [--data FILE[,FILE...] | --db URL] [--tenant NAME] [--token TOKEN | --token-file FILE] [--http] [--cors ORIGIN,...] [--quiet]",
		about: `Serves a local stand-in for the Recordings API (package server) until it is
interrupted: every request of the API under /api/recordings/, with HTTP
Basic authentication (the tenant name as user, the token as password), over
HTTPS with a self-signed certificate it makes at start. Without --data it
serves an embedded sample data set over the 60 days before the clock; with
--db it serves the records of a PostgreSQL database (recq db init, recq
load). The query-builder page is at /. It prints the address, the tenant,
the token (or where --token-file keeps it) and a curl command to try.
SIGHUP replaces the token, revoking the old one at once, and rewrites
--token-file. Pages of other origins may call it only when --cors lists
their origins (a UI's dev server on another port, for instance).`,
		more: `Exit status:
  0  stopped by SIGINT or SIGTERM, after the requests in flight
  1  a usage error, data that cannot be read, or an address that cannot be used

Examples:
  recq serve
  recq serve --http --addr 127.0.0.1:8080 --token secret
  recq serve --http --cors http://localhost:5173
  recq serve --data files.xml,transcripts.json --tenant-tz America/Los_Angeles
  recq serve --db 'postgres://recq@127.0.0.1:5432/recq?sslmode=disable' --token-file token.txt
`,
	}
}

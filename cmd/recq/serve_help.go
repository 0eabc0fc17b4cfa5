package main

func init() {
	helps["serve"] = helpText{
		usage: "recq serve [--addr HOST:PORT] [--data FILE[,FILE...]] [--tenant NAME] [--token TOKEN] [--http]",
		about: `Serves a local stand-in for the Recordings API (package server) until it is
interrupted: every request of the API under /api/recordings/, with HTTP
Basic authentication (the tenant name as user, the token as password), over
HTTPS with a self-signed certificate it makes at start. Without --data it
serves an embedded sample data set over the 60 days before the clock. It
prints the address, the tenant, the token and a curl command to try.
SIGHUP replaces the token, revoking the old one at once.`,
		more: `Exit status:
  0  stopped by SIGINT or SIGTERM, after the requests in flight
  1  a usage error, data that cannot be read, or an address that cannot be used

Examples:
  recq serve
  recq serve --http --addr 127.0.0.1:8080 --token secret
  recq serve --data files.xml,transcripts.json --tenant-tz America/Los_Angeles
`,
	}
}

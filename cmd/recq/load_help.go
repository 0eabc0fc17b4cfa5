package main

func init() {
	helps["load"] = helpText{
		usage: "recq load --db URL FILE...",
		about: `Adds the records of each XML, JSON or CSV FILE (the API's own shapes, as its
suffix says) to the PostgreSQL store, each file in one transaction: a refused
file, said with its line and record, leaves nothing of itself behind. A line
per file goes to standard output; progress to standard error when it is a
terminal. recq db init creates the tables first.

A run that adds more records than the store holds builds the indexes that
enforce nothing once, at its end (docs/POSTGRES.md, "A run of loads"): between
files, readers get the same answers, slower. If the run is killed, recq db init
builds the missing indexes.`,
		more: `Exit status:
  0  every file is loaded
  1  a usage error, a file refused, or the database cannot be reached

Examples:
  recq load --db 'postgres://recq@127.0.0.1:5432/recq?sslmode=disable' files.xml transcripts.json
`,
	}
}

package main

func init() {
	helps["db"] = helpText{
		usage: "recq db init --db URL",
		about: `Applies the PostgreSQL store's schema (package postgres) where it is missing;
running it again is harmless. URL is a database as pgx takes it.`,
		more: `Exit status:
  0  the schema is in place
  1  a usage error, or the database cannot be reached or changed

Examples:
  recq db init --db 'postgres://recq@127.0.0.1:5432/recq?sslmode=disable'
`,
	}
}

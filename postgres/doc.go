// Package postgres is a recq.Store on PostgreSQL: the same pages as the
// in-memory store, page for page, answered by the database.
//
// A query is compiled to one parameterized statement (no value is ever
// written into SQL text); its dates arrive resolved by recq, in Go, as
// instants ([D-11]), so the database never maps a local time. The schema
// (schema.sql) is applied by Migrate and `recq db init`; Load bulk-loads
// records with COPY, one transaction per call. docs/POSTGRES.md says how
// text, instants and metadata substrings are stored and why.
package postgres

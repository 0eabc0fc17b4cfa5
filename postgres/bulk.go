package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// bulkMemory is the maintenance_work_mem of a load's transaction: building
// an index (a trigram GIN above all) sorts in memory up to it.
const bulkMemory = "256MB"

// setAside prepares a bulk load of adding rows into table and its lists
// (docs/POSTGRES.md, "Loading"): when table holds fewer rows than the load
// adds, it drops, inside tx, the indexes of table and lists that enforce
// nothing (every index but primary keys and unique ones), and returns a func
// that builds each again from its own definition, read from the catalog
// before the drop. Building an index once over all rows costs a fraction of
// adding the rows' entries one by one. The drop is part of tx: a refused
// load rolls it back with the rows, and readers wait for the commit
// (DROP INDEX locks the table) instead of seeing a table without its
// indexes. Into a larger table it does nothing, since rebuilding would cost
// more than it saves; rebuild is then a no-op.
func setAside(ctx context.Context, tx pgx.Tx, table string, lists []string, adding int) (rebuild func() error, err error) {
	nothing := func() error { return nil }
	var held int
	// Counts at most adding rows, so the check is cheap on a big table.
	err = tx.QueryRow(ctx, "SELECT count(*) FROM (SELECT FROM "+pgx.Identifier{table}.Sanitize()+" LIMIT $1) s", adding).Scan(&held)
	if err != nil || held >= adding {
		return nothing, err
	}
	rows, err := tx.Query(ctx, `SELECT c.relname, pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE i.indrelid = ANY($1::text[]::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
		ORDER BY c.relname`, append([]string{table}, lists...))
	if err != nil {
		return nothing, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nothing, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	if err := rows.Err(); err != nil {
		return nothing, err
	}
	// The tables' locks in one statement, the record table first as every
	// reader and DELETE takes them (postgres/store.go): DROP INDEX one
	// index at a time would lock a list before its record table, and a
	// reader holding the record table would then deadlock with the load.
	lock := "LOCK TABLE " + pgx.Identifier{table}.Sanitize()
	for _, l := range lists {
		lock += ", " + pgx.Identifier{l}.Sanitize()
	}
	if _, err := tx.Exec(ctx, lock+" IN ACCESS EXCLUSIVE MODE"); err != nil {
		return nothing, err
	}
	for _, name := range names {
		// An identifier cannot be a parameter; name is the catalog's, quoted.
		if _, err := tx.Exec(ctx, "DROP INDEX "+pgx.Identifier{name}.Sanitize()); err != nil {
			return nothing, err
		}
	}
	return func() error {
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '"+bulkMemory+"'"); err != nil {
			return err
		}
		for _, def := range defs {
			if _, err := tx.Exec(ctx, def); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

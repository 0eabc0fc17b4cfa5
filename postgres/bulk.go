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
// adds, it drops, inside tx, every index of table and lists — the primary
// and unique keys as constraints, the others as indexes — and returns a
// func that builds each again from its own definition, read from the
// catalog before the drop, keys first. Building an index once over all
// rows costs a fraction of adding the rows' entries one by one (the
// exclusion constraints of the filenames and GUIDs are keys here too). The drop is
// part of tx: a refused load rolls it back with the rows, and readers wait
// for the commit (DROP INDEX locks the table) instead of seeing a table
// without its indexes. A key the load breaks fails its rebuild with the
// same SQLSTATE (23505, 23P01) as a row that breaks it, naming the value
// (duplicate turns it into a LoadError). Into a larger table it does
// nothing, since rebuilding would cost more than it saves; rebuild is then
// a no-op.
func setAside(ctx context.Context, tx pgx.Tx, table string, lists []string, adding int) (rebuild func() error, err error) {
	nothing := func() error { return nil }
	var held int
	// Counts at most adding rows, so the check is cheap on a big table.
	err = tx.QueryRow(ctx, "SELECT count(*) FROM (SELECT FROM "+pgx.Identifier{table}.Sanitize()+" LIMIT $1) s", adding).Scan(&held)
	if err != nil || held >= adding {
		return nothing, err
	}
	tables := append([]string{table}, lists...)
	// The keys: constraints, dropped and added again as such.
	keys, err := collectPairs(ctx, tx, `SELECT 'ALTER TABLE '||quote_ident(r.relname)||' DROP CONSTRAINT '||quote_ident(c.conname),
			'ALTER TABLE '||quote_ident(r.relname)||' ADD CONSTRAINT '||quote_ident(c.conname)||' '||pg_get_constraintdef(c.oid)
		FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
		WHERE c.conrelid = ANY($1::text[]::regclass[]) AND c.contype IN ('p', 'u', 'x')
		ORDER BY r.relname, c.conname`, tables)
	if err != nil {
		return nothing, err
	}
	// The other indexes, which back no constraint (the partial unique
	// indexes of short filenames and GUIDs among them, rebuilt in tx).
	others, err := collectPairs(ctx, tx, `SELECT 'DROP INDEX '||quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE i.indrelid = ANY($1::text[]::regclass[])
			AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)
		ORDER BY c.relname`, tables)
	if err != nil {
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
	// The statements are the catalog's, its names quoted by quote_ident:
	// an identifier cannot be a parameter.
	all := append(keys, others...)
	for _, p := range all {
		if _, err := tx.Exec(ctx, p[0]); err != nil {
			return nothing, err
		}
	}
	return func() error {
		// Parallel workers cost more than they save on the tables of one
		// load on this project's 2-core machines (bench/README.md).
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '"+bulkMemory+"'; SET LOCAL max_parallel_maintenance_workers = 0"); err != nil {
			return err
		}
		for _, p := range all {
			if _, err := tx.Exec(ctx, p[1]); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// collectPairs runs a query of two text columns with one argument.
func collectPairs(ctx context.Context, tx pgx.Tx, sql string, arg any) ([][2]string, error) {
	rows, err := tx.Query(ctx, sql, arg)
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

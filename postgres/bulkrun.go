package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
)

// recqTables are the tables of schema.sql, record tables first.
var recqTables = []string{"recq_files", "recq_transcripts", "recq_file_codes", "recq_file_meta", "recq_transcript_meta", "recq_messages"}

// SetAside prepares a run of loads (several files of `recq load`) that adds
// about adding records to the store (docs/POSTGRES.md, "A run of loads"):
// when the store holds fewer records than that, it drops, in a transaction
// of its own, every index of recq's tables that enforces nothing, neither
// unique nor backing a constraint (the
// page orders, agents, finish instants and the trigram indexes), so that
// each load of the run only adds heap rows and key entries, and returns a
// func that builds them again from the definitions the catalog had, on two
// connections at once. The keys stay, so each load still refuses a
// duplicate on its own. Between the loads the records are there and every
// answer is right, only slower. restore must be called once the run ends,
// however it ends; if the process dies first, Migrate (`recq db init`)
// builds the missing indexes again from schema.sql. Into a store that
// holds more, it drops nothing and restore does nothing.
func (s *Store) SetAside(ctx context.Context, adding int) (restore func(context.Context) error, err error) {
	nothing := func(context.Context) error { return nil }
	var held int
	// Counts at most adding rows of each kind, so the check is cheap.
	err = s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM (SELECT FROM recq_files LIMIT $1) f)
		+ (SELECT count(*) FROM (SELECT FROM recq_transcripts LIMIT $1) t)`, adding).Scan(&held)
	if err != nil || held >= adding {
		return nothing, wrap(err)
	}
	var defs [][2]string
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// The record tables first, as readers lock them (see setAside).
		lock := "LOCK TABLE " + strings.Join(recqTables, ", ") + " IN ACCESS EXCLUSIVE MODE"
		if _, err := tx.Exec(ctx, lock); err != nil {
			return err
		}
		var err error
		defs, err = collectPairs(ctx, tx, `SELECT 'DROP INDEX '||quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			WHERE i.indrelid = ANY($1::text[]::regclass[])
				AND NOT i.indisunique AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)
			ORDER BY c.relname`, recqTables)
		if err != nil {
			return err
		}
		for _, d := range defs {
			if _, err := tx.Exec(ctx, d[0]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nothing, wrap(err)
	}
	return func(ctx context.Context) error { return s.build(ctx, defs) }, nil
}

// build creates the indexes of defs (pairs of a DROP and the catalog's
// CREATE) on two connections at once, trigram indexes first so that the
// longest builds do not end up last on one connection. IF NOT EXISTS
// spares an index that Migrate built meanwhile.
func (s *Store) build(ctx context.Context, defs [][2]string) error {
	work := make(chan string, len(defs))
	for _, gin := range []bool{true, false} {
		for _, d := range defs {
			if strings.Contains(d[1], " USING gin ") == gin {
				work <- ifNotExists(d[1])
			}
		}
	}
	close(work)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for w := range errs {
		wg.Go(func() {
			conn, err := s.pool.Acquire(ctx)
			if err != nil {
				errs[w] = err
				return
			}
			defer conn.Release()
			// One build per connection, each on one core (bulk.go).
			if _, err := conn.Exec(ctx, "SET maintenance_work_mem = '"+runMemory+"'; SET max_parallel_maintenance_workers = 0"); err != nil {
				errs[w] = err
				return
			}
			defer conn.Exec(context.WithoutCancel(ctx), "RESET maintenance_work_mem; RESET max_parallel_maintenance_workers")
			for sql := range work {
				if _, err := conn.Exec(ctx, sql); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("postgres: building the indexes set aside (recq db init builds them again): %w", err)
		}
	}
	return nil
}

// runMemory is the maintenance_work_mem of each of the two builds at the
// end of a run: a trigram index over millions of entries sorts in memory
// up to it.
const runMemory = "1GB"

// ifNotExists turns the catalog's CREATE [UNIQUE] INDEX name ON … into
// CREATE [UNIQUE] INDEX IF NOT EXISTS name ON ….
func ifNotExists(def string) string {
	return strings.Replace(def, "INDEX ", "INDEX IF NOT EXISTS ", 1)
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("postgres: %w", err)
}

// Indexes returns the definition of every index of recq's tables, as the
// catalog has it, invalid ones marked so, in name order: what a DBA checks
// after a run of loads, or a test.
func (s *Store) Indexes(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE i.indrelid = ANY($1::text[]::regclass[]) ORDER BY c.relname`, recqTables)
	if err != nil {
		return nil, wrap(err)
	}
	defs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return defs, wrap(err)
}

package postgres

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed schema.sql
var schema string

// Schema returns the DDL that Migrate applies, for a reader or a DBA.
func Schema() string { return schema }

// Migrate creates recq's tables and indexes in the database at pool where
// they are missing; it may run again on a database that has them.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	// No arguments: pgx sends the text with the simple protocol, which takes
	// several statements at once.
	if _, err := pool.Exec(ctx, schema); err != nil {
		return fmt.Errorf("postgres: applying the schema: %w", err)
	}
	return nil
}

package postgres_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// indexes lists every index of recq's tables with its definition and
// whether it is valid, as the catalog has them.
func indexes(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT c.relname || ' ' || i.indisvalid || ' ' || pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class r ON r.oid = i.indrelid
		WHERE r.relname LIKE 'recq\_%' ORDER BY c.relname`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBulkLoadKeepsIndexes loads into empty tables, where Load drops the
// indexes that enforce nothing and builds them again (docs/POSTGRES.md):
// after a refused load and after an accepted one, every index of the
// schema is there, valid, with its definition, and serves the queries.
func TestBulkLoadKeepsIndexes(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	schema := indexes(t, conn)
	if len(schema) < 10 {
		t.Fatalf("the schema has %d indexes: %v", len(schema), schema)
	}
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr := func(guid string) record.Transcript {
		return record.Transcript{StartDate: day, InteractionGUID: guid,
			MetaData: []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}},
			Messages: []record.Message{{MessageTime: day, MessageFrom: "bill", OriginalMessage: "hi"}}}
	}
	fs := []record.File{file("S20071220/R1.wav", "bill", record.MetaData{FieldName: "Fruit", FieldValue: "Cherry"}),
		file("S20071220/R2.wav", "jo"), file("S20071220/R1.wav", "jo")}
	err = s.Load(ctx, fs, []record.Transcript{tr("int-1"), tr("int-2")}, nil)
	var le *postgres.LoadError
	if !errors.As(err, &le) || le.Kind != "file" || le.Field != "filename" {
		t.Errorf("a filename twice in one load: %v, want a LoadError for its filename", err)
	}
	if got := indexes(t, conn); !slices.Equal(got, schema) {
		t.Errorf("after a refused load the indexes are\n%v\nwant\n%v", got, schema)
	}
	if got := names(t, s, "/files"); len(got) != 0 {
		t.Errorf("after a refused load the store lists %v", got)
	}
	if err := s.Load(ctx, fs[:2], []record.Transcript{tr("int-1"), tr("int-2")}, nil); err != nil {
		t.Fatal(err)
	}
	if got := indexes(t, conn); !slices.Equal(got, schema) {
		t.Errorf("after a load the indexes are\n%v\nwant\n%v", got, schema)
	}
	for target, want := range map[string][]string{
		"/files?agentID=bill":                    {"S20071220/R1.wav"},
		"/files?metaData_fieldValue=herr":        {"S20071220/R1.wav"},
		"/files?metaData_fieldName=ruit":         {"S20071220/R1.wav"},
		"/files?start-date=2007-12-20T03:16:36Z": {"S20071220/R1.wav", "S20071220/R2.wav"},
	} {
		if got := names(t, s, target); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", target, got, want)
		}
	}
}

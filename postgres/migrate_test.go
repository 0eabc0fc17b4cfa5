package postgres_test

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
)

// TestMigrateFromBeforeKeys: `recq db init` brings a store made before the
// keys of long texts (testdata/schema-before-keys.sql: filename and
// interactionGUID UNIQUE, the page indexes on the whole texts) to the
// schema of a new one, its records kept and answered, and long texts then
// load into it (docs/POSTGRES.md, "Long texts").
func TestMigrateFromBeforeKeys(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	fresh := indexes(t, conn)
	old, err := os.ReadFile("testdata/schema-before-keys.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `DROP TABLE recq_files, recq_file_codes, recq_file_meta, recq_transcripts, recq_transcript_meta, recq_messages;
		DROP SEQUENCE recq_files_ids, recq_transcripts_ids`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, string(old)); err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `INSERT INTO recq_files (id, start_date, start_ns, start_off, finish_date, finish_ns, agent_id,
		phone_number, channel, case_id, duration, filename, queue_id, queue_name, account_number, transaction_id,
		ext_var1, ext_var2, out_dial_code) VALUES (1, '2007-12-20T03:16:36Z', 0, 0, '2007-12-20T03:17:03Z', 0, 'bill',
		'', '', '', 27, 'S20071218/R1.wav', '', '', '', '', '', '', '');
		SELECT setval('recq_files_ids', 1)`)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 2 { // and again, harmlessly
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := indexes(t, conn); !slices.Equal(got, fresh) {
		t.Errorf("after the migration the indexes are\n%v\nwant\n%v", got, fresh)
	}
	fs := longFiles()
	if err := s.Load(ctx, fs, nil, nil); err != nil {
		t.Fatalf("long texts into the migrated store: %.200v", err)
	}
	mem := record.NewStore(append(fs, file("S20071218/R1.wav", "bill")), nil)
	for _, target := range []string{"/files", "/files?n=50", "/files?agentID=bill", "/files?filename=S20071218/R1.wav"} {
		sameAsMemory(t, s, mem, target)
	}
}

package postgres

import (
	"context"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// Store answers the API's queries from a PostgreSQL database that has
// recq's schema (Migrate). It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
}

var _ recq.Store = (*Store)(nil)

// Open connects to the database at url, as pgx takes it
// (postgres://user@127.0.0.1:5432/recq?sslmode=disable), and checks that
// it answers.
func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fault(err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fault(err)
	}
	return &Store{pool: pool}, nil
}

// Close closes the store's connections.
func (s *Store) Close() { s.pool.Close() }

// Migrate applies recq's schema to the store's database (see Migrate).
func (s *Store) Migrate(ctx context.Context) error { return Migrate(ctx, s.pool) }

// Files returns the page of files that q selects, as filter.Predicate.Files
// does over the same records, its filter= included (filtersql.go).
func (s *Store) Files(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.File, error) {
	st := files.page(q, res, false)
	if st.err != nil {
		return nil, st.err
	}
	page, err := collect(ctx, s, st, scanFile)
	if err == nil && len(page) > 0 && tiedEdge(max(q.N, 1)-1, len(page), page[0].Filename, page[len(page)-1].Filename) {
		return collect(ctx, s, files.page(q, res, true), scanFile)
	}
	return page, err
}

// Transcripts returns the page of transcripts that q selects, without their
// messages (a list does not write them).
func (s *Store) Transcripts(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.Transcript, error) {
	st := transcripts.page(q, res, false)
	if st.err != nil {
		return nil, st.err
	}
	page, err := collect(ctx, s, st, scanTranscript)
	if err == nil && len(page) > 0 && tiedEdge(max(q.N, 1)-1, len(page), page[0].InteractionGUID, page[len(page)-1].InteractionGUID) {
		return collect(ctx, s, transcripts.page(q, res, true), scanTranscript)
	}
	return page, err
}

func collect[R any](ctx context.Context, s *Store, st *statement, scan func(pgx.Row) (R, error)) ([]R, error) {
	if st.err != nil {
		return nil, st.err
	}
	rows, err := s.pool.Query(ctx, st.sql.String(), st.args...)
	if err != nil {
		return nil, fault(err)
	}
	defer rows.Close()
	out := []R{}
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return nil, fault(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fault(err)
	}
	return out, nil
}

const oneTranscript = "SELECT " + transcriptSelect + ", msg.times, msg.ns, msg.offs, msg.froms, msg.olangs, msg.omsgs, msg.tlangs, msg.tmsgs" +
	" FROM recq_transcripts r" + transcriptMetaJoin +
	" LEFT JOIN LATERAL (SELECT array_agg(message_time ORDER BY ord) AS times, array_agg(message_ns ORDER BY ord) AS ns," +
	" array_agg(message_off ORDER BY ord) AS offs, array_agg(message_from ORDER BY ord) AS froms," +
	" array_agg(original_language ORDER BY ord) AS olangs, array_agg(original_message ORDER BY ord) AS omsgs," +
	" array_agg(translated_language ORDER BY ord) AS tlangs, array_agg(translated_message ORDER BY ord) AS tmsgs" +
	" FROM recq_messages WHERE transcript_id = r.id) msg ON TRUE" +
	" WHERE r.interaction_guid = $1"

// transcriptSQL is the statement that reads the transcript guid.
func transcriptSQL(guid string) string {
	return oneTranscript + lengthClass("r.interaction_guid", guid)
}

// Transcript returns the transcript with that interactionGUID with its
// messages, and whether there is one.
func (s *Store) Transcript(ctx context.Context, guid string) (record.Transcript, bool, error) {
	if !holdable(guid) {
		return record.Transcript{}, false, nil
	}
	var r transcriptRow
	var m messageRows
	err := s.pool.QueryRow(ctx, transcriptSQL(guid), guid).Scan(append(r.targets(), m.targets()...)...)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return record.Transcript{}, false, nil
	case err != nil:
		return record.Transcript{}, false, fault(err)
	}
	t := r.record()
	t.Messages = m.messages()
	return t, true, nil
}

// deleteFile is the statement that deletes the file at path and its lists.
func deleteFile(path string) string {
	return "WITH f AS (DELETE FROM recq_files WHERE filename = $1" + lengthClass("filename", path) + " RETURNING id)," +
		" c AS (DELETE FROM recq_file_codes WHERE file_id IN (SELECT id FROM f))," +
		" m AS (DELETE FROM recq_file_meta WHERE file_id IN (SELECT id FROM f))" +
		" SELECT count(*) FROM f"
}

// DeleteFile removes the file whose filename is path, with its codes and
// metadata, and reports whether there was one.
func (s *Store) DeleteFile(ctx context.Context, path string) (bool, error) {
	if !holdable(path) {
		return false, nil
	}
	var n int
	err := s.pool.QueryRow(ctx, deleteFile(path), path).Scan(&n)
	if err != nil {
		return false, fault(err)
	}
	return n > 0, nil
}

// DeleteTranscript replaces every message of the transcript with dummy, in
// one transaction, and reports whether there was such a transcript.
func (s *Store) DeleteTranscript(ctx context.Context, guid string, dummy record.Message) (bool, error) {
	if !holdable(guid) {
		return false, nil
	}
	if err := checkMessage(&dummy); err != nil {
		return false, err
	}
	found := false
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, "SELECT id FROM recq_transcripts WHERE interaction_guid = $1"+lengthClass("interaction_guid", guid)+" FOR UPDATE", guid).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		if _, err := tx.Exec(ctx, "DELETE FROM recq_messages WHERE transcript_id = $1", id); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "INSERT INTO recq_messages ("+messageCopyColumns+") VALUES ($1, 0, $2, $3, $4, $5, $6, $7, $8, $9)",
			append([]any{id}, messageValues(&dummy)...)...)
		return err
	})
	if err != nil {
		return false, fault(err)
	}
	return found, nil
}

// Load adds files and transcripts to the store in one transaction (see Load).
func (s *Store) Load(ctx context.Context, fs []record.File, ts []record.Transcript, progress func(records int)) error {
	return Load(ctx, s.pool, fs, ts, progress)
}

// LoadStream adds the records read hands over to the store in one
// transaction, copying them while read goes on (see LoadStream).
func (s *Store) LoadStream(ctx context.Context, expect int, read RecordReader, progress func(records int)) (files, transcripts int, err error) {
	return LoadStream(ctx, s.pool, expect, read, progress)
}

// Clear removes every record from the store.
func (s *Store) Clear(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "TRUNCATE recq_files, recq_file_codes, recq_file_meta, recq_transcripts, recq_transcript_meta, recq_messages")
	if err != nil {
		return fault(err)
	}
	return nil
}

// Analyze vacuums recq's tables and refreshes the planner's statistics,
// which a bulk load leaves stale until autovacuum comes by; the vacuum marks
// the pages all-visible, so that a deep offset is skipped by an index-only scan.
func (s *Store) Analyze(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "VACUUM (ANALYZE) recq_files, recq_file_codes, recq_file_meta, recq_transcripts, recq_transcript_meta, recq_messages")
	if err != nil {
		return fault(err)
	}
	return nil
}

// Explain runs the statement that Files (or Transcripts, for a query of
// /transcripts) would run for q under EXPLAIN (ANALYZE, BUFFERS), and
// returns PostgreSQL's plan, for a reader of docs/POSTGRES.md or a DBA.
func (s *Store) Explain(ctx context.Context, q *filter.Query, res filter.Resolved) (string, error) {
	k := files
	if q.Resource == filter.Transcripts {
		k = transcripts
	}
	st := k.page(q, res, false)
	if st.err != nil {
		return "", st.err
	}
	rows, err := s.pool.Query(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+st.sql.String(), st.args...)
	if err != nil {
		return "", fault(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", fault(err)
	}
	return strings.Join(lines, "\n") + "\n", nil
}

// Count returns how many files and transcripts the store holds.
func (s *Store) Count(ctx context.Context) (files, transcripts int, err error) {
	err = s.pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM recq_files), (SELECT count(*) FROM recq_transcripts)").Scan(&files, &transcripts)
	if err != nil {
		return 0, 0, fault(err)
	}
	return files, transcripts, nil
}

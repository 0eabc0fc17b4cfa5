package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/recq/recq/record"
)

// LoadError is a record that Load refused; nothing of that Load was kept.
type LoadError struct {
	Kind   string // "file" or "transcript"
	Record int    // 1-based index among the files or the transcripts handed to Load
	Field  string // the field at fault, or ""
	Msg    string
}

func (e *LoadError) Error() string {
	s := fmt.Sprintf("%s %d: ", e.Kind, e.Record)
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Msg
}

// loadLock is the key of the advisory lock that serializes loads, so that
// each reserves a contiguous range of ids.
const loadLock = 0x72656371 // "recq"

// progressEvery is how many records pass between calls of a progress func.
const progressEvery = 10000

// Load adds files and transcripts to the database at pool in one
// transaction with COPY: all of them, or none and an error (a *LoadError
// for a record the store cannot hold or one whose filename or
// interactionGUID the database already has). progress, when not nil, is
// called with the number of records copied so far, now and then and at the end.
func Load(ctx context.Context, pool interface {
	Begin(context.Context) (pgx.Tx, error)
}, fs []record.File, ts []record.Transcript, progress func(records int)) error {
	for i := range fs {
		if err := checkFile(&fs[i]); err != nil {
			err.Record = i + 1
			return err
		}
	}
	for i := range ts {
		if err := checkTranscript(&ts[i]); err != nil {
			err.Record = i + 1
			return err
		}
	}
	if progress == nil {
		progress = func(int) {}
	}
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(loadLock)); err != nil {
			return err
		}
		done := 0
		tick := func() {
			if done++; done%progressEvery == 0 {
				progress(done)
			}
		}
		if err := copyFiles(ctx, tx, fs, tick); err != nil {
			return err
		}
		if err := copyTranscripts(ctx, tx, ts, tick); err != nil {
			return err
		}
		progress(done)
		return nil
	})
	if err != nil {
		return duplicate(err, fs, ts)
	}
	return nil
}

// firstID reserves n ids from the table's sequence, under the load lock
// (so that no other load takes ids between the two calls): a sequence does
// not roll back, so a refused load leaves a gap, which is harmless.
func firstID(ctx context.Context, tx pgx.Tx, sequence string, n int) (int64, error) {
	var first int64
	err := tx.QueryRow(ctx, "SELECT nextval($1::regclass)", sequence).Scan(&first)
	if err == nil && n > 1 {
		_, err = tx.Exec(ctx, "SELECT setval($1::regclass, $2)", sequence, first+int64(n)-1)
	}
	return first, err
}

func copyFiles(ctx context.Context, tx pgx.Tx, fs []record.File, tick func()) error {
	if len(fs) == 0 {
		return nil
	}
	first, err := firstID(ctx, tx, "recq_files_ids", len(fs))
	if err != nil {
		return err
	}
	rebuild, err := setAside(ctx, tx, "recq_files", []string{"recq_file_codes", "recq_file_meta"}, len(fs))
	if err != nil {
		return err
	}
	cols := []string{"id", "start_date", "start_ns", "start_off", "finish_date", "finish_ns", "agent_id", "phone_number",
		"channel", "case_id", "duration", "filename", "queue_id", "queue_name", "account_number", "transaction_id",
		"ext_var1", "ext_var2", "out_dial_code"}
	rows := source(len(fs), func(i int) []any {
		tick()
		f := &fs[i]
		end := f.FinishDate()
		return []any{first + int64(i), f.StartDate, subMicro(f.StartDate), offsetOf(f.StartDate), end, subMicro(end),
			f.AgentID, f.PhoneNumber, f.Channel, f.CaseID, int64(f.Duration), f.Filename, f.QueueID, f.QueueName,
			f.AccountNumber, f.TransactionID, f.ExtVar1, f.ExtVar2, f.OutDialCode}
	})
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"recq_files"}, cols, rows); err != nil {
		return err
	}
	var codes, meta [][]any
	for i := range fs {
		id := first + int64(i)
		for j, c := range fs[i].TransactionCodes {
			codes = append(codes, []any{id, int32(j), c.ListName, c.Name})
		}
		for j, m := range fs[i].MetaData {
			meta = append(meta, []any{id, int32(j), m.FieldName, m.FieldValue})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"recq_file_codes"}, []string{"file_id", "ord", "list_name", "name"}, pgx.CopyFromRows(codes)); err != nil {
		return err
	}
	if _, err = tx.CopyFrom(ctx, pgx.Identifier{"recq_file_meta"}, []string{"file_id", "ord", "field_name", "field_value"}, pgx.CopyFromRows(meta)); err != nil {
		return err
	}
	return rebuild()
}

func copyTranscripts(ctx context.Context, tx pgx.Tx, ts []record.Transcript, tick func()) error {
	if len(ts) == 0 {
		return nil
	}
	first, err := firstID(ctx, tx, "recq_transcripts_ids", len(ts))
	if err != nil {
		return err
	}
	rebuild, err := setAside(ctx, tx, "recq_transcripts", []string{"recq_transcript_meta", "recq_messages"}, len(ts))
	if err != nil {
		return err
	}
	cols := []string{"id", "start_date", "start_ns", "start_off", "finish_date", "finish_ns", "agent_id", "agent_name",
		"contact_id", "contact_name", "queue_id", "queue_name", "channel_id", "channel_name", "case_id", "target_ip",
		"transaction_id", "interaction_guid", "transcript_type", "duration"}
	rows := source(len(ts), func(i int) []any {
		tick()
		t := &ts[i]
		end := t.FinishDate()
		return []any{first + int64(i), t.StartDate, subMicro(t.StartDate), offsetOf(t.StartDate), end, subMicro(end),
			t.AgentID, t.AgentName, t.ContactID, t.ContactName, t.QueueID, t.QueueName, t.ChannelID, t.ChannelName,
			t.CaseID, t.TargetIP, t.TransactionID, t.InteractionGUID, t.TranscriptType, int64(t.Duration)}
	})
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"recq_transcripts"}, cols, rows); err != nil {
		return err
	}
	var meta, msgs [][]any
	for i := range ts {
		id := first + int64(i)
		for j, m := range ts[i].MetaData {
			meta = append(meta, []any{id, int32(j), m.FieldName, m.FieldValue})
		}
		for j := range ts[i].Messages {
			msgs = append(msgs, append([]any{id, int32(j)}, messageValues(&ts[i].Messages[j])...))
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"recq_transcript_meta"}, []string{"transcript_id", "ord", "field_name", "field_value"}, pgx.CopyFromRows(meta)); err != nil {
		return err
	}
	if _, err = tx.CopyFrom(ctx, pgx.Identifier{"recq_messages"}, strings.Split(messageCopyColumns, ", "), pgx.CopyFromRows(msgs)); err != nil {
		return err
	}
	return rebuild()
}

const messageCopyColumns = "transcript_id, ord, message_time, message_ns, message_off, message_from, original_language, " +
	"original_message, translated_language, translated_message"

// messageValues are a message's columns after transcript_id and ord.
func messageValues(m *record.Message) []any {
	return []any{m.MessageTime, subMicro(m.MessageTime), offsetOf(m.MessageTime), m.MessageFrom, m.OriginalLanguage,
		m.OriginalMessage, m.TranslatedLanguage, m.TranslatedMessage}
}

// rowSource is a pgx.CopyFromSource of n rows made on demand.
type rowSource struct {
	i, n int
	row  func(int) []any
}

func source(n int, row func(int) []any) *rowSource { return &rowSource{i: -1, n: n, row: row} }
func (s *rowSource) Next() bool                    { s.i++; return s.i < s.n }
func (s *rowSource) Values() ([]any, error)        { return s.row(s.i), nil }
func (s *rowSource) Err() error                    { return nil }

// duplicate turns the database's refusal of a second filename or
// interactionGUID into a LoadError naming the record.
func duplicate(err error, fs []record.File, ts []record.Transcript) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || pg.Code != "23505" {
		return fmt.Errorf("postgres: %w", err)
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(pg.Detail, "Key ("), ")")
	value := pg.Detail
	// "Key (k)=(v) already exists." from a row that breaks a key, "Key
	// (k)=(v) is duplicated." from a key built again after a bulk load
	// (postgres/bulk.go).
	if _, v, ok := strings.Cut(pg.Detail, ")=("); ok {
		value = strings.TrimSuffix(strings.TrimSuffix(v, ") already exists."), ") is duplicated.")
	}
	switch key {
	case "filename":
		for i := range fs {
			if fs[i].Filename == value {
				return &LoadError{Kind: "file", Record: i + 1, Field: "filename", Msg: fmt.Sprintf("%q is already in the database or earlier in the same load", value)}
			}
		}
	case "interaction_guid":
		for i := range ts {
			if ts[i].InteractionGUID == value {
				return &LoadError{Kind: "transcript", Record: i + 1, Field: "interactionGUID", Msg: fmt.Sprintf("%q is already in the database or earlier in the same load", value)}
			}
		}
	}
	return fmt.Errorf("postgres: %w", err)
}

// checkFile refuses a file the store cannot hold as the in-memory store
// does: text that is not UTF-8 or holds NUL, a startDate outside the years
// 0001–9999.
func checkFile(f *record.File) *LoadError {
	if !storable(f.StartDate) {
		return &LoadError{Kind: "file", Field: "startDate", Msg: outOfYears(f.StartDate)}
	}
	texts := []struct{ name, s string }{{"agentID", f.AgentID}, {"phoneNumber", f.PhoneNumber}, {"channel", f.Channel},
		{"caseID", f.CaseID}, {"filename", f.Filename}, {"queueID", f.QueueID}, {"queueName", f.QueueName},
		{"accountNumber", f.AccountNumber}, {"transactionID", f.TransactionID}, {"extVar1", f.ExtVar1},
		{"extVar2", f.ExtVar2}, {"outDialCode", f.OutDialCode}}
	for _, x := range texts {
		if !holdable(x.s) {
			return &LoadError{Kind: "file", Field: x.name, Msg: unholdable}
		}
	}
	for _, c := range f.TransactionCodes {
		if !holdable(c.ListName) || !holdable(c.Name) {
			return &LoadError{Kind: "file", Field: "wrapUpCode", Msg: unholdable}
		}
	}
	return checkMeta("file", f.MetaData)
}

func checkTranscript(t *record.Transcript) *LoadError {
	if !storable(t.StartDate) {
		return &LoadError{Kind: "transcript", Field: "startDate", Msg: outOfYears(t.StartDate)}
	}
	texts := []struct{ name, s string }{{"agentID", t.AgentID}, {"agentName", t.AgentName}, {"contactID", t.ContactID},
		{"contactName", t.ContactName}, {"queueID", t.QueueID}, {"queueName", t.QueueName}, {"channelID", t.ChannelID},
		{"channelName", t.ChannelName}, {"caseID", t.CaseID}, {"targetIP", t.TargetIP},
		{"transactionID", t.TransactionID}, {"interactionGUID", t.InteractionGUID}, {"transcriptType", t.TranscriptType}}
	for _, x := range texts {
		if !holdable(x.s) {
			return &LoadError{Kind: "transcript", Field: x.name, Msg: unholdable}
		}
	}
	for i := range t.Messages {
		if err := checkMessage(&t.Messages[i]); err != nil {
			return err
		}
	}
	return checkMeta("transcript", t.MetaData)
}

func checkMessage(m *record.Message) *LoadError {
	if !storable(m.MessageTime) {
		return &LoadError{Kind: "transcript", Field: "messages/message/messageTime", Msg: outOfYears(m.MessageTime)}
	}
	for _, s := range []string{m.MessageFrom, m.OriginalLanguage, m.OriginalMessage, m.TranslatedLanguage, m.TranslatedMessage} {
		if !holdable(s) {
			return &LoadError{Kind: "transcript", Field: "messages/message", Msg: unholdable}
		}
	}
	return nil
}

func checkMeta(kind string, md []record.MetaData) *LoadError {
	for _, m := range md {
		if !holdable(m.FieldName) || !holdable(m.FieldValue) {
			return &LoadError{Kind: kind, Field: "metaDatas/metaData", Msg: unholdable}
		}
	}
	return nil
}

const unholdable = "is not UTF-8 text without NUL, which PostgreSQL's text cannot hold"

func outOfYears(t time.Time) string {
	return fmt.Sprintf("%s is outside the years 0001–9999 the database store holds", t.Format(time.RFC3339Nano))
}

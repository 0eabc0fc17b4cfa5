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
	expect := len(fs)
	if expect == 0 {
		expect = len(ts)
	}
	_, _, err := LoadStream(ctx, pool, expect, func(file func(*record.File) error, transcript func(*record.Transcript) error) error {
		for i := range fs {
			if err := file(&fs[i]); err != nil {
				return err
			}
		}
		for i := range ts {
			if err := transcript(&ts[i]); err != nil {
				return err
			}
		}
		return nil
	}, progress)
	return err
}

// messageValues are a message's columns after transcript_id and ord.
func messageValues(m *record.Message) []any {
	return []any{m.MessageTime, subMicro(m.MessageTime), offsetOf(m.MessageTime), m.MessageFrom, m.OriginalLanguage,
		m.OriginalMessage, m.TranslatedLanguage, m.TranslatedMessage}
}

// duplicate turns the database's refusal of a second filename or
// interactionGUID into a LoadError naming the record. The keys are
// exclusion constraints on a hash index (schema.sql: a B-tree cannot hold a
// long text), which refuse a row with SQLSTATE 23P01 and "Key (k)=(v)
// conflicts with existing key (k)=(v)." (23505 and "Key (k)=(v) already
// exists." from a store made before them), and a constraint added again
// after a bulk load (postgres/bulk.go) with "Key (k)=(v) conflicts with key
// (k)=(v)." (23P01; 23505 and "is duplicated." for a unique key).
func duplicate(err error, filenames, guids *keyHashes) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || (pg.Code != "23505" && pg.Code != "23P01") {
		return fmt.Errorf("postgres: %w", err)
	}
	key, value, ok := keyValue(pg.Detail)
	if !ok {
		return fmt.Errorf("postgres: %w", err)
	}
	switch key {
	case "filename":
		if i := filenames.first(value); i >= 0 {
			return &LoadError{Kind: "file", Record: i + 1, Field: "filename", Msg: fmt.Sprintf("%q is already in the database or earlier in the same load", value)}
		}
	case "interaction_guid":
		if i := guids.first(value); i >= 0 {
			return &LoadError{Kind: "transcript", Record: i + 1, Field: "interactionGUID", Msg: fmt.Sprintf("%q is already in the database or earlier in the same load", value)}
		}
	}
	return fmt.Errorf("postgres: %w", err)
}

// keyValue reads the column and the value out of the detail of a refused
// key (see duplicate). The value may hold any text, ")=(" included, so the
// two-value forms are cut by length: the value is written twice.
func keyValue(detail string) (key, value string, ok bool) {
	rest, found := strings.CutPrefix(detail, "Key (")
	if !found {
		return "", "", false
	}
	key, rest, found = strings.Cut(rest, ")=(")
	if !found {
		return "", "", false
	}
	for _, end := range []string{") already exists.", ") is duplicated."} {
		if v, found := strings.CutSuffix(rest, end); found {
			return key, v, true
		}
	}
	for _, mid := range []string{") conflicts with existing key (", ") conflicts with key ("} {
		mid += key + ")=("
		n := len(rest) - len(mid) - len(").")
		if n >= 0 && n%2 == 0 && strings.HasSuffix(rest, ").") && rest[n/2:n/2+len(mid)] == mid &&
			rest[:n/2] == rest[n/2+len(mid):n+len(mid)] {
			return key, rest[:n/2], true
		}
	}
	return "", "", false
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

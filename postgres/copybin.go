package postgres

import (
	"encoding/binary"
	"time"

	"github.com/recq/recq/record"
)

// The rows of a load in COPY's binary format, appended by hand to one
// buffer (docs/POSTGRES.md, "Loading"): pgx's CopyFrom takes each row as a
// []any and encodes each value through its type map, which cost more than
// the server's work on the same rows.

// copyHeader and copyTrailer open and close a binary COPY stream: the
// signature, no flags, no header extension; a field count of -1.
var (
	copyHeader  = []byte("PGCOPY\n\377\r\n\000\000\000\000\000\000\000\000\000")
	copyTrailer = []byte{0xff, 0xff}
)

// y2kMicros is 2000-01-01T00:00:00Z, timestamptz's epoch, in microseconds
// since the Unix epoch.
const y2kMicros = 946_684_800 * 1_000_000

func appendInt16(b []byte, v int16) []byte {
	return binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint32(b, 2), uint16(v))
}

func appendInt32(b []byte, v int32) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(b, 4), uint32(v))
}

func appendInt64(b []byte, v int64) []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint32(b, 8), uint64(v))
}

func appendText(b []byte, s string) []byte {
	return append(binary.BigEndian.AppendUint32(b, uint32(len(s))), s...)
}

// appendInstant appends t as its stored columns: the timestamptz (floored
// to the microsecond, as pgx writes it), the nanoseconds below it, and,
// when withOffset, the offset t is written with (postgres/instant.go).
func appendInstant(b []byte, t time.Time, withOffset bool) []byte {
	b = appendInt64(b, t.Unix()*1_000_000+int64(t.Nanosecond()/1000)-y2kMicros)
	b = appendInt16(b, subMicro(t))
	if withOffset {
		b = appendInt32(b, offsetOf(t))
	}
	return b
}

func appendFields(b []byte, n int) []byte { return binary.BigEndian.AppendUint16(b, uint16(n)) }

// fileCopyColumns are the columns of a file's row, in appendFile's order.
const fileCopyColumns = "id, start_date, start_ns, start_off, finish_date, finish_ns, agent_id, phone_number, channel, " +
	"case_id, duration, filename, queue_id, queue_name, account_number, transaction_id, ext_var1, ext_var2, out_dial_code, " +
	"filename_key, agent_key"

// appendFile appends a file's row, its keys (textKey) computed here rather
// than by PostgreSQL: a generated column cost a run of loads a third to
// nearly half of its rate (docs/POSTGRES.md, "Long texts").
func appendFile(b []byte, id int64, f *record.File) []byte {
	b = appendFields(b, 21)
	b = appendInt64(b, id)
	b = appendInstant(b, f.StartDate, true)
	b = appendInstant(b, f.FinishDate(), false)
	for _, s := range [...]string{f.AgentID, f.PhoneNumber, f.Channel, f.CaseID} {
		b = appendText(b, s)
	}
	b = appendInt64(b, int64(f.Duration))
	for _, s := range [...]string{f.Filename, f.QueueID, f.QueueName, f.AccountNumber, f.TransactionID, f.ExtVar1, f.ExtVar2, f.OutDialCode,
		textKey(f.Filename), textKey(f.AgentID)} {
		b = appendText(b, s)
	}
	return b
}

// transcriptCopyColumns are the columns of a transcript's row, in
// appendTranscript's order.
const transcriptCopyColumns = "id, start_date, start_ns, start_off, finish_date, finish_ns, agent_id, agent_name, " +
	"contact_id, contact_name, queue_id, queue_name, channel_id, channel_name, case_id, target_ip, " +
	"transaction_id, interaction_guid, transcript_type, duration, guid_key, agent_key"

// appendTranscript appends a transcript's row, its keys computed as
// appendFile's are.
func appendTranscript(b []byte, id int64, t *record.Transcript) []byte {
	b = appendFields(b, 22)
	b = appendInt64(b, id)
	b = appendInstant(b, t.StartDate, true)
	b = appendInstant(b, t.FinishDate(), false)
	for _, s := range [...]string{t.AgentID, t.AgentName, t.ContactID, t.ContactName, t.QueueID, t.QueueName,
		t.ChannelID, t.ChannelName, t.CaseID, t.TargetIP, t.TransactionID, t.InteractionGUID, t.TranscriptType} {
		b = appendText(b, s)
	}
	b = appendInt64(b, int64(t.Duration))
	b = appendText(b, textKey(t.InteractionGUID))
	return appendText(b, textKey(t.AgentID))
}

// pairCopyColumns are the columns of a list's entry of two texts (a code
// or a metadata entry) after the record's id.
const (
	codeCopyColumns = "file_id, ord, list_name, name"
	fileMetaColumns = "file_id, ord, field_name, field_value"
	tMetaColumns    = "transcript_id, ord, field_name, field_value"
)

func appendPair(b []byte, id int64, ord int, x, y string) []byte {
	b = appendFields(b, 4)
	b = appendInt64(b, id)
	b = appendInt32(b, int32(ord))
	return appendText(appendText(b, x), y)
}

// messageCopyColumns are the columns of a message's row, in appendMessage's
// order.
const messageCopyColumns = "transcript_id, ord, message_time, message_ns, message_off, message_from, original_language, " +
	"original_message, translated_language, translated_message"

func appendMessage(b []byte, id int64, ord int, m *record.Message) []byte {
	b = appendFields(b, 10)
	b = appendInt64(b, id)
	b = appendInt32(b, int32(ord))
	b = appendInstant(b, m.MessageTime, true)
	for _, s := range [...]string{m.MessageFrom, m.OriginalLanguage, m.OriginalMessage, m.TranslatedLanguage, m.TranslatedMessage} {
		b = appendText(b, s)
	}
	return b
}

package postgres

import (
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// The query fields of each resource and their columns (schema.sql).
var (
	fileColumns = map[string]string{
		"agentID": "agent_id", "phoneNumber": "phone_number", "channel": "channel", "caseID": "case_id",
		"filename": "filename", "queueID": "queue_id", "queueName": "queue_name", "accountNumber": "account_number",
		"transactionID": "transaction_id", "extVar1": "ext_var1", "extVar2": "ext_var2", "outDialCode": "out_dial_code",
	}
	transcriptColumns = map[string]string{
		"agentID": "agent_id", "agentName": "agent_name", "contactID": "contact_id", "contactName": "contact_name",
		"queueID": "queue_id", "queueName": "queue_name", "channelID": "channel_id", "channelName": "channel_name",
		"caseID": "case_id", "targetIP": "target_ip", "transactionID": "transaction_id",
		"interactionGUID": "interaction_guid", "transcriptType": "transcript_type",
	}
)

var files = &kind{
	table: "recq_files", meta: "recq_file_meta", metaKey: "file_id", tieBreak: "filename", tieKey: "filename_key",
	resource: filter.Files, columns: fileColumns, keys: map[string]string{"agent_id": "agent_key"},
	selectList: "r.start_date, r.start_ns, r.start_off, r.agent_id, r.phone_number, r.channel, r.case_id, " +
		"r.duration, r.filename, r.queue_id, r.queue_name, r.account_number, r.transaction_id, r.ext_var1, " +
		"r.ext_var2, r.out_dial_code, c.lists, c.names, m.names, m.vals",
	extraJoins: " LEFT JOIN LATERAL (SELECT array_agg(list_name ORDER BY ord) AS lists, array_agg(name ORDER BY ord) AS names" +
		" FROM recq_file_codes WHERE file_id = r.id) c ON TRUE" +
		" LEFT JOIN LATERAL (SELECT array_agg(field_name ORDER BY ord) AS names, array_agg(field_value ORDER BY ord) AS vals" +
		" FROM recq_file_meta WHERE file_id = r.id) m ON TRUE",
}

var transcripts = &kind{
	table: "recq_transcripts", meta: "recq_transcript_meta", metaKey: "transcript_id", tieBreak: "interaction_guid", tieKey: "guid_key",
	resource: filter.Transcripts, columns: transcriptColumns, keys: map[string]string{"agent_id": "agent_key"},
	selectList: transcriptSelect,
	extraJoins: transcriptMetaJoin,
}

const transcriptSelect = "r.start_date, r.start_ns, r.start_off, r.agent_id, r.agent_name, r.contact_id, r.contact_name, " +
	"r.queue_id, r.queue_name, r.channel_id, r.channel_name, r.case_id, r.target_ip, r.transaction_id, " +
	"r.interaction_guid, r.transcript_type, r.duration, m.names, m.vals"

const transcriptMetaJoin = " LEFT JOIN LATERAL (SELECT array_agg(field_name ORDER BY ord) AS names, array_agg(field_value ORDER BY ord) AS vals" +
	" FROM recq_transcript_meta WHERE transcript_id = r.id) m ON TRUE"

// fileRow is a row of files.selectList being scanned.
type fileRow struct {
	f                               record.File
	ts                              time.Time
	ns                              int16
	off                             int32
	duration                        int64
	lists, names, metaNames, values []string
}

func (r *fileRow) targets() []any {
	f := &r.f
	return []any{&r.ts, &r.ns, &r.off, &f.AgentID, &f.PhoneNumber, &f.Channel, &f.CaseID, &r.duration, &f.Filename,
		&f.QueueID, &f.QueueName, &f.AccountNumber, &f.TransactionID, &f.ExtVar1, &f.ExtVar2, &f.OutDialCode,
		&r.lists, &r.names, &r.metaNames, &r.values}
}

func scanFile(row pgx.Row) (record.File, error) {
	var r fileRow
	if err := row.Scan(r.targets()...); err != nil {
		return record.File{}, err
	}
	f := r.f
	f.StartDate, f.Duration = join(r.ts, r.ns, r.off), int(r.duration)
	for i := range min(len(r.lists), len(r.names)) {
		f.TransactionCodes = append(f.TransactionCodes, record.TransactionCode{ListName: r.lists[i], Name: r.names[i]})
	}
	f.MetaData = metaData(r.metaNames, r.values)
	return f, nil
}

// transcriptRow is a row of transcriptSelect being scanned.
type transcriptRow struct {
	t                 record.Transcript
	ts                time.Time
	ns                int16
	off               int32
	duration          int64
	metaNames, values []string
}

func (r *transcriptRow) targets() []any {
	t := &r.t
	return []any{&r.ts, &r.ns, &r.off, &t.AgentID, &t.AgentName, &t.ContactID, &t.ContactName, &t.QueueID, &t.QueueName,
		&t.ChannelID, &t.ChannelName, &t.CaseID, &t.TargetIP, &t.TransactionID, &t.InteractionGUID,
		&t.TranscriptType, &r.duration, &r.metaNames, &r.values}
}

func (r *transcriptRow) record() record.Transcript {
	t := r.t
	t.StartDate, t.Duration = join(r.ts, r.ns, r.off), int(r.duration)
	t.MetaData = metaData(r.metaNames, r.values)
	return t
}

func scanTranscript(row pgx.Row) (record.Transcript, error) {
	var r transcriptRow
	if err := row.Scan(r.targets()...); err != nil {
		return record.Transcript{}, err
	}
	return r.record(), nil
}

// messageRows are a transcript's messages as arrays, one per column.
type messageRows struct {
	times                               []time.Time
	ns                                  []int16
	offs                                []int32
	froms, olangs, omsgs, tlangs, tmsgs []string
}

func (m *messageRows) targets() []any {
	return []any{&m.times, &m.ns, &m.offs, &m.froms, &m.olangs, &m.omsgs, &m.tlangs, &m.tmsgs}
}

func (m *messageRows) messages() []record.Message {
	n := len(m.times)
	if len(m.ns) != n || len(m.offs) != n || len(m.froms) != n || len(m.olangs) != n ||
		len(m.omsgs) != n || len(m.tlangs) != n || len(m.tmsgs) != n {
		return nil
	}
	var out []record.Message
	for i := range n {
		out = append(out, record.Message{MessageTime: join(m.times[i], m.ns[i], m.offs[i]), MessageFrom: m.froms[i],
			OriginalLanguage: m.olangs[i], OriginalMessage: m.omsgs[i],
			TranslatedLanguage: m.tlangs[i], TranslatedMessage: m.tmsgs[i]})
	}
	return out
}

func metaData(names, values []string) []record.MetaData {
	var md []record.MetaData
	for i := range min(len(names), len(values)) {
		md = append(md, record.MetaData{FieldName: names[i], FieldValue: values[i]})
	}
	return md
}

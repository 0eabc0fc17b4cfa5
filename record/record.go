package record

import (
	"strconv"
	"time"
)

// File is one call recording, with the fields of the document's /files
// response in output order.
type File struct {
	StartDate        time.Time
	AgentID          string
	PhoneNumber      string
	Channel          string
	CaseID           string
	Duration         int // seconds
	Filename         string
	QueueID          string
	QueueName        string
	AccountNumber    string
	TransactionID    string
	ExtVar1          string
	ExtVar2          string
	OutDialCode      string
	TransactionCodes []TransactionCode // wrapUpCode/transactionCodes
	MetaData         []MetaData        // optional metaDatas
}

// TransactionCode is one wrap-up code of a file.
type TransactionCode struct {
	ListName, Name string
}

// MetaData is one metadata entry of a file or a transcript.
type MetaData struct {
	FieldName, FieldValue string
}

// Transcript is one chat transcript, with the fields of the document's
// /transcripts response in output order; Messages are written only for one
// transcript (/transcripts/{interactionGUID}).
type Transcript struct {
	StartDate       time.Time
	AgentID         string
	AgentName       string
	ContactID       string
	ContactName     string
	QueueID         string
	QueueName       string
	ChannelID       string
	ChannelName     string
	CaseID          string
	TargetIP        string
	TransactionID   string
	InteractionGUID string
	TranscriptType  string
	Duration        int // seconds
	MetaData        []MetaData
	Messages        []Message
}

// Message is one chat message of a transcript.
type Message struct {
	MessageTime        time.Time
	MessageFrom        string
	OriginalLanguage   string
	OriginalMessage    string
	TranslatedLanguage string
	TranslatedMessage  string
}

// CallType is how a call reached the agent, derived from channel and queueID.
type CallType uint8

// The call types of the API document's table.
const (
	Inbound CallType = iota
	Outbound
	DirectAgentAccess
)

var callTypeNames = [...]string{"Inbound", "Outbound", "Direct Agent Access"}

// String returns the document's name: Inbound, Outbound or Direct Agent Access.
func (c CallType) String() string {
	if int(c) < len(callTypeNames) {
		return callTypeNames[c]
	}
	return "CallType(" + strconv.Itoa(int(c)) + ")"
}

// CallType derives the call type from the channel (#virtual_outbound#,
// #virtual_daa#) or the queueID (QUEUE_OUTBOUND, QUEUE_DIRECT_AGENT_ACCESS).
func (f *File) CallType() CallType {
	switch {
	case f.Channel == "#virtual_outbound#" || f.QueueID == "QUEUE_OUTBOUND":
		return Outbound
	case f.Channel == "#virtual_daa#" || f.QueueID == "QUEUE_DIRECT_AGENT_ACCESS":
		return DirectAgentAccess
	}
	return Inbound
}

// MaxDuration is the longest duration in seconds that the readers of
// package encode take: 31 days. No call or chat lasts that long, and every
// startDate plus a duration up to it is a time Go can hold, so finish-date
// never overflows (docs/SERVING.md, "Durations").
const MaxDuration = 31 * 24 * 3600

// FinishDate is when the recording ended: startDate plus duration.
func (f *File) FinishDate() time.Time {
	return Finish(f.StartDate, f.Duration)
}

// FinishDate is when the chat ended: startDate plus duration.
func (t *Transcript) FinishDate() time.Time {
	return Finish(t.StartDate, t.Duration)
}

// Finish returns t plus s seconds, a record's finish-date, without
// overflowing time.Duration (about 292 years) for a record built by a
// program with a duration past MaxDuration: steps of 2^33 s, with s
// saturated at ±2^40 s (some 34,000 years, past any date a query can name).
func Finish(t time.Time, s int) time.Time {
	const step, limit = 1 << 33, 1 << 40
	s = max(-limit, min(s, limit))
	for s > step {
		t, s = t.Add(step*time.Second), s-step
	}
	for s < -step {
		t, s = t.Add(-step*time.Second), s+step
	}
	return t.Add(time.Duration(s) * time.Second)
}

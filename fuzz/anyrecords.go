package fuzz

import (
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/record"
)

// AnyFile generates a file whose every field holds any text (Files, by
// contrast, draws realistic values that queries match): what the encoders
// must write and read back whatever it holds.
func AnyFile() *rapid.Generator[record.File] { return rapid.Custom(anyFile) }

// AnyTranscript is AnyFile for transcripts, with messages; its
// interactionGUID is most often one the API's path takes (AnyGUID).
func AnyTranscript() *rapid.Generator[record.Transcript] { return rapid.Custom(anyTranscript) }

// specialRunes are the characters some format must escape or quote.
var specialRunes = []rune{'<', '&', '>', '"', '\'', ',', '|', ':', '\\', '\n', '\r', '\t', ' ', ';', '=', '/',
	']', '{', '}', '[', 'é', '☎', '🎧', '\u2028', '\u2029', '\x00', '\x01', '\x7f', '\uFFFE', '\uFFFD', 'a', 'Z', '0'}

// AnyText generates any text a record may hold: plain words, the characters
// some format must escape or quote, any string, and invalid UTF-8.
func AnyText() *rapid.Generator[string] {
	return rapid.OneOf(
		rapid.StringMatching(`[a-zA-Z0-9 _.-]{0,8}`),
		rapid.StringOfN(rapid.SampledFrom(specialRunes), 0, 10, -1),
		rapid.String(),
		rapid.Map(rapid.SliceOfN(rapid.Byte(), 0, 8), func(b []byte) string { return string(b) }), // invalid UTF-8 too
	)
}

// AnyGUID generates interactionGUIDs the API's path takes
// (filter.GUIDFault): 1 to 256 letters, digits, '-' and '_'. The readers
// refuse a transcript with any other (AnyTranscript draws those too, now
// and then).
func AnyGUID() *rapid.Generator[string] {
	return rapid.OneOf(rapid.StringMatching(`[a-zA-Z0-9_-]{1,40}`), rapid.StringMatching(`[a-zA-Z0-9_-]{250,256}`))
}

// anyTime draws an instant at second precision, 1900 to 2100, in a zone of
// a fixed offset in minutes.
func anyTime(t *rapid.T, label string) time.Time {
	sec := rapid.Int64Range(-2208988800, 4102444800).Draw(t, label)
	off := rapid.IntRange(-14*60, 14*60).Draw(t, label+" offset")
	return time.Unix(sec, 0).In(time.FixedZone("", off*60))
}

func anyMeta(t *rapid.T, label string) []record.MetaData {
	n := rapid.IntRange(0, 3).Draw(t, label)
	var md []record.MetaData
	for range n {
		md = append(md, record.MetaData{FieldName: AnyText().Draw(t, label+" name"), FieldValue: AnyText().Draw(t, label+" value")})
	}
	return md
}

func anyFile(t *rapid.T) record.File {
	f := record.File{
		StartDate:     anyTime(t, "startDate"),
		AgentID:       AnyText().Draw(t, "agentID"),
		PhoneNumber:   AnyText().Draw(t, "phoneNumber"),
		Channel:       AnyText().Draw(t, "channel"),
		CaseID:        AnyText().Draw(t, "caseID"),
		Duration:      rapid.IntRange(0, record.MaxDuration).Draw(t, "duration"),
		Filename:      AnyText().Draw(t, "filename"),
		QueueID:       AnyText().Draw(t, "queueID"),
		QueueName:     AnyText().Draw(t, "queueName"),
		AccountNumber: AnyText().Draw(t, "accountNumber"),
		TransactionID: AnyText().Draw(t, "transactionID"),
		ExtVar1:       AnyText().Draw(t, "extVar1"),
		ExtVar2:       AnyText().Draw(t, "extVar2"),
		OutDialCode:   AnyText().Draw(t, "outDialCode"),
		MetaData:      anyMeta(t, "metaData"),
	}
	for range rapid.IntRange(0, 3).Draw(t, "codes") {
		f.TransactionCodes = append(f.TransactionCodes, record.TransactionCode{ListName: AnyText().Draw(t, "listName"), Name: AnyText().Draw(t, "name")})
	}
	return f
}

func anyTranscript(t *rapid.T) record.Transcript {
	tr := record.Transcript{
		StartDate:       anyTime(t, "startDate"),
		AgentID:         AnyText().Draw(t, "agentID"),
		AgentName:       AnyText().Draw(t, "agentName"),
		ContactID:       AnyText().Draw(t, "contactID"),
		ContactName:     AnyText().Draw(t, "contactName"),
		QueueID:         AnyText().Draw(t, "queueID"),
		QueueName:       AnyText().Draw(t, "queueName"),
		ChannelID:       AnyText().Draw(t, "channelID"),
		ChannelName:     AnyText().Draw(t, "channelName"),
		CaseID:          AnyText().Draw(t, "caseID"),
		TargetIP:        AnyText().Draw(t, "targetIP"),
		TransactionID:   AnyText().Draw(t, "transactionID"),
		InteractionGUID: rapid.OneOf(AnyGUID(), AnyGUID(), AnyGUID(), AnyText()).Draw(t, "interactionGUID"),
		TranscriptType:  AnyText().Draw(t, "transcriptType"),
		Duration:        rapid.IntRange(0, record.MaxDuration).Draw(t, "duration"),
		MetaData:        anyMeta(t, "metaData"),
	}
	for range rapid.IntRange(0, 3).Draw(t, "messages") {
		tr.Messages = append(tr.Messages, record.Message{
			MessageTime:        anyTime(t, "messageTime"),
			MessageFrom:        AnyText().Draw(t, "messageFrom"),
			OriginalLanguage:   AnyText().Draw(t, "originalLanguage"),
			OriginalMessage:    AnyText().Draw(t, "originalMessage"),
			TranslatedLanguage: AnyText().Draw(t, "translatedLanguage"),
			TranslatedMessage:  AnyText().Draw(t, "translatedMessage"),
		})
	}
	return tr
}

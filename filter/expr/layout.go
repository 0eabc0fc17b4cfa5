package expr

import (
	"unsafe"

	"github.com/recq/recq/record"
)

// Where a compiled filter finds each selector's value in a record: offsets
// of the fields in record.File and record.Transcript, so that matching
// reads a field directly instead of through a getter per comparison.
// layout_test.go holds every offset to record's own getters.
type layout struct {
	start, duration uintptr            // StartDate (time.Time), Duration (int)
	text            map[string]uintptr // the text fields (string)
	entries         uintptr            // the any-entry list: []TransactionCode or []MetaData
	parts           [2]string          // the selectors of an entry's two strings
}

// entry is the shape of record.TransactionCode and record.MetaData alike:
// two strings.
type entry [2]string

var fileLayout = layout{
	start:    unsafe.Offsetof(record.File{}.StartDate),
	duration: unsafe.Offsetof(record.File{}.Duration),
	text: map[string]uintptr{
		"agentID":       unsafe.Offsetof(record.File{}.AgentID),
		"phoneNumber":   unsafe.Offsetof(record.File{}.PhoneNumber),
		"channel":       unsafe.Offsetof(record.File{}.Channel),
		"caseID":        unsafe.Offsetof(record.File{}.CaseID),
		"filename":      unsafe.Offsetof(record.File{}.Filename),
		"queueID":       unsafe.Offsetof(record.File{}.QueueID),
		"queueName":     unsafe.Offsetof(record.File{}.QueueName),
		"accountNumber": unsafe.Offsetof(record.File{}.AccountNumber),
		"transactionID": unsafe.Offsetof(record.File{}.TransactionID),
		"extVar1":       unsafe.Offsetof(record.File{}.ExtVar1),
		"extVar2":       unsafe.Offsetof(record.File{}.ExtVar2),
		"outDialCode":   unsafe.Offsetof(record.File{}.OutDialCode),
	},
	entries: unsafe.Offsetof(record.File{}.TransactionCodes),
	parts:   [2]string{SelTCListName, SelTCName},
}

var transcriptLayout = layout{
	start:    unsafe.Offsetof(record.Transcript{}.StartDate),
	duration: unsafe.Offsetof(record.Transcript{}.Duration),
	text: map[string]uintptr{
		"agentID":         unsafe.Offsetof(record.Transcript{}.AgentID),
		"agentName":       unsafe.Offsetof(record.Transcript{}.AgentName),
		"contactID":       unsafe.Offsetof(record.Transcript{}.ContactID),
		"contactName":     unsafe.Offsetof(record.Transcript{}.ContactName),
		"queueID":         unsafe.Offsetof(record.Transcript{}.QueueID),
		"queueName":       unsafe.Offsetof(record.Transcript{}.QueueName),
		"channelID":       unsafe.Offsetof(record.Transcript{}.ChannelID),
		"channelName":     unsafe.Offsetof(record.Transcript{}.ChannelName),
		"caseID":          unsafe.Offsetof(record.Transcript{}.CaseID),
		"targetIP":        unsafe.Offsetof(record.Transcript{}.TargetIP),
		"transactionID":   unsafe.Offsetof(record.Transcript{}.TransactionID),
		"interactionGUID": unsafe.Offsetof(record.Transcript{}.InteractionGUID),
		"transcriptType":  unsafe.Offsetof(record.Transcript{}.TranscriptType),
	},
	entries: unsafe.Offsetof(record.Transcript{}.MetaData),
	parts:   [2]string{SelMetaName, SelMetaValue},
}

// The entry shape must be that of both lists' elements.
var _ = [1]struct{}{}[unsafe.Sizeof(entry{})-unsafe.Sizeof(record.TransactionCode{})]
var _ = [1]struct{}{}[unsafe.Sizeof(entry{})-unsafe.Sizeof(record.MetaData{})]
var _ = [1]struct{}{}[unsafe.Offsetof(record.TransactionCode{}.Name)-unsafe.Sizeof("")]
var _ = [1]struct{}{}[unsafe.Offsetof(record.MetaData{}.FieldValue)-unsafe.Sizeof("")]

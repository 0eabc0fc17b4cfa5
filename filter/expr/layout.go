package expr

import (
	"unsafe"

	"github.com/recq/recq/record"
)

// Where a compiled filter finds each selector's value in a record: offsets
// of the fields in record.File and record.Transcript, so that matching
// reads a field directly instead of through a getter per comparison. The
// text offsets are switches, not maps, so that nothing of this runs at
// package initialization (the browser module, which links the parser but
// not the program, keeps none of it).
// layout_test.go holds every offset to record's own getters.
type layout struct {
	start, duration uintptr                   // StartDate (time.Time), Duration (int)
	text            func(name string) uintptr // the offset of a text field (string)
	entries         uintptr                   // the any-entry list: []TransactionCode or []MetaData
	parts           [2]string                 // the selectors of an entry's two strings
}

// entry is the shape of record.TransactionCode and record.MetaData alike:
// two strings.
type entry [2]string

var fileLayout = layout{
	start:    unsafe.Offsetof(record.File{}.StartDate),
	duration: unsafe.Offsetof(record.File{}.Duration),
	text: func(name string) uintptr {
		switch name {
		case "agentID":
			return unsafe.Offsetof(record.File{}.AgentID)
		case "phoneNumber":
			return unsafe.Offsetof(record.File{}.PhoneNumber)
		case "channel":
			return unsafe.Offsetof(record.File{}.Channel)
		case "caseID":
			return unsafe.Offsetof(record.File{}.CaseID)
		case "filename":
			return unsafe.Offsetof(record.File{}.Filename)
		case "queueID":
			return unsafe.Offsetof(record.File{}.QueueID)
		case "queueName":
			return unsafe.Offsetof(record.File{}.QueueName)
		case "accountNumber":
			return unsafe.Offsetof(record.File{}.AccountNumber)
		case "transactionID":
			return unsafe.Offsetof(record.File{}.TransactionID)
		case "extVar1":
			return unsafe.Offsetof(record.File{}.ExtVar1)
		case "extVar2":
			return unsafe.Offsetof(record.File{}.ExtVar2)
		case "outDialCode":
			return unsafe.Offsetof(record.File{}.OutDialCode)
		}
		return 0
	},
	entries: unsafe.Offsetof(record.File{}.TransactionCodes),
	parts:   [2]string{SelTCListName, SelTCName},
}

var transcriptLayout = layout{
	start:    unsafe.Offsetof(record.Transcript{}.StartDate),
	duration: unsafe.Offsetof(record.Transcript{}.Duration),
	text: func(name string) uintptr {
		switch name {
		case "agentID":
			return unsafe.Offsetof(record.Transcript{}.AgentID)
		case "agentName":
			return unsafe.Offsetof(record.Transcript{}.AgentName)
		case "contactID":
			return unsafe.Offsetof(record.Transcript{}.ContactID)
		case "contactName":
			return unsafe.Offsetof(record.Transcript{}.ContactName)
		case "queueID":
			return unsafe.Offsetof(record.Transcript{}.QueueID)
		case "queueName":
			return unsafe.Offsetof(record.Transcript{}.QueueName)
		case "channelID":
			return unsafe.Offsetof(record.Transcript{}.ChannelID)
		case "channelName":
			return unsafe.Offsetof(record.Transcript{}.ChannelName)
		case "caseID":
			return unsafe.Offsetof(record.Transcript{}.CaseID)
		case "targetIP":
			return unsafe.Offsetof(record.Transcript{}.TargetIP)
		case "transactionID":
			return unsafe.Offsetof(record.Transcript{}.TransactionID)
		case "interactionGUID":
			return unsafe.Offsetof(record.Transcript{}.InteractionGUID)
		case "transcriptType":
			return unsafe.Offsetof(record.Transcript{}.TranscriptType)
		}
		return 0
	},
	entries: unsafe.Offsetof(record.Transcript{}.MetaData),
	parts:   [2]string{SelMetaName, SelMetaValue},
}

// The entry shape must be that of both lists' elements.
var _ = [1]struct{}{}[unsafe.Sizeof(entry{})-unsafe.Sizeof(record.TransactionCode{})]
var _ = [1]struct{}{}[unsafe.Sizeof(entry{})-unsafe.Sizeof(record.MetaData{})]
var _ = [1]struct{}{}[unsafe.Offsetof(record.TransactionCode{}.Name)-unsafe.Sizeof("")]
var _ = [1]struct{}{}[unsafe.Offsetof(record.MetaData{}.FieldValue)-unsafe.Sizeof("")]

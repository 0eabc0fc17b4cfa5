package record

// FileFieldNames and TranscriptFieldNames are the fields a query may match
// exactly, in output order: the leaves of the document's XML examples, but
// startDate (a query takes d, start-date and finish-date instead) and the
// nested lists (wrapUpCode, metaDatas, messages).
var (
	FileFieldNames = []string{"agentID", "phoneNumber", "channel", "caseID", "duration", "filename",
		"queueID", "queueName", "accountNumber", "transactionID", "extVar1", "extVar2", "outDialCode"}
	TranscriptFieldNames = []string{"agentID", "agentName", "contactID", "contactName", "queueID", "queueName",
		"channelID", "channelName", "caseID", "targetIP", "transactionID", "interactionGUID", "transcriptType", "duration"}
)

// FileText returns the getter of a text field of a file, or nil for a name
// that is not one. duration is a number (File.Duration), not text.
func FileText(name string) func(*File) string {
	switch name {
	case "agentID":
		return func(f *File) string { return f.AgentID }
	case "phoneNumber":
		return func(f *File) string { return f.PhoneNumber }
	case "channel":
		return func(f *File) string { return f.Channel }
	case "caseID":
		return func(f *File) string { return f.CaseID }
	case "filename":
		return func(f *File) string { return f.Filename }
	case "queueID":
		return func(f *File) string { return f.QueueID }
	case "queueName":
		return func(f *File) string { return f.QueueName }
	case "accountNumber":
		return func(f *File) string { return f.AccountNumber }
	case "transactionID":
		return func(f *File) string { return f.TransactionID }
	case "extVar1":
		return func(f *File) string { return f.ExtVar1 }
	case "extVar2":
		return func(f *File) string { return f.ExtVar2 }
	case "outDialCode":
		return func(f *File) string { return f.OutDialCode }
	}
	return nil
}

// TranscriptText returns the getter of a text field of a transcript, or nil
// for a name that is not one. duration is a number (Transcript.Duration).
func TranscriptText(name string) func(*Transcript) string {
	switch name {
	case "agentID":
		return func(t *Transcript) string { return t.AgentID }
	case "agentName":
		return func(t *Transcript) string { return t.AgentName }
	case "contactID":
		return func(t *Transcript) string { return t.ContactID }
	case "contactName":
		return func(t *Transcript) string { return t.ContactName }
	case "queueID":
		return func(t *Transcript) string { return t.QueueID }
	case "queueName":
		return func(t *Transcript) string { return t.QueueName }
	case "channelID":
		return func(t *Transcript) string { return t.ChannelID }
	case "channelName":
		return func(t *Transcript) string { return t.ChannelName }
	case "caseID":
		return func(t *Transcript) string { return t.CaseID }
	case "targetIP":
		return func(t *Transcript) string { return t.TargetIP }
	case "transactionID":
		return func(t *Transcript) string { return t.TransactionID }
	case "interactionGUID":
		return func(t *Transcript) string { return t.InteractionGUID }
	case "transcriptType":
		return func(t *Transcript) string { return t.TranscriptType }
	}
	return nil
}

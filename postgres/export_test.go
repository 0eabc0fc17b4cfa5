package postgres

// The statements of one record's lookups, for the plans of plan_test.go.
var (
	DeleteFileSQL = deleteFile
	TranscriptSQL = transcriptSQL
)

package server

// noFormula returns s made safe for a CSV error body opened in a
// spreadsheet: a cell beginning with =, +, -, @, a tab or a carriage
// return would be read as a formula (CSV injection), so it gets a leading
// apostrophe. Error bodies echo the request's text, which anyone can
// choose; data bodies are written as they are (docs/SERVING.md, "CSV and
// spreadsheets").
func noFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

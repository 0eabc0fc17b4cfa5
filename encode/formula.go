package encode

// NoFormula returns s made safe for a CSV cell that a spreadsheet may
// open: a cell beginning with =, +, -, @, a tab or a carriage return is
// read as a formula (CSV injection), so it gets a leading apostrophe, which
// spreadsheets show as text. It is for cells that echo text anyone can
// send, such as a refused request's variable in a CSV error body; records
// are written as they are, since a phone number starts with + and the API's
// CSV must read back exactly (docs/SERVING.md, "CSV and spreadsheets").
func NoFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

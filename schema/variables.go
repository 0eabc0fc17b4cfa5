package schema

import (
	"strconv"

	"github.com/recq/recq/filter"
)

// variables lists the query variables of a list resource in the canonical
// order (docs/LANGUAGE.md §8): the dates, the zone, the fields, metadata, n.
func variables(r filter.Resource) []Variable {
	vs := []Variable{
		{Name: "d", Kind: KindDateRange, ValueKind: FieldDate,
			Description: "records that started in the day, minute, second or range: a date A is the whole interval of its precision, a range A,B runs from the start of A up to, not including, the start of B",
			Examples:    []string{"2007-08-05", "2007-08-05,2007-08-07", "2007-08-05%2013:15Z,2007-08-07%2014:30Z", "today-1d,today"}},
		{Name: "tz", Kind: KindZone, CaseSensitive: true,
			Description: "the IANA zone of dates without an offset and of today; default: the tenant's zone",
			Examples:    []string{"America/New_York", "UTC", "Etc/GMT%2B5"}},
		{Name: "start-date", Kind: KindDatePoint, ValueKind: FieldDate, ToleranceSeconds: Tolerance,
			Description: "records that started within ±" + strconv.Itoa(Tolerance) + " s of the value, both ends included",
			Examples:    []string{"2007-12-19T19:16:58Z", "2007-12-19%2011:16:58-08:00"}},
		{Name: "finish-date", Kind: KindDatePoint, ValueKind: FieldDate, ToleranceSeconds: Tolerance,
			Description: "records that ended (startDate plus duration seconds) within ±" + strconv.Itoa(Tolerance) + " s of the value; ignored, with a warning, beside start-date",
			Examples:    []string{"2007-12-19T19:17:25Z"}},
	}
	for _, name := range filter.FieldNames(r) {
		vs = append(vs, Variable{Name: name, Kind: KindExact, CaseSensitive: true, Field: name, ValueKind: kindOf(name),
			Description: "records whose " + name + " is exactly this text, as the response writes it"})
	}
	return append(vs,
		Variable{Name: "metaData_fieldName", Kind: KindSubstring, CaseSensitive: true,
			Description: "records with a metadata entry whose fieldName contains this text; with metaData_fieldValue, the same entry must match both",
			Examples:    []string{"Color"}},
		Variable{Name: "metaData_fieldValue", Kind: KindSubstring, CaseSensitive: true,
			Description: "records with a metadata entry whose fieldValue contains this text",
			Examples:    []string{"Blue"}},
		Variable{Name: "n", Kind: KindPage, Min: 1, Max: filter.MaxN, Default: 1,
			Description: "the 1-based index of the first record of the page; a page holds " + strconv.Itoa(filter.DefaultPageSize) + " records",
			Examples:    []string{"1", "51", "101"}},
	)
}

// fileFields lists a file's output fields in output order (docs/LANGUAGE.md §6).
func fileFields() []Field {
	fs := []Field{startDate()}
	for _, name := range filter.FieldNames(filter.Files) {
		fs = append(fs, exact(name))
	}
	fs = append(fs,
		Field{Name: "wrapUpCode/transactionCodes/transactionCode/listName", Kind: FieldText, Match: MatchNone},
		Field{Name: "wrapUpCode/transactionCodes/transactionCode/name", Kind: FieldText, Match: MatchNone},
	)
	return append(fs, metaData()...)
}

// transcriptFields lists a transcript's output fields in output order, with
// the messages of one transcript when messages is set.
func transcriptFields(messages bool) []Field {
	fs := []Field{startDate()}
	for _, name := range filter.FieldNames(filter.Transcripts) {
		f := exact(name)
		if messages {
			f.Match, f.Variables = MatchNone, nil
		}
		fs = append(fs, f)
	}
	meta := metaData()
	if messages {
		for i := range meta {
			meta[i].Match, meta[i].Variables = MatchNone, nil
		}
	}
	fs = append(fs, meta...)
	if messages {
		fs = append(fs,
			Field{Name: "messages/message/messageTime", Kind: FieldDate, Match: MatchNone},
			Field{Name: "messages/message/messageFrom", Kind: FieldText, Match: MatchNone},
			Field{Name: "messages/message/originalLanguage", Kind: FieldText, Match: MatchNone},
			Field{Name: "messages/message/originalMessage", Kind: FieldText, Match: MatchNone},
			Field{Name: "messages/message/translatedLanguage", Kind: FieldText, Match: MatchNone},
			Field{Name: "messages/message/translatedMessage", Kind: FieldText, Match: MatchNone},
		)
	}
	if messages {
		fs[0].Match, fs[0].Variables, fs[0].Note = MatchNone, nil, ""
	}
	return fs
}

func startDate() Field {
	return Field{Name: "startDate", Kind: FieldDate, Match: MatchDate, Variables: []string{"d", "start-date", "finish-date"},
		Note: "startDate is not a variable: d and start-date match it, finish-date matches startDate plus duration"}
}

func exact(name string) Field {
	f := Field{Name: name, Kind: kindOf(name), Match: MatchExact, Variables: []string{name}}
	if f.Kind == FieldInteger {
		f.Note = "matched as the text the response writes: " + name + "=27 matches 27, " + name + "=027 does not"
	}
	return f
}

func metaData() []Field {
	return []Field{
		{Name: "metaDatas/metaData/fieldName", Kind: FieldText, Match: MatchSubstring, Variables: []string{"metaData_fieldName"}},
		{Name: "metaDatas/metaData/fieldValue", Kind: FieldText, Match: MatchSubstring, Variables: []string{"metaData_fieldValue"}},
	}
}

// dateForms lists the written forms of a date value (docs/LANGUAGE.md §3.1).
func dateForms() []DateForm {
	return []DateForm{
		{Name: "date", Grammar: "YYYY-MM-DD | YYYYMMDD", Examples: []string{"2007-08-05", "20070805"},
			Meaning: "the whole day in the zone (23, 24 or 25 hours)"},
		{Name: "date and time", Grammar: "date (T | t | space) hh:mm[:ss[.f…]] | date T hhmm[ss[.f…]] — all extended or all basic",
			Examples: []string{"2007-08-05T13:15", "2007-08-05%2013:15:00", "20070805T131500.250"},
			Meaning:  "the minute, second or fraction of a second given (58.25 is [58.25, 58.26)); 24:00 is the end of the day"},
		{Name: "offset", Grammar: "Z | ±hh | ±hh:mm (extended) | ±hhmm (basic), after a time",
			Examples: []string{"2007-08-05T13:15Z", "2007-08-05T13:15-08:00", "20070805T1315%2B0530"},
			Meaning:  "the offset overrides tz and the tenant's zone; write %2B for + in a URL"},
		{Name: "relative", Grammar: "today | today-Nd | today+Nd (0 ≤ N ≤ 100000)",
			Examples: []string{"today", "today-1d", "today%2B7d"},
			Meaning:  "midnight of the day, N days from the current one in the query's zone"},
		{Name: "range", Grammar: "A,B (d only)",
			Examples: []string{"2007-08-05,2007-08-07", "today-1d,today", "2007-08-05%2013:15Z,2007-08-07%2014:30Z"},
			Meaning:  "from the start of A up to, not including, the start of B; B must come after A"},
	}
}

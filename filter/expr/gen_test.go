package expr_test

import (
	"strconv"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// The generators of the property tests: filters over files and the
// records they are evaluated on, drawn from small pools so that matches
// are common, with dates near DST changes in several zones.

var (
	genAgents = []string{"bill", "ann", "bob", "b*ll", "a", "", "bi*", "*ll", "it's", "a b", "x,y", `b\l`, "*"}
	genTexts  = []string{"bill", "ann", "b*", "*ll", "a*n", "*", `bi\*ll`, "'a b'", `'it\'s'`, `x\,y`, "bo*b", "*i*", `'b\\l'`, "an"}
	genCodes  = []string{"Gauffre", "Gauffre 1", "Tarte", "T*"}
	genZones  = []string{"UTC", "America/Denver", "America/Sao_Paulo", "Australia/Sydney", "Europe/London", "Pacific/Apia", "Asia/Kolkata"}
	// genBase is a day near DST changes in several zones (Sao Paulo
	// 2018-11-04, Sydney 2023-10-01 and the like are drawn around it too).
	genDays = []string{"2018-11-03", "2018-11-04", "2023-10-01", "2023-03-26", "2011-12-29", "2011-12-30", "2026-03-08", "2026-11-01"}
)

// genZone draws a zone.
func genZone(t *rapid.T) *time.Location {
	loc, err := timezone.Load(rapid.SampledFrom(genZones).Draw(t, "zone"))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// genDateValue draws a date value's text at any precision.
func genDateValue(t *rapid.T) string {
	day := rapid.SampledFrom(genDays).Draw(t, "day")
	switch rapid.IntRange(0, 5).Draw(t, "precision") {
	case 0:
		return day
	case 1:
		return "today-" + strconv.Itoa(rapid.IntRange(0, 3).Draw(t, "days")) + "d"
	case 2:
		return day + "T" + twoDigits(rapid.IntRange(0, 23).Draw(t, "h")) + ":" + twoDigits(rapid.IntRange(0, 59).Draw(t, "m"))
	case 3:
		return day + "T" + twoDigits(rapid.IntRange(0, 23).Draw(t, "h")) + ":00:" + twoDigits(rapid.IntRange(0, 59).Draw(t, "s")) + "Z"
	case 4:
		return day + "T02:30:00.5-03:00"
	}
	return strings.ReplaceAll(day, "-", "")
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// genComparison draws one comparison's text over files.
func genComparison(t *rapid.T) string {
	op := func(ops ...string) string { return rapid.SampledFrom(ops).Draw(t, "op") }
	switch rapid.IntRange(0, 5).Draw(t, "selector") {
	case 0, 1:
		sel := rapid.SampledFrom([]string{"agentID", "queueName", "transactionCode.name"}).Draw(t, "text")
		if o := op("==", "!=", "=in=", "=out="); o == "=in=" || o == "=out=" {
			vals := rapid.SliceOfN(rapid.SampledFrom(genTexts), 1, 3).Draw(t, "values")
			return sel + o + "(" + strings.Join(vals, ",") + ")"
		} else {
			return sel + o + rapid.SampledFrom(genTexts).Draw(t, "value")
		}
	case 2:
		o := op("==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "<", ">=", "=in=", "=out=")
		if o == "=in=" || o == "=out=" {
			return "duration" + o + "(" + strconv.Itoa(rapid.IntRange(0, 12).Draw(t, "d1")*50) + "," + strconv.Itoa(rapid.IntRange(0, 12).Draw(t, "d2")*50) + ")"
		}
		return "duration" + o + strconv.Itoa(rapid.IntRange(-1, 12).Draw(t, "d")*50)
	}
	sel := rapid.SampledFrom([]string{"startDate", "finishDate"}).Draw(t, "date")
	o := op("==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "=in=", "=out=")
	if o == "=in=" || o == "=out=" {
		return sel + o + "(" + genDateValue(t) + "," + genDateValue(t) + ")"
	}
	return sel + o + genDateValue(t)
}

// genFilter draws a filter of up to depth levels of groups.
func genFilter(t *rapid.T, depth int) string {
	if depth == 0 || rapid.IntRange(0, 2).Draw(t, "leaf") == 0 {
		return genComparison(t)
	}
	n := rapid.IntRange(2, 3).Draw(t, "branches")
	sep := rapid.SampledFrom([]string{";", ",", " and ", " or "}).Draw(t, "sep")
	parts := make([]string, n)
	for i := range parts {
		parts[i] = genFilter(t, depth-1)
		if rapid.Bool().Draw(t, "paren") {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
}

// genFiles draws records near the generated dates.
func genFiles(t *rapid.T, loc *time.Location) []record.File {
	n := rapid.IntRange(0, 12).Draw(t, "records")
	out := make([]record.File, n)
	for i := range out {
		day, _ := time.ParseInLocation("2006-01-02", rapid.SampledFrom(genDays).Draw(t, "rday"), loc)
		start := day.Add(time.Duration(rapid.IntRange(-6*3600, 30*3600).Draw(t, "offset")) * time.Second)
		codes := rapid.SliceOfN(rapid.SampledFrom(genCodes), 0, 2).Draw(t, "codes")
		f := record.File{StartDate: start, AgentID: rapid.SampledFrom(genAgents).Draw(t, "agent"),
			QueueName: rapid.SampledFrom(genAgents).Draw(t, "queue"), Duration: rapid.IntRange(0, 650).Draw(t, "duration")}
		for _, c := range codes {
			f.TransactionCodes = append(f.TransactionCodes, record.TransactionCode{ListName: "L", Name: c})
		}
		out[i] = f
	}
	return out
}

// mustParse parses a generated filter, which the generators write valid.
func mustParse(t *rapid.T, text string) *expr.Expr {
	e, err := expr.Parse(text, expr.Files, expr.Options{})
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return e
}

package expr_test

import (
	"testing"
	"time"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/record"
)

// Every text selector reads the field that record's own getter reads: a
// record whose every field holds its own name matches name==name and no
// other field's name.
func TestLayoutReadsEachField(t *testing.T) {
	var f record.File
	for _, name := range record.FileFieldNames {
		if get := record.FileText(name); get != nil {
			setByGetter(&f, get, name)
		}
	}
	var tr record.Transcript
	for _, name := range record.TranscriptFieldNames {
		if get := record.TranscriptText(name); get != nil {
			setByGetterT(&tr, get, name)
		}
	}
	for _, r := range []expr.Resource{expr.Files, expr.Transcripts} {
		for _, sel := range expr.Selectors(r) {
			if sel.Kind != expr.Text || sel.Any {
				continue
			}
			for _, other := range expr.Selectors(r) {
				if other.Kind != expr.Text || other.Any {
					continue
				}
				e, err := expr.Parse(sel.Name+"=="+other.Name, r, expr.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var got bool
				if r == expr.Files {
					got = expr.CompileFiles(e, nil)(&f)
				} else {
					got = expr.CompileTranscripts(e, nil)(&tr)
				}
				if want := sel.Name == other.Name; got != want {
					t.Errorf("%s over %s: %v, want %v", e, r, got, want)
				}
			}
		}
	}
}

// setByGetter writes v into the field that get reads, found by trying each.
func setByGetter(f *record.File, get func(*record.File) string, v string) {
	fields := []*string{&f.AgentID, &f.PhoneNumber, &f.Channel, &f.CaseID, &f.Filename, &f.QueueID, &f.QueueName,
		&f.AccountNumber, &f.TransactionID, &f.ExtVar1, &f.ExtVar2, &f.OutDialCode}
	for _, p := range fields {
		old := *p
		*p = "\x00probe"
		if get(f) == "\x00probe" {
			*p = v
			return
		}
		*p = old
	}
}

func setByGetterT(t *record.Transcript, get func(*record.Transcript) string, v string) {
	fields := []*string{&t.AgentID, &t.AgentName, &t.ContactID, &t.ContactName, &t.QueueID, &t.QueueName, &t.ChannelID,
		&t.ChannelName, &t.CaseID, &t.TargetIP, &t.TransactionID, &t.InteractionGUID, &t.TranscriptType}
	for _, p := range fields {
		old := *p
		*p = "\x00probe"
		if get(t) == "\x00probe" {
			*p = v
			return
		}
		*p = old
	}
}

// The any-entry selectors, dates and duration of transcripts.
func TestTranscriptPredicate(t *testing.T) {
	start := time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC)
	tr := record.Transcript{StartDate: start, Duration: 90, MetaData: []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Fruit", FieldValue: "Cherry"}}}
	none := record.Transcript{StartDate: start}
	for _, c := range []struct {
		filter         string
		withEntries    bool
		withoutEntries bool
	}{
		{"metaData.fieldName==Color", true, false},
		{"metaData.fieldValue==Ch*", true, false},
		{"metaData.fieldValue!=Blue", false, true},
		{"metaData.fieldValue!=Green", true, true},
		{"metaData.fieldName=in=(Size,Fruit)", true, false},
		{"metaData.fieldName=out=(Size,Fruit)", false, true},
		{"finishDate=ge=2026-03-08T09:01:30Z", true, false},
		{"duration>60,startDate<2026-03-08", true, false},
	} {
		e, err := expr.Parse(c.filter, expr.Transcripts, expr.Options{})
		if err != nil {
			t.Fatal(err)
		}
		match := expr.CompileTranscripts(e, e.Resolve(start, time.UTC))
		if got := match(&tr); got != c.withEntries {
			t.Errorf("%s over a transcript with entries: %v", c.filter, got)
		}
		if got := match(&none); got != c.withoutEntries {
			t.Errorf("%s over a transcript without entries: %v", c.filter, got)
		}
	}
}

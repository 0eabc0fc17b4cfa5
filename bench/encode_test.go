package bench

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/fuzz"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// The std-lib shapes of the same response: one set of structs with xml and
// json tags, every leaf a string, as recq writes them.
type stdRecordings struct {
	XMLName xml.Name  `xml:"recordings" json:"-"`
	File    []stdFile `xml:"file" json:"file"`
}

type stdFile struct {
	StartDate     string        `xml:"startDate" json:"startDate"`
	AgentID       string        `xml:"agentID" json:"agentID"`
	PhoneNumber   string        `xml:"phoneNumber" json:"phoneNumber"`
	Channel       string        `xml:"channel" json:"channel"`
	CaseID        string        `xml:"caseID" json:"caseID"`
	Duration      string        `xml:"duration" json:"duration"`
	Filename      string        `xml:"filename" json:"filename"`
	QueueID       string        `xml:"queueID" json:"queueID"`
	QueueName     string        `xml:"queueName" json:"queueName"`
	AccountNumber string        `xml:"accountNumber" json:"accountNumber"`
	TransactionID string        `xml:"transactionID" json:"transactionID"`
	ExtVar1       string        `xml:"extVar1" json:"extVar1"`
	ExtVar2       string        `xml:"extVar2" json:"extVar2"`
	OutDialCode   string        `xml:"outDialCode" json:"outDialCode"`
	WrapUpCode    stdWrapUpCode `xml:"wrapUpCode" json:"wrapUpCode"`
	MetaDatas     *stdMetaDatas `xml:"metaDatas,omitempty" json:"metaDatas,omitempty"`
}

type stdWrapUpCode struct {
	TransactionCodes struct {
		TransactionCode []stdCode `xml:"transactionCode" json:"transactionCode"`
	} `xml:"transactionCodes" json:"transactionCodes"`
}

type stdCode struct {
	ListName string `xml:"listName" json:"listName"`
	Name     string `xml:"name" json:"name"`
}

type stdMetaDatas struct {
	MetaData []stdMeta `xml:"metaData" json:"metaData"`
}

type stdMeta struct {
	FieldName  string `xml:"fieldName" json:"fieldName"`
	FieldValue string `xml:"fieldValue" json:"fieldValue"`
}

type stdJSON struct {
	Recordings stdRecordings `json:"recordings"`
}

// toStd converts the page for the std-lib encoders, dates in loc. The
// benchmarks do it before the clock starts: the std-lib encoders get their
// best case, the strings made.
func toStd(files []record.File, loc *time.Location) stdRecordings {
	var doc stdRecordings
	for _, f := range files {
		s := stdFile{
			StartDate: f.StartDate.In(loc).Format(time.RFC3339), AgentID: f.AgentID, PhoneNumber: f.PhoneNumber,
			Channel: f.Channel, CaseID: f.CaseID, Duration: strconv.Itoa(f.Duration), Filename: f.Filename,
			QueueID: f.QueueID, QueueName: f.QueueName, AccountNumber: f.AccountNumber, TransactionID: f.TransactionID,
			ExtVar1: f.ExtVar1, ExtVar2: f.ExtVar2, OutDialCode: f.OutDialCode,
		}
		s.WrapUpCode.TransactionCodes.TransactionCode = []stdCode{}
		for _, c := range f.TransactionCodes {
			s.WrapUpCode.TransactionCodes.TransactionCode = append(s.WrapUpCode.TransactionCodes.TransactionCode, stdCode{c.ListName, c.Name})
		}
		if len(f.MetaData) > 0 {
			s.MetaDatas = &stdMetaDatas{}
			for _, m := range f.MetaData {
				s.MetaDatas.MetaData = append(s.MetaDatas.MetaData, stdMeta{m.FieldName, m.FieldValue})
			}
		}
		doc.File = append(doc.File, s)
	}
	return doc
}

// toRows converts the page to CSV rows as recq writes them ([D-13]).
func toRows(files []record.File, loc *time.Location) [][]string {
	esc := strings.NewReplacer(`\`, `\\`, `|`, `\|`, `:`, `\:`)
	rows := [][]string{{"startDate", "agentID", "phoneNumber", "channel", "caseID", "duration", "filename", "queueID", "queueName",
		"accountNumber", "transactionID", "extVar1", "extVar2", "outDialCode", "wrapUpCode", "metaDatas"}}
	for _, f := range files {
		var codes, meta []string
		for _, c := range f.TransactionCodes {
			codes = append(codes, esc.Replace(c.ListName)+":"+esc.Replace(c.Name))
		}
		for _, m := range f.MetaData {
			meta = append(meta, esc.Replace(m.FieldName)+":"+esc.Replace(m.FieldValue))
		}
		rows = append(rows, []string{f.StartDate.In(loc).Format(time.RFC3339), f.AgentID, f.PhoneNumber, f.Channel, f.CaseID,
			strconv.Itoa(f.Duration), f.Filename, f.QueueID, f.QueueName, f.AccountNumber, f.TransactionID, f.ExtVar1, f.ExtVar2,
			f.OutDialCode, strings.Join(codes, "|"), strings.Join(meta, "|")})
	}
	return rows
}

const stdXMLHeader = "<?xml version='1.0' encoding='UTF-8' ?>\n"

func stdXML(w io.Writer, doc *stdRecordings) error {
	io.WriteString(w, stdXMLHeader)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func stdJSONEncode(w io.Writer, doc *stdJSON) error {
	return json.NewEncoder(w).Encode(doc)
}

func stdCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// BenchmarkEncode writes one page of 50 files to io.Discard: recq's writers
// beside encoding/xml, encoding/json and encoding/csv writing the same shape.
func BenchmarkEncode(b *testing.B) {
	loc, err := timezone.Load("America/Los_Angeles")
	if err != nil {
		b.Fatal(err)
	}
	files := fuzz.Page()
	doc := toStd(files, loc)
	jdoc := stdJSON{Recordings: doc}
	rows := toRows(files, loc)
	for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
		b.Run("recq/"+f.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := encode.WriteFiles(io.Discard, f, files, loc); err != nil {
					b.Fatal(err)
				}
			}
		})
		var std func() error
		switch f {
		case filter.XML:
			std = func() error { return stdXML(io.Discard, &doc) }
		case filter.JSON:
			std = func() error { return stdJSONEncode(io.Discard, &jdoc) }
		case filter.CSV:
			std = func() error { return stdCSV(io.Discard, rows) }
		}
		b.Run("encoding/"+f.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := std(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEncodeSameShape: what the std-lib encoders write in BenchmarkEncode
// reads back with recq's readers as the page, so the benchmark compares
// like with like.
func TestEncodeSameShape(t *testing.T) {
	loc, err := timezone.Load("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	files := fuzz.Page()
	doc := toStd(files, loc)
	for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
		t.Run(f.String(), func(t *testing.T) {
			var std, recq bytes.Buffer
			switch f {
			case filter.XML:
				err = stdXML(&std, &doc)
			case filter.JSON:
				err = stdJSONEncode(&std, &stdJSON{Recordings: doc})
			case filter.CSV:
				err = stdCSV(&std, toRows(files, loc))
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := encode.WriteFiles(&recq, f, files, loc); err != nil {
				t.Fatal(err)
			}
			fromStd, err := encode.ReadFiles(&std, f)
			if err != nil {
				t.Fatal(err)
			}
			fromRecq, err := encode.ReadFiles(&recq, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(fromStd) != len(files) || len(fromRecq) != len(files) {
				t.Fatalf("read %d and %d files, want %d", len(fromStd), len(fromRecq), len(files))
			}
			for i := range files {
				a, b := fromStd[i], fromRecq[i]
				if !a.StartDate.Equal(b.StartDate) || a.Filename != b.Filename || a.QueueName != b.QueueName ||
					len(a.TransactionCodes) != len(b.TransactionCodes) || len(a.MetaData) != len(b.MetaData) ||
					len(a.MetaData) > 0 && a.MetaData[1] != b.MetaData[1] || a.TransactionCodes[1] != b.TransactionCodes[1] {
					t.Fatalf("file %d: std-lib %+v, recq %+v", i, a, b)
				}
			}
		})
	}
}

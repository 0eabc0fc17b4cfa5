package encode_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// pacific is the zone of the document's examples: -08:00 in December.
var pacific = func() *time.Location {
	loc, err := timezone.Load("America/Los_Angeles")
	if err != nil {
		panic(err)
	}
	return loc
}()

// docTime is the document's 2007-12-19T19:16:36-08:00.
var docTime = time.Date(2007, 12, 19, 19, 16, 36, 0, time.FixedZone("", -8*3600))

// The records of the document's three XML examples.
var (
	docFile = record.File{
		StartDate:        docTime,
		AgentID:          "bill",
		PhoneNumber:      "bill",
		Channel:          "5027780",
		CaseID:           "0",
		Duration:         27,
		Filename:         "S20071220/R2007122003163601000.wav",
		QueueID:          "fernandez~~queue~~phone~~102",
		QueueName:        "phoneq1",
		AccountNumber:    "0",
		TransactionID:    "1",
		ExtVar1:          "0",
		ExtVar2:          "0",
		OutDialCode:      "",
		TransactionCodes: []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre 1"}},
	}
	docTranscript = record.Transcript{
		StartDate:       docTime,
		AgentID:         "bill",
		AgentName:       "Bill,Jackson",
		ContactID:       "guest_at_dev6chatrec@vm05dev187.dev.whitepj.net/CtlGuest191gafdDQNAStnY7DaKuDKwPwd5jYsoh",
		ContactName:     "Jeff Waugh",
		QueueID:         "104",
		QueueName:       "chat_recording_2",
		ChannelID:       "103",
		ChannelName:     "chatrec_channel",
		CaseID:          "24482",
		TargetIP:        "10.191.210.31",
		TransactionID:   "11",
		InteractionGUID: "int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant",
		TranscriptType:  "A2C",
		Duration:        54,
		MetaData:        []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Fruit", FieldValue: "Cherry"}},
	}
	docMessages = []record.Message{{
		MessageTime:      docTime,
		MessageFrom:      "C",
		OriginalLanguage: "en",
		OriginalMessage:  "Hi How r u",
	}}
)

func docTranscriptWithMessages() record.Transcript {
	t := docTranscript
	t.Messages = docMessages
	return t
}

// trickyFiles hold every character that a format must escape, and lists of
// several entries.
var trickyFiles = []record.File{
	{
		StartDate:        time.Date(2024, 3, 10, 9, 59, 59, 0, time.UTC),
		AgentID:          `<&>"'`,
		PhoneNumber:      "+1 (415) 555-1234",
		Channel:          "#virtual_outbound#",
		CaseID:           "a,b",
		Duration:         0,
		Filename:         "S20240310/R1.wav",
		QueueID:          "QUEUE_OUTBOUND",
		QueueName:        "line one\nline two\r\nline three",
		AccountNumber:    "tab\there",
		TransactionID:    `back\slash "quoted"`,
		ExtVar1:          "ünïcödé ☎ 🎧",
		ExtVar2:          "ctl\x01\x7f and bad \xff utf-8 and \u2028",
		OutDialCode:      "]]>",
		TransactionCodes: []record.TransactionCode{{ListName: "a|b", Name: "c:d"}, {ListName: `e\f`, Name: ""}, {ListName: "", Name: ""}},
		MetaData:         []record.MetaData{{FieldName: "URL", FieldValue: "http://x.example/?a=1,b=2"}, {FieldName: "Note", FieldValue: "say \"hi\"\n"}},
	},
	{
		StartDate: time.Date(2024, 3, 10, 10, 0, 0, 0, time.UTC),
		Duration:  3600,
		Filename:  "S20240310/R2.wav",
	},
}

// cmpTime compares instants and offsets: a date read back must be the same
// instant written with the same offset.
var cmpTime = cmp.Comparer(func(a, b time.Time) bool {
	_, ao := a.Zone()
	_, bo := b.Zone()
	return a.Equal(b) && ao == bo
})

var cmpOpts = []cmp.Option{cmpTime, cmpopts.EquateEmpty()}

var formats = []filter.Format{filter.XML, filter.JSON, filter.CSV}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (-want +got):\n%s", name, cmp.Diff(string(want), string(got)))
	}
}

// TestDocumentExamples reads the API document's three XML examples, as
// they are in the document (on one line, with </channelname>).
func TestDocumentExamples(t *testing.T) {
	t.Run("files", func(t *testing.T) {
		f := openTestdata(t, "document_files.xml")
		got, err := encode.ReadFiles(f, filter.XML)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]record.File{docFile}, got, cmpTime); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("transcripts", func(t *testing.T) {
		f := openTestdata(t, "document_transcripts.xml")
		got, err := encode.ReadTranscripts(f, filter.XML)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]record.Transcript{docTranscript}, got, cmpTime); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("transcript", func(t *testing.T) {
		f := openTestdata(t, "document_transcript.xml")
		got, err := encode.ReadTranscripts(f, filter.XML)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]record.Transcript{docTranscriptWithMessages()}, got, cmpTime); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("channelname quirk is needed", func(t *testing.T) {
		// The document's transcripts do close <channelName> with </channelname>.
		b, err := os.ReadFile(filepath.Join("testdata", "document_transcripts.xml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("<channelName>chatrec_channel</channelname>")) {
			t.Fatal("testdata/document_transcripts.xml is not the document's text")
		}
	})
}

func openTestdata(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestGolden writes the document's records, and records that need
// escaping, in each format, compares the text with testdata/*.golden, and
// reads it back.
func TestGolden(t *testing.T) {
	for _, f := range formats {
		t.Run("files/"+f.String(), func(t *testing.T) {
			var b bytes.Buffer
			if err := encode.WriteFiles(&b, f, []record.File{docFile}, pacific); err != nil {
				t.Fatal(err)
			}
			golden(t, "files."+f.String()+".golden", b.Bytes())
			back, err := encode.ReadFiles(&b, f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]record.File{docFile}, back, cmpTime); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
		t.Run("tricky/"+f.String(), func(t *testing.T) {
			var b bytes.Buffer
			if err := encode.WriteFiles(&b, f, trickyFiles, time.UTC); err != nil {
				t.Fatal(err)
			}
			golden(t, "tricky."+f.String()+".golden", b.Bytes())
			back, err := encode.ReadFiles(&b, f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sanitizeFiles(trickyFiles), back, cmpOpts...); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
		t.Run("transcripts/"+f.String(), func(t *testing.T) {
			var b bytes.Buffer
			// A list has no messages, even when the records do.
			if err := encode.WriteTranscripts(&b, f, []record.Transcript{docTranscriptWithMessages()}, pacific); err != nil {
				t.Fatal(err)
			}
			golden(t, "transcripts."+f.String()+".golden", b.Bytes())
			back, err := encode.ReadTranscripts(&b, f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]record.Transcript{docTranscript}, back, cmpTime); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
		t.Run("transcript/"+f.String(), func(t *testing.T) {
			var b bytes.Buffer
			err := encode.WriteTranscript(&b, f, docTranscriptWithMessages(), pacific)
			if f == filter.CSV {
				if err != encode.ErrNoCSV || b.Len() != 0 {
					t.Fatalf("got %v and %q, want ErrNoCSV and nothing", err, b.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "transcript."+f.String()+".golden", b.Bytes())
			back, err := encode.ReadTranscripts(&b, f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]record.Transcript{docTranscriptWithMessages()}, back, cmpTime); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteEmpty: an empty list is an empty root, an array without items,
// a header alone; one transcript without messages has an empty messages.
func TestWriteEmpty(t *testing.T) {
	bare := docTranscript
	bare.MetaData = nil
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{"files/xml", func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.XML, nil, time.UTC) },
			"<?xml version='1.0' encoding='UTF-8' ?>\n<recordings />\n"},
		{"files/json", func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.JSON, nil, time.UTC) },
			`{"recordings":{"file":[]}}` + "\n"},
		{"files/csv", func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.CSV, nil, time.UTC) },
			"startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode,metaDatas\r\n"},
		{"transcripts/xml", func(b *bytes.Buffer) error { return encode.WriteTranscripts(b, filter.XML, nil, time.UTC) },
			"<?xml version='1.0' encoding='UTF-8' ?>\n<recordings />\n"},
		{"transcripts/json", func(b *bytes.Buffer) error { return encode.WriteTranscripts(b, filter.JSON, nil, time.UTC) },
			`{"recordings":{"transcript":[]}}` + "\n"},
		{"transcripts/csv", func(b *bytes.Buffer) error { return encode.WriteTranscripts(b, filter.CSV, nil, time.UTC) },
			"startDate,agentID,agentName,contactID,contactName,queueID,queueName,channelID,channelName,caseID,targetIP,transactionID,interactionGUID,transcriptType,duration,metaDatas\r\n"},
		{"transcript/json", func(b *bytes.Buffer) error { return encode.WriteTranscript(b, filter.JSON, bare, time.UTC) },
			`{"transcript":{"startDate":"2007-12-20T03:16:36Z","agentID":"bill","agentName":"Bill,Jackson","contactID":"guest_at_dev6chatrec@vm05dev187.dev.whitepj.net/CtlGuest191gafdDQNAStnY7DaKuDKwPwd5jYsoh","contactName":"Jeff Waugh","queueID":"104","queueName":"chat_recording_2","channelID":"103","channelName":"chatrec_channel","caseID":"24482","targetIP":"10.191.210.31","transactionID":"11","interactionGUID":"int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant","transcriptType":"A2C","duration":"54","messages":{"message":[]}}}` + "\n"},
		{"file without codes/json", func(b *bytes.Buffer) error {
			return encode.WriteFiles(b, filter.JSON, trickyFiles[1:], nil)
		}, `{"recordings":{"file":[` + "\n" + `{"startDate":"2024-03-10T10:00:00Z","agentID":"","phoneNumber":"","channel":"","caseID":"","duration":"3600","filename":"S20240310/R2.wav","queueID":"","queueName":"","accountNumber":"","transactionID":"","extVar1":"","extVar2":"","outDialCode":"","wrapUpCode":{"transactionCodes":{"transactionCode":[]}}}` + "\n]}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("transcript/xml", func(t *testing.T) {
		var b bytes.Buffer
		if err := encode.WriteTranscript(&b, filter.XML, bare, time.UTC); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasSuffix(b.Bytes(), []byte("  <duration>54</duration>\n  <messages />\n</transcript>\n")) {
			t.Errorf("got\n%s", b.String())
		}
	})
}

func sanitizeFiles(fs []record.File) []record.File {
	out := make([]record.File, len(fs))
	for i, f := range fs {
		for _, p := range []*string{&f.AgentID, &f.PhoneNumber, &f.Channel, &f.CaseID, &f.Filename, &f.QueueID, &f.QueueName,
			&f.AccountNumber, &f.TransactionID, &f.ExtVar1, &f.ExtVar2, &f.OutDialCode} {
			*p = encode.Sanitize(*p)
		}
		f.StartDate = f.StartDate.Truncate(time.Second)
		codes := make([]record.TransactionCode, len(f.TransactionCodes))
		for j, c := range f.TransactionCodes {
			codes[j] = record.TransactionCode{ListName: encode.Sanitize(c.ListName), Name: encode.Sanitize(c.Name)}
		}
		f.TransactionCodes = codes
		f.MetaData = sanitizeMeta(f.MetaData)
		out[i] = f
	}
	return out
}

func sanitizeMeta(md []record.MetaData) []record.MetaData {
	out := make([]record.MetaData, len(md))
	for j, m := range md {
		out[j] = record.MetaData{FieldName: encode.Sanitize(m.FieldName), FieldValue: encode.Sanitize(m.FieldValue)}
	}
	return out
}

func sanitizeTranscripts(ts []record.Transcript, messages bool) []record.Transcript {
	out := make([]record.Transcript, len(ts))
	for i, t := range ts {
		for _, p := range []*string{&t.AgentID, &t.AgentName, &t.ContactID, &t.ContactName, &t.QueueID, &t.QueueName,
			&t.ChannelID, &t.ChannelName, &t.CaseID, &t.TargetIP, &t.TransactionID, &t.InteractionGUID, &t.TranscriptType} {
			*p = encode.Sanitize(*p)
		}
		t.StartDate = t.StartDate.Truncate(time.Second)
		t.MetaData = sanitizeMeta(t.MetaData)
		if messages {
			ms := make([]record.Message, len(t.Messages))
			for j, m := range t.Messages {
				ms[j] = record.Message{
					MessageTime:        m.MessageTime.Truncate(time.Second),
					MessageFrom:        encode.Sanitize(m.MessageFrom),
					OriginalLanguage:   encode.Sanitize(m.OriginalLanguage),
					OriginalMessage:    encode.Sanitize(m.OriginalMessage),
					TranslatedLanguage: encode.Sanitize(m.TranslatedLanguage),
					TranslatedMessage:  encode.Sanitize(m.TranslatedMessage),
				}
			}
			t.Messages = ms
		} else {
			t.Messages = nil
		}
		out[i] = t
	}
	return out
}

// TestDatesInZone: dates are written in the writer's zone, each with the
// offset in force at its instant, across DST changes, before the first
// transition and past the last one; UTC as Z; a local mean time offset with
// seconds in UTC.
func TestDatesInZone(t *testing.T) {
	var times []time.Time
	for _, start := range []time.Time{
		time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC),   // 02:00 PST becomes 03:00 PDT at 10:00Z
		time.Date(2024, 11, 3, 7, 0, 0, 0, time.UTC),   // 02:00 PDT becomes 01:00 PST at 09:00Z
		time.Date(2099, 3, 8, 8, 0, 0, 0, time.UTC),    // past the transitions listed in the zone data
		time.Date(1883, 11, 18, 18, 0, 0, 0, time.UTC), // local mean time -7:52:58 until 20:00Z
	} {
		for i := range 8 {
			times = append(times, start.Add(time.Duration(i)*30*time.Minute))
		}
	}
	times = append(times, times[0], times[12], times[30]) // back and forth
	var files []record.File
	for i, tm := range times {
		files = append(files, record.File{StartDate: tm, Filename: strconv.Itoa(i)})
	}
	for _, loc := range []*time.Location{pacific, time.UTC, nil} {
		var b bytes.Buffer
		if err := encode.WriteFiles(&b, filter.CSV, files, loc); err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n")[1:]
		for i, tm := range times {
			if loc != nil {
				tm = tm.In(loc)
			}
			if _, off := tm.Zone(); off%60 != 0 {
				tm = tm.UTC()
			}
			want := tm.Format(time.RFC3339)
			if got, _, _ := strings.Cut(rows[i], ","); got != want {
				t.Errorf("%v in %v: got %s, want %s", times[i], loc, got, want)
			}
		}
	}
}

// TestReadRecords: files or transcripts, whichever the text holds.
func TestReadRecords(t *testing.T) {
	text := func(write func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	one := docTranscriptWithMessages()
	tests := []struct {
		name   string
		f      filter.Format
		in     string
		files  int
		trans  int
		errMsg string
	}{
		{"xml/files", filter.XML, text(func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.XML, trickyFiles, nil) }), 2, 0, ""},
		{"xml/transcripts", filter.XML, text(func(b *bytes.Buffer) error {
			return encode.WriteTranscripts(b, filter.XML, []record.Transcript{docTranscript}, nil)
		}), 0, 1, ""},
		{"xml/one transcript", filter.XML, text(func(b *bytes.Buffer) error { return encode.WriteTranscript(b, filter.XML, one, nil) }), 0, 1, ""},
		{"xml/both", filter.XML, "<recordings><file><startDate>2007-12-19T19:16:36Z</startDate><duration>1</duration></file>" +
			"<transcript><startDate>2007-12-19T19:16:36Z</startDate><duration>1</duration><interactionGUID>g1</interactionGUID></transcript></recordings>", 1, 1, ""},
		{"xml/empty", filter.XML, "<recordings/>", 0, 0, ""},
		{"xml/other root", filter.XML, "<files/>", 0, 0, "the root element is <files>"},
		{"json/files", filter.JSON, text(func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.JSON, trickyFiles, nil) }), 2, 0, ""},
		{"json/one transcript", filter.JSON, text(func(b *bytes.Buffer) error { return encode.WriteTranscript(b, filter.JSON, one, nil) }), 0, 1, ""},
		{"csv/files", filter.CSV, text(func(b *bytes.Buffer) error { return encode.WriteFiles(b, filter.CSV, trickyFiles, nil) }), 2, 0, ""},
		{"csv/transcripts", filter.CSV, text(func(b *bytes.Buffer) error {
			return encode.WriteTranscripts(b, filter.CSV, []record.Transcript{docTranscript}, nil)
		}), 0, 1, ""},
		{"csv/files by filename", filter.CSV, "startDate,duration,filename\r\n2007-12-19T19:16:36Z,1,a\r\n", 1, 0, ""},
		{"csv/transcripts by interactionGUID", filter.CSV, "startDate,duration,interactionGUID\r\n2007-12-19T19:16:36Z,1,a\r\n", 0, 1, ""},
		{"csv/either", filter.CSV, "startDate,duration\r\n", 0, 0, "add filename for files or interactionGUID for transcripts"},
		{"csv/neither", filter.CSV, "startDate,duration,filename,interactionGUID\r\n", 0, 0, `unknown column "interactionGUID"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, ts, err := encode.ReadRecords(strings.NewReader(tt.in), tt.f)
			if tt.errMsg != "" {
				var re *encode.ReadError
				if !errors.As(err, &re) || !strings.Contains(re.Msg, tt.errMsg) || files != nil || ts != nil {
					t.Fatalf("got %d, %d records and %v, want an error …%s…", len(files), len(ts), err, tt.errMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != tt.files || len(ts) != tt.trans {
				t.Errorf("got %d files and %d transcripts, want %d and %d", len(files), len(ts), tt.files, tt.trans)
			}
		})
	}
}

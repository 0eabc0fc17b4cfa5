package encode_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// The API document's /files example, written in the tenant's zone as CSV:
// the wrap-up codes in one column, listName:name.
func ExampleWriteFiles() {
	pacific := time.FixedZone("PST", -8*3600)
	files := []record.File{{
		StartDate:        time.Date(2007, 12, 20, 3, 16, 36, 0, time.UTC),
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
		TransactionCodes: []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre 1"}},
		MetaData:         []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Fruit", FieldValue: "Cherry"}},
	}}
	var b bytes.Buffer
	if err := encode.WriteFiles(&b, filter.CSV, files, pacific); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n")) // rows end in CRLF
	// Output:
	// startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode,metaDatas
	// 2007-12-19T19:16:36-08:00,bill,bill,5027780,0,27,S20071220/R2007122003163601000.wav,fernandez~~queue~~phone~~102,phoneq1,0,1,0,0,,Gauffre:Gauffre 1,Color:Blue|Fruit:Cherry
}

// One transcript with its messages, as JSON mirroring the XML: every leaf a
// string, every repeated element an array.
func ExampleWriteTranscript() {
	t := record.Transcript{
		StartDate:       time.Date(2007, 12, 19, 19, 16, 36, 0, time.FixedZone("", -8*3600)),
		AgentID:         "bill",
		InteractionGUID: "int-14a0febe466",
		Duration:        54,
		Messages: []record.Message{{
			MessageTime:      time.Date(2007, 12, 19, 19, 16, 36, 0, time.FixedZone("", -8*3600)),
			MessageFrom:      "C",
			OriginalLanguage: "en",
			OriginalMessage:  "Hi <3 \"you\"",
		}},
	}
	if err := encode.WriteTranscript(os.Stdout, filter.JSON, t, time.UTC); err != nil {
		fmt.Println(err)
	}
	fmt.Println(encode.WriteTranscript(os.Stdout, filter.CSV, t, time.UTC))
	// Output:
	// {"transcript":{"startDate":"2007-12-20T03:16:36Z","agentID":"bill","agentName":"","contactID":"","contactName":"","queueID":"","queueName":"","channelID":"","channelName":"","caseID":"","targetIP":"","transactionID":"","interactionGUID":"int-14a0febe466","transcriptType":"","duration":"54","messages":{"message":[
	// {"messageTime":"2007-12-20T03:16:36Z","messageFrom":"C","originalLanguage":"en","originalMessage":"Hi <3 \"you\"","translatedLanguage":"","translatedMessage":""}
	// ]}}}
	// encode: one transcript has no CSV form; ask for .xml or .json
}

// The API document's /transcripts example as it is, with its
// </channelname> typo.
func ExampleReadTranscripts() {
	const doc = `<?xml version='1.0' encoding='UTF-8' ?> <recordings> <transcript> <startDate>2007-12-19T19:16:36-08:00</startDate> <agentID>bill</agentID> <agentName>Bill,Jackson</agentName> <channelID>103</channelID> <channelName>chatrec_channel</channelname> <interactionGUID>int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant</interactionGUID> <duration>54</duration> <metaDatas> <metaData> <fieldName>Color</fieldName> <fieldValue>Blue</fieldValue> </metaData> </metaDatas> </transcript> </recordings>`
	ts, err := encode.ReadTranscripts(strings.NewReader(doc), filter.XML)
	if err != nil {
		fmt.Println(err)
		return
	}
	t := ts[0]
	fmt.Println(t.StartDate.Format(time.RFC3339), t.AgentName, t.ChannelName, t.Duration, t.MetaData)
	// Output:
	// 2007-12-19T19:16:36-08:00 Bill,Jackson chatrec_channel 54 [{Color Blue}]
}

// A fault names its line, its record and its field.
func ExampleReadError() {
	const data = "startDate,duration,filename\r\n" +
		"2007-12-19T19:16:36-08:00,27,S20071220/R1.wav\r\n" +
		"2007-12-19T19:16:36,27,S20071220/R2.wav\r\n"
	_, err := encode.ReadFiles(strings.NewReader(data), filter.CSV)
	fmt.Println(err)
	var re *encode.ReadError
	if errors.As(err, &re) {
		fmt.Println(re.Line, re.Record, re.Field)
	}
	// Output:
	// line 3: record 2: startDate: "2007-12-19T19:16:36" has no offset; write it with one, such as 2007-12-19T19:16:36Z or 2007-12-19T19:16:36-08:00
	// 3 2 startDate
}

func ExampleDetectFormat() {
	for _, name := range []string{"files.xml", "export.CSV", "transcripts.json", "notes.txt"} {
		f, ok := encode.DetectFormat(name)
		fmt.Println(name, f, ok)
	}
	// Output:
	// files.xml xml true
	// export.CSV csv true
	// transcripts.json json true
	// notes.txt xml false
}

// Records handed over one at a time as they are read, as `recq load`
// copies them into the database; a fault comes after the records before it.
func ExampleStreamRecords() {
	const data = "startDate,duration,filename\r\n" +
		"2007-12-19T19:16:36-08:00,27,S20071220/R1.wav\r\n" +
		"2007-12-19T19:17:36-08:00,2x,S20071220/R2.wav\r\n"
	err := encode.StreamRecords(strings.NewReader(data), filter.CSV, func(f *record.File) error {
		fmt.Println("file", f.Filename, f.Duration)
		return nil
	}, func(t *record.Transcript) error {
		fmt.Println("transcript", t.InteractionGUID)
		return nil
	})
	fmt.Println(err)
	// Output:
	// file S20071220/R1.wav 27
	// line 3: record 2: duration: "2x" is not a whole number of seconds, such as 27
}

// A listing written as its pages come: the memory is a page's, whatever
// the listing's length.
func ExampleFileWriter() {
	var b bytes.Buffer // recq get writes to standard output or a file
	fw, err := encode.NewFileWriter(&b, filter.CSV, time.UTC)
	if err != nil {
		fmt.Println(err)
		return
	}
	for page := range 2 {
		for i := range 2 {
			f := record.File{StartDate: time.Date(2026, 11, 24, 9, page, i, 0, time.UTC), AgentID: "bill", Duration: 5,
				Filename: fmt.Sprintf("S20261124/R%d%d.wav", page, i)}
			if err := fw.Write(&f); err != nil {
				fmt.Println(err)
				return
			}
		}
	}
	if err := fw.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode,metaDatas
	// 2026-11-24T09:00:00Z,bill,,,,5,S20261124/R00.wav,,,,,,,,,
	// 2026-11-24T09:00:01Z,bill,,,,5,S20261124/R01.wav,,,,,,,,,
	// 2026-11-24T09:01:00Z,bill,,,,5,S20261124/R10.wav,,,,,,,,,
	// 2026-11-24T09:01:01Z,bill,,,,5,S20261124/R11.wav,,,,,,,,,
}

package fuzz

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/record"
)

// Instant generates a record's startDate: whole seconds in 2007–2008, in one
// of a few fixed offsets, so that records started in other offsets compare
// by instant.
func Instant() *rapid.Generator[time.Time] {
	return rapid.Custom(func(t *rapid.T) time.Time {
		sec := rapid.Int64Range(1167609600, 1230768000).Draw(t, "unix")
		off := rapid.SampledFrom([]int{0, -8 * 3600, -5 * 3600, 3600, 5*3600 + 1800}).Draw(t, "offset")
		return time.Unix(sec, 0).In(time.FixedZone("", off))
	})
}

// small draws from a short list, so that generated queries match often.
func small(t *rapid.T, label string, values ...string) string {
	return rapid.SampledFrom(values).Draw(t, label)
}

// Files generates up to max files with distinct filenames; startDates often
// coincide so that the tie-break by filename is exercised.
func Files(max int) *rapid.Generator[[]record.File] {
	return rapid.Custom(func(t *rapid.T) []record.File {
		n := rapid.IntRange(0, max).Draw(t, "n")
		files := make([]record.File, n)
		base := Instant().Draw(t, "base")
		for i := range files {
			start := base
			if rapid.IntRange(0, 4).Draw(t, "sameStart") != 0 {
				start = base.Add(time.Duration(rapid.IntRange(-90000, 90000).Draw(t, "delta")) * time.Second)
			}
			files[i] = record.File{
				StartDate:   start,
				AgentID:     small(t, "agentID", "bill", "jo", "ann", ""),
				PhoneNumber: small(t, "phoneNumber", "4155551234", "bill", ""),
				Channel:     small(t, "channel", "8005557780", "#virtual_outbound#", "#virtual_daa#"),
				CaseID:      small(t, "caseID", "0", "17"),
				Duration:    rapid.IntRange(0, 120).Draw(t, "duration"),
				Filename:    fmt.Sprintf("S%s/R%d.wav", start.UTC().Format("20060102"), i),
				QueueID:     small(t, "queueID", "fernandez~~queue~~phone~~102", "QUEUE_OUTBOUND", "QUEUE_DIRECT_AGENT_ACCESS"),
				QueueName:   small(t, "queueName", "phoneq1", "QUEUE_OUTBOUND"),
				OutDialCode: small(t, "outDialCode", "", "9"),
				MetaData:    metaData(t),
			}
			if rapid.Bool().Draw(t, "wrapUp") {
				files[i].TransactionCodes = []record.TransactionCode{{ListName: "Gauffre", Name: "Gauffre 1"}}
			}
		}
		return files
	})
}

// Transcripts generates up to max transcripts with distinct interactionGUIDs.
func Transcripts(max int) *rapid.Generator[[]record.Transcript] {
	return rapid.Custom(func(t *rapid.T) []record.Transcript {
		n := rapid.IntRange(0, max).Draw(t, "n")
		ts := make([]record.Transcript, n)
		base := Instant().Draw(t, "base")
		for i := range ts {
			start := base.Add(time.Duration(rapid.IntRange(-90000, 90000).Draw(t, "delta")) * time.Second)
			ts[i] = record.Transcript{
				StartDate:       start,
				AgentID:         small(t, "agentID", "bill", "jo", ""),
				AgentName:       small(t, "agentName", "Bill,Jackson", "Jo"),
				QueueID:         small(t, "queueID", "104", "105"),
				ChannelName:     small(t, "channelName", "chatrec_channel", "web"),
				InteractionGUID: fmt.Sprintf("int-%04d-chat", i),
				TranscriptType:  small(t, "transcriptType", "A2C", "C2A"),
				Duration:        rapid.IntRange(0, 120).Draw(t, "duration"),
				MetaData:        metaData(t),
			}
		}
		return ts
	})
}

func metaData(t *rapid.T) []record.MetaData {
	var m []record.MetaData
	for n := rapid.IntRange(0, 2).Draw(t, "metaData"); n > 0; n-- {
		m = append(m, record.MetaData{
			FieldName:  small(t, "fieldName", "Color", "Fruit", "Number of alphabets in your native language"),
			FieldValue: small(t, "fieldValue", "Blue", "Cherry", "26"),
		})
	}
	return m
}

// QueryFor generates requests for a resource whose variables take values
// the generated records have, so that evaluation finds matches: dates
// around 2007–2008, the records' field texts, metadata fragments and pages.
func QueryFor(transcripts bool) *rapid.Generator[Request] {
	return rapid.Custom(func(t *rapid.T) Request {
		path := "/files"
		if transcripts {
			path = "/transcripts"
		}
		var pairs []string
		if rapid.Bool().Draw(t, "hasD") {
			y := rapid.IntRange(2007, 2008).Draw(t, "year")
			m := rapid.IntRange(1, 12).Draw(t, "month")
			pairs = append(pairs, fmt.Sprintf("d=%d-%02d-01,%d-%02d-15", y, m, y, m))
		}
		if rapid.Bool().Draw(t, "hasTZ") {
			pairs = append(pairs, "tz="+url.QueryEscape(Zone().Draw(t, "tz")))
		}
		if rapid.IntRange(0, 3).Draw(t, "hasAgent") == 0 {
			pairs = append(pairs, "agentID="+small(t, "agent", "bill", "jo"))
		}
		if rapid.IntRange(0, 3).Draw(t, "hasDuration") == 0 {
			pairs = append(pairs, "duration="+small(t, "durationText", "27", "027", "0"))
		}
		if rapid.IntRange(0, 3).Draw(t, "hasMeta") == 0 {
			pairs = append(pairs, "metaData_fieldName="+small(t, "metaName", "olo", "Fruit", "alphabets%20in"))
		}
		if rapid.IntRange(0, 3).Draw(t, "hasMetaValue") == 0 {
			pairs = append(pairs, "metaData_fieldValue="+small(t, "metaValue", "Blue", "e", "2"))
		}
		if rapid.Bool().Draw(t, "hasN") {
			pairs = append(pairs, fmt.Sprintf("n=%d", rapid.IntRange(1, 120).Draw(t, "n")))
		}
		if len(pairs) > 0 {
			path += "?" + strings.Join(rapid.Permutation(pairs).Draw(t, "order"), "&")
		}
		return Request{Method: "GET", Target: path}
	})
}

package encode_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

var at = time.Date(2007, 12, 19, 19, 16, 36, 0, time.UTC)

// TestGUIDAsThePathTakesIt is finding 7 of issue 21: the readers took
// interactionGUIDs that the API's path /transcripts/{interactionGUID}
// refuses, so such a transcript was listed but could not be opened or
// deleted. A transcript is read exactly when the path takes its
// interactionGUID, in each format; a refusal names the line, the record
// and the field.
func TestGUIDAsThePathTakesIt(t *testing.T) {
	guids := []string{"int-14a0febe466-bLfK0EF6BKKvFMZmhhFdW14v0-chat-03-tenant", "a", "A_b-9", strings.Repeat("g", 256),
		"", strings.Repeat("g", 257), "int 1", "a.b", "a/b", "a%2Fb", "é", "a..", "a?b", "<b>", `a"b`}
	for _, guid := range guids {
		q, pathErr := filter.Parse("GET", "/transcripts/"+guid)
		if pathErr == nil && (q.Resource != filter.Transcript || q.ID != guid) {
			pathErr = errors.New("the path names no one transcript") // "/transcripts/" is the list
		}
		if guid == "a.b" || guid == "a.." {
			pathErr = errors.New("the path reads a suffix after the first '.'") // "b" or "." is no format: refused too
		}
		ts := []record.Transcript{{StartDate: at, Duration: 1, InteractionGUID: "g0"}, {StartDate: at, Duration: 1, InteractionGUID: guid}}
		for _, f := range []filter.Format{filter.XML, filter.JSON, filter.CSV} {
			var doc bytes.Buffer
			if err := encode.WriteTranscripts(&doc, f, ts, time.UTC); err != nil {
				t.Fatal(err)
			}
			back, err := encode.ReadTranscripts(&doc, f)
			if pathErr == nil {
				if err != nil || len(back) != 2 || back[1].InteractionGUID != guid {
					t.Errorf("%s, %q: the path takes it, the reader: %v", f, guid, err)
				}
				continue
			}
			var re *encode.ReadError
			if !errors.As(err, &re) || re.Line < 2 || re.Record != 2 || re.Field != "interactionGUID" || !strings.Contains(re.Msg, "/transcripts/{interactionGUID}") {
				t.Errorf("%s, %q: the path refuses it (%v), the reader: %v, want its line, record 2, interactionGUID", f, guid, pathErr, err)
			}
		}
	}
}

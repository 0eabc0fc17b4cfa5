package filter_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

func TestQueryJSON(t *testing.T) {
	q, err := filter.Parse("GET", "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill&metaData_fieldName=Color&n=101")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"method":"GET","resource":"files","format":"csv","d":"today-1d,today","tz":"America/Denver","fields":{"agentID":"bill"},"metaData":{"fieldName":"Color"},"n":101}`
	if string(b) != want {
		t.Errorf("json.Marshal =\n%s\nwant\n%s", b, want)
	}
	var back filter.Query
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if got, want := encode.Canonical(&back), encode.Canonical(q); got != want {
		t.Errorf("round trip: %s, want %s", got, want)
	}
}

func TestQueryJSONFromAUI(t *testing.T) {
	tests := []struct {
		name, in, canonical string
	}{
		{"minimal", `{"resource":"files"}`, "/files"},
		{"transcript", `{"resource":"transcript","id":"int-14a0","format":"json"}`, "/transcripts/int-14a0.json"},
		{"delete a file", `{"method":"DELETE","resource":"file","id":"S20071220/R200712200316361000"}`, "/files/S20071220/R200712200316361000.wav"},
		{"dates in any form", `{"resource":"transcripts","d":"20070805T1315Z,20070807T1430Z","start-date":"2007-12-19 19:16:58Z"}`, "/transcripts?d=2007-08-05T13:15Z,2007-08-07T14:30Z&start-date=2007-12-19T19:16:58Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q filter.Query
			if err := json.Unmarshal([]byte(tt.in), &q); err != nil {
				t.Fatal(err)
			}
			if got := encode.Canonical(&q); got != tt.canonical {
				t.Errorf("canonical %s, want %s", got, tt.canonical)
			}
		})
	}
}

func TestQueryJSONSyntaxError(t *testing.T) {
	// encoding/json checks the syntax before UnmarshalJSON runs; a decoder
	// that calls UnmarshalJSON directly gets the position in an ErrorList.
	var q filter.Query
	err := q.UnmarshalJSON([]byte(`{"resource":`))
	var list filter.ErrorList
	if !errors.As(err, &list) || list[0].Variable != "json" {
		t.Errorf("UnmarshalJSON = %v, want a json fault", err)
	}
}

func TestQueryJSONFaults(t *testing.T) {
	tests := []struct {
		name, in  string
		variables []string
	}{
		{"per-variable faults", `{"resource":"files","d":"2007-02-30","tz":"america/denver","fields":{"agentId":"x","channel":"1"},"n":-5}`, []string{"d", "tz", "agentId", "n"}},
		{"unknown key", `{"resource":"files","dd":"today"}`, []string{"json"}},
		{"wrong type", `{"resource":"files","n":"101"}`, []string{"n"}},
		{"unknown resource", `{"resource":"recordings"}`, []string{"path"}},
		{"special name in fields", `{"resource":"files","fields":{"d":"today"}}`, []string{"d"}},
		{"one transcript without id", `{"resource":"transcript"}`, []string{"path"}},
		{"variables on one transcript", `{"resource":"transcript","id":"abc","d":"today"}`, []string{"query"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q filter.Query
			err := json.Unmarshal([]byte(tt.in), &q)
			var list filter.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Unmarshal = %v, want an ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Variable)
			}
			if strings.Join(got, " ") != strings.Join(tt.variables, " ") {
				t.Errorf("faults in %v (%v), want %v", got, err, tt.variables)
			}
		})
	}
}

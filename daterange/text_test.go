package daterange

import (
	"encoding/json"
	"flag"
	"strings"
	"testing"
)

// Values and ranges plug into flags and JSON through their text forms.
func TestTextMarshaling(t *testing.T) {
	var doc struct {
		D     Range `json:"d"`
		Start Value `json:"start"`
	}
	if err := json.Unmarshal([]byte(`{"d":"20070805T1315Z,20070807T1430Z","start":"today-1d"}`), &doc); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil || string(b) != `{"d":"2007-08-05T13:15Z,2007-08-07T14:30Z","start":"today-1d"}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
	err = json.Unmarshal([]byte(`{"d":"2007-02-30"}`), &doc)
	if err == nil || !strings.Contains(err.Error(), "February 2007 has 28 days") {
		t.Errorf("a bad date in JSON: %v", err)
	}

	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var r Range
	fs.TextVar(&r, "d", Single(pack(parts{year: 2007, month: 8, day: 5})), "the range")
	if err := fs.Parse([]string{"-d", "today-7d,today"}); err != nil || r.String() != "today-7d,today" {
		t.Errorf("flag: %v, %v", r, err)
	}
	fs.SetOutput(new(strings.Builder))
	if err := fs.Parse([]string{"-d", "2007-08-05T25:00"}); err == nil {
		t.Error("flag accepted hour 25")
	}
}

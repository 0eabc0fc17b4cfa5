package encode_test

import (
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// docs/LANGUAGE.md §8: what stays as it is and what is percent-encoded.
func TestAppendEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"azAZ09-._~", "azAZ09-._~"},
		{"!$'()*,;:@/?", "!$'()*,;:@/?"},
		{"a b", "a%20b"},
		{"+&=#%", "%2B%26%3D%23%25"},
		{"é", "%C3%A9"},
		{"\x00\x7f\xff", "%00%7F%FF"},
		{`"<>[]\^{|}` + "`", "%22%3C%3E%5B%5D%5C%5E%7B%7C%7D%60"},
	}
	for _, tt := range tests {
		if got := string(encode.AppendEscaped(nil, tt.in)); got != tt.want {
			t.Errorf("AppendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// docs/LANGUAGE.md §8: the order of the variables, n=1 dropped, tz kept, dates
// in the extended form with their relativity, offsets' '+' encoded.
func TestCanonicalOrder(t *testing.T) {
	q, err := filter.Parse("GET", "/api/recordings/transcripts.xml?n=1&metaData_fieldValue=a+b&queueID=104&agentID=bill&metaData_fieldName=C&start-date=20070805T1315%2B0530&tz=UTC&d=today-7d,today")
	if err != nil {
		t.Fatal(err)
	}
	const want = "/transcripts?d=today-7d,today&tz=UTC&start-date=2007-08-05T13:15%2B05:30&agentID=bill&queueID=104&metaData_fieldName=C&metaData_fieldValue=a%20b"
	if got := encode.Canonical(q); got != want {
		t.Errorf("Canonical =\n%s\nwant\n%s", got, want)
	}
}

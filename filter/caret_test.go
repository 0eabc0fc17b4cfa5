package filter_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/recq/recq/filter"
)

// Every fault of a request gets its carets, not only the first.
func ExampleErrorList_Caret() {
	req := "/files?d=2007-02-30&tz=america/new_york&n=0"
	_, err := filter.Parse("GET", req)
	fmt.Println(err.(filter.ErrorList).Caret(req))
	// Output:
	// /files?d=2007-02-30&tz=america/new_york&n=0
	//                  ^^    ^^^^^^^^^^^^^^^^   ^
}

func TestErrorListCaret(t *testing.T) {
	long := "/files?n=0&agentID=" + strings.Repeat("a", 100) + "&x=1"
	for _, tt := range []struct {
		name, req string
		want      string
	}{
		{"one", "/files?d=2007-02-30", "/files?d=2007-02-30\n" + strings.Repeat(" ", 17) + "^^"},
		{"empty span at the end", "/files?d=today,", "/files?d=today,\n" + strings.Repeat(" ", 15) + "^"},
		{"adjacent", "/files?Start-Date=x&End-Date=y", "/files?Start-Date=x&End-Date=y\n       ^^^^^^^^^^   ^^^^^^^^"},
		{"far apart: two groups, cut", long,
			"/files?n=0&agentID=" + strings.Repeat("a", 31) + "…\n         ^\n" +
				"…" + strings.Repeat("a", 39) + "&x=1\n" + strings.Repeat(" ", 41) + "^"},
		{"control characters and multibyte", "/files?d=%00é&tz=x", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := filter.Parse("GET", tt.req)
			list, ok := err.(filter.ErrorList)
			if !ok {
				t.Fatalf("Parse(%q) = %v", tt.req, err)
			}
			got := list.Caret(tt.req)
			if tt.want != "" && got != tt.want {
				t.Errorf("Caret:\n%s\nwant:\n%s\n(faults %v)", got, tt.want, list)
			}
			// Each fault's text has a caret under it, on the line under
			// the line that shows it.
			lines := strings.Split(got, "\n")
			if len(lines)%2 != 0 {
				t.Fatalf("odd number of lines: %q", got)
			}
			for _, e := range list {
				found := false
				for i := 0; i < len(lines); i += 2 {
					if caretsUnder(lines[i], lines[i+1], tt.req[e.Span.Start:e.Span.End]) {
						found = true
					}
				}
				if !found {
					t.Errorf("no carets under %q (%v) in\n%s", tt.req[e.Span.Start:e.Span.End], e, got)
				}
			}
		})
	}
	if got := (filter.ErrorList{{Code: filter.CodeBadJSON, JSONPath: "dd", Span: filter.Span{Start: 2, End: 4}}}).Caret("/files"); got != "" {
		t.Errorf("a fault of the JSON form: %q", got)
	}
}

// caretsUnder reports whether marks has a caret under the first character
// of text where line shows it (the first, for an empty text, a caret at
// the end of what is shown or where it would be).
func caretsUnder(line, marks, text string) bool {
	l, m := []rune(line), []rune(marks)
	shown := []rune(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, text))
	for i := 0; i+len(shown) <= len(l); i++ {
		if string(l[i:i+len(shown)]) == string(shown) && i < len(m) && m[i] == '^' {
			return true
		}
	}
	return false
}

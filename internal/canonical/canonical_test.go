package canonical

import (
	"testing"

	"github.com/recq/recq/filter"
)

// appendVar writes names as they are: every field a query may match needs
// no escape, nor do the variables written through it.
func TestFieldNamesNeedNoEscape(t *testing.T) {
	names := append(filter.FieldNames(filter.Files), filter.FieldNames(filter.Transcripts)...)
	names = append(names, "tz", "metaData_fieldName", "metaData_fieldValue")
	for _, n := range names {
		if got := string(AppendEscaped(nil, n)); got != n {
			t.Errorf("field %q is escaped as %q", n, got)
		}
	}
}

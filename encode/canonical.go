package encode

import (
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/canonical"
)

// Canonical returns the canonical form of q (docs/LANGUAGE.md §8): the path
// without /api/recordings and without the default .xml, then the variables
// in the order d, tz, start-date, finish-date, the fields by name,
// metaData_fieldName, metaData_fieldValue, n (left out when 1), each
// percent-encoded per RFC 3986 with upper-case hex. Dates keep their
// relativity and are written in the extended form at the precision given.
//
// It never writes a string that is not canonical: for a Query that
// q.Validate refuses (one built or changed by hand), or whose form would be
// longer than filter.MaxRequestLength, it returns "". CanonicalChecked says
// why. (The writing itself is in internal/canonical, which the browser
// module uses without the rest of this package.)
func Canonical(q *filter.Query) string { return canonical.String(q) }

// AppendCanonical appends the canonical form of q to b, or returns b as it
// is where Canonical returns "".
func AppendCanonical(b []byte, q *filter.Query) []byte { return canonical.Append(b, q) }

// CanonicalChecked returns the canonical form of q, or why there is none:
// the faults of q.Validate, or a fault with filter.CodeTooLong when the
// form is longer than filter.MaxRequestLength, which Parse would refuse.
func CanonicalChecked(q *filter.Query) (string, error) { return canonical.Checked(q) }

// AppendEscaped appends s percent-encoded for a query string (docs/LANGUAGE.md
// §8): letters, digits, -._~ and !$'()*,;:@/? stay as they are; every other
// byte, space, +, &, =, #, % and non-ASCII bytes among them, becomes %XX
// with upper-case hex.
func AppendEscaped(b []byte, s string) []byte { return canonical.AppendEscaped(b, s) }

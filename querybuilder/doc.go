// Package querybuilder converts between recq's filter.Query and the rule
// groups of react-querybuilder (npm @react-querybuilder/core 8.x), the most
// used query-builder UI, and validates a rule group the way that UI expects:
// a map keyed by rule id.
//
// A rule's field is a query variable (d, tz, start-date, agentID, n, …) and
// its operator one of those [Fields] lists for it. What the API cannot say
// (or, not, independent combinators, a rule comparing two fields, another
// operator) is refused with filter.CodeUnsupportedRule naming the rule
// (docs/BROWSER.md).
package querybuilder

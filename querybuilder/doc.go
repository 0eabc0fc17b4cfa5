// Package querybuilder converts between recq's filter.Query and the rule
// groups of react-querybuilder (npm @react-querybuilder/core 8.x), the most
// used query-builder UI, and validates a rule group the way that UI expects:
// a map keyed by rule id.
//
// A rule's field is a query variable (d, tz, start-date, agentID, n, …) or
// a selector of the filter (startDate, duration, transactionCode.name, …),
// and its operator one of those [Fields] lists for it. The rules that the
// API's own variables can say stay variables; or, not, nested groups and
// every other operator become filter= (docs/LANGUAGE.md §14), a not turned
// into complements by De Morgan (docs/BROWSER.md, "Filters"). What recq
// cannot say (a rule comparing two fields, an unknown operator, d under an
// or) is refused with filter.CodeUnsupportedRule naming the rule.
package querybuilder

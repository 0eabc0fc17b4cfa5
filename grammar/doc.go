// Package grammar is the grammar of record for the date language of the
// Recordings API (the value of d= after URL decoding, SPEC §4): a participle/v2
// grammar whose accepted strings define the language exactly. It fixes syntax
// only — digit counts, separators, which parts may follow which, and that a
// value is all extended or all basic — and leaves calendar and range checks
// (month 13, hour 25, Feb 30, offset hour above 23, more than 100000 days) to
// whoever converts the tree. Any hand-written parser of d= must accept exactly
// the strings that ParseDateRange accepts; every accepted string prints back
// unchanged through String.
package grammar

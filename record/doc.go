// Package record holds the Recordings API's records, the call-recording
// files and the chat transcripts, with every field of the API document, and
// a Store that keeps them in the API's order and indexed by startDate.
//
// Field texts are kept exactly as the API writes them, so that a query's
// field match compares like for like ([D-4]); startDate is an instant and
// duration a whole number of seconds, since dates and windows need both.
package record

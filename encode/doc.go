// Package encode writes and reads what travels between a client and the
// Recordings API: the canonical query string of a request (docs/LANGUAGE.md §8,
// [Canonical]), and the responses in XML, JSON ([D-12]) and CSV ([D-13]),
// written by [WriteFiles], [WriteTranscripts] and [WriteTranscript] (or a
// record at a time by [FileWriter] and [TranscriptWriter]) and read
// back by [ReadFiles], [ReadTranscripts] and [ReadRecords]; and the body of
// a refused request in each format, [WriteErrors], with [ContentType].
//
// The writers stream to an io.Writer and allocate nothing per record; the
// readers stream too, accept the API document's own quirk (<channelName>
// closed by </channelname>), and refuse a bad file with a [ReadError] that
// names its line and record rather than return part of it.
package encode

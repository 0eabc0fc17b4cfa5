package encode

import (
	"strconv"

	"github.com/recq/recq/record"
)

// The JSON layout ([D-12]) mirrors the XML: an element holding elements is
// an object, keys in output order; a repeated element (file, transcript,
// transactionCode, metaData, message) is an array, also with one item or
// none; every leaf is a string holding the XML text, "" for an empty
// element. The items of the outer list are written one to a line:
//
//	{"recordings":{"file":[
//	{"startDate":"2007-12-19T19:16:36-08:00",…,"wrapUpCode":{"transactionCodes":{"transactionCode":[…]}}},
//	{…}
//	]}}
//
// and {"recordings":{"file":[]}} when there is none.

// jsonKeys returns each field's key written before its value's text:
// `{"startDate":"` for the first, `","agentID":"` for the next ones (closing
// the string of the one before).
func jsonKeys[R any](fs []field[R]) []string {
	keys := make([]string, len(fs))
	for i := range fs {
		if i == 0 {
			keys[i] = `{"` + fs[i].name + `":"`
		} else {
			keys[i] = `","` + fs[i].name + `":"`
		}
	}
	return keys
}

var (
	jsonFileKeys       = jsonKeys(fileFields)
	jsonTranscriptKeys = jsonKeys(transcriptFields)
	jsonMessageKeys    = jsonKeys(messageFields)
)

const (
	jsonFilesOpen       = `{"recordings":{"file":[` + "\n"
	jsonFilesEmpty      = `{"recordings":{"file":[]}}` + "\n"
	jsonTranscriptsOpen = `{"recordings":{"transcript":[` + "\n"
	jsonTranscriptsNone = `{"recordings":{"transcript":[]}}` + "\n"
	jsonListClose       = "\n]}}\n"
	jsonCodesOpen       = `,"wrapUpCode":{"transactionCodes":{"transactionCode":[`
	jsonCodesClose      = `]}}`
	jsonCodeFirst       = `{"listName":"`
	jsonCodeSecond      = `","name":"`
	jsonMetaOpen        = `,"metaDatas":{"metaData":[`
	jsonMetaClose       = `]}`
	jsonMetaFirst       = `{"fieldName":"`
	jsonMetaSecond      = `","fieldValue":"`
	jsonMessagesOpen    = `,"messages":{"message":[` + "\n"
	jsonMessagesEmpty   = `,"messages":{"message":[]}`
	jsonMessagesClose   = "\n]}"
)

// jsonFile appends one file of a list (the caller writes the separator).
func (o *out) jsonFile(f *record.File, c *clock) {
	b := appendJSONFields(o.b, fileFields, jsonFileKeys, f, c)
	b = append(b, jsonCodesOpen...)
	for j := range f.TransactionCodes {
		c := &f.TransactionCodes[j]
		b = appendJSONPair(b, j, jsonCodeFirst, jsonCodeSecond, c.ListName, c.Name)
	}
	b = append(b, jsonCodesClose...)
	b = appendJSONMeta(b, f.MetaData)
	o.b = append(b, '}')
}

// jsonListTranscript appends one transcript of a list (without messages).
func (o *out) jsonListTranscript(t *record.Transcript, c *clock) {
	b := appendJSONFields(o.b, transcriptFields, jsonTranscriptKeys, t, c)
	b = appendJSONMeta(b, t.MetaData)
	o.b = append(b, '}')
}

func (o *out) jsonTranscript(t *record.Transcript, c *clock) {
	o.b = append(o.b, `{"transcript":`...)
	o.b = appendJSONFields(o.b, transcriptFields, jsonTranscriptKeys, t, c)
	o.b = appendJSONMeta(o.b, t.MetaData)
	if len(t.Messages) == 0 {
		o.b = append(o.b, jsonMessagesEmpty...)
	} else {
		o.b = append(o.b, jsonMessagesOpen...)
		for i := range t.Messages {
			b := o.b
			if i > 0 {
				b = append(b, ',', '\n')
			}
			b = appendJSONFields(b, messageFields, jsonMessageKeys, &t.Messages[i], c)
			o.b = append(b, '}')
			if !o.next() {
				return
			}
		}
		o.b = append(o.b, jsonMessagesClose...)
	}
	o.b = append(o.b, "}}\n"...)
}

// appendJSONFields appends the object's opening brace and its leaves; the
// caller appends the nested lists and the closing brace.
func appendJSONFields[R any](b []byte, fs []field[R], keys []string, r *R, c *clock) []byte {
	for i := range fs {
		fd := &fs[i]
		b = append(b, keys[i]...)
		switch fd.kind {
		case kindText:
			b = appendJSONText(b, *fd.text(r))
		case kindDate:
			b = c.appendTime(b, *fd.date(r))
		case kindNumber:
			b = strconv.AppendInt(b, int64(*fd.num(r)), 10)
		}
	}
	return append(b, '"')
}

func appendJSONMeta(b []byte, md []record.MetaData) []byte {
	if len(md) == 0 {
		return b
	}
	b = append(b, jsonMetaOpen...)
	for i := range md {
		b = appendJSONPair(b, i, jsonMetaFirst, jsonMetaSecond, md[i].FieldName, md[i].FieldValue)
	}
	return append(b, jsonMetaClose...)
}

func appendJSONPair(b []byte, i int, first, second, x, y string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	b = append(b, first...)
	b = appendJSONText(b, x)
	b = append(b, second...)
	b = appendJSONText(b, y)
	return append(b, '"', '}')
}

// jsonPlain marks the bytes written as they are inside a JSON string:
// printable ASCII but " and \.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = false, false
	return t
}()

// appendJSONText appends the inside of a JSON string holding s (Sanitize
// applied). U+2028 and U+2029 are escaped, as encoding/json does, so that
// the text is also JavaScript; <, > and & are not.
func appendJSONText(b []byte, s string) []byte {
	i := 0
	for i < len(s) && jsonPlain[s[i]] {
		i++
	}
	if i == len(s) {
		return append(b, s...)
	}
	b = append(b, s[:i]...)
	for i < len(s) {
		start := i
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		b = append(b, s[start:i]...)
		if i == len(s) {
			break
		}
		switch c := s[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			if c < 0x80 { // a control character
				b = append(b, replacement...)
				break
			}
			size, ok := decodeText(s[i:])
			switch ch := s[i : i+size]; {
			case !ok:
				b = append(b, replacement...)
			case ch == "\u2028":
				b = append(b, `\u2028`...)
			case ch == "\u2029":
				b = append(b, `\u2029`...)
			default:
				b = append(b, ch...)
			}
			i += size - 1
		}
		i++
	}
	return b
}

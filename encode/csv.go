package encode

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/recq/recq/record"
)

// The CSV layout ([D-13]), RFC 4180: CRLF after every row (the header
// too), a field quoted when it holds a comma, a double quote, CR or LF, a
// double quote inside written twice; a line break inside a field is written
// as it is. The header row names the columns in output order; the nested
// lists are one column each, named after their outer element:
//
//	files:       startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,
//	             accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode,metaDatas
//	transcripts: startDate,agentID,agentName,contactID,contactName,queueID,queueName,channelID,
//	             channelName,caseID,targetIP,transactionID,interactionGUID,transcriptType,duration,metaDatas
//
// A list's entries are joined by |, an entry's two parts by : (listName:name,
// fieldName:fieldValue), and \ escapes |, : and \ inside a part:
// "Gauffre:Gauffre 1", "Color:Blue|Fruit:Cherry", "URL:http\://x". An empty
// list is an empty field; an entry always holds its :, so one entry with two
// empty parts is ":".

var (
	csvFileHeader       = csvHeader(fileFields, colWrapUpCode, colMetaDatas)
	csvTranscriptHeader = csvHeader(transcriptFields, colMetaDatas)
)

func csvHeader[R any](fs []field[R], lists ...string) string {
	names := make([]string, 0, len(fs)+len(lists))
	for i := range fs {
		names = append(names, fs[i].name)
	}
	return strings.Join(append(names, lists...), ",") + "\r\n"
}

// csvFile appends one row of files.
func (o *out) csvFile(f *record.File, c *clock) {
	b := appendCSVFields(o.b, fileFields, f, c)
	cell := o.scratch[:0]
	for j := range f.TransactionCodes {
		cell = appendListEntry(cell, j, f.TransactionCodes[j].ListName, f.TransactionCodes[j].Name)
	}
	b = append(b, ',')
	b = appendCSVCell(b, cell)
	o.scratch, o.b = cell, o.appendCSVMeta(b, f.MetaData)
}

// csvTranscript appends one row of transcripts.
func (o *out) csvTranscript(t *record.Transcript, c *clock) {
	b := appendCSVFields(o.b, transcriptFields, t, c)
	o.b = o.appendCSVMeta(b, t.MetaData)
}

// appendCSVMeta appends the metaDatas column and the row's end.
func (o *out) appendCSVMeta(b []byte, md []record.MetaData) []byte {
	c := o.scratch[:0]
	for j := range md {
		c = appendListEntry(c, j, md[j].FieldName, md[j].FieldValue)
	}
	o.scratch = c
	b = append(b, ',')
	b = appendCSVCell(b, c)
	return append(b, '\r', '\n')
}

func appendCSVFields[R any](b []byte, fs []field[R], r *R, c *clock) []byte {
	for i := range fs {
		fd := &fs[i]
		if i > 0 {
			b = append(b, ',')
		}
		switch fd.kind {
		case kindText:
			b = appendCSVText(b, *fd.text(r))
		case kindDate:
			b = c.appendTime(b, *fd.date(r))
		case kindNumber:
			b = strconv.AppendInt(b, int64(*fd.num(r)), 10)
		}
	}
	return b
}

// csvPlain marks the bytes written as they are in a field that needs no
// quotes: printable ASCII but , and ", and tab.
var csvPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t[','], t['"'], t['\t'] = false, false, true
	return t
}()

// appendCSVText appends s as one CSV field (Sanitize applied).
func appendCSVText(b []byte, s string) []byte {
	i := 0
	for i < len(s) && csvPlain[s[i]] {
		i++
	}
	if i == len(s) {
		return append(b, s...)
	}
	if !needsQuotes(s[i:]) {
		return appendSanitized(b, s)
	}
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '"', '"')
		case c >= 0x80:
			size, ok := decodeText(s[i:])
			if ok {
				b = append(b, s[i:i+size]...)
			} else {
				b = append(b, replacement...)
			}
			i += size
			continue
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			b = append(b, replacement...)
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}

// appendCSVCell appends a cell made by appendListEntry (sanitized already)
// as one CSV field.
func appendCSVCell(b, cell []byte) []byte {
	if !needsQuotes(cell) {
		return append(b, cell...)
	}
	b = append(b, '"')
	for {
		i := bytes.IndexByte(cell, '"')
		if i < 0 {
			break
		}
		b = append(b, cell[:i+1]...)
		b = append(b, '"')
		cell = cell[i+1:]
	}
	b = append(b, cell...)
	return append(b, '"')
}

// appendListEntry appends the j-th entry of a nested list: `|` before all
// but the first, then x:y with \ before each |, : and \ of x and y.
func appendListEntry(c []byte, j int, x, y string) []byte {
	if j > 0 {
		c = append(c, '|')
	}
	c = appendListPart(c, x)
	c = append(c, ':')
	return appendListPart(c, y)
}

func appendListPart(c []byte, s string) []byte {
	i := 0
	for i < len(s) && listPlain[s[i]] {
		i++
	}
	if i == len(s) {
		return append(c, s...)
	}
	c = append(c, s[:i]...)
	for {
		j := i
		for j < len(s) && s[j] != '|' && s[j] != ':' && s[j] != '\\' {
			j++
		}
		c = appendSanitized(c, s[i:j])
		if j == len(s) {
			return c
		}
		c = append(c, '\\', s[j])
		i = j + 1
	}
}

// listPlain marks the bytes written as they are in a part of a list entry:
// printable ASCII but |, : and \.
var listPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['|'], t[':'], t['\\'] = false, false, false
	return t
}()

// csvSpecial marks the bytes that make a field quoted.
var csvSpecial = [256]bool{',': true, '"': true, '\r': true, '\n': true}

func needsQuotes[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if csvSpecial[s[i]] {
			return true
		}
	}
	return false
}

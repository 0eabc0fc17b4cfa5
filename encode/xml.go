package encode

import (
	"strconv"
	"strings"

	"github.com/recq/recq/record"
)

// The XML layout: the document's declaration, then one element per line,
// indented by two spaces a level; an element without text is written
// <name /> (as the document writes <outDialCode />), also a list without
// items (<recordings />, <transactionCodes />, <messages />). metaDatas is
// written only for a record with metadata.
const xmlDecl = "<?xml version='1.0' encoding='UTF-8' ?>\n"

// xmlTag is a leaf element at a depth: "    <agentID>", "</agentID>\n" and
// "    <agentID />\n".
type xmlTag struct {
	open, close, empty string
}

func makeTag(depth int, name string) xmlTag {
	indent := strings.Repeat("  ", depth)
	return xmlTag{
		open:  indent + "<" + name + ">",
		close: "</" + name + ">\n",
		empty: indent + "<" + name + " />\n",
	}
}

// xmlBlock is a container element at a depth: "  <file>\n", "  </file>\n"
// and "  <file />\n".
type xmlBlock struct {
	open, close, empty string
}

func makeBlock(depth int, name string) xmlBlock {
	indent := strings.Repeat("  ", depth)
	return xmlBlock{
		open:  indent + "<" + name + ">\n",
		close: indent + "</" + name + ">\n",
		empty: indent + "<" + name + " />\n",
	}
}

func makeTags[R any](fs []field[R], depth int) []xmlTag {
	tags := make([]xmlTag, len(fs))
	for i := range fs {
		tags[i] = makeTag(depth, fs[i].name)
	}
	return tags
}

// xmlPairs is a list of two-leaf items at a depth: metaDatas/metaData
// {fieldName, fieldValue} or transactionCodes/transactionCode{listName, name}.
type xmlPairs struct {
	list, item xmlBlock
	a, b       xmlTag
}

func makePairs(depth int, list, item, a, b string) xmlPairs {
	return xmlPairs{makeBlock(depth, list), makeBlock(depth+1, item), makeTag(depth+2, a), makeTag(depth+2, b)}
}

// The tags of each element at the depth where it is written.
var (
	xmlRecordings     = makeBlock(0, elemRecordings)
	xmlFile           = makeBlock(1, elemFile)
	xmlFileTags       = makeTags(fileFields, 2)
	xmlWrapUpCode     = makeBlock(2, elemWrapUpCode)
	xmlCodes          = makePairs(3, elemTransactionCodes, elemTransactionCode, elemListName, elemName)
	xmlFileMeta       = makePairs(2, elemMetaDatas, elemMetaData, elemFieldName, elemFieldValue)
	xmlTranscriptItem = makeBlock(1, elemTranscript)
	xmlTranscriptTags = makeTags(transcriptFields, 2)
	xmlListMeta       = xmlFileMeta

	// One transcript: root <transcript>, fields one level up.
	xmlTranscriptRoot = makeBlock(0, elemTranscript)
	xmlOneTags        = makeTags(transcriptFields, 1)
	xmlOneMeta        = makePairs(1, elemMetaDatas, elemMetaData, elemFieldName, elemFieldValue)
	xmlMessages       = makeBlock(1, elemMessages)
	xmlMessage        = makeBlock(2, elemMessage)
	xmlMessageTags    = makeTags(messageFields, 3)
)

// xmlFile appends one <file> of a list.
func (o *out) xmlFile(f *record.File, c *clock) {
	b := append(o.b, xmlFile.open...)
	b = appendXMLFields(b, fileFields, xmlFileTags, f, c)
	b = append(b, xmlWrapUpCode.open...)
	if len(f.TransactionCodes) == 0 {
		b = append(b, xmlCodes.list.empty...)
	} else {
		b = append(b, xmlCodes.list.open...)
		for j := range f.TransactionCodes {
			c := &f.TransactionCodes[j]
			b = appendXMLPair(b, &xmlCodes, c.ListName, c.Name)
		}
		b = append(b, xmlCodes.list.close...)
	}
	b = append(b, xmlWrapUpCode.close...)
	b = appendXMLMeta(b, &xmlFileMeta, f.MetaData)
	o.b = append(b, xmlFile.close...)
}

// xmlListTranscript appends one <transcript> of a list (without messages).
func (o *out) xmlListTranscript(t *record.Transcript, c *clock) {
	b := append(o.b, xmlTranscriptItem.open...)
	b = appendXMLFields(b, transcriptFields, xmlTranscriptTags, t, c)
	b = appendXMLMeta(b, &xmlListMeta, t.MetaData)
	o.b = append(b, xmlTranscriptItem.close...)
}

func (o *out) xmlTranscript(t *record.Transcript, c *clock) {
	o.b = append(o.b, xmlDecl...)
	o.b = append(o.b, xmlTranscriptRoot.open...)
	o.b = appendXMLFields(o.b, transcriptFields, xmlOneTags, t, c)
	o.b = appendXMLMeta(o.b, &xmlOneMeta, t.MetaData)
	if len(t.Messages) == 0 {
		o.b = append(o.b, xmlMessages.empty...)
	} else {
		o.b = append(o.b, xmlMessages.open...)
		for i := range t.Messages {
			b := append(o.b, xmlMessage.open...)
			b = appendXMLFields(b, messageFields, xmlMessageTags, &t.Messages[i], c)
			o.b = append(b, xmlMessage.close...)
			if !o.next() {
				return
			}
		}
		o.b = append(o.b, xmlMessages.close...)
	}
	o.b = append(o.b, xmlTranscriptRoot.close...)
}

func appendXMLFields[R any](b []byte, fs []field[R], tags []xmlTag, r *R, c *clock) []byte {
	for i := range fs {
		fd, tag := &fs[i], &tags[i]
		switch fd.kind {
		case kindText:
			if s := *fd.text(r); s == "" {
				b = append(b, tag.empty...)
			} else {
				b = append(b, tag.open...)
				b = appendXMLText(b, s)
				b = append(b, tag.close...)
			}
		case kindDate:
			b = append(b, tag.open...)
			b = c.appendTime(b, *fd.date(r))
			b = append(b, tag.close...)
		case kindNumber:
			b = append(b, tag.open...)
			b = strconv.AppendInt(b, int64(*fd.num(r)), 10)
			b = append(b, tag.close...)
		}
	}
	return b
}

func appendXMLMeta(b []byte, p *xmlPairs, md []record.MetaData) []byte {
	if len(md) == 0 {
		return b
	}
	b = append(b, p.list.open...)
	for i := range md {
		b = appendXMLPair(b, p, md[i].FieldName, md[i].FieldValue)
	}
	return append(b, p.list.close...)
}

func appendXMLPair(b []byte, p *xmlPairs, x, y string) []byte {
	b = append(b, p.item.open...)
	b = appendXMLLeaf(b, &p.a, x)
	b = appendXMLLeaf(b, &p.b, y)
	return append(b, p.item.close...)
}

func appendXMLLeaf(b []byte, tag *xmlTag, s string) []byte {
	if s == "" {
		return append(b, tag.empty...)
	}
	b = append(b, tag.open...)
	b = appendXMLText(b, s)
	return append(b, tag.close...)
}

// xmlPlain marks the bytes written as they are in XML text: printable ASCII
// but <, > and &, and tab and LF. CR is written &#xD; so that a reader's
// line-end normalization keeps it.
var xmlPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['<'], t['>'], t['&'] = false, false, false
	t['\t'], t['\n'] = true, true
	return t
}()

// appendXMLText appends s escaped as XML character data (Sanitize applied).
func appendXMLText(b []byte, s string) []byte {
	i := 0
	for i < len(s) && xmlPlain[s[i]] {
		i++
	}
	if i == len(s) {
		return append(b, s...)
	}
	b = append(b, s[:i]...)
	for i < len(s) {
		start := i
		for i < len(s) && xmlPlain[s[i]] {
			i++
		}
		b = append(b, s[start:i]...)
		if i == len(s) {
			break
		}
		switch c := s[i]; c {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '\r':
			b = append(b, "&#xD;"...)
		default:
			if c < 0x80 { // a control character
				b = append(b, replacement...)
				break
			}
			size, ok := decodeText(s[i:])
			if ok {
				b = append(b, s[i:i+size]...)
			} else {
				b = append(b, replacement...)
			}
			i += size - 1
		}
		i++
	}
	return b
}

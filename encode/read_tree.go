package encode

import (
	"io"
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// XML and JSON are read alike: a source turns the text into a stream of
// events (an element starts, text, the element ends) and tree reads the
// records off the stream, knowing which elements each element holds.

type evKind uint8

const (
	evStart evKind = iota + 1
	evText
	evEnd
	evEOF
)

type event struct {
	kind evKind
	name string // evStart, evEnd
	text []byte // evText from XML: valid until the next event
	str  string // evText from JSON
}

type source interface {
	// next returns the next event, or a *ReadError for malformed text, or
	// an error of the reader.
	next() (event, error)
	// line returns the line of the reader's position: where the last event
	// ends.
	line() int
	// offset returns the reader's position: the byte after the last event.
	offset() int64
}

type tree struct {
	src      source
	rec      int    // the record being read, 1-based
	recStart int64  // its offset; -1 between records
	buf      []byte // a leaf's text
}

func newTree(r io.Reader, f filter.Format) *tree {
	if f == filter.JSON {
		return &tree{src: newJSONSource(r), recStart: -1}
	}
	return &tree{src: newXMLSource(r), recStart: -1}
}

func (p *tree) fault(line int, field, msg string) *ReadError {
	return &ReadError{Line: line, Record: p.rec, Field: strings.TrimSuffix(field, "/"), Msg: msg}
}

func (p *tree) next() (event, error) {
	ev, err := p.src.next()
	if re, ok := err.(*ReadError); ok && re.Record == 0 {
		re.Record = p.rec
	}
	if err == nil && p.recStart >= 0 && p.src.offset()-p.recStart > MaxRecordBytes {
		return ev, p.fault(p.src.line(), "", "the record is longer than "+mib(MaxRecordBytes)+" (encode.MaxRecordBytes): too many messages or too long a text")
	}
	return ev, err
}

// begin starts the next record: its number, and where its bound counts from.
func (p *tree) begin() {
	p.rec++
	p.recStart = p.src.offset()
}

// done ends the record begun last.
func (p *tree) done() { p.recStart = -1 }

func blank[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}

func (ev *event) blank() bool { return blank(ev.text) && blank(ev.str) }

// textIn refuses text that is not blank inside the element name.
func (p *tree) textIn(ev *event, name, path string) error {
	if ev.blank() {
		return nil
	}
	t := ev.str
	if ev.text != nil {
		t = string(ev.text)
	}
	if len(t) > 40 {
		t = t[:40] + "…"
	}
	where := "<" + name + ">"
	if name == "" {
		where = "the file"
	}
	return p.fault(p.src.line(), path, "text "+strconv.Quote(strings.TrimSpace(t))+" in "+where+", which holds elements")
}

// closes checks that the end tag got closes the element want; an end tag
// that differs only in case is the API document's </channelname> quirk and
// is taken.
func (p *tree) closes(got, want, path string) error {
	if got == want || strings.EqualFold(got, want) {
		return nil
	}
	return p.fault(p.src.line(), path, "<"+want+"> is closed by </"+got+">")
}

func (p *tree) eof(name, path string) error {
	return p.fault(p.src.line(), path, "the file ends inside <"+name+">")
}

// elem reads the content of the element name, whose start was read, up to
// its end: blank text and child elements, each read by child, which returns
// known false (having read nothing) for a name it does not take; names
// returns the names it takes, for the message.
func (p *tree) elem(name, path string, names func() []string, child func(c string, line int) (known bool, err error)) error {
	for {
		ev, err := p.next()
		if err != nil {
			return err
		}
		switch ev.kind {
		case evText:
			if err := p.textIn(&ev, name, path); err != nil {
				return err
			}
		case evStart:
			line := p.src.line()
			known, err := child(ev.name, line)
			if err != nil {
				return err
			}
			if !known {
				return p.fault(line, path+ev.name, "unknown element <"+ev.name+"> in <"+name+">"+suggest(ev.name, names()...))
			}
		case evEnd:
			return p.closes(ev.name, name, path)
		case evEOF:
			return p.eof(name, path)
		}
	}
}

// leaf reads the text of the element name, whose start was read, up to its end.
func (p *tree) leaf(name, path string) (string, error) {
	// JSON gives a leaf's text as one string, kept as it is; XML's bytes
	// (maybe in pieces, around comments) are joined in buf.
	var single string
	texts, joined := 0, false
	for {
		ev, err := p.next()
		if err != nil {
			return "", err
		}
		switch ev.kind {
		case evText:
			texts++
			if texts == 1 && ev.text == nil {
				single = ev.str
				continue
			}
			if !joined {
				p.buf = append(p.buf[:0], single...)
				joined = true
			}
			p.buf = append(p.buf, ev.text...)
			p.buf = append(p.buf, ev.str...)
		case evStart:
			return "", p.fault(p.src.line(), path+name, "<"+name+"> holds text, not elements such as <"+ev.name+">")
		case evEnd:
			if err := p.closes(ev.name, name, path+name); err != nil {
				return "", err
			}
			if joined {
				return string(p.buf), nil
			}
			return single, nil
		case evEOF:
			return "", p.eof(name, path+name)
		}
	}
}

// fields reads the element name (its start read at line start), holding
// the leaves fs of r and the lists named lists, read by list(i, line). Each
// is taken once, in any order; dates and numbers are required. It returns
// the line of the leaf fs[key] (start when there is none), for faults about
// the record's key.
func fields[R any](p *tree, name, path string, start int, r *R, fs []field[R], key int, lists []string, list func(i, line int) error) (keyLine int, err error) {
	var seen uint64
	keyLine = start
	names := func() []string { return fieldNames(fs, lists...) }
	err = p.elem(name, path, names, func(c string, line int) (bool, error) {
		i := fieldIndex(fs, c)
		if i < 0 {
			for j, l := range lists {
				if l == c {
					i = len(fs) + j
				}
			}
		}
		if i < 0 {
			return false, nil
		}
		if seen&(1<<i) != 0 {
			return true, p.fault(line, path+c, "<"+c+"> is given twice in <"+name+">")
		}
		seen |= 1 << i
		if i >= len(fs) {
			return true, list(i-len(fs), line)
		}
		s, err := p.leaf(c, path)
		if err != nil {
			return true, err
		}
		line = p.src.line()
		if i == key {
			keyLine = line
		}
		if msg := setField(&fs[i], r, s); msg != "" {
			return true, p.fault(line, path+c, msg)
		}
		return true, nil
	})
	if err != nil {
		return keyLine, err
	}
	for i := range fs {
		if fs[i].kind != kindText && seen&(1<<i) == 0 {
			return keyLine, p.fault(start, path+fs[i].name, "<"+name+"> has no <"+fs[i].name+">")
		}
	}
	return keyLine, nil
}

// list reads the element name holding the items item, each read by each.
func (p *tree) list(name, path, item string, each func(line int) error) error {
	return p.elem(name, path, func() []string { return []string{item} }, func(c string, line int) (bool, error) {
		if c != item {
			return false, nil
		}
		return true, each(line)
	})
}

// pairs reads a list of two-leaf items, such as metaDatas/metaData.
func pairs[P any](p *tree, name, path, item string, fs []field[P], ps *[]P) error {
	inner := path + name + "/"
	return p.list(name, inner, item, func(line int) error {
		var x P
		if _, err := fields(p, item, inner+item+"/", line, &x, fs, -1, nil, nil); err != nil {
			return err
		}
		*ps = append(*ps, x)
		return nil
	})
}

// root reads up to the start of the root element.
func (p *tree) root() (name string, line int, err error) {
	for {
		ev, err := p.next()
		if err != nil {
			return "", 0, err
		}
		switch ev.kind {
		case evText:
			if err := p.textIn(&ev, "", ""); err != nil {
				return "", 0, err
			}
		case evStart:
			return ev.name, p.src.line(), nil
		case evEnd:
			return "", 0, p.fault(p.src.line(), "", "an end tag </"+ev.name+"> before any element")
		case evEOF:
			return "", 0, p.fault(p.src.line(), "", "the file holds no element: want <recordings>")
		}
	}
}

// end reads what follows the root element: nothing but blanks.
func (p *tree) end() error {
	for {
		ev, err := p.next()
		if err != nil {
			return err
		}
		switch ev.kind {
		case evText:
			if err := p.textIn(&ev, "", ""); err != nil {
				return err
			}
		case evStart:
			return p.fault(p.src.line(), "", "a second root element <"+ev.name+"> after the first")
		case evEnd:
			return p.fault(p.src.line(), "", "an end tag </"+ev.name+"> after the root element")
		case evEOF:
			return nil
		}
	}
}

func (p *tree) files() ([]record.File, error) {
	root, line, err := p.root()
	if err != nil {
		return nil, err
	}
	switch {
	case root == elemTranscript:
		return nil, p.fault(line, "", "the root element <transcript> is one transcript: read it as transcripts")
	case root != elemRecordings:
		return nil, p.fault(line, "", "the root element is <"+root+">; a list of files is <recordings>"+suggest(root, elemRecordings))
	}
	files, err := readList(p, elemFile, elemTranscript, "<transcript> in a list of files: read the file as transcripts",
		"filename", func(f *record.File) string { return f.Filename }, p.file)
	if err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	return files, nil
}

// readList reads the <elem> children of <recordings>, each by read, and
// refuses a child of the other kind (with msg) and a key given twice.
func readList[R any](p *tree, elem, other, msg, keyName string, key func(*R) string, read func(*R, int) (int, error)) ([]R, error) {
	var out []R
	seen := make(map[string]int)
	err := p.elem(elemRecordings, "", func() []string { return []string{elem} }, func(c string, line int) (bool, error) {
		switch c {
		case elem:
		case other:
			return true, p.fault(line, "", msg)
		default:
			return false, nil
		}
		p.begin()
		var r R
		keyLine, err := read(&r, line)
		p.done()
		if err != nil {
			return true, err
		}
		if earlier, dup := seen[key(&r)]; dup {
			return true, p.fault(keyLine, keyName, duplicate(keyName, key(&r), earlier))
		}
		seen[key(&r)] = p.rec
		out = append(out, r)
		return true, nil
	})
	return out, err
}

var fileLists = []string{elemWrapUpCode, elemMetaDatas}

func (p *tree) file(f *record.File, start int) (keyLine int, err error) {
	return fields(p, elemFile, "", start, f, fileFields, fieldIndex(fileFields, "filename"), fileLists, func(i, line int) error {
		if fileLists[i] == elemMetaDatas {
			return pairs(p, elemMetaDatas, "", elemMetaData, mdFields, &f.MetaData)
		}
		// wrapUpCode holds transactionCodes, once.
		const path = elemWrapUpCode + "/"
		seen := false
		return p.elem(elemWrapUpCode, path, func() []string { return []string{elemTransactionCodes} }, func(c string, line int) (bool, error) {
			if c != elemTransactionCodes {
				return false, nil
			}
			if seen {
				return true, p.fault(line, path+c, "<"+c+"> is given twice in <"+elemWrapUpCode+">")
			}
			seen = true
			return true, pairs(p, elemTransactionCodes, path, elemTransactionCode, tcFields, &f.TransactionCodes)
		})
	})
}

func (p *tree) transcripts() ([]record.Transcript, error) {
	root, line, err := p.root()
	if err != nil {
		return nil, err
	}
	var ts []record.Transcript
	switch root {
	case elemTranscript: // one transcript with its messages
		p.begin()
		var t record.Transcript
		if _, err := p.transcript(&t, line); err != nil {
			return nil, err
		}
		ts = append(ts, t)
	case elemRecordings:
		if ts, err = readList(p, elemTranscript, elemFile, "<file> in a list of transcripts: read the file as files",
			"interactionGUID", func(t *record.Transcript) string { return t.InteractionGUID }, p.transcript); err != nil {
			return nil, err
		}
	default:
		return nil, p.fault(line, "", "the root element is <"+root+">; transcripts are in <recordings>, or one in <transcript>"+suggest(root, elemRecordings, elemTranscript))
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	return ts, nil
}

var transcriptLists = []string{elemMetaDatas, elemMessages}

func (p *tree) transcript(t *record.Transcript, start int) (keyLine int, err error) {
	keyLine, err = p.transcriptFields(t, start)
	if err == nil {
		if msg := guidFault(t.InteractionGUID); msg != "" {
			return keyLine, p.fault(keyLine, "interactionGUID", msg)
		}
	}
	return keyLine, err
}

func (p *tree) transcriptFields(t *record.Transcript, start int) (keyLine int, err error) {
	return fields(p, elemTranscript, "", start, t, transcriptFields, fieldIndex(transcriptFields, "interactionGUID"), transcriptLists, func(i, line int) error {
		if transcriptLists[i] == elemMetaDatas {
			return pairs(p, elemMetaDatas, "", elemMetaData, mdFields, &t.MetaData)
		}
		const path = elemMessages + "/"
		return p.list(elemMessages, path, elemMessage, func(line int) error {
			var m record.Message
			if _, err := fields(p, elemMessage, path+elemMessage+"/", line, &m, messageFields, -1, nil, nil); err != nil {
				return err
			}
			t.Messages = append(t.Messages, m)
			return nil
		})
	})
}

// records reads a list of files and transcripts, or one transcript,
// handing each to file or transcript as it is read.
func (p *tree) records(file func(*record.File) error, transcript func(*record.Transcript) error) error {
	root, line, err := p.root()
	if err != nil {
		return err
	}
	switch root {
	case elemTranscript:
		p.begin()
		var t record.Transcript
		if _, err := p.transcript(&t, line); err != nil {
			return err
		}
		if err := transcript(&t); err != nil {
			return err
		}
	case elemRecordings:
		seenFiles := make(map[string]int)
		seenTranscripts := make(map[string]int)
		err = p.elem(elemRecordings, "", func() []string { return []string{elemFile, elemTranscript} }, func(c string, line int) (bool, error) {
			switch c {
			case elemFile:
				p.begin()
				var f record.File
				keyLine, err := p.file(&f, line)
				p.done()
				if err != nil {
					return true, err
				}
				if earlier, dup := seenFiles[f.Filename]; dup {
					return true, p.fault(keyLine, "filename", duplicate("filename", f.Filename, earlier))
				}
				seenFiles[f.Filename] = p.rec
				return true, file(&f)
			case elemTranscript:
				p.begin()
				var t record.Transcript
				keyLine, err := p.transcript(&t, line)
				p.done()
				if err != nil {
					return true, err
				}
				if earlier, dup := seenTranscripts[t.InteractionGUID]; dup {
					return true, p.fault(keyLine, "interactionGUID", duplicate("interactionGUID", t.InteractionGUID, earlier))
				}
				seenTranscripts[t.InteractionGUID] = p.rec
				return true, transcript(&t)
			default:
				return false, nil
			}
		})
		if err != nil {
			return err
		}
	default:
		return p.fault(line, "", "the root element is <"+root+">; records are in <recordings>, or one transcript in <transcript>"+suggest(root, elemRecordings, elemTranscript))
	}
	return p.end()
}

package encode

import (
	"bufio"
	"bytes"
	"io"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// MaxRecordBytes bounds one record of a file read by ReadFiles,
// ReadTranscripts and ReadRecords: its text from its start tag (or brace,
// or row) to its end, a transcript's messages included, is at most 1 MiB,
// and so is any stretch of the input without a token (blanks between
// records included). A reader's memory is thus bounded by this, not by the
// input, and so is a response built from a record (docs/SERVING.md,
// "Reading records").
const MaxRecordBytes = 1 << 20

// readSize is the most one Read takes from the reader.
const readSize = 64 << 10

// tokenSlack is what the buffers in front of a decoder may have read past
// its position: the bound on a token is MaxRecordBytes plus this.
const tokenSlack = 128 << 10

// input counts what is read from r and keeps its first error, so that an
// error of r is told from a fault of the text. Optionally (JSON) it keeps
// the offsets of the newlines not yet passed, for lineAt; refuses more than
// MaxRecordBytes read past mark, the end of the last token; and refuses
// bytes that are not UTF-8.
type input struct {
	r     io.Reader
	count bool // keep newlines
	bound bool // refuse a token longer than MaxRecordBytes
	utf8  bool // refuse invalid UTF-8
	off   int64
	err   error // the first error of r but io.EOF

	mark int64 // the end of the last token (set by the source)
	// The newlines at or after base (a multiple of 64, at most mark), one
	// bit a byte: some 150 KiB for a token of MaxRecordBytes, whatever
	// the number of lines.
	bits   []uint64
	base   int64
	passed int // newlines before base
	// The newlines before the byte at seenOff, for lineAt's next call.
	seenOff  int64
	seenLine int
	part     []byte // a UTF-8 sequence cut by the end of a read

	fault    string // why the text is refused, "" while it is not
	faultOff int64  // the offset of the fault
}

// errFault is returned by input.Read once the text is refused; the
// source turns it into a *ReadError with input.fault.
var errFault = &ReadError{Msg: "refused input"}

func (in *input) Read(p []byte) (int, error) {
	if in.fault != "" {
		return 0, errFault
	}
	if in.bound && in.off-in.mark > MaxRecordBytes+tokenSlack {
		in.fault, in.faultOff = "more than "+mib(MaxRecordBytes)+" without a token: blanks or one text longer than a record may be (encode.MaxRecordBytes)", in.off
		return 0, errFault
	}
	if len(p) > readSize {
		p = p[:readSize] // the bound is checked at most readSize late
	}
	n, err := in.r.Read(p)
	if in.count {
		in.prune()
		for i := 0; i < n; {
			j := bytes.IndexByte(p[i:n], '\n')
			if j < 0 {
				break
			}
			in.setBit(in.off + int64(i+j) - in.base)
			i += j + 1
		}
	}
	if in.utf8 {
		if bad, ok := in.checkUTF8(p[:n], err == io.EOF); !ok {
			in.fault, in.faultOff = "the text is not UTF-8 (at byte "+strconv.FormatInt(bad, 10)+" of the file); save it as UTF-8", bad
			in.off += int64(n)
			return 0, errFault
		}
	}
	in.off += int64(n)
	if err != nil && err != io.EOF && in.err == nil {
		in.err = err
	}
	return n, err
}

// setBit marks a newline at base+o.
func (in *input) setBit(o int64) {
	w := int(o >> 6)
	for len(in.bits) <= w {
		in.bits = append(in.bits, 0)
	}
	in.bits[w] |= 1 << (o & 63)
}

// prune forgets the newlines before mark, counting them.
func (in *input) prune() {
	drop := int((in.mark - in.base) >> 6)
	if drop <= 0 {
		return
	}
	drop = min(drop, len(in.bits))
	for _, w := range in.bits[:drop] {
		in.passed += bits.OnesCount64(w)
	}
	in.bits = append(in.bits[:0], in.bits[drop:]...)
	in.base += int64(drop) << 6
}

// newlines counts the newlines at offsets in [from, to), both at or after
// base.
func (in *input) newlines(from, to int64) int {
	n := 0
	for o := from - in.base; o < to-in.base; {
		w := int(o >> 6)
		if w >= len(in.bits) {
			break
		}
		word := in.bits[w] >> (o & 63)
		if end := to - in.base; end < int64(w+1)<<6 {
			word &= 1<<(end-o) - 1
		}
		n += bits.OnesCount64(word)
		o = int64(w+1) << 6
	}
	return n
}

// checkUTF8 checks b, read at in.off, carrying a sequence cut at its end to
// the next read; it returns the offset of the first bad byte.
func (in *input) checkUTF8(b []byte, eof bool) (bad int64, ok bool) {
	i := 0
	if len(in.part) > 0 {
		start := in.off - int64(len(in.part))
		for i < len(b) && !utf8.FullRune(in.part) {
			in.part = append(in.part, b[i])
			i++
		}
		if !utf8.FullRune(in.part) {
			if eof {
				return start, false
			}
			return 0, true
		}
		if r, size := utf8.DecodeRune(in.part); r == utf8.RuneError && size <= 1 {
			return start, false
		}
		// The sequence may have taken bytes of b it did not need.
		_, size := utf8.DecodeRune(in.part)
		i -= len(in.part) - size
		in.part = in.part[:0]
	}
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(b[i:]) && !eof {
				in.part = append(in.part[:0], b[i:]...)
				return 0, true
			}
			return in.off + int64(i), false
		}
		i += size
	}
	return 0, true
}

// lineAt returns the 1-based line of the byte at off, at or after mark.
func (in *input) lineAt(off int64) int {
	off = max(off, in.base)
	if in.seenOff < in.base || in.seenOff > off {
		in.seenOff, in.seenLine = in.base, in.passed
	}
	in.seenLine += in.newlines(in.seenOff, off)
	in.seenOff = off
	return in.seenLine + 1
}

// setMark records the end of the last token: the bound counts from there.
func (in *input) setMark(off int64) {
	if off > in.mark {
		in.mark = off
	}
}

// open wraps r for reading: the byte order mark is skipped, and bom tells
// whether there was one.
func open(in *input) (br *bufio.Reader, bom int64) {
	br = bufio.NewReaderSize(in, 64<<10)
	if b, _ := br.Peek(3); string(b) == "\uFEFF" {
		br.Discard(3)
		bom = 3
	}
	return br, bom
}

// mib says n bytes in MiB.
func mib(n int) string { return strconv.Itoa(n>>20) + " MiB" }

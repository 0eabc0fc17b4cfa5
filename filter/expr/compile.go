package expr

import (
	"strings"
	"unsafe"

	"github.com/recq/recq/daterange"
	"github.com/recq/recq/record"
)

// CompileFiles returns the predicate of e over files, its dates bound to w
// (e.Resolve's answer): a program built once (program.go), so that
// matching a record walks no syntax, parses nothing and allocates nothing.
// An empty e matches every file.
func CompileFiles(e *Expr, w []daterange.Window) func(*record.File) bool {
	if e.Empty() {
		return func(*record.File) bool { return true }
	}
	p := newProgram(e, w, &fileLayout)
	if p.rootLeaf {
		in := &p.ins[0]
		return func(f *record.File) bool { return p.leaf(in, unsafe.Pointer(f)) }
	}
	return func(f *record.File) bool { return p.group(0, unsafe.Pointer(f)) }
}

// CompileTranscripts is CompileFiles for transcripts.
func CompileTranscripts(e *Expr, w []daterange.Window) func(*record.Transcript) bool {
	if e.Empty() {
		return func(*record.Transcript) bool { return true }
	}
	p := newProgram(e, w, &transcriptLayout)
	if p.rootLeaf {
		in := &p.ins[0]
		return func(t *record.Transcript) bool { return p.leaf(in, unsafe.Pointer(t)) }
	}
	return func(t *record.Transcript) bool { return p.group(0, unsafe.Pointer(t)) }
}

// matchPieces reports whether s starts with first, ends with last, and
// holds the mid pieces in order between them, none overlapping: the
// leftmost place of each piece leaves the most room for the rest.
func matchPieces(s, first string, mid []string, last string) bool {
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, m := range mid {
		i := strings.Index(s, m)
		if i < 0 {
			return false
		}
		s = s[i+len(m):]
	}
	return true
}

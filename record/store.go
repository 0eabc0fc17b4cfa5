package record

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Store holds a set of files and transcripts in the API's order, startDate
// ascending with ties broken by filename or interactionGUID ([D-5]), so a
// date window is found by binary search instead of a scan, and an index by
// filename and by interactionGUID, so that a delete or a lookup touches one
// record (docs/SERVING.md, "Deletes"). It is safe for concurrent use;
// deletes are visible at once to every later read.
type Store struct {
	mu          sync.RWMutex
	files       []File
	transcripts []Transcript
	// A deleted file stays in files as a tombstone (gone, its fields
	// cleared but its startDate, which keeps the order), so that a delete
	// moves nothing.
	gone      []bool
	nGone     int
	fileAt    index // filename → positions in files
	messageAt index // interactionGUID → positions in transcripts
}

// index maps a key to the positions that hold it: the first in one map,
// the rare others (records given twice to NewStore) in a second.
type index struct {
	first map[string]int
	more  map[string][]int
}

func newIndex(n int, key func(int) string) index {
	x := index{first: make(map[string]int, n)}
	for i := range n {
		k := key(i)
		if _, dup := x.first[k]; !dup {
			x.first[k] = i
			continue
		}
		if x.more == nil {
			x.more = map[string][]int{}
		}
		x.more[k] = append(x.more[k], i)
	}
	return x
}

// each calls f with every position of k.
func (x *index) each(k string, f func(int)) bool {
	i, ok := x.first[k]
	if !ok {
		return false
	}
	f(i)
	for _, j := range x.more[k] {
		f(j)
	}
	return true
}

// NewStore returns a store of copies of files and transcripts, sorted.
// Records that share a filename or an interactionGUID are kept, and a
// delete removes them all (the readers of package encode refuse such
// records).
func NewStore(files []File, transcripts []Transcript) *Store {
	s := &Store{files: slices.Clone(files), transcripts: slices.Clone(transcripts)}
	slices.SortStableFunc(s.files, CompareFiles)
	slices.SortStableFunc(s.transcripts, CompareTranscripts)
	s.gone = make([]bool, len(s.files))
	s.fileAt = newIndex(len(s.files), func(i int) string { return s.files[i].Filename })
	s.messageAt = newIndex(len(s.transcripts), func(i int) string { return s.transcripts[i].InteractionGUID })
	return s
}

// CompareFiles orders files as the API lists them.
func CompareFiles(a, b File) int {
	return cmp.Or(a.StartDate.Compare(b.StartDate), cmp.Compare(a.Filename, b.Filename))
}

// CompareTranscripts orders transcripts as the API lists them.
func CompareTranscripts(a, b Transcript) int {
	return cmp.Or(a.StartDate.Compare(b.StartDate), cmp.Compare(a.InteractionGUID, b.InteractionGUID))
}

// Files calls yield with the files whose startDate is in [from, to), in
// order, under a read lock, until yield returns false. A zero from or to
// leaves that side open. yield must not call the store's write methods.
func (s *Store) Files(from, to time.Time, yield func(*File) bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	lo, hi := window(len(s.files), func(i int) time.Time { return s.files[i].StartDate }, from, to)
	for i := lo; i < hi; i++ {
		if s.gone[i] {
			continue
		}
		if !yield(&s.files[i]) {
			return
		}
	}
}

// Transcripts is Files for transcripts.
func (s *Store) Transcripts(from, to time.Time, yield func(*Transcript) bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	lo, hi := window(len(s.transcripts), func(i int) time.Time { return s.transcripts[i].StartDate }, from, to)
	for i := lo; i < hi; i++ {
		if !yield(&s.transcripts[i]) {
			return
		}
	}
}

// window returns the index range of the sorted records whose start is in
// [from, to); a zero bound is open.
func window(n int, start func(int) time.Time, from, to time.Time) (lo, hi int) {
	hi = n
	if !from.IsZero() {
		lo = search(n, func(i int) bool { return !start(i).Before(from) })
	}
	if !to.IsZero() {
		hi = search(n, func(i int) bool { return !start(i).Before(to) })
	}
	return lo, max(lo, hi)
}

// search is sort.Search: the first i in [0, n) with ok(i), or n.
func search(n int, ok func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ok(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Transcript returns a copy of the transcript with that interactionGUID.
func (s *Store) Transcript(guid string) (Transcript, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.messageAt.first[guid]
	if !ok {
		return Transcript{}, false
	}
	t := s.transcripts[i]
	t.Messages = slices.Clone(t.Messages)
	return t, true
}

// DeleteFile removes the file with that filename (S20071220/R….wav) and
// reports whether there was one.
func (s *Store) DeleteFile(filename string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := false
	s.fileAt.each(filename, func(i int) {
		if !s.gone[i] {
			s.gone[i], found = true, true
			s.nGone++
			s.files[i] = File{StartDate: s.files[i].StartDate}
		}
	})
	if found {
		delete(s.fileAt.first, filename)
		delete(s.fileAt.more, filename)
	}
	return found
}

// ClearMessages removes every message of the transcript with that
// interactionGUID and leaves one dummy message in their place, as the API
// does; it reports whether there was such a transcript.
func (s *Store) ClearMessages(guid string, dummy Message) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messageAt.each(guid, func(i int) {
		s.transcripts[i].Messages = []Message{dummy}
	})
}

// Len returns how many files and transcripts the store holds.
func (s *Store) Len() (files, transcripts int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.files) - s.nGone, len(s.transcripts)
}

// AllFiles returns a copy of every file, in the API's order.
func (s *Store) AllFiles() []File {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]File, 0, len(s.files)-s.nGone)
	for i := range s.files {
		if !s.gone[i] {
			out = append(out, s.files[i])
		}
	}
	return out
}

// AllTranscripts returns a copy of every transcript, in the API's order.
func (s *Store) AllTranscripts() []Transcript {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.transcripts)
}

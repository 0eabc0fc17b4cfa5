package record

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Store holds a set of files and transcripts in the API's order, startDate
// ascending with ties broken by filename or interactionGUID ([D-5]), so a
// date window is found by binary search instead of a scan. It is safe for
// concurrent use; deletes are visible at once to every later read.
type Store struct {
	mu          sync.RWMutex
	files       []File
	transcripts []Transcript
}

// NewStore returns a store of copies of files and transcripts, sorted.
func NewStore(files []File, transcripts []Transcript) *Store {
	s := &Store{files: slices.Clone(files), transcripts: slices.Clone(transcripts)}
	slices.SortStableFunc(s.files, CompareFiles)
	slices.SortStableFunc(s.transcripts, CompareTranscripts)
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
	for i := range s.transcripts {
		if s.transcripts[i].InteractionGUID == guid {
			t := s.transcripts[i]
			t.Messages = slices.Clone(t.Messages)
			return t, true
		}
	}
	return Transcript{}, false
}

// DeleteFile removes the file with that filename (S20071220/R….wav) and
// reports whether there was one.
func (s *Store) DeleteFile(filename string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.files, func(f File) bool { return f.Filename == filename })
	if i < 0 {
		return false
	}
	s.files = slices.Delete(s.files, i, i+1)
	return true
}

// ClearMessages removes every message of the transcript with that
// interactionGUID and leaves one dummy message in their place, as the API
// does; it reports whether there was such a transcript.
func (s *Store) ClearMessages(guid string, dummy Message) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.transcripts {
		if s.transcripts[i].InteractionGUID == guid {
			s.transcripts[i].Messages = []Message{dummy}
			return true
		}
	}
	return false
}

// Len returns how many files and transcripts the store holds.
func (s *Store) Len() (files, transcripts int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.files), len(s.transcripts)
}

// AllFiles returns a copy of every file, in the API's order.
func (s *Store) AllFiles() []File {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.files)
}

// AllTranscripts returns a copy of every transcript, in the API's order.
func (s *Store) AllTranscripts() []Transcript {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.transcripts)
}

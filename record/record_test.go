package record

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// The call types of the API document's table.
func TestCallType(t *testing.T) {
	tests := []struct {
		channel, queueID string
		want             CallType
	}{
		{"5027780", "fernandez~~queue~~phone~~102", Inbound},
		{"#virtual_outbound#", "QUEUE_OUTBOUND", Outbound},
		{"#virtual_outbound#", "", Outbound},
		{"8005557780", "QUEUE_OUTBOUND", Outbound},
		{"#virtual_daa#", "QUEUE_DIRECT_AGENT_ACCESS", DirectAgentAccess},
		{"", "QUEUE_DIRECT_AGENT_ACCESS", DirectAgentAccess},
		{"#VIRTUAL_OUTBOUND#", "queue_outbound", Inbound}, // the markers are exact
	}
	for _, tt := range tests {
		f := File{Channel: tt.channel, QueueID: tt.queueID}
		if got := f.CallType(); got != tt.want {
			t.Errorf("channel %q queueID %q: %v, want %v", tt.channel, tt.queueID, got, tt.want)
		}
	}
	if DirectAgentAccess.String() != "Direct Agent Access" {
		t.Errorf("String() = %q", DirectAgentAccess.String())
	}
}

func TestFinishDate(t *testing.T) {
	start := time.Date(2007, 12, 19, 19, 16, 36, 0, time.FixedZone("", -8*3600))
	f := File{StartDate: start, Duration: 27}
	if got := f.FinishDate(); !got.Equal(time.Date(2007, 12, 20, 3, 17, 3, 0, time.UTC)) {
		t.Errorf("FinishDate = %v", got)
	}
}

func day(d, h int) time.Time { return time.Date(2007, 8, d, h, 0, 0, 0, time.UTC) }

func filenames(s *Store, from, to time.Time) []string {
	var out []string
	s.Files(from, to, func(f *File) bool { out = append(out, f.Filename); return true })
	return out
}

func TestStoreOrderAndWindow(t *testing.T) {
	files := []File{
		{StartDate: day(6, 0), Filename: "c"},
		{StartDate: day(5, 12), Filename: "b"},
		{StartDate: day(5, 12).In(time.FixedZone("", 3600)), Filename: "a"}, // the same instant, elsewhere
		{StartDate: day(7, 0), Filename: "d"},
	}
	s := NewStore(files, nil)
	if got, want := filenames(s, time.Time{}, time.Time{}), []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if got, want := filenames(s, day(5, 12), day(7, 0)), []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("[5th 12:00, 7th) = %v, want %v", got, want)
	}
	if got := filenames(s, day(6, 1), day(6, 23)); len(got) != 0 {
		t.Errorf("an empty window lists %v", got)
	}
	if got, want := filenames(s, day(6, 0), time.Time{}), []string{"c", "d"}; !slices.Equal(got, want) {
		t.Errorf("open end: %v, want %v", got, want)
	}
	files[0].Filename = "changed"
	if filenames(s, time.Time{}, time.Time{})[2] != "c" {
		t.Error("the store shares the caller's slice")
	}
}

func TestStoreDeletes(t *testing.T) {
	s := NewStore([]File{{Filename: "S1/R1.wav"}, {Filename: "S1/R2.wav"}},
		[]Transcript{{InteractionGUID: "g", Messages: []Message{{OriginalMessage: "hi"}, {OriginalMessage: "bye"}}}})
	if !s.DeleteFile("S1/R1.wav") || s.DeleteFile("S1/R1.wav") {
		t.Error("a file is deleted once")
	}
	if n, _ := s.Len(); n != 1 {
		t.Errorf("%d files left", n)
	}
	dummy := Message{MessageFrom: "system"}
	if !s.ClearMessages("g", dummy) || s.ClearMessages("nope", dummy) {
		t.Error("ClearMessages reports whether the transcript exists")
	}
	tr, ok := s.Transcript("g")
	if !ok || !slices.Equal(tr.Messages, []Message{dummy}) {
		t.Errorf("messages after clearing: %v", tr.Messages)
	}
}

// Readers and deleters at once: run with -race.
func TestStoreConcurrent(t *testing.T) {
	var files []File
	for i := range 200 {
		files = append(files, File{StartDate: day(5, 0).Add(time.Duration(i) * time.Minute), Filename: fmt.Sprintf("R%03d", i)})
	}
	s := NewStore(files, nil)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < 200; i += 4 {
				s.DeleteFile(fmt.Sprintf("R%03d", i))
				_ = filenames(s, day(5, 0), day(6, 0))
			}
		})
	}
	wg.Wait()
	if n, _ := s.Len(); n != 0 {
		t.Errorf("%d files left", n)
	}
}

// TestStoreDuplicates: records given twice (two --data files holding the
// same record) are both removed by one delete, so that a 204 is never
// followed by the record still being listed (issue 14, finding 7).
func TestStoreDuplicates(t *testing.T) {
	at := time.Date(2007, 12, 20, 10, 0, 0, 0, time.UTC)
	f := File{StartDate: at, Filename: "S20071220/R1.wav"}
	other := File{StartDate: at.Add(time.Minute), Filename: "S20071220/R2.wav"}
	tr := Transcript{StartDate: at, InteractionGUID: "g"}
	s := NewStore([]File{f, other, f}, []Transcript{tr, tr})
	if !s.DeleteFile(f.Filename) {
		t.Fatal("DeleteFile found nothing")
	}
	var left []string
	s.Files(time.Time{}, time.Time{}, func(f *File) bool { left = append(left, f.Filename); return true })
	if !slices.Equal(left, []string{other.Filename}) {
		t.Errorf("after the delete the store lists %v", left)
	}
	if n, _ := s.Len(); n != 1 || len(s.AllFiles()) != 1 {
		t.Errorf("Len %d, AllFiles %d, want 1", n, len(s.AllFiles()))
	}
	if s.DeleteFile(f.Filename) {
		t.Error("a second delete found the file")
	}
	dummy := Message{MessageFrom: "system"}
	if !s.ClearMessages("g", dummy) {
		t.Fatal("ClearMessages found nothing")
	}
	for _, got := range s.AllTranscripts() {
		if len(got.Messages) != 1 || got.Messages[0] != dummy {
			t.Errorf("a copy of the transcript kept its messages: %v", got.Messages)
		}
	}
}

// TestFinishDateNoOverflow: a duration past what time.Duration holds
// (given by a program; the readers refuse it) never makes a record finish
// before it starts (issue 14, finding 8).
func TestFinishDateNoOverflow(t *testing.T) {
	start := time.Date(2007, 12, 19, 19, 16, 36, 0, time.UTC)
	for _, d := range []int{MaxDuration, 1 << 34, 1<<63 - 1} {
		f := File{StartDate: start, Duration: d}
		tr := Transcript{StartDate: start, Duration: d}
		if !f.FinishDate().After(start) || !tr.FinishDate().After(start) {
			t.Errorf("duration %d: finishes at %v, before its start", d, f.FinishDate())
		}
	}
	if got := (&File{StartDate: start, Duration: 1 << 34}).FinishDate(); got.Sub(start.Add(1<<33*time.Second)) != 1<<33*time.Second {
		t.Errorf("2^34 s: %v", got)
	}
}

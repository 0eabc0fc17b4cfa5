package recq

import (
	"context"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// Memory returns the Store of the records held in s, evaluated by
// filter's Predicate; nil is an empty store. Deletes change s.
func Memory(s *record.Store) Store {
	if s == nil {
		s = record.NewStore(nil, nil)
	}
	return memory{s}
}

// MemoryRecords returns the record.Store that a Store made by Memory
// holds, and false for any other Store.
func MemoryRecords(s Store) (*record.Store, bool) {
	m, ok := s.(memory)
	return m.s, ok
}

type memory struct{ s *record.Store }

func (m memory) Files(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return filter.NewPredicate(q, res).Files(m.s), nil
}

func (m memory) Transcripts(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.Transcript, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return filter.NewPredicate(q, res).Transcripts(m.s), nil
}

func (m memory) Transcript(ctx context.Context, guid string) (record.Transcript, bool, error) {
	if err := ctx.Err(); err != nil {
		return record.Transcript{}, false, err
	}
	t, ok := m.s.Transcript(guid)
	return t, ok, nil
}

func (m memory) DeleteFile(ctx context.Context, path string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	return m.s.DeleteFile(path), nil
}

func (m memory) DeleteTranscript(ctx context.Context, guid string, dummy record.Message) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	return m.s.ClearMessages(guid, dummy), nil
}

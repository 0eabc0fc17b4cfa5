package recq

import (
	"context"
	"errors"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// ErrUnavailable marks a store's error as its data being out of reach for
// now (a database that is down, restarting or refusing connections), not a
// fault of the request or of the store: asking again later may succeed.
// A store wraps such errors with it (errors.Is); the server answers them
// 503 with Retry-After instead of 500 (docs/SERVING.md).
var ErrUnavailable = errors.New("the store is unavailable")

// Store is where an answer's records come from: the in-memory record.Store
// (see Memory) or a database (package postgres). Every implementation gives
// the same page for the same query and records, in the API's order
// ([D-5]: startDate ascending, ties by filename or interactionGUID).
//
// res is q resolved by the caller (q.Resolve) at the request's clock in the
// tenant's zone, so a store never reads a clock and never maps local times
// itself: it sees instants only. An error that is the data being out of
// reach for now wraps ErrUnavailable.
type Store interface {
	// Files returns the page of files that q selects: at most
	// filter.DefaultPageSize, from the q.N-th match on.
	Files(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.File, error)
	// Transcripts is Files for transcripts.
	Transcripts(ctx context.Context, q *filter.Query, res filter.Resolved) ([]record.Transcript, error)
	// Transcript returns one transcript with its messages, and whether it exists.
	Transcript(ctx context.Context, guid string) (record.Transcript, bool, error)
	// DeleteFile removes the recording file at path (S20071220/R2007….wav)
	// and reports whether there was one.
	DeleteFile(ctx context.Context, path string) (bool, error)
	// DeleteTranscript replaces every message of a transcript with dummy
	// and reports whether there was such a transcript.
	DeleteTranscript(ctx context.Context, guid string, dummy record.Message) (bool, error)
}

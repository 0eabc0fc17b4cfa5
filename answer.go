package recq

import (
	"context"
	"io"
	"time"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// Answer writes to w the body the API answers to the GET q over store: the
// page of files or transcripts q selects, or one transcript with its
// messages, in q's format, with dates in q's zone (its tz, else tenant;
// nil is UTC). now is the clock reading that today means.
//
// When it fails before the body, nothing is written and the error says
// why; filter.Status(err) is the HTTP status to answer with:
//   - a fault of q (a Query built by hand that q.Validate refuses, a range
//     reversed once resolved, an instant out of the years 0000–9999): a
//     filter.ErrorList, 400 (or 405 for a method);
//   - an unknown transcript: a *filter.Error with filter.CodeNotFound, 404;
//   - a DELETE query: a *filter.Error with filter.CodeBadMethod (use Delete);
//   - the store's own error, returned as it is: 500.
//
// An error of w is returned too, after part of the body may have been
// written.
func Answer(ctx context.Context, w io.Writer, q *filter.Query, store Store, now time.Time, tenant *time.Location) error {
	if q.Method != "GET" && q.Method != "" { // not http.MethodGet: net/http stays out of the browser module (docs/BROWSER.md)
		return &filter.Error{Variable: "method", Pos: -1, Code: filter.CodeBadMethod,
			Msg: "Answer takes a GET, not " + q.Method, Hint: "carry out a DELETE with Delete"}
	}
	if err := q.Validate(); err != nil {
		return err
	}
	loc := q.Location(tenant)
	switch q.Resource {
	case filter.Files, filter.Transcripts:
		res, err := q.Resolve(now, tenant)
		if err != nil {
			return err
		}
		if q.Resource == filter.Files {
			files, err := store.Files(ctx, q, res)
			if err != nil {
				return err
			}
			return encode.WriteFiles(w, q.Format, files, loc)
		}
		ts, err := store.Transcripts(ctx, q, res)
		if err != nil {
			return err
		}
		return encode.WriteTranscripts(w, q.Format, ts, loc)
	case filter.Transcript:
		if q.Format == filter.CSV {
			return &filter.Error{Variable: "path", Pos: -1, Code: filter.CodeBadFormat,
				Msg: "one transcript has no CSV form", Hint: "ask for .xml or .json"}
		}
		t, found, err := store.Transcript(ctx, q.ID)
		if err != nil {
			return err
		}
		if !found {
			return notFound("no transcript "+q.ID, "GET /transcripts lists the transcripts")
		}
		return encode.WriteTranscript(w, q.Format, t, loc)
	}
	return &filter.Error{Variable: "path", Pos: -1, Code: filter.CodeBadMethod,
		Msg: "one recording file has no GET", Hint: "DELETE removes it; GET /files lists the files"}
}

// Delete carries out the DELETE q over store: it removes one recording
// file, or replaces every message of a transcript with DeletedMessage(now).
// An unknown file is a *filter.Error with filter.CodeNotFound (404); an
// unknown transcript is no fault, as the API answers 204 to it. A GET
// query is refused with filter.CodeBadMethod; the store's error is
// returned as it is.
func Delete(ctx context.Context, q *filter.Query, store Store, now time.Time) error {
	if q.Method != "DELETE" { // not http.MethodDelete, as in Answer
		return &filter.Error{Variable: "method", Pos: -1, Code: filter.CodeBadMethod,
			Msg: "Delete takes a DELETE, not " + q.Method, Hint: "answer a GET with Answer"}
	}
	if err := q.Validate(); err != nil {
		return err
	}
	switch q.Resource {
	case filter.File:
		found, err := store.DeleteFile(ctx, q.ID)
		if err != nil {
			return err
		}
		if !found {
			return notFound("no recording file "+q.ID, "GET /files lists the files")
		}
		return nil
	case filter.Transcript:
		_, err := store.DeleteTranscript(ctx, q.ID, DeletedMessage(now))
		return err
	}
	return &filter.Error{Variable: "method", Pos: -1, Code: filter.CodeBadMethod,
		Msg: "a list cannot be deleted", Hint: "DELETE takes one file or one transcript"}
}

// DeletedMessage is the dummy message a transcript keeps when its messages
// are deleted at now: messageTime now, messageFrom "system", the rest empty.
func DeletedMessage(now time.Time) record.Message {
	return record.Message{MessageTime: now, MessageFrom: "system"}
}

func notFound(msg, hint string) *filter.Error {
	return &filter.Error{Variable: "path", Pos: -1, Code: filter.CodeNotFound, Msg: msg, Hint: hint}
}

package client

import (
	"context"
	"errors"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// Transcript returns one transcript with its messages. An unknown GUID is a
// *StatusError for which errors.Is(err, ErrNotFound) holds; a GUID that is
// not well formed is refused before anything is sent (filter.ErrorList).
func (c *Client) Transcript(ctx context.Context, guid string) (record.Transcript, error) {
	q, err := c.one("GET", "/transcripts/", guid)
	if err != nil {
		return record.Transcript{}, err
	}
	target := encode.Canonical(q)
	resp, err := c.send(ctx, "GET", target, q.Format, Event{})
	if err != nil {
		return record.Transcript{}, err
	}
	defer drain(resp.Body)
	ts, err := encode.ReadTranscripts(&capped{r: resp.Body, left: maxBody}, q.Format)
	if err != nil {
		return record.Transcript{}, &PageError{Page: 1, N: 1, Request: target, Err: err}
	}
	if len(ts) != 1 || ts[0].InteractionGUID != guid {
		return record.Transcript{}, &PageError{Page: 1, N: 1, Request: target, Err: errors.New("the answer is not the one transcript asked for")}
	}
	return ts[0], nil
}

// DeleteFile deletes the recording file at path (S20071220/R2007….wav, the
// filename of a record.File). An unknown file is a *StatusError for which
// errors.Is(err, ErrNotFound) holds.
func (c *Client) DeleteFile(ctx context.Context, path string) error {
	return c.delete(ctx, "/files/", path)
}

// DeleteTranscript removes every message of a transcript; the API leaves a
// dummy message in their place, and answers an unknown GUID as a known one.
func (c *Client) DeleteTranscript(ctx context.Context, guid string) error {
	return c.delete(ctx, "/transcripts/", guid)
}

func (c *Client) delete(ctx context.Context, prefix, id string) error {
	q, err := c.one("DELETE", prefix, id)
	if err != nil {
		return err
	}
	resp, err := c.send(ctx, "DELETE", encode.Canonical(q), q.Format, Event{})
	if err != nil {
		return err
	}
	drain(resp.Body)
	return nil
}

// one checks the path of one record; the id must be exactly one path's
// worth (no '?', no '#', no suffix smuggled in).
func (c *Client) one(method, prefix, id string) (*filter.Query, error) {
	for i := 0; i < len(id); i++ {
		if b := id[i]; b == '?' || b == '#' || b == '%' {
			at, u := len(prefix)+i, utf16Len(prefix+id[:i])
			return nil, filter.ErrorList{{Code: filter.CodeBadPath, Variable: "path", Pos: at, Span: filter.Span{Start: at, End: at + 1}, UTF16: filter.Span{Start: u, End: u + 1},
				Msg: "'" + string(b) + "' cannot be in a " + what(prefix), Hint: "pass the filename or interactionGUID as the API lists it"}}
		}
	}
	q, err := filter.Parse(method, prefix+id)
	if err != nil {
		return nil, err
	}
	if method == "GET" {
		q.Format = c.wire
		if q.Format == filter.CSV {
			q.Format = filter.XML // one transcript has no CSV form
		}
	}
	return q, nil
}

func what(prefix string) string {
	if prefix == "/files/" {
		return "file path"
	}
	return "interactionGUID"
}

// utf16Len is the length of s in UTF-16 code units, as JavaScript counts
// it (an invalid byte counts one, as in filter's spans).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

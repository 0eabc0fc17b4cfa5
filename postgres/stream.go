package postgres

import (
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/recq/recq/record"
)

// RecordReader hands records, one at a time and in order, to file and
// transcript (encode.StreamRecords is one), and returns what a handler
// returned or its own fault. A record handed over is the reader's to
// change afterwards: LoadStream encodes it at once.
type RecordReader func(file func(*record.File) error, transcript func(*record.Transcript) error) error

// LoadStream adds the records that read hands over to the database at pool
// in one transaction, as Load does, but copies each into the database
// while read goes on (docs/POSTGRES.md, "Loading"): read runs in a
// goroutine of its own, and the rows of the kind it hands over first go
// into one COPY as they come; the lists (codes, metadata, messages) and the
// records of the other kind, if any, are kept encoded and copied after. If
// read fails or a record is refused, nothing is loaded: the error of read
// is returned as it is, a record the store cannot hold or one whose key
// the database already has as a *LoadError. expect is about how many
// records read will hand over (an estimate is enough): into tables holding
// fewer, the load builds the indexes once at its end (postgres/bulk.go).
// It returns how many files and transcripts it loaded.
func LoadStream(ctx context.Context, pool interface {
	Begin(context.Context) (pgx.Tx, error)
}, expect int, read RecordReader, progress func(records int)) (files, transcripts int, err error) {
	if progress == nil {
		progress = func(int) {}
	}
	l := &loader{progress: progress}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(loadLock)); err != nil {
			return err
		}
		return l.run(ctx, tx, expect, read)
	})
	switch {
	case l.readErr != nil && l.readErr != errStopped:
		return 0, 0, l.readErr
	case err != nil:
		return 0, 0, duplicate(err, &l.filenames, &l.guids)
	}
	return l.files, l.transcripts, nil
}

// A table a load copies into: a record table and its lists.
type table struct {
	name, columns string
	lists         []string
}

var (
	fileTable       = &table{"recq_files", fileCopyColumns, []string{"recq_file_codes", "recq_file_meta"}}
	transcriptTable = &table{"recq_transcripts", transcriptCopyColumns, []string{"recq_transcript_meta", "recq_messages"}}
)

// chunkBytes is about how much of the streamed COPY goes over the channel
// at a time: one CopyData message of pgconn.
const chunkBytes = 64<<10 - 1024

// errStopped is what the handlers return once the COPY has ended early
// (the database refused a row): read then stops.
var errStopped = errors.New("postgres: the load stopped")

// loader is one LoadStream: the handlers run in read's goroutine and encode
// each record; the streamed kind's rows go to out in chunks, all else is
// kept in buffers until read returns.
type loader struct {
	progress func(int)

	// Set before read starts.
	firstFile, firstTranscript int64
	out                        chan []byte
	stop                       chan struct{}

	// Written by read's goroutine, read by the other once it is done.
	streamed           *table // the kind handed over first
	chunk              []byte // streamed rows not yet sent
	files, transcripts int
	filenames, guids   keyHashes // for a refused key (duplicate)
	fileRows, tRows    rowBuffer // rows of the kind not streamed
	codes, fileMeta    rowBuffer
	tMeta, messages    rowBuffer
	readErr            error
}

func (l *loader) file(f *record.File) error {
	if err := checkFile(f); err != nil {
		err.Record = l.files + 1
		return err
	}
	id := l.firstFile + int64(l.files)
	l.files++
	l.filenames.add(f.Filename)
	for j, c := range f.TransactionCodes {
		l.codes.cur = appendPair(l.codes.room(), id, j, c.ListName, c.Name)
	}
	for j, m := range f.MetaData {
		l.fileMeta.cur = appendPair(l.fileMeta.room(), id, j, m.FieldName, m.FieldValue)
	}
	if l.streamed == nil {
		l.streamed = fileTable
	}
	if l.streamed != fileTable {
		l.fileRows.cur = appendFile(l.fileRows.room(), id, f)
		return l.tick()
	}
	l.chunk = appendFile(l.chunk, id, f)
	return l.tick()
}

func (l *loader) transcript(t *record.Transcript) error {
	if err := checkTranscript(t); err != nil {
		err.Record = l.transcripts + 1
		return err
	}
	id := l.firstTranscript + int64(l.transcripts)
	l.transcripts++
	l.guids.add(t.InteractionGUID)
	for j, m := range t.MetaData {
		l.tMeta.cur = appendPair(l.tMeta.room(), id, j, m.FieldName, m.FieldValue)
	}
	for j := range t.Messages {
		l.messages.cur = appendMessage(l.messages.room(), id, j, &t.Messages[j])
	}
	if l.streamed == nil {
		l.streamed = transcriptTable
	}
	if l.streamed != transcriptTable {
		l.tRows.cur = appendTranscript(l.tRows.room(), id, t)
		return l.tick()
	}
	l.chunk = appendTranscript(l.chunk, id, t)
	return l.tick()
}

// tick sends the streamed rows when they fill a chunk, and reports progress.
func (l *loader) tick() error {
	if n := l.files + l.transcripts; n%progressEvery == 0 {
		l.progress(n)
	}
	if len(l.chunk) < chunkBytes {
		return nil
	}
	return l.send()
}

func (l *loader) send() error {
	if len(l.chunk) == 0 {
		return nil
	}
	select {
	case l.out <- l.chunk:
		l.chunk = make([]byte, 0, chunkBytes+4096)
		return nil
	case <-l.stop:
		return errStopped
	}
}

// run reserves the ids, streams the first kind's rows into COPY while read
// runs, then copies what was kept and builds the indexes set aside.
func (l *loader) run(ctx context.Context, tx pgx.Tx, expect int, read RecordReader) error {
	var err error
	// A sequence does not roll back: a refused load, or one of a single
	// kind, leaves a gap in the ids, which is harmless.
	if l.firstFile, err = nextID(ctx, tx, "recq_files_ids"); err != nil {
		return err
	}
	if l.firstTranscript, err = nextID(ctx, tx, "recq_transcripts_ids"); err != nil {
		return err
	}
	l.out, l.stop = make(chan []byte, 4), make(chan struct{})
	l.chunk = make([]byte, 0, chunkBytes+4096)
	done := make(chan struct{})
	go func() {
		defer close(done)
		err := read(l.file, l.transcript)
		if err == nil {
			err = l.send()
		}
		l.readErr = err
		close(l.out)
	}()
	conn := tx.Conn().PgConn()
	rebuild, err := l.stream(ctx, tx, conn, expect, done)
	close(l.stop)
	<-done
	if l.readErr != nil && l.readErr != errStopped {
		return l.readErr // read's fault, not the COPY's refusal of it
	}
	if err != nil {
		return err
	}
	// The ids taken: under the load lock, no other load took any meanwhile.
	if err := reserve(ctx, tx, "recq_files_ids", l.firstFile, l.files); err != nil {
		return err
	}
	if err := reserve(ctx, tx, "recq_transcripts_ids", l.firstTranscript, l.transcripts); err != nil {
		return err
	}
	if l.streamed == nil {
		return nil // nothing handed over
	}
	// The streamed kind's lists, its indexes; then the other kind.
	if err := l.copyLists(ctx, conn, l.streamed); err != nil {
		return err
	}
	if err := rebuild(); err != nil {
		return err
	}
	other, rows, n := transcriptTable, &l.tRows, l.transcripts
	if l.streamed == transcriptTable {
		other, rows, n = fileTable, &l.fileRows, l.files
	}
	if n > 0 {
		rebuild, err := setAside(ctx, tx, other.name, other.lists, n)
		if err != nil {
			return err
		}
		if err := copyRows(ctx, conn, other.name, other.columns, rows); err != nil {
			return err
		}
		if err := l.copyLists(ctx, conn, other); err != nil {
			return err
		}
		if err := rebuild(); err != nil {
			return err
		}
	}
	l.progress(l.files + l.transcripts)
	return nil
}

// stream waits for the first chunk, sets the indexes of its kind aside and
// copies the chunks into that kind's table as they come.
func (l *loader) stream(ctx context.Context, tx pgx.Tx, conn *pgconn.PgConn, expect int, done <-chan struct{}) (rebuild func() error, err error) {
	rebuild = func() error { return nil }
	first, ok := <-l.out
	if !ok {
		return rebuild, nil // read failed, or handed nothing over
	}
	k := l.streamed // set before the first chunk was sent
	if rebuild, err = setAside(ctx, tx, k.name, k.lists, max(expect, 1)); err != nil {
		return rebuild, err
	}
	r := &chunkReader{pending: append(append([]byte(nil), copyHeader...), first...), chunks: l.out, done: done, readErr: &l.readErr}
	_, err = conn.CopyFrom(ctx, r, "COPY "+pgx.Identifier{k.name}.Sanitize()+" ("+k.columns+") FROM STDIN BINARY")
	return rebuild, err
}

// chunkReader is the streamed COPY: the header, the chunks as read's
// goroutine sends them, the trailer once it is done; or its error.
type chunkReader struct {
	pending []byte
	chunks  <-chan []byte
	done    <-chan struct{}
	readErr *error
	ended   bool
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.pending) == 0 {
		if r.ended {
			return 0, io.EOF
		}
		c, ok := <-r.chunks
		if !ok {
			<-r.done
			if *r.readErr != nil {
				return 0, *r.readErr // COPY is failed, the transaction rolled back
			}
			c, r.ended = copyTrailer, true
		}
		r.pending = c
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	return n, nil
}

// copyLists copies the lists kept for k's records.
func (l *loader) copyLists(ctx context.Context, conn *pgconn.PgConn, k *table) error {
	if k == fileTable {
		if err := copyRows(ctx, conn, "recq_file_codes", codeCopyColumns, &l.codes); err != nil {
			return err
		}
		return copyRows(ctx, conn, "recq_file_meta", fileMetaColumns, &l.fileMeta)
	}
	if err := copyRows(ctx, conn, "recq_transcript_meta", tMetaColumns, &l.tMeta); err != nil {
		return err
	}
	return copyRows(ctx, conn, "recq_messages", messageCopyColumns, &l.messages)
}

// copyRows copies rows, encoded, into table.
func copyRows(ctx context.Context, conn *pgconn.PgConn, table, columns string, rows *rowBuffer) error {
	if len(rows.full) == 0 && len(rows.cur) == 0 {
		return nil
	}
	parts := []io.Reader{bytes.NewReader(copyHeader)}
	for _, c := range append(rows.full, rows.cur) {
		parts = append(parts, bytes.NewReader(c))
	}
	parts = append(parts, bytes.NewReader(copyTrailer))
	_, err := conn.CopyFrom(ctx, io.MultiReader(parts...), "COPY "+pgx.Identifier{table}.Sanitize()+" ("+columns+") FROM STDIN BINARY")
	return err
}

// rowBuffer keeps rows for a later COPY in chunks, so that growing it
// copies nothing: one growing slice cost a third of the client's time.
type rowBuffer struct {
	full [][]byte
	cur  []byte
}

// room returns the chunk to append the next row to.
func (b *rowBuffer) room() []byte {
	if len(b.cur) >= chunkBytes {
		b.full, b.cur = append(b.full, b.cur), nil
	}
	if b.cur == nil {
		b.cur = make([]byte, 0, chunkBytes+4096)
	}
	return b.cur
}

// keyHashes are the hashes of a load's keys in order, to name the record
// of a key the database refuses: 8 bytes a record, where keeping the keys
// would keep every row's text a reader sliced them from. (Two keys with
// one hash, a chance of one in 2^64 a pair, would name the earlier record.)
type keyHashes struct {
	seed maphash.Seed
	h    []uint64
}

func (k *keyHashes) add(key string) {
	if k.h == nil {
		k.seed = maphash.MakeSeed()
	}
	k.h = append(k.h, maphash.String(k.seed, key))
}

// first returns the index of the first key hashed as key, or -1.
func (k *keyHashes) first(key string) int {
	if k.h == nil {
		return -1
	}
	h := maphash.String(k.seed, key)
	for i, x := range k.h {
		if x == h {
			return i
		}
	}
	return -1
}

// nextID takes the next id of sequence.
func nextID(ctx context.Context, tx pgx.Tx, sequence string) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, "SELECT nextval($1::regclass)", sequence).Scan(&id)
	return id, err
}

// reserve moves sequence past the n ids from first that a load used.
func reserve(ctx context.Context, tx pgx.Tx, sequence string, first int64, n int) error {
	if n <= 1 {
		return nil
	}
	_, err := tx.Exec(ctx, "SELECT setval($1::regclass, $2)", sequence, first+int64(n)-1)
	return err
}

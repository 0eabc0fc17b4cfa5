package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"time"

	"github.com/recq/recq/client"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/termtext"
	"github.com/recq/recq/record"
)

// getMemoryLimit is recq get's soft limit on the Go heap (unless GOMEMLIMIT
// sets another): the live data is at most a page, 50 records of at most
// encode.MaxRecordBytes each, and the limit makes the collector run before
// the heap doubles past it (docs/CLIENT.md, "What is bounded").
const getMemoryLimit = 64 << 20

func getCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(getMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return fetchAll(ctx, args, stdout, stderr, clock, os.Getenv("RECQ_TOKEN"))
}

// fetchAll is recq get with its context and the environment's token passed in.
func fetchAll(ctx context.Context, args []string, stdout, stderr io.Writer, clock func() time.Time, envToken string) int {
	fs := newFlags("get")
	base := fs.String("url", "", "the API's base URL (default "+client.DefaultBaseURL+", or the origin of a whole-URL REQUEST)")
	tenant := fs.String("tenant", "acme", "the tenant name, the user of HTTP Basic authentication")
	tokenFile := fs.String("token-file", "", "a file holding the token (default: the environment variable RECQ_TOKEN)")
	insecure := fs.Bool("insecure", false, "accept any server certificate, such as recq serve's self-signed one")
	maxRecords := fs.Int("max", 0, "stop after N records (0: every record)")
	tenantTZ := fs.String("tenant-tz", "", "the tenant's IANA time zone, never sent: lets a request without tz whose d is one time of day (or starts at a fraction of a second) be walked by key; without it such a request is walked by offset")
	timeout := fs.Duration("timeout", client.DefaultRequestTimeout, "bound each HTTP request, from the dial to the last byte of its body (a Go duration: 30s, 2m)")
	outFile := fs.String("o", "", "write the document to FILE, created only when the walk completes (default: standard output, written as the pages come)")
	explain := fs.Bool("explain", false, "print the plan of REQUEST's filter as JSON ({\"requests\": [...], \"residual\": \"...\"}) and send nothing")
	serverFilter := fs.Bool("server-filter", false, "send filter= as it is, to a server said to accept it (recq serve --filter); without it a filter is planned")
	fs.Lookup("timeout").DefValue = "60s" // as docs/CLIENT.md writes it, not 1m0s
	if err := fs.Parse(args); err != nil {
		return flagError("get", fs, err, stdout, stderr)
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "recq get: "+format+"\n", a...)
		return 1
	}
	if fs.NArg() != 1 {
		usageError(stderr, "get", fmt.Sprintf("expected one REQUEST, got %d", fs.NArg()))
		return 1
	}
	if *maxRecords < 0 {
		return fail("--max must be 0 or more")
	}
	if *timeout <= 0 {
		return fail("--timeout must be more than 0 (a Go duration such as 60s)")
	}
	request := fs.Arg(0)
	q, err := filter.Parse("GET", request)
	if err != nil {
		return refuse(err, stdout, stderr)
	}
	if *base == "" {
		*base = originOf(request)
	}
	token := envToken
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fail("--token-file: %v", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" && !*explain {
		return fail("no token: give --token-file FILE or set RECQ_TOKEN (recq serve prints one)")
	}
	progress := newProgress(stderr, clock)
	opts := []client.Option{client.WithObserver(progress.observe), client.WithClock(clock), client.WithRequestTimeout(*timeout)}
	if *insecure {
		opts = append(opts, client.WithInsecure())
	}
	if *serverFilter {
		opts = append(opts, client.WithServerFilter())
	}
	// The request is sent as it is: no tz it does not have, so that its
	// dates are the tenant's, as curl of the same request reads them.
	if *tenantTZ != "" {
		opts = append(opts, client.WithKnownTenantZone(*tenantTZ))
	} else {
		opts = append(opts, client.WithTenantZone())
	}
	c, err := client.New(*base, *tenant, token, opts...)
	if err != nil {
		return fail("%v", err)
	}
	// Dates are written in the request's tz, else each with the offset the
	// server wrote it with (the tenant's), as the API answers.
	loc := q.Zone
	_, query, _ := strings.Cut(request, "?")
	query, _, _ = strings.Cut(query, "#")
	switch q.Resource {
	case filter.Transcript, filter.Files, filter.Transcripts:
	default:
		return fail("%s is not a GET of the API", request)
	}
	if *explain {
		return explainPlan(c, q, request, stdout, stderr)
	}

	out, err := newSink(*outFile, stdout)
	if err != nil {
		return fail("-o: %v", err)
	}
	defer out.abort() // after commit, a no-op
	var written int
	var walkErr, writeErr error
	switch q.Resource {
	case filter.Transcript:
		var t record.Transcript
		if t, walkErr = c.Transcript(ctx, q.ID); walkErr == nil {
			writeErr = encode.WriteTranscript(out, q.Format, t, loc)
		}
	case filter.Files:
		fw, _ := encode.NewFileWriter(out, q.Format, loc)
		written, walkErr, writeErr = stream(c.Files(ctx, query), fw, *maxRecords)
	case filter.Transcripts:
		tw, _ := encode.NewTranscriptWriter(out, q.Format, loc)
		written, walkErr, writeErr = stream(c.Transcripts(ctx, query), tw, *maxRecords)
	}
	progress.done()
	if walkErr != nil {
		status := failed(walkErr, stdout, stderr)
		if *outFile == "" && written > 0 {
			fmt.Fprintf(stderr, "recq get: standard output holds the first %d records, without the document's end: -o FILE writes all or nothing\n", written)
		} else if *outFile != "" {
			fmt.Fprintf(stderr, "recq get: %s is not written\n", *outFile)
		}
		return status
	}
	if writeErr == nil {
		writeErr = out.commit()
	}
	if writeErr != nil {
		return fail("%v", writeErr)
	}
	return 0
}

// explainPlan prints the plan of a list request as JSON (docs/CLIENT.md,
// "Plans"): the requests the client would send, as it sends them, and the
// residual; it reads no network.
func explainPlan(c *client.Client, q *filter.Query, request string, stdout, stderr io.Writer) int {
	if q.Resource != filter.Files && q.Resource != filter.Transcripts {
		fmt.Fprintf(stderr, "recq get: --explain plans a list (/files, /transcripts), not %s\n", termtext.Escape(request))
		return 1
	}
	p, err := c.ExplainFilter(q.Resource, request)
	if err != nil {
		if errors.Is(err, client.ErrFilterZone) {
			fmt.Fprintf(stderr, "recq get: %v: give the request a tz, or --tenant-tz ZONE\n", err)
			return 1
		}
		return failed(err, stdout, stderr)
	}
	return printJSON(stdout, stderr, p, 0)
}

// recordWriter is encode's FileWriter or TranscriptWriter.
type recordWriter[R any] interface {
	Write(*R) error
	Flush() error
	Close() error
}

// stream writes the records of a walk as they come, at most max of them
// (0: all), and closes the document when the walk ends: the memory is a
// page's, not the listing's. It returns how many records it wrote, the
// walk's error (the records before it are written, without the
// document's end) and the writer's.
func stream[R any](seq iter.Seq2[R, error], w recordWriter[R], max int) (written int, walkErr, writeErr error) {
	for r, err := range seq {
		if err != nil {
			return written, err, w.Flush() // what was listed, without the end
		}
		if err := w.Write(&r); err != nil {
			return written, nil, err
		}
		written++
		if max > 0 && written >= max {
			break
		}
	}
	return written, nil, w.Close()
}

// failed reports an error of the client: a refused query (which the
// command checked already, so this is the client's own check) exits 2,
// anything else 1.
func failed(err error, stdout, stderr io.Writer) int {
	var list filter.ErrorList
	if errors.As(err, &list) && !errors.As(err, new(*client.StatusError)) && !errors.As(err, new(*client.AuthError)) {
		return refuse(err, stdout, stderr)
	}
	// The client escapes the text it reads from the server; this escapes
	// whatever else an error may quote of the network (a certificate's
	// names, a transport's message) before it reaches a terminal.
	fmt.Fprintf(stderr, "recq get: %s\n", termtext.Escape(err.Error()))
	var te *client.TimeoutError
	if errors.As(err, &te) {
		fmt.Fprintf(stderr, "recq get: --timeout %v bounds each request, from the dial to the last byte of its answer: give more for a slow server\n", te.Timeout)
	}
	if errors.As(err, new(*tls.CertificateVerificationError)) {
		fmt.Fprintln(stderr, "recq get: the server's certificate is not trusted; recq serve's is self-signed: pass --insecure")
	}
	return 1
}

// refuse prints a refused request as recq parse does, and exits 2.
func refuse(err error, stdout, stderr io.Writer) int {
	list := filter.Faults(err)
	if list == nil {
		list = filter.ErrorList{{Code: filter.CodeBadQuery, Variable: "query", Pos: -1, Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintf(stderr, "recq get: %v\n", e)
	}
	return printJSON(stdout, stderr, encode.NewRejection(list), 2)
}

// originOf returns the base URL a whole-URL request names
// (https://host/api/recordings), or "" for a path.
func originOf(request string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if len(request) > len(scheme) && strings.EqualFold(request[:len(scheme)], scheme) {
			rest := request[len(scheme):]
			host, _, _ := strings.Cut(rest, "/")
			host, _, _ = strings.Cut(host, "?")
			return request[:len(scheme)] + host + "/api/recordings"
		}
	}
	return ""
}

// progress draws one line on a terminal's standard error: pages, records,
// rate and retries. It draws nothing when standard error is not a terminal.
type progress struct {
	w       io.Writer
	clock   func() time.Time
	start   time.Time
	retries int
	drawn   bool
}

func newProgress(stderr io.Writer, clock func() time.Time) *progress {
	p := &progress{clock: clock, start: clock()}
	if f, ok := stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.w = stderr
		}
	}
	return p
}

func (p *progress) observe(e client.Event) {
	if p.w == nil {
		return
	}
	if e.Kind == client.EventRetry {
		p.retries++
		fmt.Fprintf(p.w, "\r\033[Kpage %d: %d, retrying in %v (retry %d)", e.Page, e.Status, e.Wait.Round(time.Millisecond), p.retries)
		p.drawn = true
		return
	}
	rate := 0.0
	if s := p.clock().Sub(p.start).Seconds(); s > 0 {
		rate = float64(e.Records) / s
	}
	fmt.Fprintf(p.w, "\r\033[K%d pages, %d records, %.0f records/s, %d retries", e.Page, e.Records, rate, p.retries)
	p.drawn = true
}

func (p *progress) done() {
	if p.w != nil && p.drawn {
		fmt.Fprintln(p.w)
	}
}

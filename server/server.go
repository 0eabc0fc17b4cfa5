package server

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

// DefaultMaxInFlight is the bound on requests served at once when
// Config.MaxInFlight is 0.
const DefaultMaxInFlight = 64

// Realm is the realm of the WWW-Authenticate challenge of a 401.
const Realm = "recordings"

// Config is what a Server serves and how.
type Config struct {
	// Store holds the records; deletes change it. Nil serves an empty store.
	Store *record.Store
	// Backend, when set, is where the records come from instead of Store:
	// any recq.Store, such as a database. recq.Memory(Store) otherwise.
	Backend recq.Store
	// Tenant is the user name of HTTP Basic authentication.
	Tenant string
	// Token is the password; "" generates a random one (see Server.Token).
	Token string
	// Zone is the tenant's time zone, for queries without tz= and for the
	// dates of responses; nil is UTC.
	Zone *time.Location
	// Clock is read for today in queries and for the dummy message of a
	// deleted transcript. It is required: the library never reads the
	// clock itself (a command passes time.Now, a test a fixed reading).
	Clock func() time.Time
	// MaxInFlight bounds the requests served at once; beyond it a request
	// is answered 503. 0 is DefaultMaxInFlight; a negative value is no bound.
	MaxInFlight int
	// MaxInFlightPerConn bounds the slots one connection (its HTTP/2
	// streams) holds at once; 0 is MaxInFlight/8 (at least 1), a negative
	// value is no bound. It counts only for connections that went through
	// ConnContext.
	MaxInFlightPerConn int
	// WriteTimeout bounds the sending of one response, once its slot is
	// released; 0 is DefaultWriteTimeout.
	WriteTimeout time.Duration
	// Filter answers filter= expressions, recq's extension
	// (docs/LANGUAGE.md §14). False, the default, refuses them with 400 and
	// code not-in-api, as the real API would: the server stands in for it.
	Filter bool
	// CORSOrigins are the origins (scheme://host[:port], exactly as a
	// browser sends them: CheckOrigin) whose pages may call the API from
	// another origin, with credentials; a preflight from one of them is
	// answered without credentials. Nil: none, no CORS headers, and a
	// preflight is refused like any request without credentials
	// (docs/SERVING.md, "Cross-origin requests"). New panics on an origin
	// CheckOrigin refuses.
	CORSOrigins []string
	// Logger receives one line per request (level Info; Warn for 503 and
	// 431, Error for 5xx); nil logs nothing. The line holds no credentials
	// and no values of the query (docs/SERVING.md).
	Logger *slog.Logger
}

// Server is the Recordings API over a store. It implements http.Handler and
// is safe for concurrent use.
type Server struct {
	store   *record.Store // nil when Config.Backend is not a recq.Memory store
	backend recq.Store
	tenant  [sha256.Size]byte
	token   atomic.Pointer[credential]
	zone    *time.Location
	clock   func() time.Time
	sem     chan struct{} // nil: no bound
	// perConn bounds the slots of one connection; 0: no bound.
	perConn      int
	writeTimeout time.Duration
	log          *slog.Logger
	filter       bool       // answer filter= (Config.Filter)
	cors         corsPolicy // nil: no cross-origin requests

	// hook, when set (by tests), runs inside the bound and the recovery,
	// before the request is handled.
	hook func(*http.Request)
}

// credential is a token with its digest, swapped as one.
type credential struct {
	token  string
	digest [sha256.Size]byte
}

// New returns a server for cfg. It panics when cfg.Clock is nil, a mistake
// of the program and not of any request.
func New(cfg Config) *Server {
	s := &Server{
		store:  cfg.Store,
		tenant: sha256.Sum256([]byte(cfg.Tenant)),
		zone:   cfg.Zone,
		clock:  cfg.Clock,
		log:    cfg.Logger,
		cors:   newCORSPolicy(cfg.CORSOrigins),

		writeTimeout: cfg.WriteTimeout,
		filter:       cfg.Filter,
	}
	if s.writeTimeout <= 0 {
		s.writeTimeout = DefaultWriteTimeout
	}
	switch {
	case cfg.Backend != nil:
		s.backend = cfg.Backend
		s.store, _ = recq.MemoryRecords(cfg.Backend)
	default:
		if s.store == nil {
			s.store = record.NewStore(nil, nil)
		}
		s.backend = recq.Memory(s.store)
	}
	if s.zone == nil {
		s.zone = time.UTC
	}
	if s.clock == nil {
		panic("server.New: Config.Clock is nil; pass time.Now or a test clock")
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	switch n := cfg.MaxInFlight; {
	case n == 0:
		s.sem = make(chan struct{}, DefaultMaxInFlight)
	case n > 0:
		s.sem = make(chan struct{}, n)
	}
	switch n := cfg.MaxInFlightPerConn; {
	case n == 0 && s.sem != nil:
		s.perConn = max(1, cap(s.sem)/8)
	case n > 0:
		s.perConn = n
	}
	if cfg.Token == "" {
		s.RotateToken()
	} else {
		s.SetToken(cfg.Token)
	}
	return s
}

// NewToken returns a random token: 32 hexadecimal digits from crypto/rand.
func NewToken() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand, Go 1.24 on)
	return hex.EncodeToString(b[:])
}

// Token returns the token that is accepted now.
func (s *Server) Token() string { return s.token.Load().token }

// SetToken replaces the token: from the next request on, only token is
// accepted and the old one is refused.
func (s *Server) SetToken(token string) {
	s.token.Store(&credential{token: token, digest: sha256.Sum256([]byte(token))})
}

// RotateToken replaces the token with a new random one, revoking the old
// one at once, as the API's "New Token" button does, and returns it.
func (s *Server) RotateToken() string {
	t := NewToken()
	s.SetToken(t)
	return t
}

// Store returns the in-memory store the server answers from, or nil when
// Config.Backend is a store of another kind (see Backend).
func (s *Server) Store() *record.Store { return s.store }

// Backend returns the recq.Store the server answers from.
func (s *Server) Backend() recq.Store { return s.backend }

// authorized reports whether the request carries the tenant and the
// current token, comparing both in constant time and always both.
func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	u := sha256.Sum256([]byte(user))
	p := sha256.Sum256([]byte(pass))
	c := s.token.Load()
	match := subtle.ConstantTimeCompare(u[:], s.tenant[:]) & subtle.ConstantTimeCompare(p[:], c.digest[:])
	return ok && match == 1
}

// ServeHTTP answers one request of the API: a preflight of an origin in
// Config.CORSOrigins is answered first, then the header's size is checked
// (431), then the credentials (401, without taking a slot, so that a flood
// of strangers cannot lock the tenant out), then a slot is taken (503); the
// response is built whole inside the slot, the slot released, and only then
// is the response sent, under its own write deadline, so that a client that
// does not read holds no slot (docs/SERVING.md).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &responseWriter{ResponseWriter: w, head: r.Method == http.MethodHead}
	authorized := false
	defer func() { s.logRequest(r, rw, authorized, time.Since(start)) }()
	format := requestedFormat(r.URL.EscapedPath())
	// Every response is sent under its own deadline; for the refusals
	// below, which cost nothing to build, it starts now.
	rc := http.NewResponseController(rw)
	rc.SetWriteDeadline(time.Now().Add(s.writeTimeout)) // not supported under httptest's recorder
	if s.cors != nil && s.cors.apply(rw, r) {
		return // a preflight of a listed origin: answered without credentials
	}
	if n := headerBytes(r); n > MaxHeaderBytes {
		writeErrors(rw, http.StatusRequestHeaderFieldsTooLarge, format, headerTooLarge(n))
		return
	}
	if authorized = s.authorized(r); !authorized {
		// serve refuses a request without the credentials first thing,
		// before any work: it needs no slot.
		s.serve(rw, r, format)
		return
	}
	release, ok := s.acquire(r)
	if !ok {
		rw.Header().Set("Retry-After", "1")
		writeErrors(rw, http.StatusServiceUnavailable, format, busy())
		return
	}
	buf := newBufferedResponse()
	func() {
		defer release()
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.LogAttrs(r.Context(), slog.LevelError, "panic",
				slog.String("method", r.Method),
				slog.String("path", logPath(r.URL.EscapedPath())),
				slog.Any("panic", v),
				slog.String("stack", string(debug.Stack())),
			)
			buf.reset()
			writeErrors(buf, http.StatusInternalServerError, format, internalError())
		}()
		if s.hook != nil {
			s.hook(r)
		}
		s.serve(buf, r, format)
	}()
	rc.SetWriteDeadline(time.Now().Add(s.writeTimeout))
	buf.sendTo(rw)
}

// logRequest writes the request's line: what an operator needs (method,
// path, the names of the query's variables, status, duration, size, the
// client's address), bounded in length, without credentials or values;
// for a request without the credentials not even the names.
func (s *Server) logRequest(r *http.Request, rw *responseWriter, authorized bool, d time.Duration) {
	status := rw.status()
	level := slog.LevelInfo
	switch {
	case status >= 500 && status != http.StatusServiceUnavailable:
		level = slog.LevelError
	case status == http.StatusServiceUnavailable || status == http.StatusRequestHeaderFieldsTooLarge:
		level = slog.LevelWarn
	}
	ctx := r.Context()
	if !s.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", logPath(r.Method)),
		slog.String("path", logPath(r.URL.EscapedPath())),
	}
	if authorized {
		attrs = append(attrs, slog.String("query", redactQuery(r.URL.RawQuery)))
	}
	attrs = append(attrs,
		slog.Int("status", status),
		slog.Duration("duration", d),
		slog.Int64("bytes", rw.bytes),
		slog.String("remote", logPath(r.RemoteAddr)),
	)
	s.log.LogAttrs(ctx, level, "request", attrs...)
}

func internalError() filter.ErrorList {
	return filter.ErrorList{{Variable: "server", Pos: -1, Code: filter.CodeInternal, Msg: "internal error", Hint: "the server's log has the cause"}}
}

// serve answers a request inside the bound and the recovery.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, format filter.Format) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="`+Realm+`"`)
		writeErrors(w, http.StatusUnauthorized, format, filter.ErrorList{{Variable: "authorization", Pos: -1, Code: filter.CodeUnauthorized,
			Msg: "the tenant name and token are missing or wrong", Hint: "use HTTP Basic authentication: the tenant name as user, the token as password"}})
		return
	}
	method := r.Method
	switch method {
	case http.MethodGet, http.MethodDelete:
	case http.MethodHead:
		method = http.MethodGet // responseWriter drops the body
	default:
		w.Header().Set("Allow", "GET, HEAD, DELETE")
		writeErrors(w, http.StatusMethodNotAllowed, format, filter.ErrorList{{Variable: "method", Pos: -1, Code: filter.CodeBadMethod,
			Msg: "method " + strconv.Quote(r.Method) + " is not accepted", Hint: "the API takes GET, and DELETE for one file or one transcript"}})
		return
	}
	q, err := filter.ParseURL(method, r.URL)
	if err != nil {
		status := filter.Status(err)
		if status == http.StatusBadRequest && !knownResource(r.URL.EscapedPath()) {
			status = http.StatusNotFound // also while a fault's code is not set
		}
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", allowed(r.URL.EscapedPath()))
		}
		writeErrors(w, status, format, faults(err))
		return
	}
	if !s.filter {
		if ext := filter.ExtensionFaults(q); ext != nil {
			writeErrors(w, http.StatusBadRequest, q.Format, ext)
			return
		}
	}
	now := s.clock()
	if q.Method == http.MethodDelete {
		if err := recq.Delete(r.Context(), q, s.backend, now); err != nil {
			s.refuse(w, r, q.Format, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	var body bytes.Buffer
	if err := recq.Answer(r.Context(), &body, q, s.backend, now, s.zone); err != nil {
		s.refuse(w, r, q.Format, err)
		return
	}
	writeBody(w, http.StatusOK, q.Format, body.Bytes())
}

// refuse answers an error of recq.Answer or recq.Delete: a fault of the
// request or an unknown record with its status and its faults; a store out
// of reach for now (recq.ErrUnavailable: the database down or restarting)
// with 503 and Retry-After, so that a client retries, logged as a warning;
// anything else (the store's failure) with 500, logged.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, f filter.Format, err error) {
	if list := filter.Faults(err); list != nil {
		writeErrors(w, filter.Status(err), f, list)
		return
	}
	if errors.Is(err, recq.ErrUnavailable) {
		s.log.LogAttrs(r.Context(), slog.LevelWarn, "answer", slog.String("path", logPath(r.URL.EscapedPath())), slog.String("error", err.Error()))
		w.Header().Set("Retry-After", strconv.Itoa(UnavailableRetry))
		writeErrors(w, http.StatusServiceUnavailable, f, unavailable())
		return
	}
	s.log.LogAttrs(r.Context(), slog.LevelError, "answer", slog.String("path", r.URL.EscapedPath()), slog.String("error", err.Error()))
	writeErrors(w, http.StatusInternalServerError, f, internalError())
}

// DeletedMessage is the dummy message a transcript keeps when its messages
// are deleted at now (recq.DeletedMessage).
func DeletedMessage(now time.Time) record.Message { return recq.DeletedMessage(now) }

// faults returns the faults of a refused request.
func faults(err error) filter.ErrorList {
	var list filter.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list
	}
	var e *filter.Error
	if errors.As(err, &e) {
		return filter.ErrorList{e}
	}
	return filter.ErrorList{{Code: filter.CodeBadQuery, Variable: "query", Pos: -1, Msg: err.Error()}}
}

// apiPrefix is the path's prefix on the API's host; requests may omit it.
const apiPrefix = "/api/recordings"

// knownResource reports whether path names /files or /transcripts (with
// anything after), so that a refused request is a 400, not a 404.
func knownResource(path string) bool {
	if rest, ok := strings.CutPrefix(path, apiPrefix); ok && (rest == "" || rest[0] == '/') {
		path = rest
	}
	path = strings.TrimPrefix(path, "/")
	head, _, _ := strings.Cut(path, "/")
	name, _, _ := strings.Cut(head, ".")
	return name == "files" || name == "transcripts"
}

// allowed is the Allow header of a 405 for path (docs/DECISIONS.md): one
// recording file is only deleted, the lists are only read, and one
// transcript is read or has its messages deleted.
func allowed(path string) string {
	path = strings.TrimPrefix(strings.TrimPrefix(path, apiPrefix), "/")
	head, rest, _ := strings.Cut(path, "/")
	switch {
	case rest == "":
		return "GET, HEAD"
	case strings.HasPrefix(head, "files"):
		return "DELETE"
	}
	return "GET, HEAD, DELETE"
}

// requestedFormat is the format the path's suffix asks for, read before
// the request is checked so that every error body can be written in it:
// .json or .csv at the end of the path, else XML.
func requestedFormat(path string) filter.Format {
	switch {
	case strings.HasSuffix(path, ".json"):
		return filter.JSON
	case strings.HasSuffix(path, ".csv"):
		return filter.CSV
	}
	return filter.XML
}

// responseWriter records the status and the size of a response, for the
// log and for the recovery of a panic.
type responseWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
	head  bool // a HEAD request: the body is dropped (also under httptest)
	bytes int64
}

func (w *responseWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	if w.head {
		return len(b), nil
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *responseWriter) status() int {
	if !w.wrote {
		return http.StatusOK
	}
	return w.code
}

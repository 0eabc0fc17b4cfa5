package server

import (
	"context"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/recq/recq/filter"
)

// The bounds of docs/SERVING.md.
const (
	// MaxHeaderBytes bounds a request's target and header fields together;
	// a request past it is answered 431 in the requested format.
	MaxHeaderBytes = 64 << 10
	// DefaultWriteTimeout bounds the sending of one response when
	// Config.WriteTimeout is 0.
	DefaultWriteTimeout = 20 * time.Second
	// MaxConcurrentStreams is the HTTP/2 streams one connection may have
	// open at once (HTTPServer), well below DefaultMaxInFlight.
	MaxConcurrentStreams = 16
)

// connState is what the server knows of one connection: the slots its
// requests hold now.
type connState struct {
	held atomic.Int32
}

type connKey struct{}

// ConnContext gives each connection its own count of slots held, so that
// one connection (many HTTP/2 streams) holds at most
// Config.MaxInFlightPerConn of them. Set it as http.Server.ConnContext
// (HTTPServer does); without it only the global bound holds.
func (s *Server) ConnContext(ctx context.Context, _ net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, &connState{})
}

// acquire takes a slot for r, within the global bound and the bound of r's
// connection, and returns its release; ok is false when either bound is
// reached.
func (s *Server) acquire(r *http.Request) (release func(), ok bool) {
	cs, _ := r.Context().Value(connKey{}).(*connState)
	if cs != nil && s.perConn > 0 {
		if cs.held.Add(1) > int32(s.perConn) {
			cs.held.Add(-1)
			return nil, false
		}
	}
	if s.sem != nil {
		select {
		case s.sem <- struct{}{}:
		default:
			if cs != nil && s.perConn > 0 {
				cs.held.Add(-1)
			}
			return nil, false
		}
	}
	return func() {
		if s.sem != nil {
			<-s.sem
		}
		if cs != nil && s.perConn > 0 {
			cs.held.Add(-1)
		}
	}, true
}

// headerBytes is the size of r's target and header fields, as
// MaxHeaderBytes counts them.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Host)
	if r.RequestURI == "" && r.URL != nil {
		n += len(r.URL.RawPath) + len(r.URL.Path) + len(r.URL.RawQuery)
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4 // ": " and CRLF
		}
	}
	return n
}

func busy() filter.ErrorList {
	return filter.ErrorList{{Code: filter.CodeOverloaded, Variable: "server", Pos: -1,
		Msg: "the server is busy: too many requests at once", Hint: "retry in a second"}}
}

// UnavailableRetry is the Retry-After, in seconds, of a 503 for a store out
// of reach (recq.ErrUnavailable): about what a database takes to restart.
const UnavailableRetry = 5

// unavailable is the fault of a store out of reach. Its code is the API's
// one code of a 503, overloaded; the message says what is wrong.
func unavailable() filter.ErrorList {
	return filter.ErrorList{{Code: filter.CodeOverloaded, Variable: "server", Pos: -1,
		Msg: "the store is unavailable: the database cannot be reached", Hint: "retry after Retry-After seconds"}}
}

func headerTooLarge(n int) filter.ErrorList {
	return filter.ErrorList{{Code: filter.CodeTooLong, Variable: "header", Pos: -1,
		Msg:  "the request's target and header fields are " + strconv.Itoa(n) + " bytes long, more than " + strconv.Itoa(MaxHeaderBytes),
		Hint: "send a shorter query or fewer header fields"}}
}

// HTTPServer returns an http.Server for s with the bounds of
// docs/SERVING.md: read and idle timeouts, HTTP/2 streams per connection
// (MaxConcurrentStreams), the per-connection slot count (ConnContext), and
// room in net/http's own header limit for s's check, so that a too large
// header is answered 431 in the requested format. errorLog receives
// net/http's own complaints (nil: the log package's).
func (s *Server) HTTPServer(errorLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// A backstop only: each response gets its own deadline
		// (Config.WriteTimeout) once its slot is released.
		WriteTimeout:   2 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 4 * MaxHeaderBytes,
		ErrorLog:       errorLog,
		ConnContext:    s.ConnContext,
		HTTP2: &http.HTTP2Config{
			MaxConcurrentStreams: MaxConcurrentStreams,
			// Bound what a client may make the server buffer for it.
			MaxReceiveBufferPerConnection: 1 << 20,
			MaxReceiveBufferPerStream:     256 << 10,
			SendPingTimeout:               30 * time.Second,
			PingTimeout:                   15 * time.Second,
			WriteByteTimeout:              DefaultWriteTimeout,
		},
	}
}

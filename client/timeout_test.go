package client_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recq/recq/client"
)

// hostile is a loopback TCP server that answers each connection with
// serve until the test ends; it counts what it accepted.
func hostile(t *testing.T, serve func(c net.Conn, stop <-chan struct{})) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	t.Cleanup(func() {
		close(stop)
		ln.Close()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				serve(c, stop)
			}()
		}
	}()
	return ln.Addr().String()
}

// silent reads what is sent and never answers (nor completes a TLS
// handshake).
func silent(c net.Conn, stop <-chan struct{}) {
	go io.Copy(io.Discard, c)
	<-stop
}

// dripHeaders answers a status line, then a header one byte at a time,
// a byte every 20 ms, for ever: every read of the client gets something.
func dripHeaders(c net.Conn, stop <-chan struct{}) {
	bufio.NewReader(c).ReadString('\n')
	io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Drip: ")
	for {
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
			if _, err := c.Write([]byte("a")); err != nil {
				return
			}
		}
	}
}

// dripBody is an HTTP handler that sends its headers and then a page one
// byte every 20 ms, for ever.
func dripBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(200)
	io.WriteString(w, "<?xml version='1.0' encoding='UTF-8' ?>\n<recordings>\n")
	w.(http.Flusher).Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(20 * time.Millisecond):
			if _, err := io.WriteString(w, " "); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}
}

// Each request is bounded from the dial to the last byte of its body
// (issue 21, finding 3): a server that never answers, never completes the
// TLS handshake, drips its headers or drips its body fails the walk with a
// *TimeoutError. Without the bound these walks never ended; the test
// gives each 30 s before it calls it a hang (a liveness bound, not a
// timing: the walks end after their 300 ms).
func TestRequestTimeout(t *testing.T) {
	drip := httptest.NewServer(http.HandlerFunc(dripBody))
	t.Cleanup(drip.Close)
	cases := []struct {
		name string
		base string
		opts []client.Option
	}{
		{"never answers", "http://" + hostile(t, silent), nil},
		{"never completes the TLS handshake", "https://" + hostile(t, silent), []client.Option{client.WithInsecure()}},
		{"drips its headers", "http://" + hostile(t, dripHeaders), nil},
		{"drips its body", drip.URL, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := client.New(tc.base+"/api/recordings", tenant, token,
				append(tc.opts, client.WithRequestTimeout(300*time.Millisecond))...)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := collect(c.Files(ctx, ""))
				done <- err
			}()
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				cancel()
				t.Fatalf("the walk did not end: no request timeout (%v)", <-done)
			}
			var te *client.TimeoutError
			var pe *client.PageError
			if !errors.As(err, &te) || !errors.As(err, &pe) || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "within 300ms") {
				t.Errorf("err = %v, want a PageError of a TimeoutError", err)
			}
		})
	}
	t.Run("one transcript", func(t *testing.T) {
		c, err := client.New("http://"+hostile(t, silent)+"/api/recordings", tenant, token, client.WithRequestTimeout(300*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := c.Transcript(context.Background(), "int-1-chat")
			done <- err
		}()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("Transcript did not end")
		}
		if !errors.As(err, new(*client.TimeoutError)) {
			t.Errorf("err = %v, want a TimeoutError", err)
		}
	})
}

// The timeout bounds a request, not a walk: a walk of 9 pages, each
// answered in 250 ms (2.25 s in all), is not cut by a timeout of 2 s.
func TestRequestTimeoutPerRequest(t *testing.T) {
	files := genFiles(51, 400, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 3)
	f := newFixture(t, files, nil)
	f.setHook(func(n int, w http.ResponseWriter, r *http.Request) bool {
		time.Sleep(250 * time.Millisecond)
		return false
	})
	c := f.newClient(t, nil, client.WithRequestTimeout(2*time.Second))
	got, err := collect(c.Files(context.Background(), ""))
	if err != nil || len(got) != len(files) {
		t.Fatalf("%d records, %v", len(got), err)
	}
}

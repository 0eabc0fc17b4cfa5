package bench

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"

	"github.com/recq/recq/server"
)

// serveTLS serves api over HTTPS with HTTP/2 on a loopback port, with the
// http.Server that recq serve uses (server.HTTPServer), until the test ends.
func serveTLS(tb testing.TB, api *server.Server) (addr string, pool *x509.CertPool) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), NotBefore: loadNow.Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(leaf)
	srv := api.HTTPServer(nil)
	srv.ErrorLog = nil
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	go srv.ServeTLS(ln, "", "")
	tb.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), pool
}

// serveH2C serves api over plain HTTP/1.1 and HTTP/2 with prior knowledge
// (h2c) on a loopback port, with the http.Server of recq serve but TLS: the
// load measures the handler, not the handshakes, and the HTTP/2 server is
// the same code either way.
func serveH2C(tb testing.TB, api *server.Server) (addr string) {
	tb.Helper()
	srv := api.HTTPServer(nil)
	srv.Protocols = new(http.Protocols)
	srv.Protocols.SetHTTP1(true)
	srv.Protocols.SetUnencryptedHTTP2(true)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	go srv.Serve(ln)
	tb.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// httpsClient is one client of its own connections (HTTP/2 when h2).
func httpsClient(pool *x509.CertPool, h2 bool) *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: h2, MaxIdleConnsPerHost: 4}
	if !h2 {
		tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: tr}
}

// zeroWindow is a hostile HTTP/2 client: it sets every stream's receive
// window to 0 and opens streams that ask for pages it will never read,
// until stop is closed. It answers the server's SETTINGS and PINGs, so that
// the server has no cause to drop it but the responses it cannot send.
type zeroWindow struct {
	conn    net.Conn
	opened  atomic.Int64
	refused atomic.Int64 // streams reset by the server
	mu      sync.Mutex
	fr      *http2.Framer
}

// startZeroWindow opens one such connection to addr: over TLS when pool is
// set, else HTTP/2 with prior knowledge (h2c).
func startZeroWindow(tb testing.TB, addr string, pool *x509.CertPool, streams int, path string) *zeroWindow {
	tb.Helper()
	var conn net.Conn
	scheme := "http"
	if pool != nil {
		tc, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pool, NextProtos: []string{"h2"}})
		if err != nil {
			tb.Fatal(err)
		}
		if p := tc.ConnectionState().NegotiatedProtocol; p != "h2" {
			tb.Fatalf("negotiated %q, not h2", p)
		}
		conn, scheme = tc, "https"
	} else {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			tb.Fatal(err)
		}
		conn = c
	}
	z := &zeroWindow{conn: conn, fr: http2.NewFramer(conn, conn)}
	tb.Cleanup(func() { conn.Close() })
	io.WriteString(conn, http2.ClientPreface)
	z.fr.WriteSettings(http2.Setting{ID: http2.SettingInitialWindowSize, Val: 0})
	go z.read()
	var hb bytes.Buffer
	enc := hpack.NewEncoder(&hb)
	auth := "Basic " + base64.StdEncoding.EncodeToString([]byte(loadTenant+":"+loadToken))
	for i := range streams {
		hb.Reset()
		for _, f := range [][2]string{{":method", "GET"}, {":scheme", scheme}, {":authority", addr}, {":path", path}, {"authorization", auth}} {
			enc.WriteField(hpack.HeaderField{Name: f[0], Value: f[1]})
		}
		z.mu.Lock()
		err := z.fr.WriteHeaders(http2.HeadersFrameParam{StreamID: uint32(2*i + 1), BlockFragment: hb.Bytes(), EndStream: true, EndHeaders: true})
		z.mu.Unlock()
		if err != nil {
			break
		}
		z.opened.Add(1)
	}
	return z
}

func (z *zeroWindow) read() {
	rd := http2.NewFramer(io.Discard, z.conn)
	for {
		f, err := rd.ReadFrame()
		if err != nil {
			return
		}
		z.mu.Lock()
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				z.fr.WriteSettingsAck()
			}
		case *http2.PingFrame:
			if !f.IsAck() {
				z.fr.WritePing(true, f.Data)
			}
		case *http2.RSTStreamFrame:
			z.refused.Add(1)
		}
		z.mu.Unlock()
	}
}

// TestZeroWindowStreams: eight HTTP/2 connections with 16 zero-window
// streams each (128 responses that cannot be sent, twice the slots) must
// not lock the tenant's other clients out (issue 14, finding 2): every
// request of a normal client is answered 200.
func TestZeroWindowStreams(t *testing.T) {
	_, api, _, _ := newLoad(t, 0)
	addr, pool := serveTLS(t, api)
	for range 8 {
		startZeroWindow(t, addr, pool, server.MaxConcurrentStreams, "/api/recordings/files.json?n=1")
	}
	time.Sleep(200 * time.Millisecond) // let the streams reach their handlers
	client := httpsClient(pool, true)
	defer client.CloseIdleConnections()
	statuses := map[int]int{}
	for i := range 40 {
		req, _ := http.NewRequest("GET", fmt.Sprintf("https://%s/files.csv?n=%d", addr, 1+i), nil)
		req.SetBasicAuth(loadTenant, loadToken)
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		statuses[res.StatusCode]++
	}
	if statuses[200] != 40 {
		t.Errorf("a normal client beside zero-window streams got %v, want 40×200", statuses)
	}
}

var _ = strings.Repeat

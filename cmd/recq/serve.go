package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/postgres"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
	"github.com/recq/recq/web"
)

// defaultAddr is where recq serve listens without --addr; when that port
// is taken it falls back to a free port on the loopback interface.
const defaultAddr = "127.0.0.1:8443"

// shutdownTimeout bounds the wait for requests in flight at SIGINT/SIGTERM.
const shutdownTimeout = 10 * time.Second

// serveCommand runs the local stand-in for the API (serve_help.go; docs/LANGUAGE.md §10) until
// SIGINT or SIGTERM; SIGHUP rotates the token, writes it to --token-file
// and prints it.
func serveCommand(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A write to a closed pipe (recq serve | head) fails with EPIPE instead
	// of killing the process: the server goes on without its output.
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	defer signal.Stop(pipe)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	return serve(ctx, hup, args, stdout, stderr, clock)
}

// serve is recq serve with its signals passed in: it stops when ctx is
// done and rotates the token at each value received from rotate.
func serve(ctx context.Context, rotate <-chan os.Signal, args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fs := newFlags("serve")
	addr := fs.String("addr", defaultAddr, "the HOST:PORT to listen on (port 0 picks a free one)")
	data := fs.String("data", "", "comma-separated XML, JSON or CSV files of records (default: the embedded sample data)")
	tenantName := fs.String("tenant", "acme", "the tenant name, the user of HTTP Basic authentication")
	token := fs.String("token", "", "the token, the password of HTTP Basic authentication (default: --token-file's, else a random one); visible to other users in the process list, prefer --token-file")
	tokenFile := fs.String("token-file", "", "a file holding the token: read at the start when it holds one, and rewritten (mode 0600) with the token at the start and at each SIGHUP")
	quiet := fs.Bool("quiet", false, "log only 503s, 431s, server errors and net/http's complaints, not every request")
	zoneName := fs.String("tenant-tz", server.SampleZone, "the tenant's IANA time zone, for queries without tz and for the sample data")
	filters := fs.Bool("filter", false, "answer filter= expressions, recq's extension (docs/LANGUAGE.md §14); without it they are refused with not-in-api, as the real API would")
	plain := fs.Bool("http", false, "serve plain HTTP instead of HTTPS (loopback addresses only)")
	maxInFlight := fs.Int("max-in-flight", server.DefaultMaxInFlight, "the requests served at once; beyond it 503")
	seed := fs.Uint64("seed", server.SampleSeed, "the seed of the sample data")
	db := fs.String("db", "", "serve the records of a PostgreSQL database instead (recq db init, recq load): "+exampleDB)
	corsList := fs.String("cors", "", "comma-separated origins (scheme://host[:port], exactly as the browser sends them) whose pages may call the API and load the browser module from another origin, with credentials; default: none (docs/SERVING.md)")
	if err := fs.Parse(args); err != nil {
		return flagError("serve", fs, err, stdout, stderr)
	}
	addrGiven := false
	fs.Visit(func(f *flag.Flag) { addrGiven = addrGiven || f.Name == "addr" })
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "recq serve: "+format+"\n", a...)
		return 1
	}
	switch {
	case fs.NArg() != 0:
		usageError(stderr, "serve", fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
		return 1
	case !validTenant(*tenantName):
		return fail("--tenant %q: a tenant name is 1 to 64 letters, digits, '.', '_' or '-'", *tenantName)
	case *token != "" && !validToken(*token):
		return fail("--token: a token is 1 to 256 printable ASCII characters without spaces")
	case *maxInFlight < 1:
		return fail("--max-in-flight %d: give at least 1", *maxInFlight)
	case *db != "" && *data != "":
		return fail("--db and --data: give one, the records come from the database or from the files")
	}
	var origins []string
	if *corsList != "" {
		var err error
		if origins, err = server.ParseOrigins(*corsList); err != nil {
			return fail("--cors: %v", err)
		}
	}
	if *plain && !loopbackHost(*addr) {
		return fail("--http serves plain HTTP on a loopback address only (127.0.0.1, ::1, localhost), not %q; leave out --http for HTTPS", *addr)
	}
	if *token == "" && *tokenFile != "" {
		t, err := readTokenFile(*tokenFile)
		if err != nil {
			return fail("--token-file: %v", err)
		}
		if t != "" && !validToken(t) {
			return fail("--token-file %s: a token is 1 to 256 printable ASCII characters without spaces", *tokenFile)
		}
		*token = t
	}
	now, zone, ok := clockAndZone("recq serve", "", *zoneName, stderr, clock)
	if !ok {
		return 1
	}
	var files []record.File
	var transcripts []record.Transcript
	var backend recq.Store
	source := ""
	nf, nt := 0, 0
	if *db != "" {
		store, err := postgres.Open(ctx, *db)
		if err != nil {
			return fail("--db: %v", err)
		}
		defer store.Close()
		if nf, nt, err = store.Count(ctx); err != nil {
			return fail("--db: %v (has `recq db init --db URL` made the schema?)", err)
		}
		backend, source = store, "PostgreSQL"
	} else if *data != "" {
		var err error
		files, transcripts, err = readData(strings.Split(*data, ","))
		if err != nil {
			return fail("%v", err)
		}
		source = *data
	} else {
		files, transcripts = server.Sample(*seed, now, zone)
		source = fmt.Sprintf("sample data, seed %d, the %d days to %s", *seed, server.SampleDays, now.In(zone).Format("2006-01-02"))
	}
	if backend == nil {
		nf, nt = len(files), len(transcripts)
	}

	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))
	api := server.New(server.Config{
		Store:       record.NewStore(files, transcripts),
		Backend:     backend, // nil: the records above, in memory
		Tenant:      *tenantName,
		Token:       *token,
		Zone:        zone,
		Clock:       clock,
		MaxInFlight: *maxInFlight,
		Logger:      logger,
		Filter:      *filters,
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil && !addrGiven {
		fmt.Fprintf(stderr, "recq serve: %v; listening on a free port instead\n", err)
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return fail("%v", err)
	}
	bound := ln.Addr().(*net.TCPAddr)
	if *plain && !bound.IP.IsLoopback() {
		ln.Close()
		return fail("--http: %s is not a loopback address", bound)
	}
	if *tokenFile != "" {
		if err := writeTokenFile(*tokenFile, api.Token()); err != nil {
			ln.Close()
			return fail("--token-file: %v", err)
		}
	}
	srv := api.HTTPServer(slog.NewLogLogger(logger.Handler(), slog.LevelWarn))
	// The browser module (docs/BROWSER.md) and the page (docs/PAGE.md)
	// under /_recq/, the page at exactly /, every other path to the API.
	// With --cors, all of it behind one cross-origin policy: a page of a
	// listed origin may call the API and load the module.
	srv.Handler = server.CORS(origins, web.Mux(srv.Handler, web.PageConfig{TenantZone: zone.String(), Clock: clock}))
	scheme, curlFlags := "http", ""
	var certInfo []string
	if !*plain {
		cert, info, err := selfSigned(clock(), bound.IP)
		if err != nil {
			ln.Close()
			return fail("certificate: %v", err)
		}
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		scheme, curlFlags, certInfo = "https", "-k ", info
	}
	errc := make(chan error, 1)
	go func() {
		if *plain {
			errc <- srv.Serve(ln)
		} else {
			errc <- srv.ServeTLS(ln, "", "")
		}
	}()

	// Every line goes through printers: the loop below never waits for
	// an output that nobody reads.
	out, errOut := newPrinter(stdout), newPrinter(stderr)
	defer errOut.close(time.Second)
	defer out.close(time.Second)
	base := scheme + "://" + bound.String() + "/api/recordings/"
	out.printf("recq serve: %s and %s (%s), tenant zone %s", count(nf, "file", "files"), count(nt, "transcript", "transcripts"), source, zone)
	out.printf("address: %s", bound)
	out.printf("url: %s", base)
	out.printf("page: %s://%s/ (the query builder)", scheme, bound)
	for _, line := range certInfo {
		out.printf("%s", line)
	}
	if len(origins) > 0 {
		out.printf("cors: pages of %s may call this server", strings.Join(origins, ", "))
	}
	out.printf("tenant: %s", *tenantName)
	printToken := func() {
		if *tokenFile != "" {
			out.printf("token: in %s", *tokenFile)
			out.printf("curl %s-u %s:\"$(cat %s)\" %sfiles.csv", curlFlags, shellQuote(*tenantName), shellQuote(*tokenFile), base)
			return
		}
		out.printf("token: %s", api.Token())
		out.printf("curl %s-u %s %sfiles.csv", curlFlags, shellQuote(*tenantName+":"+api.Token()), base)
	}
	printToken()

	for {
		select {
		case <-rotate:
			fresh := server.NewToken()
			if *tokenFile != "" {
				// The file first: a token nobody can read would lock
				// the operator out.
				if err := writeTokenFile(*tokenFile, fresh); err != nil {
					errOut.printf("recq serve: the token is not rotated: --token-file: %v", err)
					continue
				}
			}
			api.SetToken(fresh)
			out.printf("token rotated: the old token is revoked")
			printToken()
		case err := <-errc:
			return fail("%v", err)
		case <-ctx.Done():
			errOut.printf("recq serve: shutting down")
			sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				srv.Close()
				errOut.printf("recq serve: shutdown: %v", err)
				return 1
			}
			if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
				errOut.printf("recq serve: %v", err)
				return 1
			}
			errOut.printf("recq serve: stopped")
			return 0
		}
	}
}

// selfSigned returns a new self-signed certificate for localhost, the
// loopback addresses and ip, with an ECDSA P-256 key, and the lines that
// print its SHA-256 fingerprint and its public-key pin.
func selfSigned(now time.Time, ip net.IP) (tls.Certificate, []string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	ips := []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}
	if !ip.IsLoopback() && !ip.IsUnspecified() {
		ips = append(ips, ip)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "recq serve", Organization: []string{"recq"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(30 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	sum := sha256.Sum256(der)
	pin := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
	hexSum := make([]string, len(sum))
	for i, b := range sum {
		hexSum[i] = fmt.Sprintf("%02X", b)
	}
	info := []string{
		"certificate SHA-256 fingerprint: " + strings.Join(hexSum, ":"),
		"public key pin (curl --pinnedpubkey): sha256//" + base64.StdEncoding.EncodeToString(pin[:]),
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, info, nil
}

// loopbackHost reports whether addr's host is a loopback address or
// localhost; an empty host (all interfaces) is not.
func loopbackHost(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func validTenant(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func validToken(s string) bool {
	if s == "" || len(s) > 256 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// shellQuote returns s as one word of a POSIX shell command line.
func shellQuote(s string) string {
	safe := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || c == '-' || c == ':' || c == '/' || c == '=' || c == '+' || c == '@' || c == ',' ||
			'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

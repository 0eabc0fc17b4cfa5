package client_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/recq/recq/client"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

var formats = []filter.Format{filter.XML, filter.JSON, filter.CSV}

// sameRecords compares records as a response carries them: startDate to
// the second, instants compared as instants.
var sameRecords = []cmp.Option{
	cmp.Comparer(func(a, b time.Time) bool { return a.Truncate(time.Second).Equal(b.Truncate(time.Second)) }),
	cmpopts.EquateEmpty(),
}

func TestFilesEveryFormat(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(1, 700, base, 3)
	f := newFixture(t, files, nil)
	queries := []string{
		"",
		"d=2026-11-01,2026-11-02",
		"d=2026-11-01&agentID=bill",
		"?metaData_fieldName=Color&metaData_fieldValue=Blu",
		"d=today-30d,today&n=120",
	}
	for _, format := range formats {
		c := f.newClient(t, nil, client.WithWireFormat(format))
		for _, query := range queries {
			t.Run(format.String()+"/"+query, func(t *testing.T) {
				got, err := collect(c.Files(context.Background(), query))
				if err != nil {
					t.Fatal(err)
				}
				want := expectFiles(t, files, strings.TrimPrefix(query, "?"))
				if strings.Contains(query, "n=120") {
					want = want[119:]
				}
				if len(want) == 0 {
					t.Fatal("the query selects nothing: the test proves nothing")
				}
				if diff := cmp.Diff(want, got, sameRecords...); diff != "" {
					t.Errorf("records differ (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestTranscriptsEveryFormat(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	ts := genTranscripts(2, 260, base)
	f := newFixture(t, nil, ts)
	want := make([]record.Transcript, len(ts))
	for i, x := range ts {
		x.Messages = nil // a list has no messages
		want[i] = x
	}
	for _, format := range formats {
		t.Run(format.String(), func(t *testing.T) {
			c := f.newClient(t, nil, client.WithWireFormat(format))
			got, err := collect(c.Transcripts(context.Background(), "d=2026-11"+"-01,2026-11-30"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, sameRecords...); diff != "" {
				t.Errorf("transcripts differ (-want +got):\n%s", diff)
			}
			one, err := c.Transcript(context.Background(), ts[7].InteractionGUID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(ts[7], one, sameRecords...); diff != "" {
				t.Errorf("one transcript differs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeletes(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(3, 20, base, 3)
	ts := genTranscripts(3, 5, base)
	f := newFixture(t, files, ts)
	ctx := context.Background()
	c := f.newClient(t, nil)

	if err := c.DeleteFile(ctx, files[4].Filename); err != nil {
		t.Fatal(err)
	}
	err := c.DeleteFile(ctx, files[4].Filename)
	var se *client.StatusError
	if !errors.Is(err, client.ErrNotFound) || !errors.As(err, &se) || se.Status != 404 || len(se.Faults) == 0 {
		t.Fatalf("second delete: %v, want a 404 StatusError with the API's faults", err)
	}
	got, err := collect(c.Files(ctx, ""))
	if err != nil {
		t.Fatal(err)
	}
	if want := filenames(append(files[:4:4], files[5:]...)); !cmp.Equal(want, filenames(got)) {
		t.Errorf("after the delete: %v, want %v", filenames(got), want)
	}

	guid := ts[2].InteractionGUID
	if err := c.DeleteTranscript(ctx, guid); err != nil {
		t.Fatal(err)
	}
	one, err := c.Transcript(ctx, guid)
	if err != nil {
		t.Fatal(err)
	}
	want := []record.Message{server.DeletedMessage(testNow)}
	if diff := cmp.Diff(want, one.Messages, sameRecords...); diff != "" {
		t.Errorf("messages after the delete (-want +got):\n%s", diff)
	}
	if err := c.DeleteTranscript(ctx, "int-unknown"); err != nil {
		t.Errorf("deleting an unknown transcript (204 in the API): %v", err)
	}
	if _, err := c.Transcript(ctx, "int-unknown"); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("an unknown transcript: %v, want ErrNotFound", err)
	}
}

// A refused query yields the library's faults and sends nothing.
func TestRefusedQuerySendsNothing(t *testing.T) {
	f := newFixture(t, nil, nil)
	c := f.newClient(t, nil)
	ctx := context.Background()
	cases := []struct {
		name string
		run  func() error
	}{
		{"bad date", func() error { _, err := collect(c.Files(ctx, "d=2007-02-30&Start-Date=today")); return err }},
		{"bad n", func() error { _, err := collect(c.Transcripts(ctx, "n=0")); return err }},
		{"files field on transcripts", func() error { _, err := collect(c.Transcripts(ctx, "filename=x")); return err }},
		{"bad guid", func() error { _, err := c.Transcript(ctx, "a b"); return err }},
		{"guid with a query", func() error { _, err := c.Transcript(ctx, "abc?x=1"); return err }},
		{"bad file path", func() error { return c.DeleteFile(ctx, "../etc/passwd") }},
		{"escaped dots", func() error { return c.DeleteFile(ctx, "S20071220/%2e%2e") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			var list filter.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want a filter.ErrorList", err)
			}
			for _, e := range list {
				if e.Code == "" {
					t.Errorf("a fault without a code: %v", e)
				}
			}
		})
	}
	// The client's own check of a record's path places its fault.
	var list filter.ErrorList
	if err := c.DeleteTranscript(ctx, "é?x"); !errors.As(err, &list) || list[0].Code != filter.CodeBadPath ||
		list[0].Span != (filter.Span{Start: 15, End: 16}) || list[0].UTF16 != (filter.Span{Start: 14, End: 15}) {
		t.Errorf("a '?' in a GUID: %v, %+v", err, list)
	}
	if reqs := f.requests(); len(reqs) != 0 {
		t.Errorf("refused queries sent %v", reqs)
	}
}

// Every list request carries an explicit tz: the client's, the query's own,
// or none when the caller asks for the tenant's.
func TestExplicitZone(t *testing.T) {
	f := newFixture(t, nil, nil)
	ctx := context.Background()
	cases := []struct {
		opts  []client.Option
		query string
		tz    string // "" means absent
	}{
		{nil, "d=today", "UTC"},
		{[]client.Option{client.WithZone("America/Denver")}, "d=today", "America/Denver"},
		{[]client.Option{client.WithZone("America/Denver")}, "d=today&tz=Europe/Paris", "Europe/Paris"},
		{[]client.Option{client.WithTenantZone()}, "d=today", ""},
		{[]client.Option{client.WithTenantZone()}, "tz=Asia/Tokyo", "Asia/Tokyo"},
	}
	for _, tc := range cases {
		c := f.newClient(t, nil, tc.opts...)
		before := len(f.requests())
		if _, err := collect(c.Files(ctx, tc.query)); err != nil {
			t.Fatal(err)
		}
		reqs := f.requests()[before:]
		if len(reqs) != 1 {
			t.Fatalf("%q: %d requests, want 1", tc.query, len(reqs))
		}
		u, _ := url.Parse(reqs[0])
		vals := u.Query()
		if got, has := vals.Get("tz"), vals.Has("tz"); got != tc.tz || has != (tc.tz != "") {
			t.Errorf("%q: sent %s, want tz=%q", tc.query, reqs[0], tc.tz)
		}
	}
}

func TestPinnedCertificate(t *testing.T) {
	f := newFixture(t, genFiles(4, 3, testNow.Add(-time.Hour), 1), nil)
	ctx := context.Background()
	c, err := client.New(f.ts.URL, tenant, token, client.WithPinnedCertificate(f.ts.Certificate()))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := collect(c.Files(ctx, "")); err != nil || len(got) != 3 {
		t.Fatalf("pinned: %d files, %v", len(got), err)
	}
	other := httptest.NewUnstartedServer(f.api)
	other.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	other.Config.ErrorLog = log.New(io.Discard, "", 0)
	other.StartTLS()
	defer other.Close()
	c2, err := client.New(other.URL, tenant, token, client.WithPinnedCertificate(f.ts.Certificate()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(c2.Files(ctx, "")); err == nil || !strings.Contains(err.Error(), "pinned") {
		t.Errorf("another server's certificate: %v, want a refusal", err)
	}
	plain, err := client.New(f.ts.URL, tenant, token)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(plain.Files(ctx, "")); err == nil {
		t.Error("a self-signed certificate was accepted without a pin or WithInsecure")
	}
	roots := x509.NewCertPool()
	roots.AddCert(f.ts.Certificate())
	trusted, err := client.New(f.ts.URL, tenant, token, client.WithTLSConfig(&tls.Config{RootCAs: roots}),
		client.WithUserAgent("acme-sync/2"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(trusted.Files(ctx, "")); err != nil {
		t.Errorf("WithTLSConfig trusting the server's certificate: %v", err)
	}
	insecure, err := client.New(f.ts.URL, tenant, token, client.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(insecure.Files(ctx, "")); err != nil {
		t.Errorf("WithInsecure: %v", err)
	}
}

// selfSigned is a new certificate for 127.0.0.1, not httptest's.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:     []string{"example.com"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func TestNewRefuses(t *testing.T) {
	for _, base := range []string{"ftp://x/api", "127.0.0.1:8443", "https://x/api?x=1", "https://"} {
		if _, err := client.New(base, tenant, token); err == nil {
			t.Errorf("New(%q) accepted", base)
		}
	}
	if _, err := client.New("", tenant, token, client.WithZone("america/denver")); err == nil {
		t.Error("WithZone accepted a zone name in the wrong case")
	}
	if _, err := client.New("", tenant, token, client.WithInsecure(), client.WithHTTPClient(&http.Client{})); err == nil {
		t.Error("New accepted a TLS option beside an HTTP client")
	}
	if _, err := client.New("", tenant, token, client.WithRetry(client.RetryPolicy{})); err == nil {
		t.Error("New accepted a retry policy of no tries")
	}
}

func TestPlan(t *testing.T) {
	c, err := client.New("", tenant, token, client.WithWireFormat(filter.CSV))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		resource filter.Resource
		query    string
		first    string
		walk     client.Walk
	}{
		{filter.Files, "agentID=bill&d=today-7d,today", "/files.csv?d=today-7d,today&tz=UTC&agentID=bill", client.WalkKey},
		{filter.Transcripts, "?n=51", "/transcripts.csv?tz=UTC&n=51", client.WalkKey},
		{filter.Files, "d=2007-08-05T13:15&tz=America/Denver", "/files.csv?d=2007-08-05T13:15&tz=America/Denver", client.WalkKey},
		{filter.Files, "/files.json?agentID=bill", "/files.csv?tz=UTC&agentID=bill", client.WalkKey},
		{filter.Transcripts, "https://vcc-na1.8x8.com/api/recordings/transcripts?n=2", "/transcripts.csv?tz=UTC&n=2", client.WalkKey},
		{filter.Files, "", "/files.csv?tz=UTC", client.WalkKey},
		{filter.Files, "metaData_fieldValue=http://x", "/files.csv?tz=UTC&metaData_fieldValue=http://x", client.WalkKey},
	}
	for _, tc := range cases {
		first, w, err := c.Plan(tc.resource, tc.query)
		if err != nil || first != tc.first || w != tc.walk {
			t.Errorf("Plan(%q) = %q, %v, %v; want %q, %v", tc.query, first, w, err, tc.first, tc.walk)
		}
	}
	tenantZone, err := client.New("", tenant, token, client.WithTenantZone())
	if err != nil {
		t.Fatal(err)
	}
	if _, w, err := tenantZone.Plan(filter.Files, "d=2007-08-05T13:15"); err != nil || w != client.WalkOffset {
		t.Errorf("one time of day in the tenant's zone: %v, %v; want the offset walk", w, err)
	}
	known, err := client.New("", tenant, token, client.WithKnownTenantZone("America/Denver"), client.WithWireFormat(filter.CSV))
	if err != nil {
		t.Fatal(err)
	}
	if first, w, err := known.Plan(filter.Files, "d=2007-08-05T13:15"); err != nil || w != client.WalkKey || first != "/files.csv?d=2007-08-05T13:15" {
		t.Errorf("one time of day, the tenant's zone told: %q, %v, %v; want the key walk and no tz sent", first, w, err)
	}
	keyOnly, err := client.New("", tenant, token, client.WithTenantZone(), client.WithWalk(client.WalkKey))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := keyOnly.Plan(filter.Files, "d=2007-08-05T13:15"); !errors.Is(err, client.ErrNoKeyWalk) {
		t.Errorf("WalkKey for a query that does not allow it: %v, want ErrNoKeyWalk", err)
	}
	for _, refused := range []string{"d=2007-02-30", "/transcripts?d=today", "/files/S20071220/R1.wav"} {
		if _, _, err := c.Plan(filter.Files, refused); !errors.As(err, new(filter.ErrorList)) {
			t.Errorf("Plan(%q): %v, want a filter.ErrorList", refused, err)
		}
	}
}

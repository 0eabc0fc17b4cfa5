package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer that the server goroutine writes while
// the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// running is one recq serve run in a goroutine.
type running struct {
	stdout, stderr *lockedBuffer
	stop           context.CancelFunc
	rotate         chan os.Signal
	status         chan int
}

func startServe(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	r := &running{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, stop: stop, rotate: make(chan os.Signal, 1), status: make(chan int, 1)}
	go func() { r.status <- serve(ctx, r.rotate, args, r.stdout, r.stderr, clock) }()
	t.Cleanup(func() {
		stop()
		select {
		case <-r.status:
		case <-time.After(15 * time.Second):
			t.Error("recq serve did not stop")
		}
	})
	return r
}

// line waits for the n-th (1-based) stdout line that starts with prefix
// and returns the rest of it.
func (r *running) line(t *testing.T, prefix string, n int) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		seen := 0
		sc := bufio.NewScanner(strings.NewReader(r.stdout.String()))
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
				if seen++; seen == n {
					return rest
				}
			}
		}
		select {
		case status := <-r.status:
			t.Fatalf("recq serve exited %d:\n%s\n%s", status, r.stdout, r.stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("no line %q in:\n%s\nstderr:\n%s", prefix, r.stdout, r.stderr)
	return ""
}

func get(t *testing.T, client *http.Client, url, user, pass string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(user, pass)
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestServeHTTP(t *testing.T) {
	r := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token", "s3cret", "--tenant", "acme")
	addr := r.line(t, "address: ", 1)
	if got := r.line(t, "curl ", 1); got != "-u acme:s3cret http://"+addr+"/api/recordings/files.csv" {
		t.Errorf("curl line %q", got)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	url := "http://" + addr + "/api/recordings/files.csv"
	status, body := get(t, client, url, "acme", "s3cret")
	if status != 200 || !strings.HasPrefix(body, "startDate,agentID,") || strings.Count(body, "\n") != 51 {
		t.Fatalf("GET: %d\n%.500s", status, body)
	}
	if status, _ := get(t, client, url, "acme", "wrong"); status != 401 {
		t.Errorf("wrong token: %d", status)
	}

	// SIGHUP rotates the token and revokes the old one.
	r.rotate <- syscall.SIGHUP
	fresh := r.line(t, "token: ", 2)
	if fresh == "s3cret" || len(fresh) != 32 {
		t.Fatalf("the new token is %q", fresh)
	}
	if status, _ := get(t, client, url, "acme", "s3cret"); status != 401 {
		t.Errorf("the old token after SIGHUP: %d", status)
	}
	if status, _ := get(t, client, url, "acme", fresh); status != 200 {
		t.Errorf("the new token: %d", status)
	}

	r.stop()
	select {
	case status := <-r.status:
		r.status <- status // for the cleanup
		if status != 0 {
			t.Errorf("exit %d:\n%s", status, r.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("recq serve did not stop")
	}
	logs := r.stderr.String()
	if n := strings.Count(logs, `"msg":"request"`); n != 4 {
		t.Errorf("%d request log lines, want 4:\n%s", n, logs)
	}
	if !strings.Contains(logs, `"path":"/api/recordings/files.csv"`) || !strings.Contains(logs, "stopped") {
		t.Errorf("log:\n%s", logs)
	}
}

func TestServeHTTPS(t *testing.T) {
	r := startServe(t, "--addr", "127.0.0.1:0")
	addr := r.line(t, "address: ", 1)
	tenant, token := r.line(t, "tenant: ", 1), r.line(t, "token: ", 1)
	fingerprint := r.line(t, "certificate SHA-256 fingerprint: ", 1)
	if tenant != "acme" || len(token) != 32 {
		t.Errorf("tenant %q, token %q", tenant, token)
	}
	if got := r.line(t, "curl ", 1); got != "-k -u acme:"+token+" https://"+addr+"/api/recordings/files.csv" {
		t.Errorf("curl line %q", got)
	}
	var peer []byte
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			peer = cs.PeerCertificates[0].Raw
			return nil
		},
	}}}
	status, body := get(t, client, "https://"+addr+"/api/recordings/files.json?agentID=bill&n=1", tenant, token)
	if status != 200 || !strings.Contains(body, `"agentID":"bill"`) {
		t.Fatalf("GET: %d\n%.500s", status, body)
	}
	sum := sha256.Sum256(peer)
	if got := strings.ReplaceAll(fmt.Sprintf("% X", sum[:]), " ", ":"); got != fingerprint {
		t.Errorf("the server's certificate is %s, the printed fingerprint %s", got, fingerprint)
	}
	if status, _ := get(t, client, "https://"+addr+"/files", "", ""); status != 401 {
		t.Errorf("no credentials: %d", status)
	}
}

func TestServeData(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "files.csv")
	csv := "startDate,agentID,phoneNumber,channel,caseID,duration,filename,queueID,queueName,accountNumber,transactionID,extVar1,extVar2,outDialCode,wrapUpCode\r\n" +
		"2007-12-19T19:16:36-08:00,bill,bill,5027780,0,27,S20071220/R2007122003163601000.wav,fernandez~~queue~~phone~~102,phoneq1,0,1,0,0,,Gauffre:Gauffre 1\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, "--addr", "127.0.0.1:0", "--http", "--token", "t", "--data", path)
	addr := r.line(t, "address: ", 1)
	if first := r.line(t, "recq serve: ", 1); !strings.HasPrefix(first, "1 file and 0 transcripts") {
		t.Errorf("first line %q", first)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	status, body := get(t, client, "http://"+addr+"/files?d=2007-12-19", "acme", "t")
	if status != 200 || !strings.Contains(body, "<filename>S20071220/R2007122003163601000.wav</filename>") {
		t.Errorf("GET: %d\n%s", status, body)
	}
}

func TestServeUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--http", "--addr", "0.0.0.0:0"}, "loopback"},
		{[]string{"--http", "--addr", ":8080"}, "loopback"},
		{[]string{"--http", "--addr", "192.0.2.1:80"}, "loopback"},
		{[]string{"--port", "1"}, "unknown flag --port"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"--tenant", "a:b"}, "--tenant"},
		{[]string{"--token", "has space"}, "--token"},
		{[]string{"--tenant-tz", "america/new_york"}, "America/New_York"},
		{[]string{"--max-in-flight", "0"}, "--max-in-flight"},
		{[]string{"--data", "missing.xml", "--addr", "127.0.0.1:0"}, "missing.xml"},
		{[]string{"--data", "records.txt", "--addr", "127.0.0.1:0"}, "records.txt"},
	} {
		var stdout, stderr bytes.Buffer
		status := serve(context.Background(), nil, c.args, &stdout, &stderr, clock)
		if status != 1 || !strings.Contains(stderr.String(), c.want) || stdout.Len() != 0 {
			t.Errorf("recq serve %v: exit %d, stderr %q, stdout %q", c.args, status, stderr.String(), stdout.String())
		}
	}
}

func TestLoopbackHost(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:0": true, "127.1.2.3:80": true, "[::1]:8443": true, "localhost:1": true,
		"0.0.0.0:0": false, ":80": false, "[::]:80": false, "example.com:80": false, "127.0.0.1": false,
	} {
		if got := loopbackHost(addr); got != want {
			t.Errorf("loopbackHost(%q) = %v", addr, got)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"acme:0123abc": "acme:0123abc",
		"acme:a b":     "'acme:a b'",
		"acme:it's":    `'acme:it'\''s'`,
		"acme:$HOME":   "'acme:$HOME'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

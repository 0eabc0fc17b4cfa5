package client_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/recq/recq/client"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

var walks = []client.Walk{client.WalkKey, client.WalkOffset}

// sized is n records, or a fifth of them with -short (CI's race detector
// run, where each request costs ten times more).
func sized(n int) int {
	if testing.Short() {
		return n / 5
	}
	return n
}

// checkWalk is the law of a walk under deletes: no record twice, none
// outside the query (want: what it selected before the walk), and every
// record that was never deleted during the walk listed.
func checkWalk(t interface {
	tb
	Errorf(string, ...any)
	Fatalf(string, ...any)
}, got []record.File, want []record.File, deleted map[string]bool) {
	t.Helper()
	in := map[string]bool{}
	for _, f := range want {
		in[f.Filename] = true
	}
	seen := map[string]bool{}
	for _, f := range got {
		if seen[f.Filename] {
			t.Fatalf("%s listed twice", f.Filename)
		}
		seen[f.Filename] = true
		if !in[f.Filename] {
			t.Fatalf("%s listed but outside the query", f.Filename)
		}
	}
	missing := 0
	for _, f := range want {
		if !deleted[f.Filename] && !seen[f.Filename] {
			missing++
			if missing < 5 {
				t.Errorf("%s (%v) was present throughout and not listed", f.Filename, f.StartDate)
			}
		}
	}
	if missing > 0 {
		t.Fatalf("%d records present throughout the walk were not listed", missing)
	}
}

// Between pages, a deleter removes files at random, in the query and out
// of it, behind the walk and ahead of it: every walk lists each file
// present throughout exactly once.
func TestWalkUnderDeletesBetweenPages(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(10, sized(4000), base, 3) // about 1.5 files a second, ties included
	query := "d=2026-11-01T00:20:00Z,2026-11-01T02:10:00Z&agentID=bill"
	if testing.Short() {
		query = "d=2026-11-01T00:02:00Z,2026-11-01T00:40:00Z&agentID=bill"
	}
	want := expectFiles(t, files, query)
	if len(want) < sized(500) {
		t.Fatalf("the query selects %d files: too few pages", len(want))
	}
	for _, w := range walks {
		t.Run(w.String(), func(t *testing.T) {
			f := newFixture(t, files, nil)
			rng := rand.New(rand.NewPCG(11, uint64(w)))
			deleted := map[string]bool{}
			f.setHook(func(n int, _ http.ResponseWriter, r *http.Request) bool {
				if r.Method == "GET" && n > 1 {
					all := f.api.Store().AllFiles()
					for range 7 {
						name := all[rng.IntN(len(all))].Filename
						if f.api.Store().DeleteFile(name) {
							deleted[name] = true
						}
					}
				}
				return false
			})
			c := f.newClient(t, nil, client.WithWalk(w))
			got, err := collect(c.Files(context.Background(), query))
			if err != nil {
				t.Fatal(err)
			}
			if len(deleted) == 0 {
				t.Fatal("nothing was deleted: the test proves nothing")
			}
			checkWalk(t, got, want, deleted)
			checkRequests(t, w, f.requests(), strings.TrimPrefix(strings.Split(query, "&")[0], "d="))
		})
	}
}

// checkRequests checks that a walk asked its pages as its kind says: the
// key walk with d narrowed to a startDate and n=1 (left out), the offset
// walk with the query's d and n one below the naive loop's.
func checkRequests(t *testing.T, w client.Walk, reqs []string, d string) {
	t.Helper()
	if len(reqs) < 3 {
		t.Fatalf("%d requests: too few pages", len(reqs))
	}
	backups, last := 0, 1
	defer func() {
		if w == client.WalkOffset && backups == 0 {
			t.Error("the offset walk never backed up: the deletes did not exercise it")
		}
	}()
	for i, r := range reqs[1:] {
		u, err := url.Parse(r)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		switch w {
		case client.WalkKey:
			from, _, _ := strings.Cut(v.Get("d"), ",")
			if v.Has("n") || !strings.HasPrefix(from, "2026-11-01T0") || len(from) != len("2026-11-01T00:20:00Z") {
				t.Fatalf("key walk, request %d: %s; want d from a startDate and no n", i+2, r)
			}
		case client.WalkOffset:
			n, err := strconv.Atoi(cmp.Or(v.Get("n"), "1")) // a back-up may reach n=1, left out
			if v.Get("d") != d || err != nil || n%49 != 1 {
				t.Fatalf("offset walk, request %d: %s; want the query's d and n = 1 + 49k", i+2, r)
			}
			if n < last {
				backups++
			}
			last = n
		}
	}
}

// A second holding several pages of records while files of that second
// are deleted: the key walk goes by n inside it and may then miss one of
// them (docs/CLIENT.md), but never lists one twice or one outside the query.
func TestKeyWalkCrowdedSecondUnderDeletes(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(20, 300, base, 0)
	f := newFixture(t, files, nil)
	rng := rand.New(rand.NewPCG(21, 0))
	f.setHook(func(n int, _ http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			all := f.api.Store().AllFiles()
			for range 5 {
				f.api.Store().DeleteFile(all[rng.IntN(len(all))].Filename)
			}
		}
		return false
	})
	c := f.newClient(t, nil, client.WithWalk(client.WalkKey))
	got, err := collect(c.Files(context.Background(), ""))
	if err != nil {
		t.Fatal(err)
	}
	everything := map[string]bool{}
	for _, x := range files {
		everything[x.Filename] = true // "deleted": only no repeat and nothing outside are promised
	}
	checkWalk(t, got, files, everything)
}

// A deleter on its own goroutine, through the API, while the walk runs.
func TestWalkUnderConcurrentDeleter(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(12, sized(5000), base, 2)
	const query = "d=2026-11-01,2026-11-02"
	want := expectFiles(t, files, query)
	for _, w := range walks {
		t.Run(w.String(), func(t *testing.T) {
			f := newFixture(t, files, nil)
			c := f.newClient(t, nil, client.WithWalk(w))
			deleter := f.newClient(t, nil)
			var mu sync.Mutex
			deleted := map[string]bool{}
			var stop atomic.Bool
			done := make(chan struct{})
			// The walk's second page waits for the deleter's first delete, so
			// that deletes happen during the walk however the goroutines are
			// scheduled.
			started := make(chan struct{})
			f.setHook(func(n int, _ http.ResponseWriter, r *http.Request) bool {
				if r.Method == "GET" && n > 1 {
					select {
					case <-started:
					case <-time.After(10 * time.Second):
					}
				}
				return false
			})
			go func() {
				defer close(done)
				rng := rand.New(rand.NewPCG(13, uint64(w)))
				first := true
				for !stop.Load() {
					name := files[rng.IntN(len(files))].Filename
					mu.Lock()
					deleted[name] = true // marked before: a delete may land before its answer
					mu.Unlock()
					deleter.DeleteFile(context.Background(), name) // 404 for a file deleted before
					if first {
						close(started)
						first = false
					}
				}
			}()
			got, err := collect(c.Files(context.Background(), query))
			stop.Store(true)
			<-done
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(deleted) == 0 {
				t.Fatal("the deleter deleted nothing during the walk: the test proves nothing")
			}
			t.Logf("%d of %d files deleted during the walk, %d listed of %d selected", len(deleted), len(files), len(got), len(want))
			checkWalk(t, got, want, deleted)
		})
	}
}

// More records in one second than a page holds: the key walk goes on by n
// inside that second.
func TestKeyWalkTiesLongerThanAPage(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(14, 400, base, 0) // every file in the same second
	later := genFiles(15, 120, base.Add(time.Minute), 1)
	for i := range later {
		later[i].Filename = strings.Replace(later[i].Filename, "/R1", "/R2", 1) // not the names of the first 400
	}
	files = append(files, later...)
	f := newFixture(t, files, nil)
	c := f.newClient(t, nil, client.WithWalk(client.WalkKey))
	got, err := collect(c.Files(context.Background(), ""))
	if err != nil {
		t.Fatal(err)
	}
	checkWalk(t, got, expectFiles(t, files, ""), nil)
	if len(got) != len(files) {
		t.Fatalf("%d files, want %d", len(got), len(files))
	}
}

// What the naive loop (n=1, 51, 101, … with no overlap) does under the
// same deletes: files move back past it and are lost. This is why the
// offset walk overlaps its pages.
func TestNaiveOffsetLoopLosesRecords(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(16, sized(1000), base, 3)
	f := newFixture(t, files, nil)
	deleted := map[string]bool{}
	f.setHook(func(n int, _ http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			for _, x := range f.api.Store().AllFiles()[:3] { // three of the files already listed
				f.api.Store().DeleteFile(x.Filename)
				deleted[x.Filename] = true
			}
		}
		return false
	})
	c := f.newClient(t, nil)
	var got []record.File
	for n := 1; ; n += 50 {
		page, err := collect(c.Files(context.Background(), "n="+strconv.Itoa(n)+"&d=2026-11-01T00:00Z,2026-11-02T00:00Z"))
		if err != nil {
			t.Fatal(err)
		}
		// collect walks every page from n on: keep the first page only.
		got = append(got, page[:min(50, len(page))]...)
		if len(page) < 50 {
			break
		}
	}
	lost := 0
	seen := map[string]bool{}
	for _, x := range got {
		seen[x.Filename] = true
	}
	for _, x := range files {
		if !deleted[x.Filename] && !seen[x.Filename] {
			lost++
		}
	}
	if lost == 0 {
		t.Fatal("the naive loop lost nothing: the deletes did not shift its pages")
	}
}

// The law for generated record sets, queries and delete schedules, both walks.
func TestPropWalkUnderDeletes(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(0, 400).Draw(rt, "files")
		files := genFiles(rapid.Uint64().Draw(rt, "seed"), n, base, rapid.IntRange(1, 4).Draw(rt, "maxGap"))
		fromMin := rapid.IntRange(0, 20).Draw(rt, "fromMinute")
		toMin := rapid.IntRange(fromMin+1, 40).Draw(rt, "toMinute")
		var opts []client.Option
		query := rapid.SampledFrom([]string{
			"d=2026-11-01T00:" + pad(fromMin) + "Z,2026-11-01T00:" + pad(toMin) + "Z",
			"d=today-24d",                    // the day of the files, relative
			"",                               // no d: the walk ends at 9999
			"d=2026-11-01T00:05:00.5Z,today", // a start inside a second
			"start-date=2026-11-01T00:03Z",   // ±5 s, without d
			"d=2026-10-31T18:00,2026-10-31T18:" + pad(toMin) + "&tz=America/Denver",
			"tenant:d=2026-11-01T00:02,2026-11-01T00:" + pad(max(toMin, 3)), // the tenant's zone (UTC here)
			"known:d=2026-11-01T00:" + pad(toMin),                           // one minute, the tenant's zone told
			"known:d=2026-11-01T00:05:00.5,today",                           // a fraction, the tenant's zone told
		}).Draw(rt, "query")
		if rest, ok := strings.CutPrefix(query, "tenant:"); ok {
			query, opts = rest, append(opts, client.WithTenantZone())
		}
		if rest, ok := strings.CutPrefix(query, "known:"); ok {
			query, opts = rest, append(opts, client.WithKnownTenantZone("UTC"))
		}
		if rapid.Bool().Draw(rt, "agent") {
			query += "&agentID=ann"
		}
		opts = append(opts, client.WithWireFormat(rapid.SampledFrom([]filter.Format{filter.XML, filter.JSON, filter.CSV}).Draw(rt, "wire")))
		w := rapid.SampledFrom(walks).Draw(rt, "walk")
		perPage := rapid.IntRange(0, 30).Draw(rt, "deletesPerPage")
		rng := rand.New(rand.NewPCG(rapid.Uint64().Draw(rt, "deleteSeed"), 0))
		api := startFixture(files, nil)
		defer api.ts.Close()
		deleted := map[string]bool{}
		api.setHook(func(k int, _ http.ResponseWriter, r *http.Request) bool {
			if k > 1 {
				all := api.api.Store().AllFiles()
				for i := 0; i < perPage && len(all) > 0; i++ {
					x := all[rng.IntN(len(all))].Filename
					if api.api.Store().DeleteFile(x) {
						deleted[x] = true
					}
				}
			}
			return false
		})
		c := api.newClient(rt, nil, append(opts, client.WithWalk(w))...)
		got, err := collect(c.Files(context.Background(), query))
		if err != nil {
			rt.Fatal(err)
		}
		checkWalk(rt, got, expectFiles(rt, files, query), deleted)
	})
}

func pad(n int) string {
	return fmt.Sprintf("%02d", n)
}

// A query's own n that starts inside a crowded second: the walk lists the
// records from the n-th on, not those of that second before it.
func TestKeyWalkFromNInsideASecond(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	files := genFiles(18, 130, base, 0) // one second
	later := genFiles(19, 80, base.Add(time.Minute), 1)
	for i := range later {
		later[i].Filename = strings.Replace(later[i].Filename, "/R1", "/R2", 1)
	}
	files = append(files, later...)
	f := newFixture(t, files, nil)
	for _, w := range walks {
		for _, n := range []int{2, 30, 51, 120, 131} {
			c := f.newClient(t, nil, client.WithWalk(w))
			got, err := collect(c.Files(context.Background(), "n="+strconv.Itoa(n)))
			if err != nil {
				t.Fatal(err)
			}
			if want := filenames(files[n-1:]); !slices.Equal(want, filenames(got)) {
				t.Errorf("%v walk from n=%d: %d files, want the %d from the %d-th on", w, n, len(got), len(want), n)
			}
		}
	}
}

// TestKeyWalkWithoutDEastOfUTC: a query without d, read in a zone east of
// UTC, is walked by key past its first page. Its narrowed d once ended at
// 9999-12-31T23:59:59.999999999Z, which is in the year 10000 in
// Asia/Kolkata: the API refused the second page.
func TestKeyWalkWithoutDEastOfUTC(t *testing.T) {
	files := genFiles(7, 120, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), 30)
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	for _, opts := range [][]client.Option{
		{client.WithZone("Asia/Kolkata")},
		{client.WithKnownTenantZone("Asia/Kolkata")},
		{client.WithTenantZone()},
	} {
		f := startFixtureWith(files, nil, kolkata, false)
		got, err := collect(f.newClient(t, nil, opts...).Files(context.Background(), "queueID=Q1"))
		f.ts.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := expectFiles(t, files, "queueID=Q1"); len(want) <= client.PageSize || !slices.Equal(filenames(got), filenames(want)) {
			t.Fatalf("listed %d files, want %d", len(got), len(want))
		}
	}
}

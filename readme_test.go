package recq_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/recq/recq"
	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// The functions below hold the README's Go snippets, each exactly as the
// README shows it (TestReadmeSnippets compares them), so that they compile
// and run as written.

// README, "A tool": parse, canonicalize, resolve for the tenant.
func Example_readmeTool() {
	q, err := filter.Parse("GET", "/files.csv?d=today-1d,today&tz=America/Denver&agentID=bill")
	if err != nil {
		fmt.Println(err) // a filter.ErrorList: every fault with its code, variable, span and suggestions
		return
	}
	tenant, err := timezone.Load("America/Los_Angeles") // the zone of a query without tz
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := q.Resolve(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), tenant)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(encode.Canonical(q))
	fmt.Println(res.Date.From, "up to", res.Date.To)
	// Output:
	// /files.csv?d=today-1d,today&tz=America/Denver&agentID=bill
	// 2026-11-24 00:00:00 -0700 MST up to 2026-11-25 00:00:00 -0700 MST
}

// README, "A server": a handler that answers in the request's format, and
// refuses in it too.
func handler(records *record.Store, tenant *time.Location) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		format, _ := encode.DetectFormat(r.URL.Path) // .json, .csv, else XML: also for a refusal
		q, err := filter.ParseURL(r.Method, r.URL)
		if err == nil {
			var body bytes.Buffer
			if err = recq.Answer(r.Context(), &body, q, recq.Memory(records), time.Now(), tenant); err == nil {
				w.Header().Set("Content-Type", encode.ContentType(q.Format))
				w.Write(body.Bytes())
				return
			}
		}
		w.Header().Set("Content-Type", encode.ContentType(format))
		w.WriteHeader(filter.Status(err)) // 400, 404, …; 500 for a store's failure
		encode.WriteErrors(w, format, filter.Faults(err))
	})
}

// The README's handler answers and refuses in the format the request asks
// for, as server.New does.
func Example_readmeServer() {
	records := record.NewStore([]record.File{
		{StartDate: time.Date(2007, 12, 19, 19, 16, 31, 0, time.UTC), AgentID: "bill", Duration: 27, Filename: "S20071219/R1.wav"},
	}, nil)
	h := handler(records, time.UTC)
	for _, target := range []string{
		"/api/recordings/files.csv?agentID=bill&d=2007-12-19",
		"/api/recordings/files.json?n=0",
		"/api/recordings/files.csv?n=0",
		"/api/recordings/transcripts/int-nope",
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		first, _, _ := strings.Cut(w.Body.String(), "\n") // a CSV header, a JSON body, or XML's declaration
		fmt.Println(w.Code, w.Header().Get("Content-Type"), strings.TrimSpace(first[:min(len(first), 60)]))
	}
	// Output:
	// 200 text/csv; charset=utf-8; header=present startDate,agentID,phoneNumber,channel,caseID,duration,filena
	// 400 application/json {"error":{"code":"bad-page","variable":"n","pos":-1,"span":{
	// 400 text/csv; charset=utf-8; header=present variable,pos,message,hint,code
	// 404 application/xml; charset=utf-8 <?xml version='1.0' encoding='UTF-8' ?>
}

package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/recq/recq/record"
	"github.com/recq/recq/server"
)

// A server over a store of one file, asked for yesterday's files as CSV.
// Clock is required: here a fixed reading, in a program time.Now.
func ExampleNew() {
	store := record.NewStore([]record.File{
		{StartDate: time.Date(2026, 11, 24, 17, 30, 0, 0, time.UTC), AgentID: "bill", Duration: 27, Filename: "S20261124/R1.wav"},
	}, nil)
	denver, _ := time.LoadLocation("America/Denver")
	s := server.New(server.Config{
		Store:  store,
		Tenant: "acme",
		Token:  "secret",
		Zone:   denver,
		Clock:  func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) },
	})
	ts := httptest.NewServer(s)
	defer ts.Close()

	req, _ := http.NewRequest("GET", ts.URL+"/api/recordings/files.json?d=today-1d,today&agentID=bill", nil)
	req.SetBasicAuth("acme", "secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Status)
	fmt.Print(string(body))
	// Output:
	// 200 OK
	// {"recordings":{"file":[
	// {"startDate":"2026-11-24T10:30:00-07:00","agentID":"bill","phoneNumber":"","channel":"","caseID":"","duration":"27","filename":"S20261124/R1.wav","queueID":"","queueName":"","accountNumber":"","transactionID":"","extVar1":"","extVar2":"","outDialCode":"","wrapUpCode":{"transactionCodes":{"transactionCode":[]}}}
	// ]}}
}

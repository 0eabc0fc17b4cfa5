package fuzz

import (
	"strconv"
	"time"

	"github.com/recq/recq/record"
)

// Page returns a page of the API as the encoders meet it: 50 realistic
// files, each with two wrap-up codes, metadata on every other one, and the
// characters XML, JSON and CSV must escape. The same page serves the
// encoders' tests and the bench module.
func Page() []record.File {
	files := make([]record.File, 50)
	start := time.Date(2024, 5, 6, 8, 0, 0, 0, time.UTC)
	for i := range files {
		f := record.File{
			StartDate:     start.Add(time.Duration(i) * 97 * time.Second),
			AgentID:       "agent" + strconv.Itoa(i%7),
			PhoneNumber:   "415555" + strconv.Itoa(1000+i),
			Channel:       "8005557780",
			CaseID:        strconv.Itoa(24000 + i),
			Duration:      30 + i*7,
			Filename:      "S20240506/R20240506080000" + strconv.Itoa(10000+i) + ".wav",
			QueueID:       "acme~~queue~~phone~~102",
			QueueName:     "Support & Sales",
			AccountNumber: strconv.Itoa(900000 + i),
			TransactionID: strconv.Itoa(i + 1),
			ExtVar1:       "0",
			ExtVar2:       "0",
			TransactionCodes: []record.TransactionCode{
				{ListName: "Outcome", Name: "Resolved"},
				{ListName: "Topic", Name: "Billing, refunds"},
			},
		}
		if i%2 == 0 {
			f.MetaData = []record.MetaData{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Customer says", FieldValue: `"fine" <ok>`}}
		}
		files[i] = f
	}
	return files
}

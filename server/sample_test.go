package server

import (
	"reflect"
	"testing"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/record"
)

func TestSample(t *testing.T) {
	loc := la(t)
	for _, now := range []time.Time{
		time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), // the November change is in the last 60 days
		time.Date(2026, 7, 1, 18, 30, 0, 0, time.UTC),  // the March change is four months back
		time.Date(2026, 3, 8, 11, 0, 0, 0, time.UTC),   // an hour after the March change
	} {
		files, transcripts := Sample(SampleSeed, now, loc)
		if len(files) < 2000 || len(files) > 6000 || len(transcripts) < 300 || len(transcripts) > 2000 {
			t.Errorf("%v: %d files and %d transcripts", now, len(files), len(transcripts))
		}
		again, againT := Sample(SampleSeed, now, loc)
		if !reflect.DeepEqual(files, again) || !reflect.DeepEqual(transcripts, againT) {
			t.Errorf("%v: two runs differ", now)
		}
		other, _ := Sample(SampleSeed+1, now, loc)
		if reflect.DeepEqual(files, other) {
			t.Errorf("%v: the seed plays no part", now)
		}

		from := now.AddDate(0, 0, -SampleDays-1)
		names, types, agents, offsets := map[string]bool{}, map[record.CallType]int{}, map[string]bool{}, map[int]bool{}
		for _, f := range files {
			if !f.StartDate.Before(now) {
				t.Fatalf("%v: a file starts at %v, after the clock", now, f.StartDate)
			}
			if names[f.Filename] {
				t.Fatalf("%v: two files are %s", now, f.Filename)
			}
			names[f.Filename] = true
			types[f.CallType()]++
			agents[f.AgentID] = true
			_, off := f.StartDate.Zone()
			offsets[off] = true
			if _, err := filter.Parse("DELETE", "/files/"+f.Filename); err != nil {
				t.Fatalf("%s: %v", f.Filename, err)
			}
		}
		if len(types) != 3 || len(agents) < 5 {
			t.Errorf("%v: call types %v, %d agents", now, types, len(agents))
		}
		if !offsets[-8*3600] || !offsets[-7*3600] {
			t.Errorf("%v: no daylight-saving change in the data: offsets %v", now, offsets)
		}
		guids, messages := map[string]bool{}, 0
		for _, tr := range transcripts {
			if !tr.StartDate.Before(now) || guids[tr.InteractionGUID] || len(tr.Messages) < 2 {
				t.Fatalf("%v: transcript %+v", now, tr)
			}
			guids[tr.InteractionGUID] = true
			messages += len(tr.Messages)
			if _, err := filter.Parse("GET", "/transcripts/"+tr.InteractionGUID); err != nil {
				t.Fatalf("%s: %v", tr.InteractionGUID, err)
			}
		}
		if messages < 4*len(transcripts) {
			t.Errorf("%v: %d messages", now, messages)
		}
		inRange := 0
		for _, f := range files {
			if !f.StartDate.Before(from) {
				inRange++
			}
		}
		if inRange < len(files)-10 {
			t.Errorf("%v: %d of %d files in the last %d days", now, inRange, len(files), SampleDays)
		}
	}
}

// TestSampleStable: a day's records do not depend on the clock, only on the
// seed and the date.
func TestSampleStable(t *testing.T) {
	loc := la(t)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	a, _ := Sample(SampleSeed, now, loc)
	b, _ := Sample(SampleSeed, now.Add(24*time.Hour), loc)
	day := func(fs []record.File) []record.File {
		var out []record.File
		for _, f := range fs {
			if y, m, d := f.StartDate.Date(); y == 2026 && m == 11 && d == 20 {
				out = append(out, f)
			}
		}
		return out
	}
	if da, db := day(a), day(b); len(da) == 0 || !reflect.DeepEqual(da, db) {
		t.Errorf("2026-11-20: %d and %d files", len(da), len(db))
	}
}

func TestSampleUTC(t *testing.T) {
	files, transcripts := Sample(SampleSeed, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), nil)
	if len(files) == 0 || len(transcripts) == 0 {
		t.Fatal("no records")
	}
	for _, f := range files {
		if f.StartDate.Location() != time.UTC {
			t.Fatalf("%v is not in UTC", f.StartDate)
		}
	}
}

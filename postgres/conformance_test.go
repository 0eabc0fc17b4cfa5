package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/recq/recq/conformance"
	"github.com/recq/recq/filter"
	"github.com/recq/recq/internal/pgtest"
	"github.com/recq/recq/timezone"
)

// TestConformance runs every case of the conformance suite that lists a
// page against the PostgreSQL store: the case's records loaded, the page
// the store gives must be the case's, in order, the cases of filter=
// (recq's extension) included: the store translates filters into its
// statement (docs/POSTGRES.md, "Filters"). (Over HTTP, `recq serve --db`
// runs them with conformance.RunHTTP.)
func TestConformance(t *testing.T) {
	s := pgtest.Store(t)
	cases, err := conformance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ran := 0
	for _, c := range cases {
		if !c.HasPage || c.Skip != "" || c.Method != "GET" {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			files, transcripts, err := c.LoadRecords()
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Clear(ctx); err != nil {
				t.Fatal(err)
			}
			if err := s.Load(ctx, files, transcripts, nil); err != nil {
				t.Fatal(err)
			}
			tenant, err := timezone.Load(c.Tenant)
			if err != nil {
				t.Fatal(err)
			}
			q, err := filter.Parse(c.Method, c.Target)
			if err != nil {
				t.Fatal(err)
			}
			res, err := q.Resolve(c.Now, tenant)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			switch q.Resource {
			case filter.Files:
				page, err := s.Files(ctx, q, res)
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range page {
					got = append(got, f.Filename)
				}
			case filter.Transcripts:
				page, err := s.Transcripts(ctx, q, res)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range page {
					got = append(got, r.InteractionGUID)
				}
			}
			if !slices.Equal(got, c.Page) {
				t.Errorf("%s:%d %s: page %v, want %v", c.File, c.Line, c.Target, got, c.Page)
			}
		})
		ran++
	}
	if ran == 0 {
		t.Fatal("no case with a page")
	}
}

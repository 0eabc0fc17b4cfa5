// Package skipper is a package whose tests skip through skipnote, for
// skipnote's own test.
package skipper

import (
	"testing"

	"github.com/recq/recq/internal/skipnote"
)

func TestMain(m *testing.M) { skipnote.Main(m) }

func TestOne(t *testing.T)  { skipnote.Skip(t, "a thing", "get a thing", "no thing here") }
func TestTwo(t *testing.T)  { skipnote.Skip(t, "a thing", "get a thing", "no thing here") }
func TestRuns(t *testing.T) {}

package main

import (
	"testing"

	"github.com/recq/recq/internal/skipnote"
)

// Tests that need chromium, PostgreSQL or node skip without them; after the
// run, one line says which and how to install them (docs/DEVELOPING.md).
func TestMain(m *testing.M) { skipnote.Main(m) }

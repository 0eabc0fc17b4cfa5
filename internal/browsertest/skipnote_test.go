package browsertest

import (
	"testing"

	"github.com/recq/recq/internal/skipnote"
)

// Without chromium these tests skip; after the run, one line says so and
// how to install it (docs/DEVELOPING.md).
func TestMain(m *testing.M) { skipnote.Main(m) }

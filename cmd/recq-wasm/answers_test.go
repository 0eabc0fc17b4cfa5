package main

import (
	"encoding/json"
	"testing"

	"github.com/recq/recq/schema"
)

// TestAnswersUpToDate holds the generated answer of schema() to a fresh
// marshalling of schema.Get().
func TestAnswersUpToDate(t *testing.T) {
	for _, tt := range []struct {
		name, got string
		v         any
	}{
		{"schemaJSON", schemaJSON, schema.Get()},
	} {
		want, err := json.Marshal(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		if tt.got != string(want) {
			t.Errorf("%s differs from a fresh marshalling: run go generate ./cmd/recq-wasm", tt.name)
		}
	}
}

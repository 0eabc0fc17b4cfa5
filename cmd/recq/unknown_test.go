package main

import (
	"strings"
	"testing"
)

// An unknown command says which one was meant, when one is near.
func TestUnknownCommandDidYouMean(t *testing.T) {
	for in, want := range map[string]string{
		"pars":     `recq: unknown command "pars"; did you mean parse?`,
		"Parse":    `recq: unknown command "Parse"; did you mean parse?`,
		"prase":    `recq: unknown command "prase"; did you mean parse?`,
		"serv":     `recq: unknown command "serv"; did you mean serve?`,
		"shcema":   `recq: unknown command "shcema"; did you mean schema?`,
		"evl":      `recq: unknown command "evl"; did you mean eval?`,
		"versoin":  `recq: unknown command "versoin"; did you mean version?`,
		"frobnify": `recq: unknown command "frobnify"`,
		"x":        `recq: unknown command "x"`,
		"":         `recq: unknown command ""`,
	} {
		status, stdout, stderr := runArgs(in)
		first, _, _ := strings.Cut(stderr, "\n")
		if status != 1 || stdout != "" || first != want || !strings.Contains(stderr, "Commands:") {
			t.Errorf("recq %q: exit %d, stdout %q, first line %q, want %q", in, status, stdout, first, want)
		}
	}
	if _, _, stderr := runArgs("help", "pars"); !strings.HasPrefix(stderr, `recq help: unknown command "pars"; did you mean parse?`) {
		t.Errorf("recq help pars: %q", stderr)
	}
}

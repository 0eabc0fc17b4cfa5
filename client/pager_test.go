package client

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestCapped(t *testing.T) {
	cases := []struct {
		body string
		left int64
		err  error
	}{
		{"12345", 5, nil},
		{"12345", 6, nil},
		{"123456", 5, errTooLarge},
		{"", 0, nil},
	}
	for _, tc := range cases {
		for _, r := range []io.Reader{strings.NewReader(tc.body), iotest.OneByteReader(strings.NewReader(tc.body)), iotest.DataErrReader(strings.NewReader(tc.body))} {
			got, err := io.ReadAll(&capped{r: r, left: tc.left})
			if !errors.Is(err, tc.err) {
				t.Errorf("%q capped at %d: %v, want %v", tc.body, tc.left, err, tc.err)
			}
			if tc.err == nil && string(got) != tc.body {
				t.Errorf("%q capped at %d: read %q", tc.body, tc.left, got)
			}
		}
	}
}

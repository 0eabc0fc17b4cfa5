package grammar

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

const mib = 1 << 20

func TestHostileInputsNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, mib)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	longCount := strings.Repeat("7", mib)
	cases := []struct {
		name   string
		in     string
		accept bool
	}{
		{"1 MiB of digits", strings.Repeat("0", mib), false},
		{"1 MiB of spaces", strings.Repeat(" ", mib), false},
		{"1 MiB of NUL", strings.Repeat("\x00", mib), false},
		{"1 MiB of invalid UTF-8", strings.Repeat("\xff", mib), false},
		{"1 MiB of random bytes", string(random), false},
		{"1 MiB of today", strings.Repeat("today", mib/5), false},
		{"1 MiB of signs after today", "today" + strings.Repeat("-", mib), false},
		{"1 MiB of commas", strings.Repeat(",", mib), false},
		{"1 MiB of dates", strings.Repeat("2007-08-05,", mib/11), false},
		{"valid date then 1 MiB of junk", "2007-08-05" + strings.Repeat("\x00", mib), false},
		{"1 MiB count without unit", "today-" + longCount, false},
		// Syntax has no limit on the day count; the converter caps N.
		{"1 MiB day count", "today-" + longCount + "d", true},
		{"1 MiB day count range", "today-" + longCount + "d,today+" + longCount + "d", true},
		{"NUL inside", "2007-08-05T13:15\x00Z", false},
		{"invalid UTF-8 after today", "today-1\xffd", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			r, err := ParseDateRange(c.in)
			if (err == nil) != c.accept {
				t.Fatalf("accepted = %v, want %v (err %v)", err == nil, c.accept, err)
			}
			if err == nil && r.String() != c.in {
				t.Errorf("String() does not give back the input")
			}
			_, _ = ParseDateValue(c.in)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestErrorsCarryPositions(t *testing.T) {
	type positioned interface{ Message() string }
	for _, in := range []string{"2007-08-05T1315", "2007-08-05\xff", "", strings.Repeat("1", 1000)} {
		_, err := ParseDateRange(in)
		if err == nil {
			t.Fatalf("%q accepted", in)
		}
		if _, ok := err.(positioned); !ok {
			t.Errorf("%q: error %T is not a participle error", in, err)
		}
	}
}

func FuzzParseDateRange(f *testing.F) {
	for _, c := range acceptCases {
		f.Add(c.in)
	}
	for _, c := range rejectCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstOracle(t, s)
	})
}

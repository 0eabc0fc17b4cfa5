package timezone

import (
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	names := Names()
	if len(names) < 500 {
		t.Fatalf("Names() has %d entries, want the whole tz database", len(names))
	}
	if !slices.IsSorted(names) {
		t.Error("Names() is not sorted")
	}
	if i := slices.Index(names, ""); i >= 0 {
		t.Error("Names() contains an empty name")
	}
	for _, want := range []string{"UTC", "Etc/GMT+5", "US/Eastern", "America/New_York", "Pacific/Apia"} {
		if _, ok := slices.BinarySearch(names, want); !ok {
			t.Errorf("Names() lacks %s", want)
		}
	}
	names[0] = "mutated"
	if Names()[0] == "mutated" {
		t.Error("Names() returns shared storage")
	}
}

func TestEveryNameLoads(t *testing.T) {
	for _, name := range Names() {
		loc, err := Load(name)
		if err != nil {
			t.Errorf("Load(%q): %v", name, err)
			continue
		}
		if name != "UTC" && loc.String() != name {
			t.Errorf("Load(%q).String() = %q", name, loc.String())
		}
	}
}

// TestNoCaseCollisions guards the case-insensitive suggestion: if two names
// differed only by case, "write X" could name the wrong one.
func TestNoCaseCollisions(t *testing.T) {
	seen := map[string]string{}
	for _, name := range Names() {
		l := asciiLower(name)
		if prev, ok := seen[l]; ok {
			t.Errorf("%q and %q differ only by case", prev, name)
		}
		seen[l] = name
	}
}

// TestHostIndependent loads zones with the host's zoneinfo sources pointed at
// nothing: the embedded data must suffice.
func TestHostIndependent(t *testing.T) {
	t.Setenv("ZONEINFO", "/nonexistent")
	t.Setenv("TZ", "Asia/Tokyo")
	loc, err := Load("America/Sao_Paulo")
	if err != nil {
		t.Fatal(err)
	}
	if got := StartOfDay(2018, 11, 4, loc).Format("2006-01-02T15:04:05Z07:00"); got != "2018-11-04T01:00:00-02:00" {
		t.Errorf("StartOfDay = %s", got)
	}
}

func TestReadZonesCorrupt(t *testing.T) {
	for _, bad := range [][]byte{nil, []byte("not a zip"), []byte(zonesMagic + "\x00\x02\x03UTC"), zonesBin[:200]} {
		if d := readZones(bad); d.err == nil || len(d.names) != 0 {
			t.Errorf("readZones(%q) = %d names, err %v", bad[:min(len(bad), 20)], len(d.names), d.err)
		}
	}
	d := readZones([]byte("not a zip"))
	if e := unknownZone(&d, "UTC/x"); e.Error() == "" || len(e.Suggestions) != 0 {
		t.Errorf("unknownZone on unreadable data = %#v", e)
	}
}

func TestAsciiLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"America/New_York", "america/new_york"},
		{"\xffA\x00Z", "\xffa\x00z"},
		{"ÄÖ", "ÄÖ"},
	}
	for _, tc := range tests {
		if got := asciiLower(tc.in); got != tc.want {
			t.Errorf("asciiLower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

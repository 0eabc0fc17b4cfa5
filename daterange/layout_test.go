package daterange

import (
	"testing"
	"unsafe"
)

// A Value is three fields of at most a word (bench/README.md, issue 22 item
// 7), 16 bytes: Go keeps it in registers, and a filter.Query that holds
// three of them stays small.
func TestValueLayout(t *testing.T) {
	if n := unsafe.Sizeof(Value{}); n != 16 {
		t.Errorf("Value is %d bytes, want 16", n)
	}
}

// A Value's one field for the relative days and the offset answers each
// only for its kind of value.
func TestDaysAndOffsetShareAField(t *testing.T) {
	rel, _ := Today(-3)
	if s, ok := rel.Offset(); s != 0 || ok || rel.RelativeDays() != -3 {
		t.Errorf("today-3d: Offset() = %d, %v; RelativeDays() = %d", s, ok, rel.RelativeDays())
	}
	abs, err := ParseValue("2008-02-14T10:12:13-08:00")
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := abs.Offset(); s != -28800 || !ok || abs.RelativeDays() != 0 || abs.IsRelative() {
		t.Errorf("2008-02-14T10:12:13-08:00: Offset() = %d, %v; RelativeDays() = %d", s, ok, abs.RelativeDays())
	}
	if plus, _ := Today(480); plus == abs || plus.String() != "today+480d" {
		t.Errorf("today+480d = %v", plus)
	}
}

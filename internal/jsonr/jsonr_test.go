package jsonr

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// jsonish draws text near JSON: valid values with one byte changed,
// dropped or added, and strings of JSON's own characters.
var jsonish = rapid.Custom(func(t *rapid.T) string {
	seeds := []string{`{"a": [1, -2.5e+3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}`, `[]`, `"\ud800\u0041"`, `-0.1E-2`, `{"now": 1795608000000, "tenantZone": "Asia/Tokyo"}`, `["parse", "GET", "/files?d=today", null]`, `"a\"\\\/\b\f\n\r\tz"`, `"\xff\xfe<&>"`, `  [ 1 , [ 2 , { "k" : "v" } ] ]  `}
	s := []byte(rapid.SampledFrom(seeds).Draw(t, "seed"))
	alphabet := []byte("{}[],:\"\\ \t\r\nabcdefnrtu0123456789+-.eE\x00\x1f\xff\xc3")
	for range rapid.IntRange(0, 3).Draw(t, "edits") {
		if len(s) == 0 {
			break
		}
		i := rapid.IntRange(0, len(s)-1).Draw(t, "at")
		c := rapid.SampledFrom(alphabet).Draw(t, "byte")
		switch rapid.IntRange(0, 3).Draw(t, "edit") {
		case 0:
			s[i] = c
		case 1:
			s = append(s[:i], s[i+1:]...)
		case 2:
			s = append(s[:i], append([]byte{c}, s[i:]...)...)
		case 3:
			s = s[:i]
		}
	}
	return string(s)
})

// TestCheckAsUnmarshal: Check accepts exactly what json.Unmarshal accepts,
// and a fault has its message and offset.
func TestCheckAsUnmarshal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(jsonish, rapid.String(), rapid.StringOf(rapid.RuneFrom([]rune(`{}[],:"\ 1-.eEtrufalsn`)))).Draw(t, "s")
		var v json.RawMessage // syntax only: numbers are not converted
		want := json.Unmarshal([]byte(s), &v)
		got := Check(s)
		if (want == nil) != (got == nil) {
			t.Fatalf("Check(%q) = %v, json.Unmarshal = %v", s, got, want)
		}
		if want == nil {
			return
		}
		var syn *json.SyntaxError
		if !errors.As(want, &syn) {
			t.Fatalf("json.Unmarshal(%q) = %T %v", s, want, want)
		}
		g := got.(*SyntaxError)
		if g.Msg != syn.Error() || g.Offset != syn.Offset {
			t.Fatalf("Check(%q) = %q at %d, json.Unmarshal = %q at %d", s, g.Msg, g.Offset, syn.Error(), syn.Offset)
		}
	})
}

func TestCheckDepth(t *testing.T) {
	for _, n := range []int{maxDepth, maxDepth + 1} {
		s := strings.Repeat("[", n) + strings.Repeat("]", n)
		var v json.RawMessage // syntax only: numbers are not converted
		want := json.Unmarshal([]byte(s), &v)
		got := Check(s)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Errorf("depth %d: Check = %v, json.Unmarshal = %v", n, got, want)
		}
	}
}

// TestUnquoteAsUnmarshal: every string literal json.Unmarshal accepts
// decodes to the same text.
func TestUnquoteAsUnmarshal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOf(rapid.OneOf(
			rapid.SampledFrom([]string{`\n`, `\"`, `\\`, `\/`, `\b`, `\f`, `\r`, `\t`, `\u00e9`, `\ud83d`, `\ude00`, `\uD83D\uDE00`, `\ud800\u0041`, `\u0000`, "\xff", "é", "\u2028", "a"}),
			rapid.String(),
		)).Draw(t, "parts")
		raw := `"` + strings.Join(parts, "") + `"`
		var want string
		if json.Unmarshal([]byte(raw), &want) != nil {
			return
		}
		if got := Unquote(raw); got != want {
			t.Fatalf("Unquote(%q) = %q, json.Unmarshal = %q", raw, got, want)
		}
	})
}

// TestWalkAsUnmarshal: Elements and Members give the values json.Unmarshal
// gives for arrays and objects.
func TestWalkAsUnmarshal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := jsonish.Draw(t, "s")
		if Check(s) != nil {
			return
		}
		var arr []json.RawMessage
		if json.Unmarshal([]byte(s), &arr) == nil && arr != nil {
			got, ok := Elements(s)
			if !ok || len(got) != len(arr) {
				t.Fatalf("Elements(%q) = %q %v, want %d", s, got, ok, len(arr))
			}
			for i := range arr {
				if got[i] != string(arr[i]) {
					t.Fatalf("Elements(%q)[%d] = %q, want %q", s, i, got[i], arr[i])
				}
			}
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(s), &obj) == nil && obj != nil {
			got, ok := Members(s)
			if !ok {
				t.Fatalf("Members(%q) failed", s)
			}
			last := map[string]string{}
			for _, m := range got {
				last[m.Name] = m.Value
			}
			if len(last) != len(obj) {
				t.Fatalf("Members(%q) = %v, want %v", s, last, obj)
			}
			for k, v := range obj {
				if last[k] != string(v) {
					t.Fatalf("Members(%q)[%q] = %q, want %q", s, k, last[k], v)
				}
			}
		}
	})
}

// TestCheckArrayAsCheck: CheckArray gives Check's verdict, and for an
// array, the elements Elements gives.
func TestCheckArrayAsCheck(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(jsonish, rapid.String()).Draw(t, "s")
		elems, err := CheckArray(s, nil)
		want := Check(s)
		if (err == nil) != (want == nil) || err != nil && err.Error() != want.Error() {
			t.Fatalf("CheckArray(%q) = %v, Check = %v", s, err, want)
		}
		if err != nil {
			return
		}
		wantElems, isArray := Elements(s)
		if isArray != (elems != nil) || len(elems) != len(wantElems) {
			t.Fatalf("CheckArray(%q) = %q, Elements = %q %v", s, elems, wantElems, isArray)
		}
		for i := range elems {
			if elems[i] != wantElems[i] {
				t.Fatalf("CheckArray(%q)[%d] = %q, want %q", s, i, elems[i], wantElems[i])
			}
		}
	})
}

// FuzzCheck holds Check, CheckArray and Unquote to encoding/json on any text.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a": [1, -2.5e+3, true, null, "x\u00e9"]}`, `["parse", "GET", "/files"]`, `"\ud800\u0041"`, `tru`, `[1,`, ``, `{"a" 1}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v json.RawMessage
		want := json.Unmarshal([]byte(s), &v)
		got := Check(s)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Fatalf("Check(%q) = %v, json.Unmarshal = %v", s, got, want)
		}
		if _, err := CheckArray(s, nil); (err == nil) != (got == nil) {
			t.Fatalf("CheckArray(%q) = %v, Check = %v", s, err, got)
		}
		var str string
		if len(s) > 0 && s[0] == '"' && Skip(s, 0) == len(s) && json.Unmarshal([]byte(s), &str) == nil { // one literal, nothing around it
			if u := Unquote(s); u != str {
				t.Fatalf("Unquote(%q) = %q, want %q", s, u, str)
			}
		}
	})
}

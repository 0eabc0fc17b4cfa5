package querybuilder

// The reading of rule values and reasons as it was written with
// encoding/json (git history: querybuilder/convert.go and errors.go before
// internal/jsonr), kept as the reference json_read_test.go holds the
// hand-written reading to.

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
)

// refReasonOf is reasonOf through the fault's JSON form.
func refReasonOf(e *filter.Error) Reason {
	var r Reason
	if b, err := json.Marshal(e); err == nil {
		_ = json.Unmarshal(b, &r)
	}
	if r.Message == "" {
		r.Message = e.Msg
	}
	if r.Suggestions == nil {
		r.Suggestions = []string{}
	}
	return r
}

// value reads a rule's value as the text of its variable: a string as it
// is, a number as written, and between's two ends joined by a comma.
func (c *collected) refValue(r Rule, key string) (string, bool) {
	raw := bytes.TrimSpace(r.Value)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			break
		}
		if r.Operator == "between" && strings.Count(s, ",") != 1 {
			c.fail(key, r.Field, filter.CodeBadRange, "between takes two ends, A,B", "give the start and the end: 2007-08-05,2007-08-07")
			return "", false
		}
		return s, true
	case '[':
		var ends []json.RawMessage
		if json.Unmarshal(raw, &ends) != nil {
			break
		}
		if r.Operator != "between" {
			c.fail(key, r.Field, filter.CodeUnsupportedRule, "the API cannot match a list of values", "give one value")
			return "", false
		}
		if len(ends) != 2 {
			c.fail(key, r.Field, filter.CodeBadRange, "between takes two ends, not "+strconv.Itoa(len(ends)), "give the start and the end: [\"2007-08-05\", \"2007-08-07\"]")
			return "", false
		}
		var texts [2]string
		for i, e := range ends {
			t, ok := refScalar(e)
			if !ok {
				c.fail(key, r.Field, filter.CodeBadQuery, "an end of between is not a string", "write each end as a date such as 2007-08-05")
				return "", false
			}
			texts[i] = t
		}
		return texts[0] + "," + texts[1], true
	default:
		if t, ok := refScalar(raw); ok {
			return t, true
		}
	}
	c.fail(key, r.Field, filter.CodeBadQuery, "the value "+string(raw)+" is not a string or a number", "")
	return "", false
}

// scalar is the text of a JSON string or number.
func refScalar(raw json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var n json.Number
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if d.Decode(&n) == nil {
		return n.String(), true
	}
	return "", false
}

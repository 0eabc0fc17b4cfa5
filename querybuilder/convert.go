package querybuilder

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/jsonr"
	"github.com/recq/recq/internal/jsonw"
)

// RootID is the id FromQuery gives its group; each rule's id is its
// variable's name, unique in a query.
const RootID = "root"

// FromQuery returns the rule group of q's variables, in canonical order
// (docs/LANGUAGE.md §8), ready for react-querybuilder: one rule per variable,
// its id the variable's name, values as strings, d's range as an array of
// its two ends. The resource, format and method are not rules: they are the
// request's path. n is left out when it is 1, the default. The filter, when
// there is one, is the last rule: a nested group with the id FilterID, so
// that ToQuery reads it back as the filter and not as variables.
func FromQuery(q *filter.Query) *RuleGroup {
	g := &RuleGroup{ID: RootID, Combinator: "and", Rules: []Rule{}}
	add := func(name, op string, value ...string) {
		// One value is a JSON string, two are between's array of ends:
		// written by hand, as json.Marshal writes them (internal/jsonw).
		var v []byte
		if len(value) == 1 {
			v = jsonw.String(nil, value[0])
		} else {
			v = jsonw.Strings(nil, value)
		}
		g.Rules = append(g.Rules, Rule{ID: name, Field: name, Operator: op, Value: v, ValueSource: "value"})
	}
	if q.HasDate {
		if to, ok := q.Date.To(); ok {
			add("d", "between", q.Date.From().String(), to.String())
		} else {
			add("d", "=", q.Date.String())
		}
	}
	if q.Zone != nil {
		add("tz", "=", q.ZoneName)
	}
	if q.HasStartDate {
		add("start-date", "=", q.StartDate.String())
	}
	if q.HasFinishDate {
		add("finish-date", "=", q.FinishDate.String())
	}
	for _, f := range q.Fields {
		add(f.Name, "=", f.Value)
	}
	if q.HasMetaName {
		add("metaData_fieldName", "contains", q.MetaName)
	}
	if q.HasMetaValue {
		add("metaData_fieldValue", "contains", q.MetaValue)
	}
	if q.N != 1 {
		add("n", "=", strconv.Itoa(q.N))
	}
	if !q.Filter.Empty() {
		g.Rules = append(g.Rules, Rule{Group: filterGroupOf(q.Filter)})
	}
	return g
}

// ToQuery reads a rule group as a request of GET /files or /transcripts
// (r) in format f, and checks it exactly as the parser checks the same
// request. The rules of the top-level and group that the API's own
// variables say (d, tz, start-date, finish-date, n, the metadata pair, and
// a field's first rule with =) become those variables; every other rule and
// nested group becomes filter= (docs/LANGUAGE.md §14), a not turned into the
// complements by De Morgan (docs/BROWSER.md, "Filters"). Rules and groups
// marked disabled are left out, as react-querybuilder leaves them out. A
// fault is an [ErrorList], each placed on its rule (or group) with the
// parser's code, and within the rule's value ([Reason] Span) for a fault of
// the filter's text.
func ToQuery(g *RuleGroup, r filter.Resource, f filter.Format) (*filter.Query, error) {
	c := collect(g, r)
	if r != filter.Files && r != filter.Transcripts {
		return nil, c.errs
	}
	// A rule refused as it stands (an operator of another kind, an unknown
	// field) is left out of the filter and the variables, which are still
	// checked: every rule at fault is named, not only the first kind.
	faulty := len(c.errs) > 0
	if c.filter.b != nil {
		if _, err := expr.Parse(string(c.filter.b), exprResource(r), expr.Options{MaxFaults: filter.MaxErrors}); err != nil {
			c.placeFilter(err)
			faulty = true
		}
	}
	if faulty {
		// The variables are checked too, without the filter.
		if _, err := filter.Parse("GET", c.target(f, false)); err != nil {
			c.errs = append(c.errs, c.place(err)...)
		}
		return nil, c.errs
	}
	q, err := filter.Parse("GET", c.target(f, true))
	if err != nil {
		return nil, c.place(err)
	}
	return q, nil
}

// exprResource is the filter's resource of a list resource.
func exprResource(r filter.Resource) expr.Resource {
	if r == filter.Transcripts {
		return expr.Transcripts
	}
	return expr.Files
}

// collected is a rule group read into its variables and its filter.
type collected struct {
	resource filter.Resource
	root     string
	names    []string
	values   []string
	rules    map[string]string // variable -> the key of its rule
	parts    []*fnode          // what goes into the filter, anded
	filter   written
	errs     ErrorList
}

// collect walks a group into variables and the filter's text.
func collect(g *RuleGroup, r filter.Resource) *collected {
	c := &collected{resource: r, root: keyOf(g.ID, "#"), rules: map[string]string{}}
	if r != filter.Files && r != filter.Transcripts {
		c.fail(c.root, "", filter.CodeBadQuery, "one "+r.String()+" takes no query variables", "rule groups build queries of files and transcripts")
		return c
	}
	if plainAnd(g) {
		c.group(g, c.root)
	} else if n := c.filterGroup(g, c.root, false); n != nil {
		c.parts = append(c.parts, n)
	}
	if len(c.parts) > 0 {
		c.filter.b = []byte{}
		c.filter.writeNode(join(expr.And, c.root, c.parts), false)
	}
	return c
}

func (c *collected) fail(key, variable string, code filter.Code, msg, hint string) {
	c.errs = append(c.errs, &Error{Rule: key, Variable: variable, Reason: Reason{Code: code, Message: msg, Hint: hint, Suggestions: []string{}}})
}

// plainAnd reports whether a group is an and without not, whose rules may
// be the API's variables.
func plainAnd(g *RuleGroup) bool {
	if g.Disabled {
		return true
	}
	if g.Not {
		return false
	}
	if c := strings.ToLower(g.Combinator); c != "and" && c != "" {
		active := 0
		for _, r := range g.Rules {
			if !r.Disabled && (r.Group == nil || !r.Group.Disabled) && r.Combinator == "" {
				active++
			}
		}
		if active > 1 {
			return false
		}
	}
	for _, r := range g.Rules {
		if r.Combinator != "" && !strings.EqualFold(r.Combinator, "and") {
			return false
		}
	}
	return true
}

// group reads the top-level and group, or an and group nested in it (but
// the filter's own, FilterID, which FromQuery writes): the API's variables
// from its rules, the rest into the filter. A field that is neither a
// variable nor a selector is left to the parser, which names the variable
// it may have meant.
func (c *collected) group(g *RuleGroup, key string) {
	if g.Disabled {
		return
	}
	for i, r := range g.Rules {
		rk := keyOf(r.ID, key+"/rules/"+strconv.Itoa(i))
		switch {
		case r.Group != nil && plainAnd(r.Group) && r.Group.ID != FilterID:
			c.group(r.Group, keyOf(r.Group.ID, rk))
		case r.Group != nil:
			if n := c.filterGroup(r.Group, keyOf(r.Group.ID, rk), false); n != nil {
				c.parts = append(c.parts, n)
			}
		case r.Combinator != "" || r.Disabled:
		case c.isVariable(r) || !c.isSelector(r.Field):
			c.rule(r, rk)
		default:
			if n := c.filterRule(r, rk, false); n != nil {
				c.parts = append(c.parts, n)
			}
		}
	}
}

// isSelector reports whether name is a selector of the filter.
func (c *collected) isSelector(name string) bool {
	_, ok := selectorOf(c.resource, name)
	return ok
}

// isVariable reports whether a rule of the top-level and group is one of
// the API's variables: one only the API has, or a field's first rule with
// = and one value.
func (c *collected) isVariable(r Rule) bool {
	if _, ok := apiOnly(r.Field); ok {
		return true
	}
	if r.Not || r.Operator != opEq || r.ValueSource == "field" {
		return false
	}
	if _, dup := c.rules[r.Field]; dup {
		return false
	}
	if raw := strings.TrimSpace(string(r.Value)); raw != "" && raw[0] == '[' {
		return false
	}
	return slices.Contains(filter.FieldNames(c.resource), r.Field)
}

// rule reads one rule into a variable and its value.
func (c *collected) rule(r Rule, key string) {
	if r.ValueSource == "field" {
		c.fail(key, r.Field, filter.CodeUnsupportedRule, "the API cannot compare a field with another field", "compare the field with a value")
		return
	}
	known, ok := operator(c.resource, r.Field, r.Operator)
	if known && !ok {
		c.fail(key, r.Field, filter.CodeUnsupportedRule, "the API cannot express the operator "+strconv.Quote(r.Operator)+" for "+r.Field, "use "+operatorNames(c.resource, r.Field))
		return
	}
	value, ok := c.value(r, key)
	if !ok {
		return
	}
	if prev, dup := c.rules[r.Field]; dup {
		c.fail(key, r.Field, filter.CodeDuplicate, r.Field+" is given twice (also in rule "+strconv.Quote(prev)+")", "give each variable once: the API matches one value")
		return
	}
	c.rules[r.Field] = key
	c.names = append(c.names, r.Field)
	c.values = append(c.values, value)
}

// value reads a rule's value as the text of its variable: a string as it
// is, a number as written, and between's two ends joined by a comma. The
// JSON is read by hand (internal/jsonr), as encoding/json read it
// (json_ref_test.go holds the two to each other).
func (c *collected) value(r Rule, key string) (string, bool) {
	raw := string(bytes.TrimSpace(r.Value))
	if len(raw) == 0 || raw == "null" {
		return "", true
	}
	valid := jsonr.Check(raw) == nil
	switch raw[0] {
	case '"':
		if !valid {
			break
		}
		s := jsonr.Unquote(raw)
		if r.Operator == "between" && strings.Count(s, ",") != 1 {
			c.fail(key, r.Field, filter.CodeBadRange, "between takes two ends, A,B", "give the start and the end: 2007-08-05,2007-08-07")
			return "", false
		}
		return s, true
	case '[':
		if !valid {
			break
		}
		ends, _ := jsonr.Elements(raw)
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
			t, ok := scalar([]byte(e))
			if !ok {
				c.fail(key, r.Field, filter.CodeBadQuery, "an end of between is not a string", "write each end as a date such as 2007-08-05")
				return "", false
			}
			texts[i] = t
		}
		return texts[0] + "," + texts[1], true
	default:
		if t, ok := scalar([]byte(raw)); ok {
			return t, true
		}
	}
	c.fail(key, r.Field, filter.CodeBadQuery, "the value "+raw+" is not a string or a number", "")
	return "", false
}

// scalar is the text of a JSON string or number (null is ""), read as
// json.Unmarshal into a string, else json.Decoder's Decode (UseNumber) of
// the first value into a json.Number, read it.
func scalar(raw []byte) (string, bool) {
	s := string(raw)
	start := jsonr.Space(s, 0)
	if jsonr.Check(s) == nil {
		v := s[start:jsonr.Skip(s, start)]
		switch jsonr.Kind(v) {
		case "string":
			return jsonr.Unquote(v), true
		case "null":
			return "", true
		}
	}
	if end, err := jsonr.CheckFirst(s); err == nil {
		switch v := s[start:end]; jsonr.Kind(v) {
		case "number":
			return v, true
		case "string": // a json.Number takes a string that holds a number
			if n := jsonr.Unquote(v); jsonr.IsNumber(n) {
				return n, true
			}
		case "null":
			return "", true
		}
	}
	return "", false
}

// target is the request that the variables (and the filter, withFilter)
// stand for.
func (c *collected) target(f filter.Format, withFilter bool) string {
	var b strings.Builder
	b.WriteString("/" + c.resource.String())
	if f != filter.XML {
		b.WriteString("." + f.String())
	}
	for i, name := range c.names {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(name))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(c.values[i]))
	}
	if withFilter && c.filter.b != nil {
		if len(c.names) == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		// A space is %20, not '+', which the filter reads as a plus that
		// arrived as a space (docs/LANGUAGE.md §14.1); QueryEscape writes
		// every '+' of the text as %2B.
		b.WriteString("filter=")
		b.WriteString(strings.ReplaceAll(url.QueryEscape(string(c.filter.b)), "+", "%20"))
	}
	return b.String()
}

// place puts each fault the parser found on the rule of its variable, or on
// the group for a fault of the whole.
func (c *collected) place(err error) ErrorList {
	var list filter.ErrorList
	if !errors.As(err, &list) {
		return ErrorList{{Rule: c.root, Reason: Reason{Code: filter.CodeBadQuery, Message: err.Error(), Suggestions: []string{}}}}
	}
	out := make(ErrorList, 0, len(list))
	for _, e := range list {
		key, ok := c.rules[e.Variable]
		if !ok {
			key = c.root
		}
		reason := reasonOf(e)
		variable := e.Variable
		if e.Variable == "filter" && e.Pos >= 0 && c.filter.b != nil {
			var span *ValueSpan
			key, span = c.filter.place(e.Pos, e.Pos)
			reason.Span = span
			variable = ""
		}
		out = append(out, &Error{Rule: key, Variable: variable, Reason: reason})
	}
	return out
}

// placeFilter puts each fault of the filter's text on its rule, within the
// rule's value where it lies in one.
func (c *collected) placeFilter(err error) {
	list, ok := err.(expr.ErrorList)
	if !ok {
		c.fail(c.root, "", filter.CodeBadQuery, err.Error(), "")
		return
	}
	for _, e := range list {
		key, span := c.filter.place(e.Start, e.End)
		if key == "" {
			key = c.root
		}
		r := Reason{Code: filter.Code(e.Code), Message: validUTF8(e.Msg), Hint: validUTF8(e.Hint), Suggestions: []string{}, Span: span}
		for _, s := range e.Suggestions {
			r.Suggestions = append(r.Suggestions, validUTF8(unescape(s)))
		}
		c.errs = append(c.errs, &Error{Rule: key, Reason: r})
	}
}

// unescape is a filter's text without its escapes, as a rule's value
// holds it.
func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// keyOf is a rule's id, or its place when it has none.
func keyOf(id, place string) string {
	if id != "" {
		return id
	}
	return place
}

// operatorNames lists a variable's operators for a hint.
func operatorNames(r filter.Resource, name string) string {
	var names []string
	for _, o := range variableOperators()[r][name] {
		names = append(names, o.Name)
	}
	return strings.Join(names, " or ")
}

package querybuilder

import (
	"errors"
	"strconv"

	"github.com/recq/recq/filter"
)

// Validation is one entry of react-querybuilder's ValidationMap: whether
// the rule or group is valid and, when not, why.
type Validation struct {
	Valid   bool     `json:"valid"`
	Reasons []Reason `json:"reasons,omitempty"`
}

// Validate checks a rule group as ToQuery does and returns
// react-querybuilder's ValidationMap: an entry for the group and for every
// rule and nested group, keyed by id (or by place, "#/rules/0", for one
// without an id), invalid ones with their reasons.
func Validate(g *RuleGroup, r filter.Resource, f filter.Format) map[string]Validation {
	m := map[string]Validation{}
	mark(g, keyOf(g.ID, "#"), m)
	if _, err := ToQuery(g, r, f); err != nil {
		var list ErrorList
		if !errors.As(err, &list) {
			list = ErrorList{{Rule: keyOf(g.ID, "#"), Reason: Reason{Code: filter.CodeBadQuery, Message: err.Error(), Suggestions: []string{}}}}
		}
		for _, e := range list {
			v := m[e.Rule]
			v.Valid = false
			v.Reasons = append(v.Reasons, e.Reason)
			m[e.Rule] = v
		}
	}
	return m
}

// mark enters every rule and group of g as valid.
func mark(g *RuleGroup, key string, m map[string]Validation) {
	m[key] = Validation{Valid: true}
	for i, r := range g.Rules {
		rk := keyOf(r.ID, key+"/rules/"+strconv.Itoa(i))
		switch {
		case r.Group != nil:
			mark(r.Group, keyOf(r.Group.ID, rk), m)
		default:
			m[rk] = Validation{Valid: true}
		}
	}
}

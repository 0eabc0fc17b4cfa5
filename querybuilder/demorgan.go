package querybuilder

import "strings"

// DeMorgan returns a copy of g without a not: a negated group's combinator
// swapped (and ↔ or) and its rules negated, a negated rule's operator
// replaced by its complement (Complement). It is the form ToQuery reads a
// not in (docs/BROWSER.md, "Filters"), for a UI that shows a group
// without not. A group with independent combinators under a not becomes
// an and of ors (a and b or c is (a and b) or c; its not (¬a or ¬b) and
// ¬c). A rule whose operator has no complement keeps its not, which
// ToQuery refuses.
func DeMorgan(g *RuleGroup) *RuleGroup { return deMorganGroup(g, false) }

func deMorganGroup(g *RuleGroup, neg bool) *RuleGroup {
	neg = neg != g.Not
	out := &RuleGroup{ID: g.ID, Combinator: g.Combinator, Disabled: g.Disabled, Rules: make([]Rule, 0, len(g.Rules))}
	ic := false
	for _, r := range g.Rules {
		ic = ic || r.Combinator != ""
	}
	if neg && ic {
		// The runs between "or"s, each an or of negated rules, anded.
		out.Combinator = "and"
		run := &RuleGroup{Combinator: "or", Rules: []Rule{}}
		flush := func() {
			switch len(run.Rules) {
			case 0:
			case 1:
				out.Rules = append(out.Rules, run.Rules[0])
			default:
				out.Rules = append(out.Rules, Rule{Group: run})
			}
			run = &RuleGroup{Combinator: "or", Rules: []Rule{}}
		}
		for _, r := range g.Rules {
			if r.Combinator != "" {
				if strings.EqualFold(r.Combinator, "or") {
					flush()
				}
				continue
			}
			run.Rules = append(run.Rules, deMorganRule(r, true))
		}
		flush()
		return out
	}
	if neg {
		switch strings.ToLower(g.Combinator) {
		case "and", "":
			out.Combinator = "or"
		case "or":
			out.Combinator = "and"
		}
	}
	for _, r := range g.Rules {
		out.Rules = append(out.Rules, deMorganRule(r, neg))
	}
	return out
}

func deMorganRule(r Rule, neg bool) Rule {
	if r.Group != nil {
		return Rule{Group: deMorganGroup(r.Group, neg)}
	}
	if r.Combinator != "" {
		return r
	}
	if neg != r.Not {
		if c, ok := Complement(r.Operator); ok {
			r.Operator = c
			r.Not = false
			return r
		}
		r.Not = true
		return r
	}
	r.Not = false
	return r
}

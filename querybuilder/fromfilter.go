package querybuilder

import (
	"strconv"
	"strings"

	"github.com/recq/recq/filter/expr"
	"github.com/recq/recq/internal/jsonw"
)

// FilterID is the id FromQuery gives the nested group of a query's filter;
// the groups and rules inside it have ids by their place: filter/0,
// filter/1/0, ….
const FilterID = "filter"

// filterGroupOf returns the group of a filter: its root as a nested group
// (a comparison alone in an and group of one rule), each comparison a rule
// whose operator says what the comparison does (docs/BROWSER.md, "Filters").
func filterGroupOf(e *expr.Expr) *RuleGroup {
	if e.Nodes[0].Op == expr.And || e.Nodes[0].Op == expr.Or {
		return groupOfNode(e, 0, FilterID)
	}
	return &RuleGroup{ID: FilterID, Combinator: "and", Rules: []Rule{ruleOfNode(e, 0, FilterID+"/0")}}
}

func groupOfNode(e *expr.Expr, i int, id string) *RuleGroup {
	g := &RuleGroup{ID: id, Combinator: "and", Rules: []Rule{}}
	if e.Nodes[i].Op == expr.Or {
		g.Combinator = "or"
	}
	for k, j := range e.Children(i) {
		kid := id + "/" + strconv.Itoa(k)
		if op := e.Nodes[j].Op; op == expr.And || op == expr.Or {
			g.Rules = append(g.Rules, Rule{Group: groupOfNode(e, j, kid)})
		} else {
			g.Rules = append(g.Rules, ruleOfNode(e, j, kid))
		}
	}
	return g
}

// ruleOfNode is the rule of comparison i.
func ruleOfNode(e *expr.Expr, i int, id string) Rule {
	n := &e.Nodes[i]
	sel := e.Selector(n)
	args := e.Args(n)
	text := func(v *expr.Value) string {
		switch sel.Kind {
		case expr.Integer:
			return strconv.FormatInt(v.Int, 10)
		case expr.Date:
			return v.Date.String()
		}
		return e.TextOf(v)
	}
	r := Rule{ID: id, Field: sel.Name, ValueSource: "value"}
	switch n.Op {
	case expr.In, expr.Out:
		r.Operator = opIn
		if n.Op == expr.Out {
			r.Operator = opNotIn
		}
		vals := make([]string, len(args))
		for k := range args {
			vals[k] = text(&args[k])
		}
		r.Value = jsonw.Strings(nil, vals)
		return r
	case expr.Lt, expr.Le, expr.Gt, expr.Ge:
		r.Operator = opLt
		switch n.Op {
		case expr.Le:
			r.Operator = opLe
		case expr.Gt:
			r.Operator = opGt
		case expr.Ge:
			r.Operator = opGe
		}
		r.Value = jsonw.String(nil, text(&args[0]))
		return r
	}
	v := &args[0]
	value := text(v)
	r.Operator = opEq
	if sel.Kind == expr.Text && v.Wild {
		p := e.Pattern(v)
		switch {
		case len(p) == 2 && p[1] == "":
			r.Operator, value = opBeginsWith, p[0]
		case len(p) == 2 && p[0] == "":
			r.Operator, value = opEndsWith, p[1]
		case len(p) == 3 && p[0] == "" && p[2] == "":
			r.Operator, value = opContains, p[1]
		default:
			r.Operator = opMatches
			value = patternText(p)
		}
	}
	if n.Op == expr.Ne {
		r.Operator, _ = Complement(r.Operator)
	}
	r.Value = jsonw.String(nil, value)
	return r
}

// patternText writes the pieces of a wildcard pattern as matches takes it:
// joined by '*', each '\\' and '*' of a piece escaped with '\\'. (By hand:
// strings.Replacer costs the browser module 28 kB, docs/BROWSER.md.)
func patternText(pieces []string) string {
	var b strings.Builder
	for k, p := range pieces {
		if k > 0 {
			b.WriteByte('*')
		}
		for i := 0; i < len(p); i++ {
			if p[i] == '\\' || p[i] == '*' {
				b.WriteByte('\\')
			}
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

package expr

// Op is what a node does: a logical group (And, Or) or a comparison.
type Op uint8

// The operators of docs/LANGUAGE.md §14.3. The aliases >, >=, < and <=
// read as Gt, Ge, Lt and Le.
const (
	And Op = iota + 1 // ';' or " and "
	Or                // ',' or " or "
	Eq                // ==
	Ne                // !=
	Lt                // =lt= or <
	Le                // =le= or <=
	Gt                // =gt= or >
	Ge                // =ge= or >=
	In                // =in=
	Out               // =out=
)

var opNames = [...]string{And: ";", Or: ",", Eq: "==", Ne: "!=", Lt: "=lt=", Le: "=le=", Gt: "=gt=", Ge: "=ge=", In: "=in=", Out: "=out="}

// String returns the canonical (FIQL) spelling: ==, !=, =lt=, … or ; and ,.
func (o Op) String() string {
	if int(o) < len(opNames) && opNames[o] != "" {
		return opNames[o]
	}
	return "op?"
}

// IsComparison reports whether o compares a selector with values.
func (o Op) IsComparison() bool { return o >= Eq && o <= Out }

// Complement returns the comparison that holds exactly when o does not
// (==/!=, =lt=/=ge=, =gt=/=le=, =in=/=out=), and And/Or for Or/And (De
// Morgan). docs/LANGUAGE.md §14.3 states the laws.
func (o Op) Complement() Op {
	switch o {
	case And:
		return Or
	case Or:
		return And
	case Eq:
		return Ne
	case Ne:
		return Eq
	case Lt:
		return Ge
	case Ge:
		return Lt
	case Gt:
		return Le
	case Le:
		return Gt
	case In:
		return Out
	case Out:
		return In
	}
	return o
}

// Comparisons lists every comparison operator in canonical order.
var Comparisons = []Op{Eq, Ne, Lt, Le, Gt, Ge, In, Out}

// Allows reports whether a selector of kind k takes operator o: text takes
// ==, !=, =in= and =out=; integers and dates take all eight.
func (k Kind) Allows(o Op) bool {
	switch k {
	case Text:
		return o == Eq || o == Ne || o == In || o == Out
	case Integer, Date:
		return o.IsComparison()
	}
	return false
}

// Operators returns the operators kind k allows, in canonical order.
func (k Kind) Operators() []Op {
	var ops []Op
	for _, o := range Comparisons {
		if k.Allows(o) {
			ops = append(ops, o)
		}
	}
	return ops
}

// lookupOp reads an operator's spelling: the FIQL =name= forms and the
// aliases. It returns 0 for a spelling that names no operator.
func lookupOp(s string) Op {
	switch s {
	case "==":
		return Eq
	case "!=":
		return Ne
	case "=lt=", "<":
		return Lt
	case "=le=", "<=":
		return Le
	case "=gt=", ">":
		return Gt
	case "=ge=", ">=":
		return Ge
	case "=in=":
		return In
	case "=out=":
		return Out
	}
	return 0
}

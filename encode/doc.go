// Package encode writes what recq sends: the canonical query string of a
// request (SPEC section 8), one deterministic text per meaning, which the
// API accepts as it is.
package encode

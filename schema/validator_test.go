package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"unicode/utf8"
)

// validate checks a JSON value (as encoding/json decodes it into any)
// against a schema, for the subset of JSON Schema 2020-12 that
// QueryJSONSchema uses. A keyword outside the subset is an error, so the
// subset cannot silently grow. It returns the faults found, one per line.
func validate(schema, v any, at string) []string {
	s, ok := schema.(map[string]any)
	if !ok {
		if b, ok := schema.(bool); ok {
			if b {
				return nil
			}
			return []string{at + ": false schema"}
		}
		return []string{at + ": schema is not an object"}
	}
	var faults []string
	fail := func(format string, args ...any) { faults = append(faults, at+": "+fmt.Sprintf(format, args...)) }
	for key, want := range s {
		switch key {
		case "$schema", "$id", "title", "description", "then":
			// annotations; "then" is read with "if"
		case "type":
			if !hasType(v, want.(string)) {
				fail("not of type %s", want)
			}
		case "enum":
			if !slices.ContainsFunc(want.([]any), func(e any) bool { return equal(e, v) }) {
				fail("%v is not one of %v", v, want)
			}
		case "const":
			if !equal(want, v) {
				fail("%v is not %v", v, want)
			}
		case "required":
			if o, ok := v.(map[string]any); ok {
				for _, k := range want.([]any) {
					if _, ok := o[k.(string)]; !ok {
						fail("%s is required", k)
					}
				}
			}
		case "properties":
			if o, ok := v.(map[string]any); ok {
				for k, sub := range want.(map[string]any) {
					if x, ok := o[k]; ok {
						faults = append(faults, validate(sub, x, at+"/"+k)...)
					}
				}
			}
		case "additionalProperties":
			if o, ok := v.(map[string]any); ok {
				props, _ := s["properties"].(map[string]any)
				for k, x := range o {
					if _, ok := props[k]; !ok {
						faults = append(faults, validate(want, x, at+"/"+k)...)
					}
				}
			}
		case "propertyNames":
			if o, ok := v.(map[string]any); ok {
				for k := range o {
					faults = append(faults, validate(want, k, at+"/"+k+" (name)")...)
				}
			}
		case "items":
			if a, ok := v.([]any); ok {
				for i, x := range a {
					faults = append(faults, validate(want, x, fmt.Sprintf("%s/%d", at, i))...)
				}
			}
		case "minLength", "maxLength":
			if str, ok := v.(string); ok {
				n, bound := utf8.RuneCountInString(str), int(want.(float64))
				if key == "minLength" && n < bound || key == "maxLength" && n > bound {
					fail("length %d breaks %s %d", n, key, bound)
				}
			}
		case "minimum", "maximum":
			if f, ok := v.(float64); ok {
				bound := want.(float64)
				if key == "minimum" && f < bound || key == "maximum" && f > bound {
					fail("%v breaks %s %v", f, key, bound)
				}
			}
		case "pattern":
			if str, ok := v.(string); ok && !regexp.MustCompile(want.(string)).MatchString(str) {
				fail("%q does not match %s", str, want)
			}
		case "allOf":
			for _, sub := range want.([]any) {
				faults = append(faults, validate(sub, v, at)...)
			}
		case "anyOf":
			if !slices.ContainsFunc(want.([]any), func(sub any) bool { return len(validate(sub, v, at)) == 0 }) {
				fail("matches none of anyOf")
			}
		case "not":
			if len(validate(want, v, at)) == 0 {
				fail("matches what not forbids")
			}
		case "if":
			if len(validate(want, v, at)) == 0 {
				if then, ok := s["then"]; ok {
					faults = append(faults, validate(then, v, at)...)
				}
			}
		default:
			fail("keyword %q is outside the validator's subset", key)
		}
	}
	return faults
}

func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == math.Trunc(f)
	case "number":
		_, ok := v.(float64)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	}
	return false
}

func equal(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

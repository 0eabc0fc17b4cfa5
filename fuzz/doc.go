// Package fuzz holds what the property tests and fuzz targets share: rapid
// generators of valid query values, in every written form the API takes, so
// each law is checked over the same space of inputs.
package fuzz

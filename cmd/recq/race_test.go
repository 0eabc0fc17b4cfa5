//go:build race

package main

// raceEnabled: built with -race, whose shadow memory makes a process's
// resident set no measure of the code's.
const raceEnabled = true

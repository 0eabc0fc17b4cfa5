package client

// SetMaxTies sets how many records of one second a walk keeps the
// identities of, and returns the function that puts it back.
func SetMaxTies(n int) (restore func()) {
	old := maxTies
	maxTies = n
	return func() { maxTies = old }
}

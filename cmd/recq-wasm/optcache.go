package main

import "sync"

// optionsCache holds decoded options objects by their JSON text, at most
// maxCached of them: when full it is emptied, which keeps it small and its
// code simple (a page uses one or two options objects at a time).
type optionsCache struct {
	mu   sync.Mutex
	seen map[string]options
}

const maxCached = 64

var optionsSeen optionsCache

func (c *optionsCache) get(text string) (options, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.seen[text]
	return o, ok
}

func (c *optionsCache) put(text string, o options) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil || len(c.seen) >= maxCached {
		c.seen = make(map[string]options, maxCached)
	}
	c.seen[text] = o
}

package model

import (
	"fmt"
	"sync"
	"time"
)

// HLC is a hybrid logical clock value: wall-clock milliseconds and a
// counter that orders changes made within the same millisecond, or after
// the wall clock went backwards. Two workstations that exchange data
// order their edits the same way by comparing HLC values, then
// workstation ids.
type HLC struct {
	Millis  int64
	Counter uint32
}

// String returns h as fixed-width hexadecimal, so that stored values sort
// as text in clock order.
func (h HLC) String() string { return fmt.Sprintf("%012x%08x", h.Millis, h.Counter) }

// ParseHLC reads a value written by HLC.String.
func ParseHLC(s string) (HLC, error) {
	var h HLC
	if len(s) != 20 {
		return h, fmt.Errorf("invalid clock value %q", s)
	}
	if _, err := fmt.Sscanf(s, "%012x%08x", &h.Millis, &h.Counter); err != nil {
		return h, fmt.Errorf("invalid clock value %q", s)
	}
	return h, nil
}

// Compare returns -1, 0 or +1 as h is before, equal to or after o.
func (h HLC) Compare(o HLC) int {
	switch {
	case h.Millis < o.Millis:
		return -1
	case h.Millis > o.Millis:
		return 1
	case h.Counter < o.Counter:
		return -1
	case h.Counter > o.Counter:
		return 1
	}
	return 0
}

// Clock issues HLC values that never go backwards. It is safe for use by
// several goroutines.
type Clock struct {
	mu   sync.Mutex
	last HLC
	now  func() time.Time
}

// NewClock returns a clock that reads time from now, or time.Now if nil.
func NewClock(now func() time.Time) *Clock {
	if now == nil {
		now = time.Now
	}
	return &Clock{now: now}
}

// Now returns a value later than every value the clock issued or observed.
func (c *Clock) Now() HLC {
	c.mu.Lock()
	defer c.mu.Unlock()
	wall := c.now().UnixMilli()
	if wall > c.last.Millis {
		c.last = HLC{Millis: wall}
	} else {
		c.last.Counter++
	}
	return c.last
}

// Observe moves the clock past h, a value read from another workstation.
func (c *Clock) Observe(h HLC) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if h.Compare(c.last) > 0 {
		c.last = h
	}
}

package ical

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sotay/model"
)

// parseDate reads a DATE value, YYYYMMDD.
func parseDate(s string) (model.Date, error) {
	if len(s) != 8 || !allDigits(s) {
		return model.Date{}, fmt.Errorf("invalid date %q: expected YYYYMMDD", clip(s))
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	date := model.NewDate(y, time.Month(m), d)
	if date.Month != time.Month(m) || date.Day != d {
		return model.Date{}, fmt.Errorf("invalid date %q: no such day", s)
	}
	return date, nil
}

// parseLocalDateTime reads YYYYMMDDTHHMMSS with an optional trailing Z.
// It returns the wall-clock time in UTC and whether the Z was there.
func parseLocalDateTime(value string) (t time.Time, utc bool, err error) {
	s := value
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") {
		s, utc = s[:len(s)-1], true
	}
	if len(s) != 15 || (s[8] != 'T' && s[8] != 't') || !allDigits(s[:8]) || !allDigits(s[9:]) {
		return time.Time{}, false, fmt.Errorf("invalid date-time %q: expected YYYYMMDDTHHMMSS", clip(value))
	}
	date, err := parseDate(s[:8])
	if err != nil {
		return time.Time{}, false, err
	}
	h, _ := strconv.Atoi(s[9:11])
	min, _ := strconv.Atoi(s[11:13])
	sec, _ := strconv.Atoi(s[13:15])
	if h > 23 || min > 59 || sec > 60 {
		return time.Time{}, false, fmt.Errorf("invalid time of day in %q", s)
	}
	if sec == 60 { // a leap second: RFC 5545 allows it, time.Time does not
		sec = 59
	}
	return time.Date(date.Year, date.Month, date.Day, h, min, sec, 0, time.UTC), utc, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDuration reads a DURATION value such as P1D, PT1H30M, P2W or
// -PT15M. Weeks and days are returned apart from the clock part because
// they are nominal: a day is a calendar day, 23 or 25 hours long across
// a change of daylight saving time. The combination of weeks with other
// units, which RFC 5545 forbids but some exporters write, is accepted.
func parseDuration(s string) (days int, clock time.Duration, err error) {
	orig := s
	sign := 1
	switch {
	case strings.HasPrefix(s, "-"):
		sign, s = -1, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, 0, fmt.Errorf("invalid duration %q", clip(orig))
	}
	s = s[1:]

	inTime := false
	for s != "" {
		if s[0] == 'T' {
			inTime, s = true, s[1:]
			continue
		}
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || n > 9 {
			return 0, 0, fmt.Errorf("invalid duration %q", clip(orig))
		}
		v, _ := strconv.Atoi(s[:n])
		unit := s[n]
		s = s[n+1:]
		switch {
		case unit == 'W' && !inTime:
			days += 7 * v
		case unit == 'D' && !inTime:
			days += v
		case unit == 'H' && inTime:
			clock += time.Duration(v) * time.Hour
		case unit == 'M' && inTime:
			clock += time.Duration(v) * time.Minute
		case unit == 'S' && inTime:
			clock += time.Duration(v) * time.Second
		default:
			return 0, 0, fmt.Errorf("invalid duration %q", clip(orig))
		}
	}
	return sign * days, time.Duration(sign) * clock, nil
}

// parseUTCOffset reads a UTC offset, +HHMM or -HHMMSS, in seconds.
func parseUTCOffset(s string) (int, error) {
	if (len(s) != 5 && len(s) != 7) || (s[0] != '+' && s[0] != '-') || !allDigits(s[1:]) {
		return 0, fmt.Errorf("invalid UTC offset %q: expected +HHMM", clip(s))
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) == 7 {
		sec, _ = strconv.Atoi(s[5:7])
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, fmt.Errorf("invalid UTC offset %q", s)
	}
	off := h*3600 + m*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

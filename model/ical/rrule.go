package ical

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Frequency is the FREQ of a recurrence rule.
type Frequency int

const (
	Daily Frequency = iota + 1
	Weekly
	Monthly
	Yearly
)

var frequencyNames = map[Frequency]string{
	Daily:   "DAILY",
	Weekly:  "WEEKLY",
	Monthly: "MONTHLY",
	Yearly:  "YEARLY",
}

func (f Frequency) String() string { return frequencyNames[f] }

// WeekdayNum is one BYDAY entry: a weekday with an optional ordinal.
// N is 0 for every such weekday of the period, 2 for the second, -1 for
// the last.
type WeekdayNum struct {
	N   int
	Day time.Weekday
}

var weekdayCodes = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func (w WeekdayNum) String() string {
	if w.N == 0 {
		return weekdayCodes[w.Day]
	}
	return strconv.Itoa(w.N) + weekdayCodes[w.Day]
}

// RRule is a recurrence rule (RFC 5545 section 3.3.10) restricted to the
// parts calendar exporters write for events: FREQ of DAILY, WEEKLY,
// MONTHLY or YEARLY, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH,
// BYSETPOS and WKST. ParseRRule rejects the rest (SECONDLY to HOURLY,
// BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO) rather than expand a
// rule it would get wrong.
//
// The zero RRule is not valid; build one with ParseRRule or by setting at
// least Freq.
type RRule struct {
	Freq     Frequency
	Interval int // 1 when 0; ParseRRule sets 1
	Count    int // 0 for no COUNT

	// Until is the last possible start, inclusive; zero for none. A
	// DATE-TIME UNTIL should be in UTC; a floating one is read in the
	// event's zone.
	Until DateTime

	ByDay      []WeekdayNum
	ByMonthDay []int // 1..31 or -31..-1, counted from the end of the month
	ByMonth    []time.Month
	BySetPos   []int        // 1..366 or -366..-1
	WeekStart  time.Weekday // WKST; Monday when absent
}

// ErrInvalidRule is wrapped by the errors of ParseRRule.
var ErrInvalidRule = errors.New("invalid recurrence rule")

// UnsupportedRuleError is the error of ParseRRule for a rule part that
// RFC 5545 allows but this package does not expand. It wraps
// ErrInvalidRule, because such a rule cannot be used either.
type UnsupportedRuleError struct {
	Part   string // BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO or FREQ
	Value  string // the part's value, upper case and clipped to 40 bytes
	Reason WarningReason
}

func (e *UnsupportedRuleError) Error() string {
	if e.Part == "FREQ" {
		return fmt.Sprintf("%v: FREQ: %s is not supported", ErrInvalidRule, e.Value)
	}
	return fmt.Sprintf("%v: %s: not supported", ErrInvalidRule, e.Part)
}

func (e *UnsupportedRuleError) Unwrap() error { return ErrInvalidRule }

// unsupportedParts maps the rule parts that ParseRRule rejects, although
// RFC 5545 allows them, to their reason.
var unsupportedParts = map[string]WarningReason{
	"BYHOUR":    ReasonByHour,
	"BYMINUTE":  ReasonByMinute,
	"BYSECOND":  ReasonBySecond,
	"BYYEARDAY": ReasonByYearDay,
	"BYWEEKNO":  ReasonByWeekNo,
}

// ParseRRule reads the value of an RRULE property, such as
// "FREQ=MONTHLY;BYDAY=-1FR;COUNT=4". Part names and values are read
// without regard to case, and spaces around list items are ignored. The
// error wraps ErrInvalidRule and names the part at fault. It is an
// *UnsupportedRuleError for a valid part that the package does not
// expand.
func ParseRRule(s string) (RRule, error) {
	r := RRule{Interval: 1, WeekStart: time.Monday}
	seen := map[string]bool{}

	for part := range strings.SplitSeq(strings.TrimSpace(s), ";") {
		if part == "" {
			continue
		}
		key, value, ok := strings.Cut(part, "=")
		key = strings.ToUpper(strings.TrimSpace(key))
		value = strings.ToUpper(strings.TrimSpace(value))
		if !ok || key == "" || value == "" {
			return RRule{}, fmt.Errorf("%w: part %q is not NAME=VALUE", ErrInvalidRule, clip(part))
		}
		if seen[key] {
			return RRule{}, fmt.Errorf("%w: %s appears twice", ErrInvalidRule, key)
		}
		seen[key] = true

		if err := unsupportedPart(key, value); err != nil {
			return RRule{}, err
		}
		if err := r.setPart(key, value); err != nil {
			return RRule{}, fmt.Errorf("%w: %s: %v", ErrInvalidRule, key, err)
		}
	}

	if r.Freq == 0 {
		return RRule{}, fmt.Errorf("%w: FREQ is missing", ErrInvalidRule)
	}
	if r.Count > 0 && !r.Until.IsZero() {
		return RRule{}, fmt.Errorf("%w: COUNT and UNTIL both given", ErrInvalidRule)
	}
	if r.Freq == Weekly || r.Freq == Daily {
		for _, d := range r.ByDay {
			if d.N != 0 {
				return RRule{}, fmt.Errorf("%w: BYDAY ordinal %s needs FREQ=MONTHLY or YEARLY", ErrInvalidRule, d)
			}
		}
	}
	if r.Freq == Weekly && len(r.ByMonthDay) > 0 {
		return RRule{}, fmt.Errorf("%w: BYMONTHDAY is not allowed with FREQ=WEEKLY", ErrInvalidRule)
	}
	return r, nil
}

// unsupportedPart returns an *UnsupportedRuleError for a part that RFC
// 5545 allows but Expand cannot expand, and nil for any other part.
func unsupportedPart(key, value string) error {
	if reason, ok := unsupportedParts[key]; ok {
		return &UnsupportedRuleError{Part: key, Value: clip(value), Reason: reason}
	}
	if key == "FREQ" && (value == "SECONDLY" || value == "MINUTELY" || value == "HOURLY") {
		return &UnsupportedRuleError{Part: key, Value: value, Reason: ReasonSubDaily}
	}
	return nil
}

func (r *RRule) setPart(key, value string) error {
	var err error
	switch key {
	case "FREQ":
		r.Freq, err = parseFrequency(value)
	case "INTERVAL":
		r.Interval, err = parseBounded(value, 1, 1_000_000)
	case "COUNT":
		r.Count, err = parseBounded(value, 1, 1_000_000_000)
	case "UNTIL":
		r.Until, err = parseUntil(value)
	case "BYDAY":
		r.ByDay, err = parseList(value, parseWeekdayNum)
	case "BYMONTHDAY":
		r.ByMonthDay, err = parseList(value, signedBounded(31))
	case "BYMONTH":
		r.ByMonth, err = parseList(value, func(s string) (time.Month, error) {
			m, err := parseBounded(s, 1, 12)
			return time.Month(m), err
		})
	case "BYSETPOS":
		r.BySetPos, err = parseList(value, signedBounded(366))
	case "WKST":
		var w WeekdayNum
		w, err = parseWeekdayNum(value)
		if err == nil && w.N != 0 {
			err = fmt.Errorf("invalid weekday %q", value)
		}
		r.WeekStart = w.Day
	default:
		if !strings.HasPrefix(key, "X-") {
			err = errors.New("unknown rule part")
		}
	}
	return err
}

func parseFrequency(s string) (Frequency, error) {
	for f, name := range frequencyNames {
		if name == s {
			return f, nil
		}
	}
	return 0, fmt.Errorf("unknown frequency %q", clip(s))
}

func parseBounded(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%q is not a number from %d to %d", clip(s), lo, hi)
	}
	return n, nil
}

// signedBounded returns a parser for a non-zero number from -max to max.
func signedBounded(max int) func(string) (int, error) {
	return func(s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil || n == 0 || n < -max || n > max {
			return 0, fmt.Errorf("%q is not a non-zero number from -%d to %d", clip(s), max, max)
		}
		return n, nil
	}
}

func parseList[T any](s string, item func(string) (T, error)) ([]T, error) {
	var out []T
	for field := range strings.SplitSeq(s, ",") {
		v, err := item(strings.TrimSpace(field))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func parseWeekdayNum(s string) (WeekdayNum, error) {
	if len(s) < 2 {
		return WeekdayNum{}, fmt.Errorf("invalid weekday %q", clip(s))
	}
	code := s[len(s)-2:]
	day := slices.Index(weekdayCodes[:], code)
	if day < 0 {
		return WeekdayNum{}, fmt.Errorf("invalid weekday %q", clip(s))
	}
	w := WeekdayNum{Day: time.Weekday(day)}
	if prefix := s[:len(s)-2]; prefix != "" {
		n, err := signedBounded(53)(strings.TrimPrefix(prefix, "+"))
		if err != nil {
			return WeekdayNum{}, fmt.Errorf("invalid weekday %q", clip(s))
		}
		w.N = n
	}
	return w, nil
}

func parseUntil(s string) (DateTime, error) {
	if len(s) == 8 {
		d, err := parseDate(s)
		return DateTime{Date: d}, err
	}
	t, utc, err := parseLocalDateTime(s)
	return DateTime{Time: t, Floating: !utc}, err
}

// String returns the rule as an RRULE value, FREQ first, in a form that
// ParseRRule reads back to an equal rule.
func (r RRule) String() string {
	var sb strings.Builder
	sb.WriteString("FREQ=")
	sb.WriteString(r.Freq.String())
	if r.Interval > 1 {
		fmt.Fprintf(&sb, ";INTERVAL=%d", r.Interval)
	}
	if r.Count > 0 {
		fmt.Fprintf(&sb, ";COUNT=%d", r.Count)
	}
	if !r.Until.IsZero() {
		sb.WriteString(";UNTIL=")
		sb.WriteString(formatUntil(r.Until))
	}
	writeList(&sb, "BYMONTH", r.ByMonth, func(m time.Month) string { return strconv.Itoa(int(m)) })
	writeList(&sb, "BYMONTHDAY", r.ByMonthDay, strconv.Itoa)
	writeList(&sb, "BYDAY", r.ByDay, WeekdayNum.String)
	writeList(&sb, "BYSETPOS", r.BySetPos, strconv.Itoa)
	if r.WeekStart != time.Monday {
		sb.WriteString(";WKST=")
		sb.WriteString(weekdayCodes[r.WeekStart])
	}
	return sb.String()
}

func formatUntil(d DateTime) string {
	switch {
	case d.IsDate():
		return formatDate(d.Date)
	case d.Floating:
		return d.Time.Format(layoutLocal)
	default:
		return d.Time.UTC().Format(layoutUTC)
	}
}

func writeList[T any](sb *strings.Builder, name string, items []T, format func(T) string) {
	if len(items) == 0 {
		return
	}
	sb.WriteString(";" + name + "=")
	for i, it := range items {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(format(it))
	}
}

package ical

import "fmt"

// Warning is a problem that Parse stepped over: a line, property or
// component that was skipped or read with a fallback.
//
// Kind, Reason, Name, Value and Summary are what a caller needs to
// describe the problem in the user's language. Message is the same
// problem in English, for logs and tests.
type Warning struct {
	Line   int // 1-based physical line; 0 when no single line is at fault
	Kind   WarningKind
	Reason WarningReason // set only for WarnRuleUnsupported and WarnRangeUnsupported

	// Name is the property or component at fault, such as DTSTART or
	// VEVENT. For an unsupported rule it is the rule part, such as
	// BYHOUR. It is "" when the line has none.
	Name string
	// Value is the offending value, line or TZID as written, clipped to
	// 40 bytes. It is "" when the kind has none.
	Value string
	// Summary is the SUMMARY of the event the warning is about, clipped
	// to 40 bytes. It is "" outside an event and for an event without
	// SUMMARY.
	Summary string

	Message string // English
}

func (w Warning) String() string {
	if w.Line == 0 {
		return w.Message
	}
	return fmt.Sprintf("line %d: %s", w.Line, w.Message)
}

// WarningKind is the situation a Warning reports. Its value is a
// snake_case code, which the JSON output of the command line contains.
type WarningKind string

const (
	// WarnLineInvalid: a content line is not NAME[;PARAM=…]:value. The
	// line is skipped. Value is the start of the line.
	WarnLineInvalid WarningKind = "line_invalid"
	// WarnPropertyOutside: a property outside any BEGIN…END block. The
	// line is skipped.
	WarnPropertyOutside WarningKind = "property_outside"
	// WarnUnclosedAtEnd: the file ends inside the outermost block Name,
	// usually because it was cut short. What was closed inside the block
	// is kept.
	WarnUnclosedAtEnd WarningKind = "unclosed_at_end"
	// WarnComponentNotClosed: block Name has no END of its own before its
	// parent's END. The block is skipped with its contents.
	WarnComponentNotClosed WarningKind = "component_not_closed"
	// WarnEndWithoutBegin: END:Name closes no open block. The line is
	// skipped.
	WarnEndWithoutBegin WarningKind = "end_without_begin"
	// WarnEventOutsideCalendar: a VEVENT outside any VCALENDAR. The event
	// is read anyway.
	WarnEventOutsideCalendar WarningKind = "event_outside_calendar"
	// WarnValueInvalid: the value of property Name cannot be read. The
	// property is skipped, and the event kept if its DTSTART is valid.
	WarnValueInvalid WarningKind = "value_invalid"
	// WarnNoStart: an event without a valid DTSTART. The event is skipped.
	WarnNoStart WarningKind = "no_start"
	// WarnSecondRule: a second RRULE in one event. It is ignored and the
	// first one applies.
	WarnSecondRule WarningKind = "second_rule"
	// WarnRuleUnsupported: a valid RRULE that uses a part Expand cannot
	// expand, named by Name and Reason. The event is a single occurrence.
	WarnRuleUnsupported WarningKind = "rule_unsupported"
	// WarnRuleInvalid: an RRULE that is not valid. The event is a single
	// occurrence.
	WarnRuleInvalid WarningKind = "rule_invalid"
	// WarnRangeUnsupported: a RECURRENCE-ID with a RANGE parameter,
	// named by Reason. The change applies to that one occurrence only.
	WarnRangeUnsupported WarningKind = "range_unsupported"
	// WarnEndBeforeStart: the DTEND of a timed event is before its
	// DTSTART. The event is read as lasting no time.
	WarnEndBeforeStart WarningKind = "end_before_start"
	// WarnEndBeforeStartAllDay: the DTEND of an all-day event is before
	// its DTSTART. The event lasts one day.
	WarnEndBeforeStartAllDay WarningKind = "end_before_start_all_day"
	// WarnDurationInvalid: the DURATION of a timed event is invalid or
	// negative. The event is read as lasting no time.
	WarnDurationInvalid WarningKind = "duration_invalid"
	// WarnDurationInvalidAllDay: the DURATION of an all-day event is not
	// a positive number of days. The event lasts one day.
	WarnDurationInvalidAllDay WarningKind = "duration_invalid_all_day"
	// WarnZoneDefinitionInvalid: the VTIMEZONE of TZID Value cannot be
	// read. Its times are read as floating in the importing zone.
	WarnZoneDefinitionInvalid WarningKind = "zone_definition_invalid"
	// WarnZoneFixedOffset: TZID Value is not a known zone but names its
	// offset, as "(UTC+07:00) Bangkok, Hanoi, Jakarta". Its times are read
	// at that offset, without daylight saving time.
	WarnZoneFixedOffset WarningKind = "zone_fixed_offset"
	// WarnZoneUnknown: TZID Value is not a known zone and the file has no
	// VTIMEZONE for it. Its times are read as floating in the importing
	// zone.
	WarnZoneUnknown WarningKind = "zone_unknown"
)

// WarningReason is the cause that makes a valid rule or RECURRENCE-ID
// unsupported. Its value is a snake_case code, like WarningKind.
type WarningReason string

// The reasons of WarnRuleUnsupported, one for each rule part that
// ParseRRule rejects although RFC 5545 allows it.
const (
	ReasonByHour    WarningReason = "by_hour"     // BYHOUR
	ReasonByMinute  WarningReason = "by_minute"   // BYMINUTE
	ReasonBySecond  WarningReason = "by_second"   // BYSECOND
	ReasonByYearDay WarningReason = "by_year_day" // BYYEARDAY
	ReasonByWeekNo  WarningReason = "by_week_no"  // BYWEEKNO
	ReasonSubDaily  WarningReason = "sub_daily"   // FREQ=HOURLY, MINUTELY or SECONDLY
)

// The reasons of WarnRangeUnsupported.
const (
	// ReasonThisAndFuture: RANGE=THISANDFUTURE (RFC 5545) changes this
	// occurrence and every later one.
	ReasonThisAndFuture WarningReason = "this_and_future"
	// ReasonThisAndPrior: RANGE=THISANDPRIOR, which only the older RFC
	// 2445 defines, changes this occurrence and every earlier one.
	ReasonThisAndPrior WarningReason = "this_and_prior"
)

// WarningKinds returns every WarningKind that Parse reports, for callers
// that must have a text for each.
func WarningKinds() []WarningKind {
	return []WarningKind{
		WarnLineInvalid, WarnPropertyOutside, WarnUnclosedAtEnd, WarnComponentNotClosed,
		WarnEndWithoutBegin, WarnEventOutsideCalendar, WarnValueInvalid, WarnNoStart,
		WarnSecondRule, WarnRuleUnsupported, WarnRuleInvalid, WarnRangeUnsupported,
		WarnEndBeforeStart, WarnEndBeforeStartAllDay, WarnDurationInvalid, WarnDurationInvalidAllDay,
		WarnZoneDefinitionInvalid, WarnZoneFixedOffset, WarnZoneUnknown,
	}
}

// Reasons returns the reasons a Warning of kind k can carry, or nil for
// a kind that has none.
func (k WarningKind) Reasons() []WarningReason {
	switch k {
	case WarnRuleUnsupported:
		return []WarningReason{ReasonByHour, ReasonByMinute, ReasonBySecond, ReasonByYearDay,
			ReasonByWeekNo, ReasonSubDaily}
	case WarnRangeUnsupported:
		return []WarningReason{ReasonThisAndFuture, ReasonThisAndPrior}
	}
	return nil
}

package ical

import (
	"errors"
	"reflect"
	"testing"
)

func TestRRuleString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FREQ=MONTHLY;COUNT=4;BYDAY=-1FR", "FREQ=MONTHLY;COUNT=4;BYDAY=-1FR"},
		{"freq=weekly;interval=1;byday=MO, TU ,WE;wkst=SU", "FREQ=WEEKLY;BYDAY=MO,TU,WE;WKST=SU"},
		{"FREQ=WEEKLY;UNTIL=20270329T010000Z;INTERVAL=2;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270329T010000Z;BYDAY=MO"},
		{"FREQ=YEARLY;UNTIL=20300101;BYMONTH=2;BYMONTHDAY=-1", "FREQ=YEARLY;UNTIL=20300101;BYMONTH=2;BYMONTHDAY=-1"},
		{"FREQ=DAILY;UNTIL=20300101T080000", "FREQ=DAILY;UNTIL=20300101T080000"},
		{"FREQ=MONTHLY;BYDAY=+2MO;BYSETPOS=1", "FREQ=MONTHLY;BYDAY=2MO;BYSETPOS=1"},
		{"FREQ=DAILY;X-NAME=anything", "FREQ=DAILY"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := ParseRRule(tt.in)
			if err != nil {
				t.Fatalf("ParseRRule: %v", err)
			}
			if got := r.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			again, err := ParseRRule(r.String())
			if err != nil {
				t.Fatalf("ParseRRule(String()): %v", err)
			}
			if !reflect.DeepEqual(again, r) {
				t.Errorf("round trip changed the rule:\n got %+v\nwant %+v", again, r)
			}
		})
	}
}

func TestParseRRuleInvalid(t *testing.T) {
	for _, in := range []string{
		"",
		"COUNT=3",
		"FREQ=FORTNIGHTLY",
		"FREQ=HOURLY",
		"FREQ=DAILY;BYHOUR=9",
		"FREQ=DAILY;FREQ=WEEKLY",
		"FREQ=DAILY;COUNT=0",
		"FREQ=DAILY;COUNT=2;UNTIL=20260101",
		"FREQ=DAILY;INTERVAL=-1",
		"FREQ=WEEKLY;BYDAY=1MO",
		"FREQ=WEEKLY;BYMONTHDAY=1",
		"FREQ=MONTHLY;BYMONTHDAY=32",
		"FREQ=MONTHLY;BYMONTHDAY=0",
		"FREQ=MONTHLY;BYDAY=XX",
		"FREQ=YEARLY;BYMONTH=13",
		"FREQ=DAILY;UNTIL=2026",
		"FREQ=DAILY;WKST=1MO",
		"RRULE:AnythingRandom;FREQ=WEEKLY",
		"FREQ=DAILY;BOGUS=1",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseRRule(in)
			if !errors.Is(err, ErrInvalidRule) {
				t.Errorf("err = %v, want ErrInvalidRule", err)
			}
		})
	}
}

func TestParseRRuleUnsupported(t *testing.T) {
	tests := []struct {
		in, part string
		reason   WarningReason
		text     string
	}{
		{"FREQ=DAILY;byhour=9", "BYHOUR", ReasonByHour, "invalid recurrence rule: BYHOUR: not supported"},
		{"FREQ=HOURLY", "FREQ", ReasonSubDaily, "invalid recurrence rule: FREQ: HOURLY is not supported"},
		{"FREQ=YEARLY;BYWEEKNO=1", "BYWEEKNO", ReasonByWeekNo, "invalid recurrence rule: BYWEEKNO: not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseRRule(tt.in)
			var unsupported *UnsupportedRuleError
			if !errors.As(err, &unsupported) {
				t.Fatalf("err = %v, want an *UnsupportedRuleError", err)
			}
			if unsupported.Part != tt.part || unsupported.Reason != tt.reason {
				t.Errorf("part %s, reason %s; want %s, %s", unsupported.Part, unsupported.Reason, tt.part, tt.reason)
			}
			if err.Error() != tt.text {
				t.Errorf("Error() = %q, want %q", err.Error(), tt.text)
			}
		})
	}
	if _, err := ParseRRule("FREQ=FORTNIGHTLY"); errors.As(err, new(*UnsupportedRuleError)) {
		t.Errorf("an unknown FREQ is reported as unsupported: %v", err)
	}
}

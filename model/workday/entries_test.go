package workday

import (
	"reflect"
	"testing"
	"time"
)

func TestCheckEntries(t *testing.T) {
	sat := date(2026, time.January, 10)
	fri := date(2026, time.January, 2)
	tests := []struct {
		name    string
		entries []Entry
		want    []EntryProblem
	}{
		{"valid swap", []Entry{
			{Date: fri, Kind: EntryOff, Name: "Nghỉ hoán đổi"},
			{Date: sat, Kind: EntryWorking, Name: "Làm bù"},
		}, nil},
		{"no date", []Entry{{Kind: EntryOff, Name: "Nghỉ"}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemNoDate}}},
		{"other year", []Entry{{Date: date(2027, time.January, 4), Kind: EntryOff, Name: "Nghỉ"}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemOtherYear}}},
		{"working weekday", []Entry{{Date: fri, Kind: EntryWorking, Name: "Làm"}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemNotWeekend}}},
		{"off and working", []Entry{
			{Date: sat, Kind: EntryWorking, Name: "Làm bù"},
			{Date: fri, Kind: EntryOff, Name: "Nghỉ"},
			{Date: sat, Kind: EntryOff, Name: "Nghỉ"},
		}, []EntryProblem{{Index: 2, Other: 0, Problem: ProblemOffAndWorking}}},
		{"off and cancelled", []Entry{
			{Date: fri, Kind: EntryOff, Name: "Nghỉ"},
			{Date: fri, Kind: EntryCancelled, Name: "Không nghỉ"},
		}, []EntryProblem{{Index: 1, Other: 0, Problem: ProblemOffAndWorking}}},
		{"twice off", []Entry{
			{Date: fri, Kind: EntryOff, Name: "Nghỉ"},
			{Date: fri, Kind: EntryOff, Name: "Nghỉ nữa"},
		}, []EntryProblem{{Index: 1, Other: 0, Problem: ProblemDuplicate}}},
		{"no name", []Entry{{Date: fri, Kind: EntryOff, Name: "  "}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemNoName}}},
		{"unknown kind", []Entry{{Date: fri, Kind: "holiday", Name: "Nghỉ"}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemUnknownKind}}},
		{"one problem per entry", []Entry{{Date: date(2025, time.March, 3), Kind: EntryWorking}},
			[]EntryProblem{{Index: 0, Other: -1, Problem: ProblemOtherYear}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckEntries(2026, tt.entries)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckEntries = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestScheduleEntriesRoundTrip(t *testing.T) {
	doc := DefaultDocument()
	for _, s := range doc.Schedules {
		back, problems := NewSchedule(s.Year, s.Notice, s.Entries())
		if problems != nil {
			t.Fatalf("%d: built-in schedule has problems %+v", s.Year, problems)
		}
		if !reflect.DeepEqual(back, s) {
			t.Errorf("%d: schedule changed through its entries:\n got %+v\nwant %+v", s.Year, back, s)
		}
	}
}

func TestNewScheduleSortsAndKeepsNotice(t *testing.T) {
	entries := []Entry{
		{Date: date(2027, time.September, 3), Kind: EntryOff, Name: "Quốc khánh (ngày liền kề)", Notice: "Thông báo số 12/TB-VPCP"},
		{Date: date(2027, time.February, 13), Kind: EntryWorking, Name: "Làm bù"},
		{Date: date(2027, time.February, 5), Kind: EntryOff, Name: "Tết Nguyên đán"},
	}
	s, problems := NewSchedule(2027, "Lịch nghỉ năm 2027", entries)
	if problems != nil {
		t.Fatalf("problems %+v", problems)
	}
	if len(s.DaysOff) != 2 || s.DaysOff[0].Date != date(2027, time.February, 5) {
		t.Errorf("days off = %+v, want two in date order", s.DaysOff)
	}
	if s.DaysOff[1].Notice != "Thông báo số 12/TB-VPCP" {
		t.Errorf("entry notice = %q, want it kept", s.DaysOff[1].Notice)
	}
	if len(s.WorkingDays) != 1 || s.Notice != "Lịch nghỉ năm 2027" {
		t.Errorf("schedule = %+v", s)
	}
	if _, err := New(DefaultDocument().Rules, []Schedule{s}); err != nil {
		t.Errorf("the calendar rejects a checked schedule: %v", err)
	}
}

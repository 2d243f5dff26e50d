package workday

import (
	"fmt"
	"testing"
	"time"

	"sotay/model"
)

func TestDistributionDeadline(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		meeting   model.Date
		n         int
		working   bool
		deadline  model.Date
		practical model.Date
	}{
		// Tết 2027 and its two compensatory days keep offices closed from
		// Friday 5/2 to Thursday 11/2.
		{"after Tết 2027", date(2027, 2, 15), 0, false, date(2027, 2, 15), date(2027, 2, 15)},
		{"after Tết 2027", date(2027, 2, 15), 1, false, date(2027, 2, 14), date(2027, 2, 12)},
		{"after Tết 2027", date(2027, 2, 15), 5, false, date(2027, 2, 10), date(2027, 2, 4)},
		{"after Tết 2027", date(2027, 2, 15), 10, false, date(2027, 2, 5), date(2027, 2, 4)},
		{"after Tết 2027", date(2027, 2, 15), 0, true, date(2027, 2, 15), date(2027, 2, 15)},
		{"after Tết 2027", date(2027, 2, 15), 1, true, date(2027, 2, 12), date(2027, 2, 12)},
		{"after Tết 2027", date(2027, 2, 15), 5, true, date(2027, 2, 1), date(2027, 2, 1)},
		{"after Tết 2027", date(2027, 2, 15), 10, true, date(2027, 1, 25), date(2027, 1, 25)},
		{"first day after Tết 2027", date(2027, 2, 12), 5, false, date(2027, 2, 7), date(2027, 2, 4)},
		{"first day after Tết 2027", date(2027, 2, 12), 1, true, date(2027, 2, 4), date(2027, 2, 4)},

		// Monday 4/5/2026 follows 30/4 and 1/5 (Thursday, Friday) and a
		// weekend; Monday 27/4 is the compensatory day of Giỗ Tổ.
		{"Monday after holidays", date(2026, 5, 4), 0, false, date(2026, 5, 4), date(2026, 5, 4)},
		{"Monday after holidays", date(2026, 5, 4), 1, false, date(2026, 5, 3), date(2026, 4, 29)},
		{"Monday after holidays", date(2026, 5, 4), 5, false, date(2026, 4, 29), date(2026, 4, 29)},
		{"Monday after holidays", date(2026, 5, 4), 10, false, date(2026, 4, 24), date(2026, 4, 24)},
		{"Monday after holidays", date(2026, 5, 4), 0, true, date(2026, 5, 4), date(2026, 5, 4)},
		{"Monday after holidays", date(2026, 5, 4), 1, true, date(2026, 4, 29), date(2026, 4, 29)},
		{"Monday after holidays", date(2026, 5, 4), 5, true, date(2026, 4, 22), date(2026, 4, 22)},
		{"Monday after holidays", date(2026, 5, 4), 10, true, date(2026, 4, 15), date(2026, 4, 15)},

		// Saturday 10/1/2026 is a working day, Friday 2/1 is not.
		{"across working Saturday", date(2026, 1, 14), 0, false, date(2026, 1, 14), date(2026, 1, 14)},
		{"across working Saturday", date(2026, 1, 14), 1, false, date(2026, 1, 13), date(2026, 1, 13)},
		{"across working Saturday", date(2026, 1, 14), 5, false, date(2026, 1, 9), date(2026, 1, 9)},
		{"across working Saturday", date(2026, 1, 14), 10, false, date(2026, 1, 4), date(2025, 12, 31)},
		{"across working Saturday", date(2026, 1, 14), 0, true, date(2026, 1, 14), date(2026, 1, 14)},
		{"across working Saturday", date(2026, 1, 14), 1, true, date(2026, 1, 13), date(2026, 1, 13)},
		{"across working Saturday", date(2026, 1, 14), 5, true, date(2026, 1, 8), date(2026, 1, 8)},
		{"across working Saturday", date(2026, 1, 14), 10, true, date(2025, 12, 30), date(2025, 12, 30)},
		{"on working Saturday", date(2026, 1, 12), 1, false, date(2026, 1, 11), date(2026, 1, 10)},
		{"on working Saturday", date(2026, 1, 12), 1, true, date(2026, 1, 10), date(2026, 1, 10)},

		{"negative n", date(2026, 1, 14), -3, false, date(2026, 1, 14), date(2026, 1, 14)},
	}
	for _, tt := range tests {
		mode := "calendar"
		if tt.working {
			mode = "working"
		}
		t.Run(fmt.Sprintf("%s/%s/N=%d", tt.name, mode, tt.n), func(t *testing.T) {
			deadline, practical := c.DistributionDeadline(tt.meeting, tt.n, tt.working)
			if deadline != tt.deadline {
				t.Errorf("deadline = %v, want %v", deadline, tt.deadline)
			}
			if practical != tt.practical {
				t.Errorf("practical deadline = %v, want %v", practical, tt.practical)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := Default()
	tests := []struct {
		from model.Date
		n    int
		want model.Date
	}{
		{date(2026, 1, 9), 1, date(2026, 1, 10)},  // working Saturday
		{date(2026, 1, 10), 1, date(2026, 1, 12)}, // Sunday skipped
		{date(2025, 12, 31), 1, date(2026, 1, 5)}, // 1/1 to 4/1 off
		{date(2026, 1, 5), -1, date(2025, 12, 31)},
		{date(2026, 2, 13), 1, date(2026, 2, 23)}, // Tết 2026
		{date(2026, 2, 23), -1, date(2026, 2, 13)},
		{date(2026, 2, 15), 0, date(2026, 2, 15)}, // n = 0 keeps a day off
		{date(2026, 2, 15), 3, date(2026, 2, 25)},
	}
	for _, tt := range tests {
		if got := c.AddWorkingDays(tt.from, tt.n); got != tt.want {
			t.Errorf("AddWorkingDays(%v, %d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestLastWorkingDayOnOrBefore(t *testing.T) {
	c := Default()
	tests := map[model.Date]model.Date{
		date(2026, 1, 9):  date(2026, 1, 9),
		date(2026, 1, 11): date(2026, 1, 10),
		date(2026, 1, 4):  date(2025, 12, 31),
		date(2026, 2, 22): date(2026, 2, 13),
		date(2025, 2, 2):  date(2025, 1, 24),
	}
	for in, want := range tests {
		if got := c.LastWorkingDayOnOrBefore(in); got != want {
			t.Errorf("LastWorkingDayOnOrBefore(%v) = %v, want %v", in, got, want)
		}
	}
}

func ExampleCalendar_DistributionDeadline() {
	c := Default()
	meeting := model.NewDate(2026, time.February, 24)

	deadline, practical := c.DistributionDeadline(meeting, 5, false)
	fmt.Println("calendar days:", deadline.Display(), "send by", practical.Display())

	deadline, _ = c.DistributionDeadline(meeting, 5, true)
	fmt.Println("working days: ", deadline.Display())
	// Output:
	// calendar days: 19/02/2026 send by 13/02/2026
	// working days:  10/02/2026
}

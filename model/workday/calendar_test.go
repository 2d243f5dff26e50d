package workday

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"sotay/model"
)

func date(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

// offRange checks that every day from first to last is not a working day.
func offRange(t *testing.T, c *Calendar, first, last model.Date) {
	t.Helper()
	for d := first; !d.After(last); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			t.Errorf("%v (%v) is a working day, want a day off", d, d.Weekday())
		}
	}
}

func working(t *testing.T, c *Calendar, dates ...model.Date) {
	t.Helper()
	for _, d := range dates {
		if !c.IsWorkingDay(d) {
			t.Errorf("%v (%v) is a day off, want a working day", d, d.Weekday())
		}
	}
}

func TestDefaultDocumentRoundTrip(t *testing.T) {
	doc := DefaultDocument()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, doc) {
		t.Errorf("document changed in a JSON round trip:\n got %+v\nwant %+v", back, doc)
	}
	if !reflect.DeepEqual(Default().Document(), doc) {
		t.Errorf("Default().Document() differs from DefaultDocument()")
	}
}

func TestDaysOff2026(t *testing.T) {
	c := Default()
	want := []DayOff{
		{date(2026, 1, 1), "Tết Dương lịch", KindHoliday},
		{date(2026, 1, 2), "Nghỉ hoán đổi, làm bù thứ Bảy 10/1/2026", KindOfficial},
		{date(2026, 2, 16), "Tết Nguyên đán", KindHoliday},
		{date(2026, 2, 17), "Tết Nguyên đán", KindHoliday},
		{date(2026, 2, 18), "Tết Nguyên đán", KindHoliday},
		{date(2026, 2, 19), "Tết Nguyên đán", KindHoliday},
		{date(2026, 2, 20), "Tết Nguyên đán", KindHoliday},
		{date(2026, 4, 26), "Giỗ Tổ Hùng Vương", KindHoliday},
		{date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", KindCompensatory},
		{date(2026, 4, 30), "Ngày Chiến thắng", KindHoliday},
		{date(2026, 5, 1), "Quốc tế Lao động", KindHoliday},
		{date(2026, 9, 2), "Quốc khánh", KindHoliday},
		{date(2026, 9, 3), "Quốc khánh", KindHoliday},
	}
	if got := c.DaysOff(2026); !reflect.DeepEqual(got, want) {
		t.Errorf("DaysOff(2026):\n got %v\nwant %v", got, want)
	}
	if got, want := c.WorkingSaturdays(2026), []model.Date{date(2026, 1, 10)}; !reflect.DeepEqual(got, want) {
		t.Errorf("WorkingSaturdays(2026) = %v, want %v", got, want)
	}

	offRange(t, c, date(2026, 1, 1), date(2026, 1, 4))
	offRange(t, c, date(2026, 2, 14), date(2026, 2, 22))
	working(t, c, date(2025, 12, 31), date(2026, 1, 5), date(2026, 1, 10),
		date(2026, 2, 13), date(2026, 2, 23))
	if c.IsWorkingDay(date(2026, 1, 11)) {
		t.Error("Sunday 11/01/2026 is a working day")
	}
}

func TestDaysOff2025(t *testing.T) {
	c := Default()
	offRange(t, c, date(2025, 1, 25), date(2025, 2, 2))
	offRange(t, c, date(2025, 4, 30), date(2025, 5, 4))
	offRange(t, c, date(2025, 8, 30), date(2025, 9, 2))
	offRange(t, c, date(2025, 4, 5), date(2025, 4, 7))
	// 1/2/2025, the fourth day of Tết, was a Saturday with no
	// compensatory day, and 26/4/2025 was a working Saturday.
	working(t, c, date(2025, 1, 24), date(2025, 2, 3), date(2025, 4, 26),
		date(2025, 4, 29), date(2025, 5, 5), date(2025, 9, 3))

	if got, want := c.WorkingSaturdays(2025), []model.Date{date(2025, 4, 26)}; !reflect.DeepEqual(got, want) {
		t.Errorf("WorkingSaturdays(2025) = %v, want %v", got, want)
	}
	for _, d := range c.DaysOff(2025) {
		if d.Kind == KindCompensatory {
			t.Errorf("unexpected compensatory day %v in 2025", d)
		}
	}
	s, ok := c.Schedule(2025)
	if !ok || !strings.Contains(s.Notice, "đối chiếu") {
		t.Errorf("Schedule(2025) = %+v, %v; want a notice that states its source", s, ok)
	}
}

func TestCompensatoryDays(t *testing.T) {
	c := Default()
	// 1/5/2027 is a Saturday.
	if got := dayOff(c, date(2027, 5, 3)); got.Kind != KindCompensatory || got.Name != "Nghỉ bù Quốc tế Lao động" {
		t.Errorf("03/05/2027 = %+v, want the compensatory day of Quốc tế Lao động", got)
	}
	// Tết 2027 covers Saturday 6/2 and Sunday 7/2, so the two weekdays
	// after the last day of Tết are compensatory days.
	for _, d := range []model.Date{date(2027, 2, 10), date(2027, 2, 11)} {
		if got := dayOff(c, d); got.Kind != KindCompensatory {
			t.Errorf("%v = %+v, want a compensatory day", d, got)
		}
	}
	working(t, c, date(2027, 2, 4), date(2027, 2, 12))
}

func dayOff(c *Calendar, d model.Date) DayOff {
	for _, off := range c.DaysOff(d.Year) {
		if off.Date == d {
			return off
		}
	}
	return DayOff{}
}

func TestAdjacentDayOfQuocKhanh(t *testing.T) {
	c := Default()
	tests := []struct {
		year    int
		weekday time.Weekday
		off     []model.Date // days off besides 2 September
	}{
		{2024, time.Monday, []model.Date{date(2024, 9, 3)}},
		{2021, time.Thursday, []model.Date{date(2021, 9, 3)}},
		{2022, time.Friday, []model.Date{date(2022, 9, 1)}},
		{2023, time.Saturday, []model.Date{date(2023, 9, 1), date(2023, 9, 4)}},
		{2029, time.Sunday, []model.Date{date(2029, 9, 3), date(2029, 9, 4)}},
		{2026, time.Wednesday, []model.Date{date(2026, 9, 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.weekday.String(), func(t *testing.T) {
			if wd := date(tt.year, 9, 2).Weekday(); wd != tt.weekday {
				t.Fatalf("2/9/%d is a %v", tt.year, wd)
			}
			var got []model.Date
			for _, d := range c.DaysOff(tt.year) {
				if d.Date.Month == time.September && d.Date.Day != 2 {
					got = append(got, d.Date)
				}
			}
			if !reflect.DeepEqual(got, tt.off) {
				t.Errorf("days off around 2/9/%d = %v, want %v", tt.year, got, tt.off)
			}
		})
	}
}

// TestNewHolidayAsData adds 24 November from a JSON rule, with no code
// change, from 2026 on.
func TestNewHolidayAsData(t *testing.T) {
	doc := DefaultDocument()
	var h Holiday
	rule := `{"name": "Ngày Văn hóa Việt Nam", "month": 11, "day": 24, "first_year": 2026}`
	if err := json.Unmarshal([]byte(rule), &h); err != nil {
		t.Fatal(err)
	}
	doc.Rules.Holidays = append(doc.Rules.Holidays, h)
	c, err := New(doc.Rules, doc.Schedules)
	if err != nil {
		t.Fatal(err)
	}

	if got := dayOff(c, date(2026, 11, 24)); got.Name != "Ngày Văn hóa Việt Nam" || got.Kind != KindHoliday {
		t.Errorf("24/11/2026 = %+v, want the holiday", got)
	}
	working(t, c, date(2025, 11, 24))
	// 24/11/2029 is a Saturday, so Monday 26/11 is off.
	if got := dayOff(c, date(2029, 11, 26)); got.Kind != KindCompensatory {
		t.Errorf("26/11/2029 = %+v, want a compensatory day", got)
	}
	working(t, Default(), date(2026, 11, 24))
}

// TestCompensationAcrossYears checks that a holiday on Saturday 31/12/2022
// moves its compensatory day into 2023 in both years' tables.
func TestCompensationAcrossYears(t *testing.T) {
	rules := DefaultDocument().Rules
	rules.Holidays = append(rules.Holidays, Holiday{Name: "Cuối năm", Month: 12, Day: 31})
	c, err := New(rules, nil)
	if err != nil {
		t.Fatal(err)
	}

	// 31/12/2022 is a Saturday and 1/1/2023 a Sunday, so Monday 2/1 and
	// Tuesday 3/1 are compensatory days, in that order.
	want := []DayOff{
		{date(2023, 1, 1), "Tết Dương lịch", KindHoliday},
		{date(2023, 1, 2), "Nghỉ bù Cuối năm", KindCompensatory},
		{date(2023, 1, 3), "Nghỉ bù Tết Dương lịch", KindCompensatory},
	}
	if got := c.DaysOff(2023)[:3]; !reflect.DeepEqual(got, want) {
		t.Errorf("DaysOff(2023)[:3] = %v, want %v", got, want)
	}
	working(t, c, date(2023, 1, 4))
}

func TestScheduleConflict(t *testing.T) {
	s := Schedule{
		Year:        2026,
		DaysOff:     []ScheduleDay{{Date: date(2026, 1, 10), Name: "nghỉ"}},
		WorkingDays: []ScheduleDay{{Date: date(2026, 1, 10), Name: "làm bù"}},
	}
	_, err := New(DefaultDocument().Rules, []Schedule{s})

	var conflict *ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("New error = %v, want a *ConflictError", err)
	}
	if conflict.Date != date(2026, 1, 10) {
		t.Errorf("conflict date = %v, want 2026-01-10", conflict.Date)
	}
	if !strings.Contains(err.Error(), "2026-01-10") {
		t.Errorf("error %q does not name the date", err)
	}

	s.WorkingDays = nil
	s.Cancelled = []ScheduleDay{{Date: date(2026, 1, 10)}}
	if _, err := New(Rules{}, []Schedule{s}); !errors.As(err, &conflict) {
		t.Errorf("off and cancelled: error = %v, want a *ConflictError", err)
	}
}

func TestNewRejectsInvalidData(t *testing.T) {
	valid := Holiday{Name: "Lễ", Month: 1, Day: 1}
	tests := []struct {
		name      string
		holiday   Holiday
		schedules []Schedule
	}{
		{"holiday without name", Holiday{Month: 1, Day: 1}, nil},
		{"month 13", Holiday{Name: "Lễ", Month: 13, Day: 1}, nil},
		{"30 February", Holiday{Name: "Lễ", Month: 2, Day: 30}, nil},
		{"lunar day 30", Holiday{Name: "Lễ", Lunar: true, Month: 12, Day: 30}, nil},
		{"span over 31 days", Holiday{Name: "Lễ", Month: 1, Day: 1, Days: 40}, nil},
		{"last year before first", Holiday{Name: "Lễ", Month: 1, Day: 1, FirstYear: 2026, LastYear: 2020}, nil},
		{"working weekday", valid, []Schedule{{Year: 2026,
			WorkingDays: []ScheduleDay{{Date: date(2026, 1, 12)}}}}},
		{"date in another year", valid, []Schedule{{Year: 2026,
			DaysOff: []ScheduleDay{{Date: date(2027, 1, 4)}}}}},
		{"two schedules for a year", valid, []Schedule{{Year: 2026}, {Year: 2026}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Rules{Holidays: []Holiday{tt.holiday}}, tt.schedules)
			if !errors.Is(err, ErrInvalidRules) {
				t.Errorf("New error = %v, want ErrInvalidRules", err)
			}
		})
	}
}

func TestScheduleDayJSON(t *testing.T) {
	var d ScheduleDay
	if err := json.Unmarshal([]byte(`{"date": "2026-01-10", "name": "Làm bù"}`), &d); err != nil {
		t.Fatal(err)
	}
	if d.Date != date(2026, 1, 10) || d.Name != "Làm bù" {
		t.Errorf("decoded %+v", d)
	}
	if err := json.Unmarshal([]byte(`{"date": "10/01/2026"}`), &d); err == nil {
		t.Error("a date not in ISO form was accepted")
	}
	if _, err := ParseDocument([]byte(`{"rules": [`)); err == nil {
		t.Error("ParseDocument accepted truncated JSON")
	}
}

func TestNewCopiesItsInput(t *testing.T) {
	doc := DefaultDocument()
	c, err := New(doc.Rules, doc.Schedules)
	if err != nil {
		t.Fatal(err)
	}
	doc.Rules.Holidays[0].Day = 2
	doc.Schedules[1].WorkingDays[0].Date = date(2026, 1, 17)

	if c.IsWorkingDay(date(2026, 1, 1)) {
		t.Error("editing the rules after New changed the calendar")
	}
	working(t, c, date(2026, 1, 10))
}

func TestConcurrentUse(t *testing.T) {
	c := Default()
	done := make(chan bool)
	for range 4 {
		go func() {
			for y := 2020; y < 2030; y++ {
				c.DaysOff(y)
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	c := Default()
	var days []model.Date
	for d := date(2026, 1, 1); d.Year == 2026; d = d.AddDays(1) {
		days = append(days, d)
	}

	for b.Loop() {
		for _, d := range days {
			c.IsWorkingDay(d)
		}
	}
}

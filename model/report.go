package model

import (
	"errors"
	"fmt"
	"time"
)

// Periodicity is how often a report (or a KPI measurement) recurs.
type Periodicity string

// The periodicities. PeriodNone is for reports made once: ad hoc,
// thematic, team results, reviews.
const (
	PeriodNone       Periodicity = ""
	PeriodDaily      Periodicity = "daily"
	PeriodWeekly     Periodicity = "weekly"
	PeriodMonthly    Periodicity = "monthly"
	PeriodQuarterly  Periodicity = "quarterly"
	PeriodHalfYearly Periodicity = "half_yearly"
	PeriodNineMonths Periodicity = "nine_months"
	PeriodYearly     Periodicity = "yearly"
	PeriodTerm       Periodicity = "term"
)

// Periodicities lists the periodicities a periodic report rule may use.
var Periodicities = []Periodicity{PeriodDaily, PeriodWeekly, PeriodMonthly,
	PeriodQuarterly, PeriodHalfYearly, PeriodNineMonths, PeriodYearly, PeriodTerm}

// ReportKind is the kind of a report.
type ReportKind string

// The kinds of report.
const (
	ReportPeriodic     ReportKind = "periodic"       // định kỳ
	ReportAdHoc        ReportKind = "ad_hoc"         // đột xuất
	ReportThematic     ReportKind = "thematic"       // chuyên đề
	ReportVerification ReportKind = "verification"   // kết quả thẩm tra, xác minh của đoàn
	ReportInterim      ReportKind = "interim_review" // sơ kết
	ReportFinal        ReportKind = "final_review"   // tổng kết
)

// ReportKinds lists the kinds in the order forms offer them.
var ReportKinds = []ReportKind{ReportPeriodic, ReportAdHoc, ReportThematic,
	ReportVerification, ReportInterim, ReportFinal}

// DueKind is the shape of a due-date rule.
type DueKind string

// The due-date rules.
const (
	// DueDayOfLastMonth: day N of the last month of the period (day 20
	// of the quarter's last month). A day past the month's end is the
	// month's last day.
	DueDayOfLastMonth DueKind = "day_of_last_month"
	// DueDayOfNextMonth: day N of the month after the period ends.
	DueDayOfNextMonth DueKind = "day_of_next_month"
	// DueWorkingDaysAfter: the N-th working day after the period ends.
	DueWorkingDaysAfter DueKind = "working_days_after"
	// DueDaysAfter: N calendar days after the period ends.
	DueDaysAfter DueKind = "days_after"
)

// DueRule is the rule that gives the due date of a period's report. When a date from a
// calendar-day rule falls on a day off, the due date moves to the last
// working day before it, unless Later is set, which moves it to the next
// working day.
type DueRule struct {
	Kind  DueKind
	N     int
	Later bool
}

// ReportRule is one report of the reporting regime with its due-date
// rule. Cutoff, when 2 to 28, shifts every period to start on that day
// of the month before (the 15th-to-14th periods of state inspection
// reporting); 0 means calendar periods.
type ReportRule struct {
	Record
	Code      string
	Name      string
	Kind      ReportKind
	Period    Periodicity
	Cutoff    int
	Due       DueRule
	Recipient string
	Form      string
	Active    bool
	Position  int
}

// Errors of the report rules.
var (
	// ErrNoPeriod is returned for a periodic rule with no periodicity.
	ErrNoPeriod = errors.New("report rule has no period")
	// ErrBadDueRule is returned for a due rule of unknown kind or with a
	// number out of range.
	ErrBadDueRule = errors.New("invalid due-date rule")
)

// ReportCalendar is the part of a working-day calendar the due-date
// rules use. *workday.Calendar implements it.
type ReportCalendar interface {
	IsWorkingDay(d Date) bool
	AddWorkingDays(d Date, n int) Date
	LastWorkingDayOnOrBefore(d Date) Date
}

// Period is one reporting period, its first and last day included, and
// Label names it ("Quý I/2026", "Tháng 5/2026").
type Period struct {
	Start, End Date
	Label      string
}

// Term is a Party committee term (nhiệm kỳ), such as 2025–2030.
type Term struct {
	Label      string
	Start, End Date
}

// Validate checks the rule: a periodic rule needs a period, every rule
// a known due kind with a number in range.
func (r ReportRule) Validate() error {
	if r.Kind == ReportPeriodic && r.Period == PeriodNone {
		return ErrNoPeriod
	}
	switch r.Due.Kind {
	case DueDayOfLastMonth, DueDayOfNextMonth:
		if r.Due.N < 1 || r.Due.N > 31 {
			return fmt.Errorf("%w: day %d is not 1 to 31", ErrBadDueRule, r.Due.N)
		}
	case DueWorkingDaysAfter, DueDaysAfter:
		if r.Due.N < 0 || r.Due.N > 366 {
			return fmt.Errorf("%w: %d days is not 0 to 366", ErrBadDueRule, r.Due.N)
		}
	default:
		return fmt.Errorf("%w: unknown kind %q", ErrBadDueRule, r.Due.Kind)
	}
	if r.Cutoff != 0 && (r.Cutoff < 2 || r.Cutoff > 28) {
		return fmt.Errorf("%w: cut-off day %d is not 2 to 28", ErrBadDueRule, r.Cutoff)
	}
	return nil
}

// Periods returns the periods of r that end in year y. A per-term rule
// has one period, the term, in the year the term ends.
func (r ReportRule) Periods(y int, term Term) ([]Period, error) {
	if r.Period == PeriodNone {
		return nil, ErrNoPeriod
	}
	var out []Period
	month := func(from, to int, label string) {
		s, _ := MonthBounds(y, time.Month(from))
		_, e := MonthBounds(y, time.Month(to))
		if r.Cutoff != 0 {
			s = NewDate(y, time.Month(from)-1, r.Cutoff)
			e = NewDate(y, time.Month(to), r.Cutoff-1)
		}
		out = append(out, Period{Start: s, End: e, Label: label})
	}
	switch r.Period {
	case PeriodDaily:
		for d := NewDate(y, 1, 1); d.Year == y; d = d.AddDays(1) {
			out = append(out, Period{Start: d, End: d, Label: d.Display()})
		}
	case PeriodWeekly:
		d := NewDate(y, 1, 1)
		for d.Weekday() != time.Monday {
			d = d.AddDays(1)
		}
		for d = d.AddDays(-7); d.AddDays(6).Year <= y; d = d.AddDays(7) {
			if e := d.AddDays(6); e.Year == y {
				_, w := e.ISOWeek()
				out = append(out, Period{Start: d, End: e, Label: fmt.Sprintf("Tuần %d/%d", w, y)})
			}
		}
	case PeriodMonthly:
		for m := 1; m <= 12; m++ {
			month(m, m, fmt.Sprintf("Tháng %d/%d", m, y))
		}
	case PeriodQuarterly:
		for q := 1; q <= 4; q++ {
			month(3*q-2, 3*q, fmt.Sprintf("Quý %s/%d", Roman(q), y))
		}
	case PeriodHalfYearly:
		month(1, 6, fmt.Sprintf("6 tháng đầu năm %d", y))
		month(7, 12, fmt.Sprintf("6 tháng cuối năm %d", y))
	case PeriodNineMonths:
		month(1, 9, fmt.Sprintf("9 tháng năm %d", y))
	case PeriodYearly:
		month(1, 12, fmt.Sprintf("Năm %d", y))
	case PeriodTerm:
		if !term.End.IsZero() && term.End.Year == y {
			out = append(out, Period{Start: term.Start, End: term.End, Label: "Nhiệm kỳ " + term.Label})
		}
	default:
		return nil, fmt.Errorf("%w: unknown period %q", ErrNoPeriod, r.Period)
	}
	return out, nil
}

// DueDate returns the due date of the report of period p under rule due,
// on calendar cal.
func (due DueRule) DueDate(p Period, cal ReportCalendar) (Date, error) {
	var d Date
	switch due.Kind {
	case DueDayOfLastMonth:
		d = dayOfMonth(p.End.Year, p.End.Month, due.N)
	case DueDayOfNextMonth:
		next := NewDate(p.End.Year, p.End.Month+1, 1)
		d = dayOfMonth(next.Year, next.Month, due.N)
	case DueWorkingDaysAfter:
		return cal.AddWorkingDays(p.End, due.N), nil
	case DueDaysAfter:
		d = p.End.AddDays(due.N)
	default:
		return Date{}, fmt.Errorf("%w: unknown kind %q", ErrBadDueRule, due.Kind)
	}
	if cal.IsWorkingDay(d) {
		return d, nil
	}
	if due.Later {
		return cal.AddWorkingDays(d, 1), nil
	}
	return cal.LastWorkingDayOnOrBefore(d), nil
}

// dayOfMonth returns day n of month m, or the month's last day when the
// month is shorter than n days.
func dayOfMonth(y int, m time.Month, n int) Date {
	_, last := MonthBounds(y, m)
	if n > last.Day {
		return last
	}
	return NewDate(y, m, n)
}

// Roman returns n from 1 to 12 in Roman numerals, as quarters are named.
func Roman(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
	if n < 1 || n >= len(r) {
		return fmt.Sprint(n)
	}
	return r[n]
}

// ReportStatus is where one report of the calendar stands, as the user
// sets it. Late is not stored: it is judged from the due date.
type ReportStatus string

// The statuses of a report.
const (
	ReportNotStarted ReportStatus = "not_started"
	ReportDrafting   ReportStatus = "drafting"
	ReportSent       ReportStatus = "sent"
)

// Report is one report of the year's calendar: a rule's period with its
// due date, status and sent date.
type Report struct {
	Record
	RuleID string
	Year   int
	Period Period
	Due    Date
	Status ReportStatus
	SentOn Date
	Notes  string
}

// Late reports whether r is past due on today: sent after its due date,
// or not sent with the due date passed.
func (r Report) Late(today Date) bool {
	if r.Status == ReportSent {
		return r.SentOn.After(r.Due)
	}
	return r.Due.Before(today)
}

// ReportCalendarFor computes the reports of year y from the active
// rules. Rules of no period are skipped: their reports are added by hand.
func ReportCalendarFor(rules []ReportRule, y int, term Term, cal ReportCalendar) ([]Report, error) {
	var out []Report
	for _, r := range rules {
		if !r.Active || r.Period == PeriodNone {
			continue
		}
		periods, err := r.Periods(y, term)
		if err != nil {
			return nil, fmt.Errorf("report rule %s: %w", r.Code, err)
		}
		for _, p := range periods {
			due, err := r.Due.DueDate(p, cal)
			if err != nil {
				return nil, fmt.Errorf("report rule %s: %w", r.Code, err)
			}
			out = append(out, Report{RuleID: r.ID, Year: y, Period: p, Due: due, Status: ReportNotStarted})
		}
	}
	return out, nil
}

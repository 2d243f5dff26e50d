package app

import "sotay/model"

// ReportItems returns the reports due from first to last as calendar
// items, computing the report calendar of the years the range touches
// first, so that a year not yet opened in Kế hoạch & Báo cáo shows too.
func ReportItems(s *Session, first, last, today model.Date) ([]model.CalendarItem, error) {
	rows, err := reportsInRange(s, first, last, today)
	if err != nil {
		return nil, err
	}
	items := make([]model.CalendarItem, 0, len(rows))
	for _, r := range rows {
		items = append(items, model.CalendarItem{Kind: model.ItemReport, Title: r.Rule.Name,
			Detail: r.Period.Label, StartDate: r.Due, EndDate: r.Due, Ref: r.ID})
	}
	return items, nil
}

// UpcomingReports returns this year's reports not yet sent that are due
// on or before TodayWindow days from today, the overdue ones included,
// for the Hôm nay screen.
func UpcomingReports(s *Session, today model.Date) ([]ReportRow, error) {
	rows, err := reportsInRange(s, model.NewDate(today.Year, 1, 1), today.AddDays(TodayWindow), today)
	if err != nil {
		return nil, err
	}
	var out []ReportRow
	for _, r := range rows {
		if r.Status != model.ReportSent {
			out = append(out, r)
		}
	}
	return out, nil
}

func reportsInRange(s *Session, first, last, today model.Date) ([]ReportRow, error) {
	for year := first.Year; year <= last.Year; year++ {
		if _, err := LoadReportCalendar(s, year, today); err != nil {
			return nil, err
		}
	}
	return ReportsDue(s, first, last, today)
}

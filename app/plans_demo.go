package app

import (
	"fmt"

	"sotay/model"
	"sotay/vault"
)

// FillDemoPlans adds a plan of today's year to the demo vault, with items
// linked to the demo cases, others not started and one moved. It also
// fills the report calendar (most reports sent, some late, some sent
// late), the outcomes of the closed cases, manual KPI values so that
// every grade shows, and two documents made from the templates.
func FillDemoPlans(s *Session, today model.Date) error {
	year := today.Year
	cases, err := s.ListCases(vault.CaseQuery{Today: today, Sort: vault.SortByCode, Limit: 100})
	if err != nil {
		return err
	}
	if err := demoPlan(s, cases, year, today); err != nil {
		return fmt.Errorf("demo plan: %w", err)
	}
	if err := demoOnTime(s, cases, today); err != nil {
		return fmt.Errorf("demo plan: %w", err)
	}
	if err := demoOutcomes(s, cases); err != nil {
		return fmt.Errorf("demo outcomes: %w", err)
	}
	if err := demoReports(s, year, today); err != nil {
		return fmt.Errorf("demo reports: %w", err)
	}
	if err := demoKPIValues(s, year, today); err != nil {
		return fmt.Errorf("demo KPIs: %w", err)
	}
	for i, form := range []string{"quyet-dinh", "ke-hoach"} {
		if len(cases) > i+2 {
			if _, err := GenerateCaseDocument(s, cases[i+2].Code, form, today); err != nil {
				return fmt.Errorf("demo document: %w", err)
			}
		}
	}
	return nil
}

func demoPlan(s *Session, cases []vault.CaseSummary, year int, today model.Date) error {
	for i, c := range cases {
		month := int(c.Start.Month)
		if c.Start.Year != year {
			month = 1
		}
		full, err := s.Case(c.ID)
		if err != nil {
			return err
		}
		it := model.PlanItem{Year: year, Kind: c.Kind, Title: c.Title, Subject: c.SubjectName,
			Lead: full.Lead, Month: month}
		if i%3 == 0 {
			it.Week = weekOf(c.Start)
		}
		if err := s.SavePlanItem(&it); err != nil {
			return err
		}
		if c.Status != model.StatusDraft {
			if err := s.LinkPlanItem(it.ID, c.ID); err != nil {
				return err
			}
		}
	}
	extra := []model.PlanItem{
		{Kind: model.KindRegularSupervision, Title: "Giám sát thường xuyên việc thực hiện quy chế làm việc của Đảng ủy phường Đông Hải", Subject: "Đảng ủy phường Đông Hải", Lead: "Phòng Kiểm tra 1", Quarter: 4},
		{Kind: model.KindFinanceInspection, Title: "Kiểm tra thu, nộp, quản lý và sử dụng đảng phí năm " + fmt.Sprint(year), Subject: "Đảng ủy các cơ quan tỉnh", Lead: "Phòng Kiểm tra tài chính", Month: 12},
		{Kind: model.KindDutyInspection, Title: "Kiểm tra thực hiện nhiệm vụ kiểm tra của Ủy ban Kiểm tra Đảng ủy xã Minh Tân", Subject: "Ủy ban Kiểm tra Đảng ủy xã Minh Tân", Lead: "Phòng Kiểm tra 2", Quarter: 3},
	}
	for i := range extra {
		extra[i].Year = year
		if err := s.SavePlanItem(&extra[i]); err != nil {
			return err
		}
	}
	return s.MovePlanItem(extra[2].ID, 4, 11, today.AddDays(-60), "Trùng thời gian đại hội chi bộ, lùi sang quý IV")
}

// demoOnTime finishes the overdue tasks of two cases in progress, on
// their deadlines, so that the plan shows items on time beside late ones.
func demoOnTime(s *Session, cases []vault.CaseSummary, today model.Date) error {
	n := 0
	for _, c := range cases {
		if c.Status != model.StatusInProgress || n == 2 {
			continue
		}
		tasks, err := s.Tasks(c.ID)
		if err != nil {
			return err
		}
		for i := range tasks {
			if tasks[i].Overdue(today) {
				tasks[i].Status, tasks[i].DoneOn = model.TaskDone, tasks[i].Deadline
				if err := s.UpdateTask(&tasks[i]); err != nil {
					return err
				}
			}
		}
		n++
	}
	return nil
}

func weekOf(d model.Date) int {
	_, w := d.ISOWeek()
	return w
}

// demoOutcomes records findings, conclusions and discipline for the
// closed cases and for one in progress.
func demoOutcomes(s *Session, cases []vault.CaseSummary) error {
	n := 0
	for _, c := range cases {
		if c.Status != model.StatusClosed && n > 0 {
			continue
		}
		o := model.Outcome{CaseID: c.ID, DecisionDate: c.Start,
			Findings:   "Đối tượng thực hiện cơ bản đúng quy định; còn một số hạn chế trong việc lưu trữ hồ sơ.",
			Conclusion: "Ưu điểm là chính; khuyết điểm đã được chỉ ra và đối tượng cam kết khắc phục."}
		if c.Status == model.StatusClosed {
			o.NoticeDate = c.End.AddDays(-5 - 20*n)
			if o.NoticeDate.Before(c.Start) {
				o.NoticeDate = c.End
			}
		}
		if c.Kind == model.KindViolationInspection {
			o.Violations, o.DisciplineProposed, o.DisciplineDecided = 2, "Khiển trách", "Khiển trách"
		}
		if err := s.SaveOutcome(&o); err != nil {
			return err
		}
		n++
	}
	return nil
}

// demoReports sends the reports due before today: most on time, every
// fourth one three days late, and leaves the last two due unsent.
func demoReports(s *Session, year int, today model.Date) error {
	rows, err := LoadReportCalendar(s, year, today)
	if err != nil {
		return err
	}
	var past []ReportRow
	for _, r := range rows {
		if r.Due.Before(today) {
			past = append(past, r)
		}
	}
	for i, r := range past {
		switch {
		case i >= len(past)-2:
			if err := s.SetReportStatus(r.ID, model.ReportDrafting, model.Date{}); err != nil {
				return err
			}
		case i%4 == 3:
			if err := s.SetReportStatus(r.ID, model.ReportSent, r.Due.AddDays(3)); err != nil {
				return err
			}
		default:
			if err := s.SetReportStatus(r.ID, model.ReportSent, r.Due.AddDays(-1)); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoKPIValues enters manual values so that every grade shows.
func demoKPIValues(s *Session, year int, today model.Date) error {
	rows, err := LoadKPIs(s, year, today)
	if err != nil {
		return err
	}
	for _, r := range rows {
		var values []float64
		switch r.KPI.Code {
		case "DT-THOIHAN":
			values = []float64{85, 92, 100, 96}
		case "DG-CAPTREN":
			values = []float64{88}
		default:
			continue
		}
		for i, p := range model.KPIPeriods(r.KPI.Frequency, year) {
			if i >= len(values) || p.Start.After(today) {
				break
			}
			if err := s.SetKPIValue(r.KPI.ID, p, values[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

package app

import (
	"fmt"
	"sort"
	"strings"

	"sotay/model"
	"sotay/model/workday"
)

// Setting keys of the plans, reports and documents.
const (
	// SettingTermLabel, SettingTermStart and SettingTermEnd are the
	// current Party committee term: "2025-2030" and its first and last
	// days (YYYY-MM-DD). The number register restarts at 01 each term.
	SettingTermLabel = "term_label"
	SettingTermStart = "term_start"
	SettingTermEnd   = "term_end"
	// settingWorkdayDocument holds the user's working-day calendar as the
	// settings screen stores it; unset means the built-in calendar.
	settingWorkdayDocument = "workday_document"
)

// DefaultTerm is the term used until the user sets one.
var DefaultTerm = model.Term{Label: "2025-2030", Start: model.NewDate(2025, 10, 1), End: model.NewDate(2030, 9, 30)}

// CurrentTerm returns the term stored in the vault's settings, or
// DefaultTerm for what is unset.
func CurrentTerm(s *Session) (model.Term, error) {
	t := DefaultTerm
	label, err := s.Setting(SettingTermLabel, "")
	if err != nil {
		return t, err
	}
	if label != "" {
		t.Label = label
	}
	for key, dst := range map[string]*model.Date{SettingTermStart: &t.Start, SettingTermEnd: &t.End} {
		text, err := s.Setting(key, "")
		if err != nil {
			return t, err
		}
		if d, err := model.ParseDate(text); err == nil {
			*dst = d
		}
	}
	return t, nil
}

// WorkCalendar returns the vault's working-day calendar, or the built-in
// one when none is stored or the stored one no longer validates.
func WorkCalendar(s *Session) *workday.Calendar {
	text, err := s.Setting(settingWorkdayDocument, "")
	if err != nil || text == "" {
		return workday.Default()
	}
	doc, err := workday.ParseDocument([]byte(text))
	if err != nil {
		return workday.Default()
	}
	cal, err := workday.New(doc.Rules, doc.Schedules)
	if err != nil {
		return workday.Default()
	}
	return cal
}

// DefaultReportRules is the reporting regime a new vault starts with.
// It has the periods of the commissions' statistics regime (monthly,
// quarterly, six months, nine months, yearly, per term) on 15th-to-14th
// periods, due on the 20th of the period's last month, and the reports
// made once. Every value is a default the user edits.
func DefaultReportRules() []model.ReportRule {
	const upper = "UBKT cấp trên"
	const committee = "Cấp ủy cùng cấp"
	on20 := model.DueRule{Kind: model.DueDayOfLastMonth, N: 20}
	once := model.DueRule{Kind: model.DueDaysAfter, N: 0}
	return []model.ReportRule{
		{Code: "BC-THANG", Name: "Báo cáo công tác kiểm tra, giám sát tháng", Kind: model.ReportPeriodic,
			Period: model.PeriodMonthly, Cutoff: 15, Due: on20, Recipient: upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-QUY", Name: "Báo cáo công tác kiểm tra, giám sát quý", Kind: model.ReportPeriodic,
			Period: model.PeriodQuarterly, Cutoff: 15, Due: on20, Recipient: upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-6THANG", Name: "Báo cáo sơ kết 6 tháng", Kind: model.ReportPeriodic,
			Period: model.PeriodHalfYearly, Cutoff: 15, Due: on20, Recipient: committee + ", " + upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-9THANG", Name: "Báo cáo 9 tháng", Kind: model.ReportPeriodic,
			Period: model.PeriodNineMonths, Cutoff: 15, Due: on20, Recipient: upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-NAM", Name: "Báo cáo tổng kết năm", Kind: model.ReportPeriodic,
			Period: model.PeriodYearly, Cutoff: 15, Due: on20, Recipient: committee + ", " + upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-NHIEMKY", Name: "Báo cáo tổng kết nhiệm kỳ", Kind: model.ReportPeriodic,
			Period: model.PeriodTerm, Due: model.DueRule{Kind: model.DueWorkingDaysAfter, N: 10}, Recipient: committee + ", " + upper, Form: "bao-cao-dinh-ky", Active: true},
		{Code: "BC-TUAN", Name: "Báo cáo tuần gửi Thường trực Ủy ban", Kind: model.ReportPeriodic,
			Period: model.PeriodWeekly, Due: model.DueRule{Kind: model.DueWorkingDaysAfter, N: 1}, Recipient: "Thường trực UBKT", Active: false},
		{Code: "BC-NGAY", Name: "Báo cáo nhanh hằng ngày", Kind: model.ReportPeriodic,
			Period: model.PeriodDaily, Due: model.DueRule{Kind: model.DueWorkingDaysAfter, N: 1}, Recipient: "Thường trực UBKT", Active: false},
		{Code: "BC-DOTXUAT", Name: "Báo cáo đột xuất", Kind: model.ReportAdHoc, Due: once, Recipient: upper, Active: true},
		{Code: "BC-CHUYENDE", Name: "Báo cáo chuyên đề", Kind: model.ReportThematic, Due: once, Recipient: upper, Active: true},
		{Code: "BC-DOAN", Name: "Báo cáo kết quả thẩm tra, xác minh của đoàn", Kind: model.ReportVerification, Due: once, Recipient: "Ủy ban Kiểm tra", Form: "bao-cao-ket-qua", Active: true},
		{Code: "BC-SOKET", Name: "Báo cáo sơ kết", Kind: model.ReportInterim, Due: once, Recipient: committee, Active: true},
		{Code: "BC-TONGKET", Name: "Báo cáo tổng kết", Kind: model.ReportFinal, Due: once, Recipient: committee, Active: true},
	}
}

// ReportRow is a report of the calendar with its rule and whether it is
// late on the day the calendar was read.
type ReportRow struct {
	model.Report
	Rule model.ReportRule
	Late bool
}

// LoadReportCalendar computes the year's reports from the active rules
// on the working-day calendar and stores those the vault does not hold
// yet, seeding the default rules into a vault that has none. It returns
// every report due in year, each judged late or not on today.
func LoadReportCalendar(s *Session, year int, today model.Date) ([]ReportRow, error) {
	if _, err := s.SeedReportRules(DefaultReportRules()); err != nil {
		return nil, err
	}
	rules, err := s.ReportRules()
	if err != nil {
		return nil, err
	}
	term, err := CurrentTerm(s)
	if err != nil {
		return nil, err
	}
	computed, err := model.ReportCalendarFor(rules, year, term, WorkCalendar(s))
	if err != nil {
		return nil, err
	}
	if err := s.MergeReports(computed); err != nil {
		return nil, err
	}
	return ReportsDue(s, model.NewDate(year, 1, 1), model.NewDate(year, 12, 31), today)
}

// ReportsDue returns the reports due from from to to, both included, by
// due date, each with its rule and judged late on today. The agenda and
// the calendar views list them beside tasks and meetings. It reads only
// the stored calendar, so LoadReportCalendar must have run for the year
// first.
func ReportsDue(s *Session, from, to, today model.Date) ([]ReportRow, error) {
	reports, err := s.Reports(from, to)
	if err != nil {
		return nil, err
	}
	rules, err := s.ReportRules()
	if err != nil {
		return nil, err
	}
	byID := map[string]model.ReportRule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	out := make([]ReportRow, 0, len(reports))
	for _, r := range reports {
		out = append(out, ReportRow{Report: r, Rule: byID[r.RuleID], Late: r.Late(today)})
	}
	return out, nil
}

// ReportCounts counts what a report on period p starts from: the cases
// of the period, its meetings held and those whose materials all went
// out on time.
func ReportCounts(s *Session, p model.Period, today model.Date) (model.PeriodCounts, error) {
	pc, err := s.PeriodCaseCounts(p)
	if err != nil {
		return pc, err
	}
	stats, err := MeetingTimeliness(s, p, today)
	if err != nil {
		return pc, err
	}
	pc.MeetingsHeld, pc.MeetingsJudged, pc.MeetingsOnTime = stats.Held, stats.Judged, stats.OnTime
	return pc, nil
}

// ReportDraft returns the text a report draft starts from: every count
// of ReportCounts written out as Vietnamese sentences the officer edits.
func ReportDraft(s *Session, rr ReportRow, today model.Date, kindName func(model.Kind) string) (string, error) {
	pc, err := ReportCounts(s, rr.Period, today)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nKỳ báo cáo: %s (từ %s đến %s)\n\n", strings.ToUpper(rr.Rule.Name),
		rr.Period.Label, rr.Period.Start.Display(), rr.Period.End.Display())
	fmt.Fprintf(&b, "1. Trong kỳ đã tiến hành %d cuộc kiểm tra, giám sát (mở mới %d, kết thúc %d).\n",
		pc.Cases, pc.Started, pc.Closed)
	var kinds []string
	for _, k := range model.Kinds {
		if n := pc.ByKind[k]; n > 0 {
			kinds = append(kinds, fmt.Sprintf("%s: %d", kindName(k), n))
		}
	}
	sort.Strings(kinds)
	if len(kinds) > 0 {
		fmt.Fprintf(&b, "   Theo loại: %s.\n", strings.Join(kinds, "; "))
	}
	fmt.Fprintf(&b, "   Theo giai đoạn cuối kỳ: chuẩn bị %d, tiến hành %d, kết thúc %d.\n",
		pc.ByPhase[model.Preparation], pc.ByPhase[model.Execution], pc.ByPhase[model.Closing])
	fmt.Fprintf(&b, "   Theo tình trạng: dự thảo %d, đang thực hiện %d, đã kết thúc %d.\n",
		pc.ByStatus[model.StatusDraft], pc.ByStatus[model.StatusInProgress], pc.ByStatus[model.StatusClosed])
	fmt.Fprintf(&b, "2. Nhiệm vụ đến hạn trong kỳ: %d, hoàn thành đúng hạn %d.\n", pc.TasksDue, pc.TasksDoneOnTime)
	fmt.Fprintf(&b, "3. Ủy ban đã họp %d cuộc; %d/%d cuộc gửi đủ tài liệu đúng hạn.\n",
		pc.MeetingsHeld, pc.MeetingsOnTime, pc.MeetingsJudged)
	fmt.Fprintf(&b, "4. Qua kiểm tra, giám sát phát hiện %d tổ chức, cá nhân có vi phạm (%d vi phạm); "+
		"đề nghị thi hành kỷ luật %d trường hợp, đã thi hành kỷ luật %d trường hợp.\n",
		pc.CasesWithViolation, pc.Violations, pc.DisciplineProposed, pc.DisciplineDecided)
	return b.String(), nil
}

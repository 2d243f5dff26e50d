package app

import (
	"fmt"

	"sotay/model"
	"sotay/vault"
)

// The formulas of the computed KPIs.
const (
	FormulaPlanOnTime      = "plan_on_time"
	FormulaTasksOnTime     = "tasks_on_time"
	FormulaMaterialsOnTime = "materials_on_time"
	FormulaNoticeDays      = "notice_days"
	FormulaOverdueOfficer  = "overdue_per_officer"
	FormulaMeetingsHeld    = "meetings_held"
)

// StarterKPIs is the catalogue a new vault starts with: six KPIs computed
// from the vault and two manual ones. Targets are defaults to edit.
func StarterKPIs() []model.KPI {
	const office = "Văn phòng UBKT tổng hợp, báo cáo Thường trực Ủy ban"
	return []model.KPI{
		{Code: "KH-DUNGHAN", Name: "Tỷ lệ cuộc kiểm tra, giám sát trong kế hoạch hoàn thành đúng hạn",
			Objective: "Thực hiện kế hoạch kiểm tra, giám sát năm đúng tiến độ", Unit: "%", Target: 80, Exceed: 95,
			Frequency: model.PeriodQuarterly, Source: "Kế hoạch năm và hồ sơ vụ việc liên kết",
			Method: "Số mục đến hạn đã kết thúc, không có nhiệm vụ chậm / số mục kế hoạch đến hạn", Measurer: office,
			Scope: model.ScopeUnit, Formula: FormulaPlanOnTime},
		{Code: "NV-DUNGHAN", Name: "Tỷ lệ nhiệm vụ của hồ sơ hoàn thành đúng hạn",
			Objective: "Mọi nhiệm vụ đều có thời hạn và được hoàn thành trong hạn", Unit: "%", Target: 85, Exceed: 95,
			Frequency: model.PeriodMonthly, Source: "Nhiệm vụ của các hồ sơ",
			Method: "Nhiệm vụ đến hạn trong kỳ đã xong trước hạn / nhiệm vụ đến hạn trong kỳ", Measurer: office,
			Scope: model.ScopeUnit, Formula: FormulaTasksOnTime},
		{Code: "TL-DUNGHAN", Name: "Tỷ lệ hội nghị gửi đủ tài liệu đúng hạn",
			Objective: "Thành viên nhận tài liệu ít nhất 5 ngày trước hội nghị", Unit: "%", Target: 90, Exceed: 100,
			Frequency: model.PeriodQuarterly, Source: "Sổ gửi tài liệu hội nghị",
			Method: "Hội nghị mọi tài liệu đến mọi thành viên đúng hạn / hội nghị đã họp có tài liệu", Measurer: "Thư ký hội nghị",
			Scope: model.ScopeUnit, Formula: FormulaMaterialsOnTime},
		{Code: "TB-SONGAY", Name: "Số ngày bình quân từ quyết định đến thông báo kết luận",
			Objective: "Rút ngắn thời gian kết luận", Unit: "ngày", Target: 60, Exceed: 45, LowerBetter: true,
			Frequency: model.PeriodQuarterly, Source: "Ngày quyết định và ngày thông báo kết luận của hồ sơ",
			Method: "Bình quân số ngày của các hồ sơ có thông báo kết luận trong kỳ", Measurer: office,
			Scope: model.ScopeUnit, Formula: FormulaNoticeDays},
		{Code: "QH-CANBO", Name: "Nhiệm vụ quá hạn bình quân mỗi cán bộ",
			Objective: "Không để nhiệm vụ quá hạn", Unit: "nhiệm vụ", Target: 1, Exceed: 0, LowerBetter: true,
			Frequency: model.PeriodMonthly, Source: "Nhiệm vụ của các hồ sơ đang thực hiện",
			Method: "Nhiệm vụ quá hạn cuối kỳ / số cán bộ được giao nhiệm vụ", Measurer: "Trưởng đoàn",
			Scope: model.ScopeOfficer, Formula: FormulaOverdueOfficer},
		{Code: "HN-SOCUOC", Name: "Số hội nghị Ủy ban đã tổ chức", Objective: "Họp định kỳ theo quy chế",
			Unit: "cuộc", Target: 3, Exceed: 5, Frequency: model.PeriodQuarterly, Source: "Danh sách hội nghị",
			Method: "Đếm hội nghị đã họp trong kỳ", Measurer: "Văn phòng UBKT", Scope: model.ScopeUnit,
			Formula: FormulaMeetingsHeld},
		{Code: "DT-THOIHAN", Name: "Tỷ lệ đơn thư giải quyết trong thời hạn", Objective: "Giải quyết tố cáo, khiếu nại đúng thời hạn",
			Unit: "%", Target: 90, Exceed: 100, Frequency: model.PeriodQuarterly, Source: "Sổ theo dõi đơn thư",
			Method: "Nhập tay mỗi quý", Measurer: "Phòng Đơn thư", Scope: model.ScopeUnit},
		{Code: "DG-CAPTREN", Name: "Điểm đánh giá của UBKT cấp trên", Objective: "Được cấp trên đánh giá hoàn thành tốt nhiệm vụ",
			Unit: "điểm", Target: 80, Exceed: 90, Frequency: model.PeriodYearly, Source: "Văn bản đánh giá của cấp trên",
			Method: "Nhập tay mỗi năm", Measurer: "Chánh Văn phòng UBKT", Scope: model.ScopeUnit},
	}
}

// KPIRow is a KPI with its values of the periods of a year that have
// started, oldest first, graded and with their trend.
type KPIRow struct {
	KPI    model.KPI
	Values []model.KPIValue
}

// Latest returns the newest value with data, or a value with Has false.
func (r KPIRow) Latest() model.KPIValue {
	for i := len(r.Values) - 1; i >= 0; i-- {
		if r.Values[i].Has {
			return r.Values[i]
		}
	}
	return model.KPIValue{}
}

// LoadKPIs seeds the starter catalogue into a vault that has none and
// computes every KPI over the periods of year that have started on
// today.
func LoadKPIs(s *Session, year int, today model.Date) ([]KPIRow, error) {
	return newKPIContext(s, today).load(year)
}

func (c *kpiContext) load(year int) ([]KPIRow, error) {
	if err := c.s.SeedKPIs(StarterKPIs()); err != nil {
		return nil, err
	}
	kpis, err := c.s.KPIs()
	if err != nil {
		return nil, err
	}
	out := make([]KPIRow, 0, len(kpis))
	for _, k := range kpis {
		values, err := c.series(k, year)
		if err != nil {
			return nil, fmt.Errorf("KPI %s: %w", k.Code, err)
		}
		out = append(out, KPIRow{KPI: k, Values: values})
	}
	return out, nil
}

// kpiContext caches what several KPIs and periods read, so that a year
// of KPIs costs one query per source instead of one per period: the
// plan, the task counts by month and case, and the assigned tasks.
type kpiContext struct {
	s        *Session
	today    model.Date
	plans    map[int]*PlanView
	groups   map[int][]vault.TaskGroup
	assigned map[int][]vault.AssignedTask
	officers map[int]map[string]bool
}

func newKPIContext(s *Session, today model.Date) *kpiContext {
	return &kpiContext{s: s, today: today, plans: map[int]*PlanView{}, groups: map[int][]vault.TaskGroup{},
		assigned: map[int][]vault.AssignedTask{}, officers: map[int]map[string]bool{}}
}

// taskGroups returns the task counts of year by month and case.
func (c *kpiContext) taskGroups(year int) ([]vault.TaskGroup, error) {
	if g, ok := c.groups[year]; ok {
		return g, nil
	}
	g, err := c.s.TaskGroups(model.NewDate(year, 1, 1), model.NewDate(year, 12, 31), c.today)
	c.groups[year] = g
	return g, err
}

func (c *kpiContext) series(k model.KPI, year int) ([]model.KPIValue, error) {
	var manual map[model.Date]float64
	if k.Formula == "" {
		var err error
		if manual, err = c.s.KPIValues(k.ID); err != nil {
			return nil, err
		}
	}
	var out []model.KPIValue
	for _, p := range model.KPIPeriods(k.Frequency, year) {
		if p.Start.After(c.today) {
			break
		}
		v := model.KPIValue{Period: p}
		if k.Formula == "" {
			v.Value, v.Has = manual[p.Start]
		} else if err := c.compute(k.Formula, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	k.GradeSeries(out)
	return out, nil
}

// maxBasis bounds the case codes a value lists as its basis; the count
// of the rest follows them.
const maxBasis = 50

// compute fills v for its period from formula. A period with nothing to
// count keeps Has false: "no data", not zero.
func (c *kpiContext) compute(formula string, v *model.KPIValue) error {
	p := v.Period
	end := p.End
	if c.today.Before(end) {
		end = c.today
	}
	switch formula {
	case FormulaPlanOnTime:
		return c.planOnTime(v)
	case FormulaTasksOnTime:
		return c.tasksOnTime(v)
	case FormulaMaterialsOnTime, FormulaMeetingsHeld:
		st, err := MeetingTimeliness(c.s, p, c.today)
		if err != nil {
			return err
		}
		v.Basis = st.Basis
		if formula == FormulaMeetingsHeld {
			v.Value, v.Count = float64(st.Held), st.Held
			v.Has = st.Held > 0 || !p.End.After(c.today)
			return nil
		}
		v.Count, v.Total = st.OnTime, st.Judged
		v.Value, v.Has = model.Share(st.OnTime, st.Judged)
	case FormulaNoticeDays:
		days, err := c.s.NoticeDays(p.Start, p.End)
		if err != nil {
			return err
		}
		sum := 0
		for _, d := range days {
			sum += d
		}
		v.Basis, v.Count, v.Total = vault.SortedKeys(days), sum, len(days)
		if len(days) > 0 {
			v.Value, v.Has = float64(sum)/float64(len(days)), true
		}
	case FormulaOverdueOfficer:
		return c.overduePerOfficer(v, end)
	default:
		return fmt.Errorf("unknown KPI formula %q", formula)
	}
	return nil
}

// tasksOnTime is the share of the tasks due in the period and judged on
// today that were done by their deadline.
func (c *kpiContext) tasksOnTime(v *model.KPIValue) error {
	groups, err := c.taskGroups(v.Period.End.Year)
	if err != nil {
		return err
	}
	first, last := monthKey(v.Period.Start), monthKey(v.Period.End)
	extra := 0
	for _, g := range groups {
		if g.Month < first || g.Month > last || g.Judged == 0 {
			continue
		}
		v.Count, v.Total = v.Count+g.Done, v.Total+g.Judged
		if len(v.Basis) < maxBasis {
			v.Basis = append(v.Basis, g.Code)
		} else {
			extra++
		}
	}
	v.Basis = dedupe(v.Basis)
	if extra > 0 {
		v.Basis = append(v.Basis, fmt.Sprintf("+%d", extra))
	}
	v.Value, v.Has = model.Share(v.Count, v.Total)
	return nil
}

func monthKey(d model.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// overduePerOfficer is the tasks overdue on day, open then with the
// deadline passed, over every officer with a task in a case in progress.
func (c *kpiContext) overduePerOfficer(v *model.KPIValue, day model.Date) error {
	year := v.Period.End.Year
	if _, ok := c.officers[year]; !ok {
		tasks, officers, err := c.s.AssignedTasks(model.NewDate(year, 1, 1), model.NewDate(year, 12, 31))
		if err != nil {
			return err
		}
		c.assigned[year], c.officers[year] = tasks, officers
	}
	by := map[string]int{}
	for _, t := range c.assigned[year] {
		if t.Deadline.Before(day) && (t.DoneOn.IsZero() || t.DoneOn.After(day)) {
			by[t.Assignee]++
		}
	}
	for _, who := range vault.SortedKeys(by) {
		v.Count += by[who]
		v.Basis = append(v.Basis, fmt.Sprintf("%s: %d", who, by[who]))
	}
	v.Total = len(c.officers[year])
	if v.Total > 0 {
		v.Value, v.Has = float64(v.Count)/float64(v.Total), true
	}
	return nil
}

// planOnTime is the share of the plan items due by the period's end
// (from the start of its year) whose case closed with no late task.
func (c *kpiContext) planOnTime(v *model.KPIValue) error {
	year := v.Period.End.Year
	pv, ok := c.plans[year]
	if !ok {
		// LoadPlan is read once per year and shared with the dashboard.
		var err error
		if pv, err = LoadPlan(c.s, year, c.today); err != nil {
			return err
		}
		c.plans[year] = pv
	}
	for i, it := range pv.Items {
		if it.Due().After(v.Period.End) || it.Due().After(c.today) {
			continue
		}
		v.Total++
		if it.DoneOnTime(pv.Case(i)) {
			v.Count++
			v.Basis = append(v.Basis, pv.Case(i).Code)
		}
	}
	v.Value, v.Has = model.Share(v.Count, v.Total)
	return nil
}

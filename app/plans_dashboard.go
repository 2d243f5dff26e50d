package app

import (
	"fmt"
	"math"
	"time"

	"sotay/model"
)

// Dashboard is the content of one period's dashboard: the plan's roll-up
// over the period, each KPI's values in it, and the cases by phase and
// status at its end. Tasks and Timeliness run month by month over the
// period's year. Tasks counts the tasks due against those done by their
// deadline, and Timeliness the share of meetings whose materials all went
// out on time (NaN for a month with no meeting to judge).
type Dashboard struct {
	Period     model.Period
	Plan       model.RollUp
	KPIs       []KPIRow
	Counts     model.PeriodCounts
	Tasks      [12]MonthTasks
	Timeliness [12]float64
}

// MonthTasks counts the tasks due in one month: all of them, and those
// done by their deadline.
type MonthTasks struct {
	Due, DoneOnTime int
}

// DashboardPeriods returns the periods a dashboard of year is offered
// for: the year, its quarters and its months.
func DashboardPeriods(year int) []model.Period {
	out := model.KPIPeriods(model.PeriodYearly, year)
	out = append(out, model.KPIPeriods(model.PeriodQuarterly, year)...)
	return append(out, model.KPIPeriods(model.PeriodMonthly, year)...)
}

// LoadDashboard computes the dashboard of period p on today.
func LoadDashboard(s *Session, p model.Period, today model.Date) (*Dashboard, error) {
	d := &Dashboard{Period: p}
	year := p.End.Year
	c := newKPIContext(s, today)
	pv, err := LoadPlan(s, year, today)
	if err != nil {
		return nil, err
	}
	c.plans[year] = pv
	for i, it := range pv.Items {
		first, _ := model.QuarterBounds(it.Year, it.Quarter)
		if it.Month != 0 {
			first, _ = model.MonthBounds(it.Year, time.Month(it.Month))
		}
		if !first.After(p.End) && !it.Due().Before(p.Start) {
			d.Plan.Add(pv.State(i))
		}
	}
	all, err := c.load(year)
	if err != nil {
		return nil, err
	}
	for _, r := range all {
		var in []model.KPIValue
		for _, v := range r.Values {
			if !v.Period.Start.Before(p.Start) && !v.Period.End.After(p.End) || v.Period.Start == p.Start {
				in = append(in, v)
			}
		}
		d.KPIs = append(d.KPIs, KPIRow{KPI: r.KPI, Values: in})
	}
	if d.Counts, err = s.PeriodCaseCounts(p); err != nil {
		return nil, err
	}
	groups, err := c.taskGroups(year)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		var m int
		fmt.Sscanf(g.Month[5:], "%d", &m)
		if m >= 1 && m <= 12 {
			d.Tasks[m-1].Due += g.Due
			d.Tasks[m-1].DoneOnTime += g.Done
		}
	}
	for m := 1; m <= 12; m++ {
		first, last := model.MonthBounds(year, time.Month(m))
		d.Timeliness[m-1] = math.NaN()
		if first.After(today) {
			continue
		}
		st, err := MeetingTimeliness(s, model.Period{Start: first, End: last}, today)
		if err != nil {
			return nil, err
		}
		if v, ok := model.Share(st.OnTime, st.Judged); ok {
			d.Timeliness[m-1] = v
		}
	}
	return d, nil
}

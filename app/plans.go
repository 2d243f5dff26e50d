package app

import (
	"time"

	"sotay/model"
)

// PlanView is a year's plan with each item's linked case and the
// roll-up at every level, computed on one day.
type PlanView struct {
	Year   int
	Items  []model.PlanItem
	Cases  map[string]*model.CaseProgress
	RollUp model.PlanRollUp
}

// LoadPlan reads the plan of year and computes its roll-up on today from
// the linked cases and their tasks.
func LoadPlan(s *Session, year int, today model.Date) (*PlanView, error) {
	items, err := s.PlanItems(year)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, it := range items {
		if it.CaseID != "" {
			ids = append(ids, it.CaseID)
		}
	}
	cases, err := s.CaseProgress(ids, today)
	if err != nil {
		return nil, err
	}
	return &PlanView{Year: year, Items: items, Cases: cases, RollUp: model.RollUpPlan(items, cases, today)}, nil
}

// State returns the state of item i.
func (p *PlanView) State(i int) model.PlanState { return p.RollUp.States[p.Items[i].ID] }

// Case returns the linked case of item i, or nil.
func (p *PlanView) Case(i int) *model.CaseProgress { return p.Cases[p.Items[i].CaseID] }

// StartPlanItem creates the case of a plan item from the template, in
// progress from start for days days, with the item's kind, content,
// subject and lead, and links it to the item. It returns the new case.
func StartPlanItem(s *Session, it *model.PlanItem, start model.Date, days int) (*model.Case, error) {
	if days < 3 {
		days = 3
	}
	c := &model.Case{
		Title:   it.Title,
		Kind:    it.Kind,
		Subject: model.Subject{Type: model.SubjectOrganisation, Name: it.Subject},
		Status:  model.StatusInProgress,
		Lead:    it.Lead,
		Start:   start,
		End:     start.AddDays(days - 1),
	}
	if it.Lead != "" {
		c.Team = []model.TeamMember{{Name: it.Lead, Role: model.RoleLead}}
	}
	if err := s.CreateCase(c, true); err != nil {
		return nil, err
	}
	if err := s.LinkPlanItem(it.ID, c.ID); err != nil {
		return nil, err
	}
	it.CaseID = c.ID
	return c, nil
}

// PlanStartDate returns the first day of an item's planned period, or
// today when that has passed: the start a new case is offered.
func PlanStartDate(it model.PlanItem, today model.Date) model.Date {
	first, _ := model.QuarterBounds(it.Year, it.Quarter)
	if it.Month != 0 {
		first, _ = model.MonthBounds(it.Year, time.Month(it.Month))
	}
	if first.Before(today) {
		return today
	}
	return first
}

// PlanWeek returns the plan items planned to start in the ISO week of
// day d, each with its state on today: the week view of the plan that
// sits beside the officer's calendar.
func PlanWeek(s *Session, d, today model.Date) ([]model.PlanItem, []model.PlanState, error) {
	year, week := d.ISOWeek()
	pv, err := LoadPlan(s, year, today)
	if err != nil {
		return nil, nil, err
	}
	var items []model.PlanItem
	var states []model.PlanState
	for i, it := range pv.Items {
		if it.Week == week {
			items = append(items, it)
			states = append(states, pv.State(i))
		}
	}
	return items, states, nil
}

package app

import (
	"errors"
	"strconv"

	"sotay/model"
)

// SettingUrgentDays stores the number of working days within which a
// deadline makes a task urgent on the Eisenhower board.
const SettingUrgentDays = "urgent_working_days"

// UrgentDays returns the vault's urgency window in working days,
// model.DefaultUrgentDays when unset.
func UrgentDays(s *Session) int {
	v, err := s.Setting(SettingUrgentDays, "")
	if err != nil {
		return model.DefaultUrgentDays
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 60 {
		return model.DefaultUrgentDays
	}
	return n
}

// SetUrgentDays stores the urgency window, from 1 to 60 working days.
func SetUrgentDays(s *Session, n int) error {
	if n < 1 || n > 60 {
		return ErrUrgentDays
	}
	return s.SetSetting(SettingUrgentDays, strconv.Itoa(n))
}

// ErrUrgentDays is returned by SetUrgentDays for a value outside 1–60.
var ErrUrgentDays = errors.New("urgent days out of range")

// BoardEntry is a task or to-do with its quadrant on today's board.
type BoardEntry struct {
	model.BoardItem
	Quadrant model.Quadrant
}

// Board returns every open case task and personal to-do with its
// quadrant on today: urgency comes from the flag the user set by hand,
// or else from a deadline within UrgentDays working days.
func Board(s *Session, today model.Date) ([]BoardEntry, error) {
	items, err := s.BoardTasks()
	if err != nil {
		return nil, err
	}
	todos, err := s.OpenTodos()
	if err != nil {
		return nil, err
	}
	for _, t := range todos {
		items = append(items, model.BoardItem{Kind: model.LinkTodo, ID: t.ID, Title: t.Title,
			Assignee: t.Assignee, Deadline: t.Deadline, Important: t.Important, Urgent: t.Urgent,
			UrgentSet: t.UrgentSet})
	}
	cal, n := WorkingDays(s), UrgentDays(s)
	out := make([]BoardEntry, len(items))
	for i, it := range items {
		out[i] = BoardEntry{BoardItem: it, Quadrant: it.Quadrant(today, n, cal.IsWorkingDay)}
	}
	return out, nil
}

// MoveToQuadrant sets the flags of a task or to-do so that it sits in q,
// with its urgency now set by hand. assignee, when not empty, is the
// person the work is delegated to.
func MoveToQuadrant(s *Session, it model.BoardItem, q model.Quadrant, assignee string) error {
	important, urgent := q.Flags()
	if it.Kind == model.LinkTask {
		return s.SetTaskPriority(it.ID, important, urgent, assignee)
	}
	t, err := s.Todo(it.ID)
	if err != nil {
		return err
	}
	t.Important, t.Urgent, t.UrgentSet = important, urgent, true
	if assignee != "" {
		t.Assignee = assignee
	}
	return s.SaveTodo(&t)
}

// CompleteTodo marks a to-do done on today.
func CompleteTodo(s *Session, id string, today model.Date) error {
	t, err := s.Todo(id)
	if err != nil {
		return err
	}
	t.Status, t.DoneOn = model.TaskDone, today
	return s.SaveTodo(&t)
}

// LinkTarget is something an event or block can be linked to: a case, a
// meeting, a case task or a personal to-do.
type LinkTarget struct {
	Kind           model.LinkKind
	ID             string
	Title          string
	Classification model.Classification
}

// LinkTargets returns what the event form offers to link to: open tasks
// and to-dos first (a block is usually reserved for one), then the live
// cases, then the meetings from 30 days ago to a year ahead.
func LinkTargets(s *Session, today model.Date) ([]LinkTarget, error) {
	entries, err := Board(s, today)
	if err != nil {
		return nil, err
	}
	var out []LinkTarget
	for _, e := range entries {
		title := e.Title
		if e.Detail != "" {
			title = e.Detail + " · " + title
		}
		out = append(out, LinkTarget{Kind: e.Kind, ID: e.ID, Title: title, Classification: e.Classification})
	}
	cases, err := ListOrSearch(s, "", today)
	if err != nil {
		return nil, err
	}
	for _, c := range cases {
		out = append(out, LinkTarget{Kind: model.LinkCase, ID: c.ID, Title: c.Code + " " + c.Title,
			Classification: c.Classification})
	}
	meetings, err := s.Meetings(today.AddDays(-30), today.AddDays(365))
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		out = append(out, LinkTarget{Kind: model.LinkMeeting, ID: m.ID, Title: m.Date.Display() + " " + m.Title,
			Classification: m.Classification})
	}
	return out, nil
}

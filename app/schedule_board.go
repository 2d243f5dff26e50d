package app

import (
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
	if err != nil || n < 0 || n > 60 {
		return model.DefaultUrgentDays
	}
	return n
}

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

package app

import (
	"errors"
	"time"

	"sotay/model"
	"sotay/model/ical"
	"sotay/model/workday"
	"sotay/vault"
)

// Scope selects the occurrences of a series that an edit changes.
type Scope int

// The scopes of an edit.
const (
	ThisOccurrence Scope = iota
	AllOccurrences
)

// ErrNotEvent is returned when an edit names a calendar item that is not
// an event, such as a task deadline.
var ErrNotEvent = errors.New("the item is not a calendar event")

// Occurrences returns the occurrences of the vault's events that overlap
// the days from first to last, both included, with changed occurrences
// applied and cancelled ones left out. Times are in Zone.
func Occurrences(s *Session, first, last model.Date) ([]model.CalendarItem, error) {
	from, to := first.In(Zone), last.AddDays(1).In(Zone)
	rows, err := s.EventsBetween(from, to)
	if err != nil {
		return nil, err
	}
	return expandRows(rows, from, to), nil
}

// expandRows expands vault rows in [from, to) into calendar items.
func expandRows(rows []model.Event, from, to time.Time) []model.CalendarItem {
	cal := ical.Calendar{Events: make([]ical.Event, len(rows))}
	for i := range rows {
		cal.Events[i] = toICal(&rows[i])
	}
	index := make(map[*ical.Event]int, len(rows))
	for i := range cal.Events {
		index[&cal.Events[i]] = i
	}
	recurs := map[string]bool{}
	for i := range rows {
		if rows[i].Recurs() {
			recurs[rows[i].UID] = true
		}
	}

	instances := cal.Expand(from, to)
	items := make([]model.CalendarItem, 0, len(instances))
	for _, in := range instances {
		row := &rows[index[in.Event]]
		kind := model.ItemEvent
		if row.Kind == model.KindBlock {
			kind = model.ItemBlock
		}
		it := model.CalendarItem{
			Kind:           kind,
			Title:          row.Title,
			Detail:         row.Location,
			AllDay:         in.AllDay,
			Start:          in.Start,
			End:            in.End,
			StartDate:      in.StartDate,
			EndDate:        in.EndDate,
			Classification: row.Classification,
			EventID:        row.ID,
			Recurring:      recurs[row.UID],
			Ref:            row.LinkID,
			Reminders:      row.Reminders,
		}
		it.Occurrence = occurrenceFromICal(in.RecurrenceID, zoneOf(row))
		items = append(items, it)
	}
	return items
}

// Calendar returns everything the calendar views show from first to
// last: event occurrences, the deadlines of open case tasks and to-dos,
// and meetings with their distribution deadlines.
func Calendar(s *Session, first, last model.Date) ([]model.CalendarItem, error) {
	items, err := Occurrences(s, first, last)
	if err != nil {
		return nil, err
	}
	tasks, err := s.DatedTasks(first, last)
	if err != nil {
		return nil, err
	}
	for _, t := range tasks {
		if t.Status != model.TaskOpen {
			continue
		}
		items = append(items, model.CalendarItem{Kind: model.ItemTask, Title: t.Title, Detail: t.CaseCode,
			StartDate: t.Deadline, EndDate: t.Deadline, Classification: t.CaseClassification, Ref: t.CaseID})
	}
	todos, err := s.OpenTodos()
	if err != nil {
		return nil, err
	}
	for _, t := range todos {
		if !t.Deadline.IsZero() && !t.Deadline.Before(first) && !t.Deadline.After(last) {
			items = append(items, model.CalendarItem{Kind: model.ItemTodo, Title: t.Title,
				StartDate: t.Deadline, EndDate: t.Deadline, Ref: t.ID})
		}
	}
	meetings, err := meetingItems(s, first, last)
	if err != nil {
		return nil, err
	}
	reports, err := ReportItems(s, first, last, Today())
	if err != nil {
		return nil, err
	}
	items = append(items, meetings...)
	return append(items, reports...), nil
}

// WorkingDays returns the working-day calendar of the vault's settings.
func WorkingDays(s *Session) *workday.Calendar {
	rules, err := LoadMeetingRules(s)
	if err != nil {
		return workday.Default()
	}
	return rules.Calendar
}

// CreateEvent stores a new event or block. Its times are in Zone unless
// it names another zone.
func CreateEvent(s *Session, e *model.Event) error {
	if err := checkRule(e.RRule); err != nil {
		return err
	}
	if e.Zone == "" && !e.AllDay {
		e.Zone = Zone.String()
	}
	e.ID = ""
	return s.SaveEvent(e)
}

// RescheduleOccurrence moves or resizes an occurrence to [start, end).
// A single event, and a changed occurrence with ThisOccurrence, simply
// move. ThisOccurrence of a series stores a changed occurrence.
// AllOccurrences shifts the series, its removed dates and its changed
// occurrences by the same amount, and gives the series the new length.
func RescheduleOccurrence(s *Session, it model.CalendarItem, start, end time.Time, scope Scope) error {
	if !it.Editable() {
		return ErrNotEvent
	}
	row, err := s.Event(it.EventID)
	if err != nil {
		return err
	}
	if !row.Recurs() && (!row.IsOverride() || scope == ThisOccurrence) {
		row.Start, row.End = start.UTC(), end.UTC()
		return s.SaveEvent(&row)
	}
	if scope == AllOccurrences {
		return shiftSeries(s, row.UID, start.Sub(it.Start), end.Sub(start))
	}
	override := row
	override.ID, override.RRule, override.ExDates = "", "", nil
	override.RecurrenceID = it.Occurrence
	override.Start, override.End = start.UTC(), end.UTC()
	return s.SaveEvent(&override)
}

// shiftSeries moves every row of the series uid by shift, in one
// transaction, and gives the series the length length.
func shiftSeries(s *Session, uid string, shift, length time.Duration) error {
	rows, err := s.EventSeries(uid)
	if err != nil {
		return err
	}
	if len(rows) == 0 || rows[0].IsOverride() {
		return vault.ErrNotFound
	}
	series := &rows[0]
	series.Start = series.Start.Add(shift)
	series.End = series.Start.Add(length)
	for i := range series.ExDates {
		series.ExDates[i] = shiftOccurrence(series.ExDates[i], shift)
	}
	changed := []*model.Event{series}
	for i := 1; i < len(rows); i++ {
		rows[i].RecurrenceID = shiftOccurrence(rows[i].RecurrenceID, shift)
		changed = append(changed, &rows[i])
	}
	return s.SaveEvents(changed...)
}

// shiftOccurrence moves o by shift; a date moves by the whole days of
// shift.
func shiftOccurrence(o model.Occurrence, shift time.Duration) model.Occurrence {
	if !o.Time.IsZero() {
		o.Time = o.Time.Add(shift)
	}
	if !o.Date.IsZero() {
		o.Date = o.Date.AddDays(int(shift / (24 * time.Hour)))
	}
	return o
}

// UpdateEvent saves the fields of changed, read from the form of the
// occurrence it. A single event, and a changed occurrence with
// ThisOccurrence, are saved as they are. ThisOccurrence of a series
// stores a new changed occurrence. AllOccurrences changes the series:
// its fields, its rule, and its start moved by as much as the form moved
// the occurrence, with its removed dates and changed occurrences.
func UpdateEvent(s *Session, it model.CalendarItem, changed model.Event, scope Scope) error {
	if err := checkRule(changed.RRule); err != nil {
		return err
	}
	row, err := s.Event(it.EventID)
	if err != nil {
		return err
	}
	keep := func(r model.Event) {
		changed.Record, changed.UID, changed.RecurrenceID = r.Record, r.UID, r.RecurrenceID
		changed.ExDates, changed.Imported, changed.Sequence = r.ExDates, r.Imported, r.Sequence+1
	}
	switch {
	case !row.Recurs() && !row.IsOverride():
		keep(row)
		return s.SaveEvent(&changed)
	case scope == AllOccurrences:
		return updateSeries(s, row.UID, it, changed)
	case row.IsOverride():
		keep(row)
		changed.RRule = ""
		return s.SaveEvent(&changed)
	}
	changed.Record = model.Record{}
	changed.UID, changed.RRule, changed.ExDates = row.UID, "", nil
	changed.RecurrenceID = it.Occurrence
	return s.SaveEvent(&changed)
}

// updateSeries gives the series uid the fields of changed and moves it,
// its removed dates and its changed occurrences by as much as changed
// moved the occurrence it, in one transaction.
func updateSeries(s *Session, uid string, it model.CalendarItem, changed model.Event) error {
	rows, err := s.EventSeries(uid)
	if err != nil {
		return err
	}
	if len(rows) == 0 || rows[0].IsOverride() {
		return vault.ErrNotFound
	}

	old := rows[0]
	var shift time.Duration
	if changed.AllDay && old.AllDay {
		days := it.StartDate.DaysUntil(changed.StartDate)
		length := changed.StartDate.DaysUntil(changed.EndDate)
		changed.StartDate = old.StartDate.AddDays(days)
		changed.EndDate = changed.StartDate.AddDays(length)
		shift = time.Duration(days) * 24 * time.Hour
	} else if !changed.AllDay && !old.AllDay {
		shift = changed.Start.Sub(it.Start)
		length := changed.End.Sub(changed.Start)
		changed.Start = old.Start.Add(shift)
		changed.End = changed.Start.Add(length)
	}

	changed.Record, changed.UID, changed.Imported, changed.Sequence = old.Record, old.UID, old.Imported, old.Sequence+1
	changed.RecurrenceID = model.Occurrence{}
	changed.ExDates = old.ExDates
	for i := range changed.ExDates {
		changed.ExDates[i] = shiftOccurrence(changed.ExDates[i], shift)
	}
	saved := []*model.Event{&changed}
	for i := 1; i < len(rows); i++ {
		rows[i].RecurrenceID = shiftOccurrence(rows[i].RecurrenceID, shift)
		saved = append(saved, &rows[i])
	}
	return s.SaveEvents(saved...)
}

// DeleteOccurrence removes one occurrence of a series (an EXDATE on the
// series, and its changed occurrence if any), or the whole event.
func DeleteOccurrence(s *Session, it model.CalendarItem, scope Scope) error {
	row, err := s.Event(it.EventID)
	if err != nil {
		return err
	}
	if !it.Recurring || scope == AllOccurrences {
		if row.IsOverride() {
			if row, err = seriesOf(s, row.UID); err != nil {
				return err
			}
		}
		return s.DeleteEvent(row.ID)
	}
	if row.IsOverride() {
		if err := s.DeleteEvent(row.ID); err != nil {
			return err
		}
		if row, err = seriesOf(s, row.UID); err != nil {
			return err
		}
	}
	row.ExDates = append(row.ExDates, it.Occurrence)
	return s.SaveEvent(&row)
}

func seriesOf(s *Session, uid string) (model.Event, error) {
	rows, err := s.EventSeries(uid)
	if err != nil {
		return model.Event{}, err
	}
	if len(rows) == 0 || rows[0].IsOverride() {
		return model.Event{}, vault.ErrNotFound
	}
	return rows[0], nil
}

// checkRule rejects an RRULE value that does not parse.
func checkRule(rule string) error {
	if rule == "" {
		return nil
	}
	if _, err := ical.ParseRRule(rule); err != nil {
		return &vault.ValidationError{Field: vault.FieldEventRule, Reason: err.Error()}
	}
	return nil
}

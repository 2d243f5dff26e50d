package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"sotay/model"
)

// Fields of an event that ValidationError names.
const (
	FieldEventTitle Field = "event_title"
	FieldEventTime  Field = "event_time"
	FieldEventRule  Field = "event_rule"
)

// checkEvent normalises e and checks its title and times.
func checkEvent(e *model.Event) error {
	e.Title = model.Normalize(e.Title)
	e.Location = model.Normalize(e.Location)
	e.Notes = model.Normalize(e.Notes)
	e.WorkKind = model.Normalize(e.WorkKind)
	e.UID = strings.TrimSpace(e.UID)
	if e.Title == "" {
		return invalid(FieldEventTitle, "the event title is empty")
	}
	if e.Kind == "" {
		e.Kind = model.KindEvent
	}
	if e.AllDay {
		if e.StartDate.IsZero() {
			return invalid(FieldEventTime, "an all-day event needs a start date")
		}
		if e.EndDate.IsZero() || e.EndDate.Before(e.StartDate) {
			e.EndDate = e.StartDate
		}
		e.Start, e.End = time.Time{}, time.Time{}
		return nil
	}
	if e.Start.IsZero() {
		return invalid(FieldEventTime, "a timed event needs a start")
	}
	if e.End.Before(e.Start) {
		return invalid(FieldEventTime, "the event ends before it starts")
	}
	e.StartDate, e.EndDate = model.Date{}, model.Date{}
	return nil
}

const eventColumns = `id, uid, recurrence_id, kind, title, location, notes, all_day,
	start_at, end_at, zone, start_date, end_date, rrule, exdates, cancelled, link_kind,
	link_id, work_kind, classification, reminders, source, sequence, created_at,
	updated_at, workstation`

// eventArgs returns the values of e in the order of eventColumns.
func eventArgs(e *model.Event) []any {
	var start, end string
	if !e.AllDay {
		start, end = formatTime(e.Start), formatTime(e.End)
	}
	exdates := make([]string, len(e.ExDates))
	for i, x := range e.ExDates {
		exdates[i] = x.String()
	}
	reminders := make([]string, len(e.Reminders))
	for i, r := range e.Reminders {
		reminders[i] = strconv.Itoa(int(r / time.Minute))
	}
	source := ""
	if e.Imported {
		source = "ics"
	}
	return []any{e.ID, e.UID, e.RecurrenceID.String(), string(e.Kind), e.Title, e.Location,
		e.Notes, boolInt(e.AllDay), start, end, e.Zone, e.StartDate.String(), e.EndDate.String(),
		e.RRule, strings.Join(exdates, " "), boolInt(e.Cancelled), string(e.LinkKind), e.LinkID,
		e.WorkKind, int(e.Classification), strings.Join(reminders, " "), source, e.Sequence,
		formatTime(e.CreatedAt), e.UpdatedAt.String(), e.Workstation}
}

func scanEvent(row interface{ Scan(...any) error }) (model.Event, error) {
	var e model.Event
	var recurrence, kind, start, end, startDate, endDate, exdates, link, reminders, source string
	var created, updated string
	err := row.Scan(&e.ID, &e.UID, &recurrence, &kind, &e.Title, &e.Location, &e.Notes,
		&e.AllDay, &start, &end, &e.Zone, &startDate, &endDate, &e.RRule, &exdates,
		&e.Cancelled, &link, &e.LinkID, &e.WorkKind, &e.Classification, &reminders, &source,
		&e.Sequence, &created, &updated, &e.Workstation)
	if err != nil {
		return e, err
	}
	e.Kind, e.LinkKind, e.Imported = model.EventKind(kind), model.LinkKind(link), source == "ics"
	e.RecurrenceID, _ = model.ParseOccurrence(recurrence)
	if start != "" {
		e.Start, e.End = parseTime(start), parseTime(end)
	}
	e.StartDate, e.EndDate = parseDate(startDate), parseDate(endDate)
	for _, x := range strings.Fields(exdates) {
		if o, err := model.ParseOccurrence(x); err == nil {
			e.ExDates = append(e.ExDates, o)
		}
	}
	for _, r := range strings.Fields(reminders) {
		if m, err := strconv.Atoi(r); err == nil {
			e.Reminders = append(e.Reminders, time.Duration(m)*time.Minute)
		}
	}
	e.CreatedAt = parseTime(created)
	e.UpdatedAt, _ = model.ParseHLC(updated)
	return e, nil
}

// SaveEvent stores e: a new row when e has no id, otherwise every field
// of the existing row. A new event without a UID gets one from its id.
func (v *Vault) SaveEvent(e *model.Event) error {
	if err := checkEvent(e); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error { return v.saveEvent(tx, e) })
}

func (v *Vault) saveEvent(tx *sql.Tx, e *model.Event) error {
	if e.ID == "" {
		v.stamp(&e.Record)
		if e.UID == "" {
			e.UID = e.ID + "@sotay"
		}
		_, err := tx.Exec(`INSERT INTO events (`+eventColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			eventArgs(e)...)
		return err
	}
	v.stamp(&e.Record)
	args := eventArgs(e)
	res, err := tx.Exec(`UPDATE events SET uid = ?, recurrence_id = ?, kind = ?, title = ?,
		location = ?, notes = ?, all_day = ?, start_at = ?, end_at = ?, zone = ?, start_date = ?,
		end_date = ?, rrule = ?, exdates = ?, cancelled = ?, link_kind = ?, link_id = ?,
		work_kind = ?, classification = ?, reminders = ?, source = ?, sequence = ?,
		updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
		slices.Concat(args[1:23], args[24:26], []any{e.ID})...)
	return expectRow(res, err)
}

// Event returns the live event with id, or ErrNotFound.
func (v *Vault) Event(id string) (model.Event, error) {
	var e model.Event
	err := v.read(func(db *sql.DB) error {
		var err error
		e, err = scanEvent(db.QueryRow(`SELECT `+eventColumns+` FROM events
			WHERE id = ? AND deleted = 0`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	return e, err
}

// EventSeries returns the live rows with uid: the series or single event
// first, then its changed occurrences.
func (v *Vault) EventSeries(uid string) ([]model.Event, error) {
	return v.queryEvents(`SELECT `+eventColumns+` FROM events
		WHERE uid = ? AND deleted = 0 ORDER BY recurrence_id != '', recurrence_id`, uid)
}

// EventsBetween returns the rows that can have an occurrence in
// [from, to): single events that overlap it, every recurring series and
// every changed occurrence of one. The caller expands the series.
func (v *Vault) EventsBetween(from, to time.Time) ([]model.Event, error) {
	loDate := model.DateOf(from.UTC().Add(-14 * time.Hour)).String()
	hiDate := model.DateOf(to.UTC().Add(14 * time.Hour)).String()
	return v.queryEvents(`SELECT `+eventColumns+` FROM events WHERE deleted = 0 AND (
			rrule != '' OR recurrence_id != ''
			OR (all_day = 0 AND start_at < ? AND end_at >= ?)
			OR (all_day = 1 AND start_date <= ? AND end_date >= ?))
		ORDER BY start_at, start_date`,
		formatTime(to), formatTime(from), hiDate, loDate)
}

// AllEvents returns every live event row, for export.
func (v *Vault) AllEvents() ([]model.Event, error) {
	return v.queryEvents(`SELECT ` + eventColumns + ` FROM events WHERE deleted = 0
		ORDER BY uid, recurrence_id`)
}

func (v *Vault) queryEvents(query string, args ...any) ([]model.Event, error) {
	return queryAll(v, scanEvent, query, args...)
}

// DeleteEvent marks the event with id deleted. When it is a series, its
// changed occurrences go with it.
func (v *Vault) DeleteEvent(id string) error {
	return v.write(func(tx *sql.Tx) error {
		var uid, recurrence string
		err := tx.QueryRow(`SELECT uid, recurrence_id FROM events WHERE id = ? AND deleted = 0`,
			id).Scan(&uid, &recurrence)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		query := `UPDATE events SET deleted = 1, updated_at = ?, workstation = ? WHERE id = ?`
		arg := id
		if recurrence == "" {
			query = `UPDATE events SET deleted = 1, updated_at = ?, workstation = ?
				WHERE uid = ? AND deleted = 0`
			arg = uid
		}
		_, err = tx.Exec(query, v.clock.Now().String(), v.workstation, arg)
		return err
	})
}

// SaveEvents stores several events in one transaction, as SaveEvent
// does each: editing one occurrence changes the series and its override
// together.
func (v *Vault) SaveEvents(events ...*model.Event) error {
	for _, e := range events {
		if err := checkEvent(e); err != nil {
			return err
		}
	}
	return v.write(func(tx *sql.Tx) error {
		for _, e := range events {
			if err := v.saveEvent(tx, e); err != nil {
				return fmt.Errorf("save event: %w", err)
			}
		}
		return nil
	})
}

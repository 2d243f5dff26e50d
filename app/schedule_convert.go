package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"sotay/model"
	"sotay/model/ical"
)

// zoneOf returns the location an event's rule runs in: its stored IANA
// zone, or Zone when it has none or the name is unknown.
func zoneOf(e *model.Event) *time.Location {
	if e.Zone != "" {
		if loc, err := time.LoadLocation(e.Zone); err == nil {
			return loc
		}
	}
	return Zone
}

func occurrenceToICal(o model.Occurrence, loc *time.Location) ical.DateTime {
	if !o.Date.IsZero() {
		return ical.DateTime{Date: o.Date}
	}
	return ical.DateTime{Time: o.Time.In(loc)}
}

func occurrenceFromICal(d ical.DateTime, loc *time.Location) model.Occurrence {
	if d.IsDate() {
		return model.Occurrence{Date: d.Date}
	}
	if d.IsZero() {
		return model.Occurrence{}
	}
	return model.Occurrence{Time: d.In(loc).UTC()}
}

// toICal returns e as an iCalendar event. A rule that no longer parses
// leaves a single event.
func toICal(e *model.Event) ical.Event {
	loc := zoneOf(e)
	out := ical.Event{
		UID:         e.UID,
		Summary:     e.Title,
		Description: e.Notes,
		Location:    e.Location,
		Sequence:    e.Sequence,
		AllDay:      e.AllDay,
		StartDate:   e.StartDate,
		EndDate:     e.EndDate,
	}
	if !e.AllDay {
		out.Start, out.End = e.Start.In(loc), e.End.In(loc)
	}
	if e.Cancelled {
		out.Status = ical.StatusCancelled
	}
	if e.Classification > model.Unclassified {
		out.Class = "CONFIDENTIAL"
	}
	out.Alarms = slices.Clone(e.Reminders)
	if e.RRule != "" && !e.IsOverride() {
		if r, err := ical.ParseRRule(e.RRule); err == nil {
			out.RRule = &r
		}
	}
	for _, x := range e.ExDates {
		out.ExDates = append(out.ExDates, occurrenceToICal(x, loc))
	}
	if e.IsOverride() {
		out.RecurrenceID = occurrenceToICal(e.RecurrenceID, loc)
	}
	return out
}

// fromICal returns the vault event for an event read from an .ics file.
// untitled is the title of an event with no SUMMARY.
func fromICal(ev *ical.Event, untitled string) model.Event {
	e := model.Event{
		UID:       ev.UID,
		Kind:      model.KindEvent,
		Title:     strings.TrimSpace(ev.Summary),
		Location:  ev.Location,
		Notes:     ev.Description,
		AllDay:    ev.AllDay,
		StartDate: ev.StartDate,
		EndDate:   ev.EndDate,
		Cancelled: ev.Status == ical.StatusCancelled,
		Imported:  true,
		Sequence:  ev.Sequence,
	}
	if e.Title == "" {
		e.Title = untitled
	}
	if strings.EqualFold(ev.Class, "CONFIDENTIAL") {
		e.Classification = model.Confidential
	}
	loc := ev.Zone()
	if !ev.AllDay {
		e.Start, e.End = ev.Start.UTC(), ev.End.UTC()
		if e.End.Before(e.Start) {
			e.End = e.Start
		}
		e.Zone = zoneName(loc)
	}
	if ev.RRule != nil && !ev.IsOverride() {
		e.RRule = ev.RRule.String()
	}
	for _, x := range ev.ExDates {
		e.ExDates = append(e.ExDates, occurrenceFromICal(x, loc))
	}
	e.RecurrenceID = occurrenceFromICal(ev.RecurrenceID, loc)
	for _, offset := range ev.Alarms {
		if !slices.Contains(e.Reminders, offset) {
			e.Reminders = append(e.Reminders, offset)
		}
	}
	if e.UID == "" {
		e.UID = contentUID(ev)
	}
	return e
}

// zoneName returns the IANA name of loc, or "" for a zone built from a
// VTIMEZONE block, which cannot be loaded again by name.
// NOTE: a series in such a zone then recurs in Zone, so its wall-clock
// time can shift by an hour across a daylight-saving change of the
// file's zone.
func zoneName(loc *time.Location) string {
	if loc == time.UTC || loc == nil {
		return "UTC"
	}
	if _, err := time.LoadLocation(loc.String()); err == nil {
		return loc.String()
	}
	return ""
}

// contentUID returns a UID for an event that has none, from what it
// contains, so that importing the same file again still updates it.
func contentUID(ev *ical.Event) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", ev.Summary, ev.Start.UTC().Format(time.RFC3339),
		ev.StartDate, ev.Location)
	return "sotay-" + hex.EncodeToString(h.Sum(nil)[:12])
}

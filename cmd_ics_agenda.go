package main

import (
	"sotay/app"
	"sotay/model"
)

// eventAgendaItem is one event occurrence of `sotay agenda`. Its fields
// match agendaItemJSON, so that a value converts to it directly.
type eventAgendaItem struct {
	Date           string `json:"date"`
	Kind           string `json:"kind"`
	Title          string `json:"title"`
	Detail         string `json:"detail,omitempty"`
	Classification string `json:"classification"`
	Ref            string `json:"ref"`
}

// eventAgendaItems returns the occurrences of calendar events and time
// blocks from from to to, by start, with kind "event" or "block" and the
// time (HH:MM–HH:MM in Vietnam) as the detail of timed ones.
func eventAgendaItems(s *app.Session, from, to model.Date) ([]eventAgendaItem, error) {
	items, err := app.Occurrences(s, from, to)
	if err != nil {
		return nil, err
	}
	out := make([]eventAgendaItem, 0, len(items))
	for _, it := range items {
		e := eventAgendaItem{Kind: string(it.Kind), Title: it.Title,
			Classification: classificationName(it.Classification), Ref: it.EventID}
		if it.AllDay {
			d := it.StartDate
			if d.Before(from) {
				d = from
			}
			e.Date = d.String()
		} else {
			start := it.Start.In(app.Zone)
			e.Date = model.DateOf(start).String()
			e.Detail = start.Format("15:04") + "–" + it.End.In(app.Zone).Format("15:04")
		}
		out = append(out, e)
	}
	return out, nil
}

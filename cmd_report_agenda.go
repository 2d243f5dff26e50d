package main

import (
	"sotay/app"
	"sotay/model"
)

// reportAgendaItems returns the reports due from from to to as agenda
// items of kind "report", whether sent or not. The detail names the
// period and, once sent, the day it was sent.
func reportAgendaItems(s *app.Session, from, to model.Date) ([]agendaItemJSON, error) {
	today := app.Today()
	var out []agendaItemJSON
	for year := from.Year; year <= to.Year; year++ {
		if _, err := app.LoadReportCalendar(s, year, today); err != nil {
			return nil, err
		}
	}
	rows, err := app.ReportsDue(s, from, to, today)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		detail := r.Period.Label
		if r.Status == model.ReportSent {
			detail += ", " + r.SentOn.Display()
		}
		out = append(out, agendaItemJSON{Date: r.Due.String(), Kind: "report", Title: r.Rule.Name,
			Detail: detail, Classification: classificationName(model.Unclassified), Ref: r.ID})
	}
	return out, nil
}

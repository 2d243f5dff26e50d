package main

import (
	"fmt"
	"io"
	"sort"

	"sotay/app"
	"sotay/model"
)

// agendaItemJSON is one dated item of `sotay agenda`.
type agendaItemJSON struct {
	Date           string `json:"date"`
	Kind           string `json:"kind"`
	Title          string `json:"title"`
	Detail         string `json:"detail,omitempty"`
	Classification string `json:"classification"`
	Ref            string `json:"ref"`
}

// The kinds of dated item, in the order they sort within a day.
var agendaKinds = []string{"meeting", "event", "block", "practical_deadline", "distribution_deadline", "report", "task"}

// runAgenda lists every dated item in a range, one line each:
//
//	sotay agenda --vault DIR --from YYYY-MM-DD --to YYYY-MM-DD [--format text|json]
func runAgenda(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("agenda")
	fromFlag := fs.String("from", "", "first `date`, YYYY-MM-DD (default: today)")
	toFlag := fs.String("to", "", "last `date`, YYYY-MM-DD, included (default: 30 days after --from)")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	from, to := app.Today(), model.Date{}
	var err error
	if *fromFlag != "" {
		if from, err = model.ParseDate(*fromFlag); err != nil {
			return c.usage(fs, "cli.bad_flags", "--from: "+err.Error())
		}
	}
	to = from.AddDays(30)
	if *toFlag != "" {
		if to, err = model.ParseDate(*toFlag); err != nil {
			return c.usage(fs, "cli.bad_flags", "--to: "+err.Error())
		}
	}
	if to.Before(from) {
		return c.usage(fs, "cli.agenda_range", from.String(), to.String())
	}

	s, err := c.unlock(*dir)
	if err != nil {
		return c.failMeeting(err)
	}
	defer s.Lock()
	items, err := agendaItems(s, from, to)
	if err != nil {
		return c.failMeeting(err)
	}
	if *format == "json" {
		return c.printJSON(items)
	}
	for _, it := range items {
		d, _ := model.ParseDate(it.Date)
		line := fmt.Sprintf("%s  %-9s  %s: %s", d.Display(), c.cat.T("meetings.weekday_short."+d.Weekday().String()),
			c.cat.T("cli.agenda_kind."+it.Kind), it.Title)
		if it.Detail != "" {
			line += " (" + it.Detail + ")"
		}
		if mark := markOf(it.Classification); mark != "" {
			line += " [" + mark + "]"
		}
		fmt.Fprintln(c.stdout, line)
	}
	if len(items) == 0 {
		fmt.Fprintln(c.stdout, c.cat.T("cli.agenda_empty", from.Display(), to.Display()))
	}
	return exitOK
}

// agendaItems gathers the task deadlines, meetings, distribution
// deadlines and calendar events from from to to, by date.
func agendaItems(s *app.Session, from, to model.Date) ([]agendaItemJSON, error) {
	rules, err := app.LoadMeetingRules(s)
	if err != nil {
		return nil, err
	}
	out := []agendaItemJSON{}
	in := func(d model.Date) bool { return !d.Before(from) && !d.After(to) }

	// A meeting after the range can have its deadlines inside it.
	horizon := to.AddDays(2*model.MaxDistributionDays + 30)
	meetings, err := s.Meetings(from, horizon)
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		class := classificationName(m.Classification)
		if in(m.Date) {
			out = append(out, agendaItemJSON{Date: m.Date.String(), Kind: "meeting", Title: m.Title,
				Detail: m.Time, Classification: class, Ref: m.ID})
		}
		if m.Status != model.MeetingPlanned {
			continue
		}
		dl := rules.Deadlines(m)
		if in(dl.Deadline) {
			out = append(out, agendaItemJSON{Date: dl.Deadline.String(), Kind: "distribution_deadline",
				Title: m.Title, Detail: m.Date.Display(), Classification: class, Ref: m.ID})
		}
		if dl.Practical != dl.Deadline && in(dl.Practical) {
			out = append(out, agendaItemJSON{Date: dl.Practical.String(), Kind: "practical_deadline",
				Title: m.Title, Detail: m.Date.Display(), Classification: class, Ref: m.ID})
		}
	}

	tasks, err := s.DatedTasks(from, to)
	if err != nil {
		return nil, err
	}
	for _, t := range tasks {
		out = append(out, agendaItemJSON{Date: t.Deadline.String(), Kind: "task", Title: t.Title,
			Detail: t.CaseCode, Classification: classificationName(t.CaseClassification), Ref: t.ID})
	}
	events, err := eventAgendaItems(s, from, to)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		out = append(out, agendaItemJSON(e))
	}
	reports, err := reportAgendaItems(s, from, to)
	if err != nil {
		return nil, err
	}
	out = append(out, reports...)
	rank := map[string]int{}
	for i, k := range agendaKinds {
		rank[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return rank[out[i].Kind] < rank[out[j].Kind]
	})
	return out, nil
}

package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// runMeeting dispatches the meeting sub-commands:
//
//	sotay meeting list --vault DIR [--from YYYY-MM-DD] [--format text|json]
//	sotay meeting pdf  --vault DIR --id ID|NUMBER --out FILE
func runMeeting(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	if len(args) == 0 {
		fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.meeting_usage"))
		return exitUsage
	}
	switch args[0] {
	case "list":
		return c.meetingList(args[1:])
	case "pdf":
		return c.meetingPDF(args[1:])
	}
	fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.meeting_usage"))
	return exitUsage
}

// meetingJSON is one meeting in the JSON output of `sotay meeting list`.
type meetingJSON struct {
	ID                string `json:"id"`
	Kind              string `json:"kind"`
	Number            string `json:"number"`
	Title             string `json:"title"`
	Date              string `json:"date"`
	Time              string `json:"time,omitempty"`
	Status            string `json:"status"`
	Classification    string `json:"classification"`
	Deadline          string `json:"deadline"`
	PracticalDeadline string `json:"practical_deadline"`
	Readiness         string `json:"readiness"`
	WorkingDaysLeft   *int   `json:"working_days_left,omitempty"`
	Unsent            int    `json:"unsent"`
}

func (c *cli) meetingList(args []string) int {
	fs, dir, format := vaultFlags("meeting list")
	from := fs.String("from", "", "first meeting `date`, YYYY-MM-DD (default: every meeting)")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	var first model.Date
	if *from != "" {
		d, err := model.ParseDate(*from)
		if err != nil {
			return c.usage(fs, "cli.bad_flags", err.Error())
		}
		first = d
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.failMeeting(err)
	}
	defer s.Lock()
	rules, err := app.LoadMeetingRules(s)
	if err != nil {
		return c.failMeeting(err)
	}
	today := app.Today()
	list, err := s.Meetings(first, model.Date{})
	if err != nil {
		return c.failMeeting(err)
	}
	out := make([]meetingJSON, 0, len(list))
	for _, m := range list {
		v, err := app.LoadMeeting(s, rules, m.ID, today)
		if err != nil {
			return c.failMeeting(err)
		}
		a := v.Assessment
		row := meetingJSON{ID: m.ID, Kind: string(m.Kind), Number: m.Number, Title: m.Title,
			Date: m.Date.String(), Time: m.Time, Status: string(m.Status),
			Classification: classificationName(m.Classification), Deadline: a.Deadline.String(),
			PracticalDeadline: a.Practical.String(), Readiness: string(a.Readiness), Unsent: a.Unsent}
		if a.Readiness != model.ReadyNA {
			left := a.DaysLeft
			row.WorkingDaysLeft = &left
		}
		out = append(out, row)
	}
	if *format == "json" {
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, c.cat.T("cli.meeting_header"))
	for _, r := range out {
		state := c.cat.T("meetings.status." + r.Status)
		if r.Readiness != string(model.ReadyNA) {
			state = c.cat.T("meetings.readiness." + r.Readiness)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", displayISO(r.Date), r.Number, r.Title,
			displayISO(r.PracticalDeadline), state, orDash(markOf(r.Classification)), r.ID)
	}
	tw.Flush()
	return exitOK
}

func displayISO(s string) string {
	d, err := model.ParseDate(s)
	if err != nil {
		return s
	}
	return d.Display()
}

func markOf(name string) string {
	for _, c := range model.Classifications {
		if classificationName(c) == name {
			return c.Mark()
		}
	}
	return ""
}

func (c *cli) meetingPDF(args []string) int {
	fs, dir, format := vaultFlags("meeting pdf")
	ref := fs.String("id", "", "the meeting: its id, the start of its id, or its number (required)")
	out := fs.String("out", "", "`file` to write the PDF to (required)")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	if *ref == "" || *out == "" {
		return c.usage(fs, "cli.meeting_pdf_missing")
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.failMeeting(err)
	}
	defer s.Lock()
	rules, err := app.LoadMeetingRules(s)
	if err != nil {
		return c.failMeeting(err)
	}
	m, err := findMeeting(s, *ref)
	if err != nil {
		return c.failMeeting(err)
	}
	path, err := filepath.Abs(*out)
	if err != nil {
		return c.failMeeting(err)
	}
	if err := app.SaveMeetingPDF(s, rules, m.ID, path, app.Today(), c.cat.T); err != nil {
		return c.failMeeting(err)
	}
	return c.printResult(*format, map[string]any{"meeting": m.ID, "pdf": path}, c.cat.T("cli.meeting_pdf_written", path))
}

// errAmbiguousMeeting is returned by findMeeting when a reference
// matches more than one meeting.
var errAmbiguousMeeting = errors.New("more than one meeting matches")

// findMeeting returns the live meeting whose id, id prefix or number is
// ref.
func findMeeting(s *app.Session, ref string) (model.Meeting, error) {
	list, err := s.Meetings(model.Date{}, model.Date{})
	if err != nil {
		return model.Meeting{}, err
	}
	ref = model.Normalize(ref)
	var found []model.Meeting
	for _, m := range list {
		if m.ID == ref {
			return m, nil
		}
		if strings.HasPrefix(m.ID, ref) || m.Number == ref {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 0:
		return model.Meeting{}, vault.ErrNotFound
	case 1:
		return found[0], nil
	}
	return model.Meeting{}, errAmbiguousMeeting
}

// failMeeting prints a meeting error as one translated line.
func (c *cli) failMeeting(err error) int {
	if errors.Is(err, errAmbiguousMeeting) {
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T("cli.meeting_ambiguous"))
		return exitFailure
	}
	msg := app.ExplainMeeting(err)
	if msg.Key == "err.unexpected" {
		return c.fail(err)
	}
	fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(msg.Key, msg.Args...))
	return exitFailure
}

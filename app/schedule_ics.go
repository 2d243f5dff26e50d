package app

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"time"

	"sotay/model"
	"sotay/model/ical"
	"sotay/vault"
)

// ErrNotCalendar is returned by ImportICS for a file that holds no
// VCALENDAR at all.
var ErrNotCalendar = errors.New("not an iCalendar file")

// ImportReport counts the events ImportICS stored from a file and lists
// the lines it skipped.
type ImportReport struct {
	vault.ImportResult
	// Warnings are the lines that could not be read, with their numbers.
	// They come in line order, those without a line first. The rest of
	// the file was imported.
	Warnings []ical.Warning
}

// ImportICS reads an .ics file and stores its events in one transaction:
// the whole file or nothing. Events already imported from a file with
// the same UID (and RECURRENCE-ID) are updated, not duplicated. untitled
// is the title given to an event with no SUMMARY. progress, when not
// nil, is called from the calling goroutine with the events stored so
// far and the total.
func ImportICS(s *Session, r io.Reader, untitled string, progress func(done, total int)) (ImportReport, error) {
	cal, err := ical.Parse(r, Zone)
	if errors.Is(err, ical.ErrNotICalendar) {
		return ImportReport{}, ErrNotCalendar
	}
	if err != nil {
		return ImportReport{}, err
	}
	events := make([]model.Event, len(cal.Events))
	for i := range cal.Events {
		events[i] = fromICal(&cal.Events[i], untitled)
	}
	res, err := s.ImportEvents(events, progress)
	// The parser reports a line inside an event when it reads the event,
	// after the lines it skipped while splitting the file into blocks.
	slices.SortStableFunc(cal.Warnings, func(a, b ical.Warning) int { return cmp.Compare(a.Line, b.Line) })
	return ImportReport{ImportResult: res, Warnings: cal.Warnings}, err
}

// ExplainICSWarning returns the message that describes w to the user.
// The key is schedule.ics_warning.KIND, or KIND.REASON when w has a
// reason, and schedule.ics_warning.other for an unknown kind. The
// arguments are line, name, value and event summary, in that order, with
// untitled in place of an empty summary.
func ExplainICSWarning(w ical.Warning, untitled string) Message {
	key := "schedule.ics_warning.other"
	if slices.Contains(ical.WarningKinds(), w.Kind) {
		key = "schedule.ics_warning." + string(w.Kind)
		if w.Reason != "" && slices.Contains(w.Kind.Reasons(), w.Reason) {
			key += "." + string(w.Reason)
		}
	}
	summary := w.Summary
	if summary == "" {
		summary = untitled
	}
	return Message{Key: key, Args: []any{w.Line, w.Name, w.Value, summary}}
}

// ExportOptions choose what ExportICS writes.
type ExportOptions struct {
	// From and To limit the export to events with an occurrence in the
	// days from From to To; zero values mean no limit.
	From, To model.Date
	// Deadlines adds the deadlines of open case tasks and to-dos, the
	// meetings and the distribution deadlines of the range (From and To
	// must be set) as all-day or timed events.
	Deadlines bool
	// Classified writes the real titles of classified items. Without it
	// they are written as classifiedTitle, with no notes or place.
	Classified bool
}

// ExportICS writes the personal calendar to w as an .ics file with CRLF
// line endings, and returns the number of events written. The titles of
// classified items are replaced by classifiedTitle unless
// opts.Classified is set; the caller asks the user to confirm that.
func ExportICS(s *Session, w io.Writer, opts ExportOptions, classifiedTitle string, now time.Time) (int, error) {
	rows, err := exportRows(s, opts)
	if err != nil {
		return 0, err
	}
	events := make([]ical.Event, 0, len(rows))
	for i := range rows {
		ev := toICal(&rows[i])
		hide(&ev, rows[i].Classification, opts.Classified, classifiedTitle)
		events = append(events, ev)
	}
	if opts.Deadlines && !opts.From.IsZero() && !opts.To.IsZero() {
		extra, err := deadlineEvents(s, opts, classifiedTitle)
		if err != nil {
			return 0, err
		}
		events = append(events, extra...)
	}
	return len(events), ical.Write(w, events, now)
}

// exportRows returns the event rows to export: every one, or those with
// an occurrence in the range and the rows of their series.
func exportRows(s *Session, opts ExportOptions) ([]model.Event, error) {
	if opts.From.IsZero() || opts.To.IsZero() {
		return s.AllEvents()
	}
	from, to := opts.From.In(Zone), opts.To.AddDays(1).In(Zone)
	rows, err := s.EventsBetween(from, to)
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, it := range expandRows(rows, from, to) {
		keep[it.EventID] = true
	}
	series := map[string]bool{}
	for _, r := range rows {
		if keep[r.ID] {
			series[r.UID] = true
		}
	}
	var out []model.Event
	for _, r := range rows {
		if series[r.UID] {
			out = append(out, r)
		}
	}
	return out, nil
}

func hide(ev *ical.Event, c model.Classification, show bool, title string) {
	if c == model.Unclassified || show {
		return
	}
	ev.Summary, ev.Description, ev.Location = title, "", ""
}

// deadlineEvents returns the task deadlines, meetings and distribution
// deadlines of the export range as events with stable UIDs.
func deadlineEvents(s *Session, opts ExportOptions, classifiedTitle string) ([]ical.Event, error) {
	items, err := Calendar(s, opts.From, opts.To)
	if err != nil {
		return nil, err
	}
	var out []ical.Event
	for _, it := range items {
		if it.Editable() {
			continue
		}
		ev := ical.Event{
			UID:       itemUID(it),
			Summary:   it.Title,
			AllDay:    it.Start.IsZero(),
			StartDate: it.StartDate,
			EndDate:   it.EndDate,
			Start:     it.Start.In(Zone),
			End:       it.End.In(Zone),
		}
		hide(&ev, it.Classification, opts.Classified, classifiedTitle)
		out = append(out, ev)
	}
	return out, nil
}

// itemUID returns a UID that stays the same across exports of the same
// deadline or meeting, so that a calendar importing the file again
// updates it.
func itemUID(it model.CalendarItem) string {
	h := sha256.Sum256([]byte(string(it.Kind) + "\x00" + it.Ref + "\x00" + it.Title + "\x00" + it.StartDate.String()))
	return string(it.Kind) + "-" + hex.EncodeToString(h[:10]) + "@sotay"
}

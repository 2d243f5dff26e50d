package ui

import (
	"log/slog"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// repeatRules are the choices of the repeat list, as RRULE values; the
// weekly one gets the day of the event. "custom" takes the entry below.
var repeatRules = []string{"", "FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "custom"}

var byDayCodes = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// eventForm is the dialog that creates or edits an event or block.
type eventForm struct {
	s        *calendarScreen
	existing *model.CalendarItem // nil for a new event
	row      model.Event

	title, date, start, end    *widget.Entry
	place, notes, rule, remind *widget.Entry
	workKind                   *widget.Entry
	allDay                     *widget.Check
	kind, repeat, class        *widget.Select
	link                       *widget.Select
	targets                    []app.LinkTarget
	message                    *widget.Label
	dlg                        dialog.Dialog
}

// newEvent opens the form for a new event on day at the time of day at,
// one hour long.
func (s *calendarScreen) newEvent(day model.Date, at time.Duration, kind model.EventKind) {
	start := day.In(app.Zone).Add(at)
	f := &eventForm{s: s, row: model.Event{Kind: kind, Start: start, End: start.Add(time.Hour),
		Reminders: []time.Duration{15 * time.Minute}}}
	f.open()
}

// editEvent opens the form on an occurrence of an event.
func (s *calendarScreen) editEvent(it model.CalendarItem) {
	row, err := s.w.session.Event(it.EventID)
	if err != nil {
		s.w.showError(err)
		return
	}
	if !it.AllDay {
		row.Start, row.End = it.Start, it.End
	} else {
		row.StartDate, row.EndDate = it.StartDate, it.EndDate
	}
	if row.IsOverride() {
		// The form shows the rule of the series, which "all occurrences"
		// keeps.
		if series, err := s.w.session.EventSeries(row.UID); err == nil && len(series) > 0 {
			row.RRule = series[0].RRule
		}
	}
	f := &eventForm{s: s, existing: &it, row: row}
	f.open()
}

func (f *eventForm) open() {
	w, e := f.s.w, &f.row
	entry := func(text, placeholder string) *widget.Entry {
		x := widget.NewEntry()
		x.SetPlaceHolder(placeholder)
		x.SetText(text)
		x.OnChanged = func(string) { w.touch() }
		return x
	}
	start, end := e.Start.In(app.Zone), e.End.In(app.Zone)
	day := model.DateOf(start)
	if e.AllDay {
		day = e.StartDate
	}
	f.title = entry(e.Title, w.t("schedule.form.title"))
	f.date = entry(day.Display(), w.t("date.placeholder"))
	f.start = entry(start.Format("15:04"), w.t("schedule.form.start"))
	f.end = entry(end.Format("15:04"), w.t("schedule.form.end"))
	f.place = entry(e.Location, w.t("schedule.form.place"))
	f.notes = entry(e.Notes, w.t("schedule.form.notes"))
	f.notes.MultiLine = true
	f.notes.SetMinRowsVisible(2)
	f.rule = entry(e.RRule, w.t("schedule.form.rule_hint"))
	f.remind = entry(reminderText(e.Reminders), w.t("schedule.form.remind_hint"))
	f.allDay = widget.NewCheck(w.t("schedule.form.all_day"), nil)
	f.allDay.SetChecked(e.AllDay)
	f.kind = widget.NewSelect([]string{w.t("schedule.kind.event"), w.t("schedule.kind.block")}, nil)
	f.kind.SetSelectedIndex(0)
	if e.Kind == model.KindBlock {
		f.kind.SetSelectedIndex(1)
	}
	var repeats []string
	for _, r := range repeatRules {
		repeats = append(repeats, w.t("schedule.repeat."+repeatKey(r)))
	}
	f.repeat = widget.NewSelect(repeats, nil)
	f.repeat.SetSelectedIndex(repeatIndex(e.RRule, day))
	var classes []string
	for _, cl := range model.Classifications {
		classes = append(classes, w.classificationName(cl))
	}
	f.class = widget.NewSelect(classes, nil)
	f.class.SetSelectedIndex(int(e.Classification))
	f.workKind = entry(e.WorkKind, w.t("schedule.form.work_kind_hint"))
	f.buildLink()
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance

	form := widget.NewForm(
		widget.NewFormItem(w.t("schedule.form.title"), f.title),
		widget.NewFormItem(w.t("schedule.form.kind"), f.kind),
		widget.NewFormItem(w.t("schedule.form.date"), container.NewBorder(nil, nil, nil, f.allDay, f.date)),
		widget.NewFormItem(w.t("schedule.form.time"), container.NewGridWithColumns(2, f.start, f.end)),
		widget.NewFormItem(w.t("schedule.form.repeat"), f.repeat),
		widget.NewFormItem(w.t("schedule.form.rule"), f.rule),
		widget.NewFormItem(w.t("schedule.form.place"), f.place),
		widget.NewFormItem(w.t("schedule.form.notes"), f.notes),
		widget.NewFormItem(w.t("schedule.form.link"), f.link),
		widget.NewFormItem(w.t("schedule.form.work_kind"), f.workKind),
		widget.NewFormItem(w.t("case.classification"), f.class),
		widget.NewFormItem(w.t("schedule.form.remind"), f.remind),
	)
	buttons := container.NewHBox(widget.NewButton(w.t("action.save"), f.onSave),
		widget.NewButton(w.t("action.cancel"), func() { f.dlg.Hide() }))
	if f.existing != nil {
		buttons.Add(widget.NewButton(w.t("action.delete"), f.onDelete))
	}
	heading := w.t("schedule.form.new")
	if f.existing != nil {
		heading = w.t("schedule.form.edit")
	}
	content := container.NewBorder(nil, container.NewVBox(f.message, buttons), nil, nil, container.NewVScroll(form))
	f.dlg = dialog.NewCustomWithoutButtons(heading, content, w.win)
	f.dlg.Resize(fyne.NewSize(640, 640))
	f.dlg.Show()
}

// buildLink fills the list of what the event can be linked to, with the
// current link selected.
func (f *eventForm) buildLink() {
	w, e := f.s.w, &f.row
	targets, err := app.LinkTargets(w.session, w.today())
	if err != nil {
		slog.Warn("link targets not loaded", "err", err)
	}
	f.targets = targets
	options := []string{w.t("schedule.form.no_link")}
	selected := 0
	for i, t := range targets {
		label := w.t("schedule.link."+string(t.Kind)) + ": " + t.Title
		if mark := t.Classification.Mark(); mark != "" {
			label = "[" + mark + "] " + label
		}
		options = append(options, label)
		if t.Kind == e.LinkKind && t.ID == e.LinkID {
			selected = i + 1
		}
	}
	f.link = widget.NewSelect(uniqueLabels(options), nil)
	f.link.SetSelectedIndex(selected)
}

func repeatKey(rule string) string {
	switch rule {
	case "":
		return "none"
	case "custom":
		return "custom"
	}
	return strings.ToLower(strings.TrimPrefix(rule, "FREQ="))
}

// repeatIndex returns the choice of the repeat list that rule is
// exactly, for an event on day. Any other rule is custom, so that saving
// the form keeps it as it was.
func repeatIndex(rule string, day model.Date) int {
	if rule == "" {
		return 0
	}
	for i, r := range repeatRules[1:5] {
		if rule == r || r == "FREQ=WEEKLY" && rule == r+";BYDAY="+byDayCodes[day.Weekday()] {
			return i + 1
		}
	}
	return len(repeatRules) - 1
}

func reminderText(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, strconv.Itoa(int(d/time.Minute)))
	}
	return strings.Join(parts, " ")
}

// read returns the event the form describes, or false after showing
// what is wrong.
func (f *eventForm) read() (model.Event, bool) {
	w, e := f.s.w, f.row
	fail := func(key string) (model.Event, bool) {
		f.message.SetText(w.t(key))
		return e, false
	}

	e.Title = model.Normalize(f.title.Text)
	if e.Title == "" {
		return fail("schedule.err.event_title")
	}
	day, ok := parseDateEntry(f.date)
	if !ok || day.IsZero() {
		return fail("schedule.err.event_date")
	}
	if !f.readTimes(&e, day) {
		return fail("schedule.err.event_time")
	}
	e.RRule = f.readRule(day)

	e.Kind = model.KindEvent
	if f.kind.SelectedIndex() == 1 {
		e.Kind = model.KindBlock
	}
	e.Location, e.Notes = model.Normalize(f.place.Text), model.Normalize(f.notes.Text)
	e.WorkKind = model.Normalize(f.workKind.Text)
	e.LinkKind, e.LinkID = model.LinkNone, ""
	if i := f.link.SelectedIndex(); i > 0 {
		e.LinkKind, e.LinkID = f.targets[i-1].Kind, f.targets[i-1].ID
	}
	e.Classification = model.Classification(max(f.class.SelectedIndex(), 0))

	e.Reminders = nil
	for _, part := range strings.Fields(f.remind.Text) {
		m, err := strconv.Atoi(part)
		if err != nil || m < 0 || m > 7*24*60 {
			return fail("schedule.err.remind")
		}
		e.Reminders = append(e.Reminders, time.Duration(m)*time.Minute)
	}
	return e, true
}

// readTimes sets the dates of an all-day event, keeping its length, or
// the start and end of a timed one on day. It reports false for times
// that do not parse or an end not after the start.
func (f *eventForm) readTimes(e *model.Event, day model.Date) bool {
	e.AllDay = f.allDay.Checked
	if e.AllDay {
		length := 0
		if !e.StartDate.IsZero() {
			length = max(e.StartDate.DaysUntil(e.EndDate), 0)
		}
		e.StartDate, e.EndDate = day, day.AddDays(length)
		return true
	}
	from, ok1 := parseClock(f.start.Text)
	to, ok2 := parseClock(f.end.Text)
	if !ok1 || !ok2 || to <= from {
		return false
	}
	e.Start, e.End = day.In(app.Zone).Add(from), day.In(app.Zone).Add(to)
	return true
}

// readRule returns the RRULE of the repeat choice; a weekly event repeats
// on the weekday of day.
func (f *eventForm) readRule(day model.Date) string {
	i := f.repeat.SelectedIndex()
	switch {
	case i <= 0:
		return ""
	case repeatRules[i] == "custom":
		return strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(f.rule.Text, "RRULE:")))
	case repeatRules[i] == "FREQ=WEEKLY":
		return "FREQ=WEEKLY;BYDAY=" + byDayCodes[day.Weekday()]
	}
	return repeatRules[i]
}

// parseClock reads HH:MM (or H:MM, or HHhMM as users also write it).
func parseClock(s string) (time.Duration, bool) {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "h", ":")
	h, m, ok := strings.Cut(s, ":")
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hour < 0 || hour > 24 || minute < 0 || minute > 59 {
		return 0, false
	}
	return time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute, true
}

func (f *eventForm) onSave() {
	w := f.s.w
	w.touch()
	e, ok := f.read()
	if !ok {
		return
	}
	save := func(scope app.Scope) {
		var err error
		if f.existing == nil {
			err = app.CreateEvent(w.session, &e)
		} else {
			err = app.UpdateEvent(w.session, *f.existing, e, scope)
		}
		if err != nil {
			f.message.SetText(w.t(app.ExplainSchedule(err).Key))
			return
		}
		f.dlg.Hide()
		f.s.refresh()
	}
	if f.existing != nil && f.existing.Recurring {
		f.s.askScope(save)
		return
	}
	save(app.AllOccurrences)
}

func (f *eventForm) onDelete() {
	w := f.s.w
	del := func(scope app.Scope) {
		if err := app.DeleteOccurrence(w.session, *f.existing, scope); err != nil {
			w.showError(err)
			return
		}
		f.dlg.Hide()
		f.s.refresh()
	}
	if f.existing.Recurring {
		f.s.askScope(del)
		return
	}
	dialog.ShowConfirm(w.t("schedule.delete_title"), w.t("schedule.delete_confirm"), func(ok bool) {
		if ok {
			del(app.AllOccurrences)
		}
	}, w.win)
}

// askScope shows a dialog with a choice between this occurrence and all
// of them, and calls then with the choice.
func (s *calendarScreen) askScope(then func(app.Scope)) {
	w := s.w
	var d dialog.Dialog
	this := widget.NewButton(w.t("schedule.scope.this"), func() { d.Hide(); then(app.ThisOccurrence) })
	all := widget.NewButton(w.t("schedule.scope.all"), func() { d.Hide(); then(app.AllOccurrences) })
	cancel := widget.NewButton(w.t("action.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(w.t("schedule.scope.title"),
		container.NewVBox(widget.NewLabel(w.t("schedule.scope.question")), container.NewHBox(this, all, cancel)), w.win)
	d.Show()
}

// reschedule moves or resizes an item dragged on the grid, asking the
// scope for an occurrence of a series.
func (s *calendarScreen) reschedule(it model.CalendarItem, start, end time.Time) {
	w := s.w
	w.touch()
	move := func(scope app.Scope) {
		if err := app.RescheduleOccurrence(w.session, it, start, end, scope); err != nil {
			w.showError(err)
		}
		s.refresh()
	}
	if it.Recurring {
		s.askScope(move)
		s.refresh()
		return
	}
	move(app.AllOccurrences)
}

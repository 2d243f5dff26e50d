package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// meetingsScreen lists every meeting with its distribution deadline and
// readiness, newest plans first after the ones still to come.
type meetingsScreen struct {
	w     *window
	rules app.MeetingRules
	rows  []meetingRow
}

type meetingRow struct {
	meeting    model.Meeting
	assessment model.Assessment
}

func newMeetingsScreen(w *window) *meetingsScreen { return &meetingsScreen{w: w} }

// meetingMessage is w.message for the meeting operations.
func (w *window) meetingMessage(err error) string {
	switch {
	case errors.Is(err, errMeetingBadDate):
		return w.t("meetings.err.bad_date")
	case errors.Is(err, errNeedsCase):
		return w.t("meetings.material.needs_case")
	case errors.Is(err, errMinutesBad):
		return w.t("meetings.f.minutes_bad")
	case errors.Is(err, errNotAFile):
		return w.t("meetings.err.not_a_file")
	}
	msg := app.ExplainMeeting(err)
	if msg.Key == "err.unexpected" {
		return w.message(err)
	}
	return w.t(msg.Key, msg.Args...)
}

func (s *meetingsScreen) build() fyne.CanvasObject {
	w := s.w
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	s.rules = rules
	if err := s.load(); err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}

	newMeeting := widget.NewButtonWithIcon(w.t("meetings.new"), theme.ContentAddIcon(), func() {
		w.touch()
		w.show(w.t("meetings.new"), newMeetingForm(w, nil).build())
	})
	newMeeting.Importance = widget.HighImportance
	members := widget.NewButtonWithIcon(w.t("meetings.members"), theme.AccountIcon(), func() {
		w.touch()
		w.show(w.t("meetings.members"), newMembersScreen(w).build())
	})
	rulesButton := widget.NewButtonWithIcon(w.t("meetings.rules"), theme.SettingsIcon(), func() {
		w.touch()
		w.show(w.t("meetings.rules"), newMeetingRulesScreen(w).build())
	})
	top := container.NewHBox(newMeeting, members, rulesButton)
	if len(s.rows) == 0 {
		return container.NewBorder(top, nil, nil, nil, widget.NewLabel(w.t("meetings.none")))
	}
	list := widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return newMeetingListRow(w) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*meetingListRow).set(s.rows[id]) },
	)
	list.OnSelected = func(id widget.ListItemID) {
		w.touch()
		w.showMeeting(s.rows[id].meeting.ID)
	}
	return container.NewBorder(top, nil, nil, nil, list)
}

// load reads every meeting and judges each one on today.
func (s *meetingsScreen) load() error {
	w := s.w
	today := w.today()
	list, err := w.session.Meetings(model.Date{}, model.Date{})
	if err != nil {
		return err
	}
	planned, err := app.PlannedMeetings(w.session, s.rules, today)
	if err != nil {
		return err
	}
	judged := map[string]model.Assessment{}
	for _, p := range planned {
		judged[p.ID] = p.Assessment
	}
	// Meetings to come first, soonest first; then past ones, latest first.
	var upcoming, past []meetingRow
	for _, m := range list {
		a, ok := judged[m.ID]
		if !ok {
			a = model.Assessment{Deadlines: s.rules.Deadlines(m), Readiness: model.ReadyNA}
		}
		if m.Date.Before(today) {
			past = append([]meetingRow{{m, a}}, past...)
		} else {
			upcoming = append(upcoming, meetingRow{m, a})
		}
	}
	s.rows = append(upcoming, past...)
	return nil
}

// meetingListRow is one meeting of the list.
type meetingListRow struct {
	widget.BaseWidget
	w        *window
	date     *widget.Label
	title    *widget.Label
	deadline *widget.Label
	state    *widget.Label
	badge    *classificationBadge
}

func newMeetingListRow(w *window) *meetingListRow {
	r := &meetingListRow{
		w:        w,
		date:     widget.NewLabel(""),
		title:    widget.NewLabel(""),
		deadline: widget.NewLabel(""),
		state:    widget.NewLabel(""),
		badge:    newClassificationBadge(0),
	}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.state.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *meetingListRow) set(row meetingRow) {
	w, m, a := r.w, row.meeting, row.assessment
	r.date.SetText(m.Date.Display() + " " + m.Time)
	r.title.SetText(m.Number + " · " + m.Title)
	r.deadline.SetText(a.Practical.Display())
	r.badge.SetLevel(m.Classification)
	if a.Readiness == model.ReadyNA {
		r.state.Importance = widget.LowImportance
		r.state.SetText(w.t("meetings.status." + string(m.Status)))
		return
	}
	text := w.t("meetings.readiness." + string(a.Readiness))
	if a.Readiness != model.Ready {
		text += " · " + shortCountdown(w, a)
	}
	r.state.Importance = readinessImportance(a.Readiness)
	r.state.SetText(text)
}

// countdown returns "còn 2 ngày làm việc để gửi tài liệu" and its kin.
func countdown(w *window, a model.Assessment) string {
	return countdownText(w, a, "")
}

// shortCountdown returns the countdown in the few words that fit the
// state column of the meeting list, such as "còn 2 ngày làm việc".
func shortCountdown(w *window, a model.Assessment) string {
	return countdownText(w, a, "_short")
}

// countdownText picks the countdown message, with suffix added to each
// key. The short messages give the five-day deadline without its year.
func countdownText(w *window, a model.Assessment, suffix string) string {
	switch {
	case a.DaysLeft > 0:
		return w.tn("meetings.days_left"+suffix, a.DaysLeft, a.DaysLeft)
	case a.DaysLeft == 0 && !a.Passed:
		return w.t("meetings.days_left_today" + suffix)
	case a.DaysLeft == 0 && a.Readiness == model.Late:
		return w.t("meetings.days_over_none" + suffix)
	case a.DaysLeft == 0:
		deadline := a.Deadline.Display()
		if suffix != "" && len(deadline) > len("02/01") {
			deadline = deadline[:len("02/01")]
		}
		return w.t("meetings.practical_passed"+suffix, deadline)
	}
	return w.tn("meetings.days_over"+suffix, -a.DaysLeft, -a.DaysLeft)
}

func readinessImportance(r model.Readiness) widget.Importance {
	switch r {
	case model.Ready:
		return widget.SuccessImportance
	case model.AtRisk:
		return widget.WarningImportance
	case model.Late:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

func (r *meetingListRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&columnsLayout{shares: []float32{0.13, 0, 0.1, 0.33}},
		r.date, container.NewBorder(nil, nil, container.NewCenter(r.badge), nil, r.title), r.deadline, r.state))
}

func (w *window) showMeetingList() {
	w.show(w.t("nav.meetings"), newMeetingsScreen(w).build())
}

func (w *window) showMeeting(id string) {
	w.showMeetingTab(id, 0)
}

func (w *window) showMeetingTab(id string, tab int) {
	w.showMeetingAt(id, tab, fyne.Position{})
}

// showMeetingAt shows meeting id on tab with its agenda scrolled to
// offset, and returns the screen, or nil after showing why the meeting
// could not be read.
func (w *window) showMeetingAt(id string, tab int, offset fyne.Position) *meetingScreen {
	screen, err := newMeetingScreen(w, id)
	if err != nil {
		w.showError(err)
		return nil
	}
	screen.agendaOffset = offset
	w.show(w.t("nav.meetings"), screen.build(tab))
	return screen
}

// todayMeetings lists, for the Hôm nay screen, the planned meetings at
// risk or late, each with its countdown to the practical deadline. It is
// empty when there are none.
func todayMeetings(w *window) fyne.CanvasObject {
	box := container.NewVBox()
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	list, err := app.MeetingsAtRisk(w.session, rules, w.today())
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	if len(list) == 0 {
		return box
	}
	box.Add(widget.NewLabelWithStyle(w.t("today.meetings_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, ms := range list {
		id := ms.ID
		text := ms.Date.Display() + " · " + ms.Title + " — " + countdown(w, ms.Assessment) +
			" (" + w.tn("meetings.unsent", ms.Unsent, ms.Unsent) + ")"
		b := widget.NewButton(text, func() { w.showMeeting(id) })
		b.Alignment = widget.ButtonAlignLeading
		if ms.Readiness == model.Late {
			b.Importance = widget.DangerImportance
		} else {
			b.Importance = widget.WarningImportance
		}
		badge := newClassificationBadge(ms.Classification)
		box.Add(container.NewBorder(nil, nil, container.NewCenter(badge), nil, b))
	}
	return box
}

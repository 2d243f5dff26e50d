package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// meetingRulesScreen sets, in the vault, the distribution rule (number of
// days and counting mode), the header block of printouts and the
// official schedules of the working-day calendar. Hội nghị shows it with
// a back button, and Cài đặt shows its two tabs among its own.
type meetingRulesScreen struct{ w *window }

func newMeetingRulesScreen(w *window) *meetingRulesScreen { return &meetingRulesScreen{w: w} }

func (s *meetingRulesScreen) build() fyne.CanvasObject {
	w := s.w
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("meetings.rules.tab"), s.rulesTab()),
		container.NewTabItem(w.t("workdays.tab"), newScheduleForm(w).build()),
	)
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), w.showMeetingList)
	return container.NewBorder(container.NewHBox(back), nil, nil, nil, tabs)
}

// rulesTab holds the distribution rule and the document header.
func (s *meetingRulesScreen) rulesTab() fyne.CanvasObject {
	w := s.w
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	header, err := app.LoadDocumentHeader(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	return container.NewVScroll(container.NewVBox(s.ruleCard(rules), s.headerCard(header)))
}

func (s *meetingRulesScreen) ruleCard(rules app.MeetingRules) fyne.CanvasObject {
	w := s.w
	days := widget.NewEntry()
	days.SetText(strconv.Itoa(rules.Rule.Days))
	working := widget.NewCheck(w.t("meetings.rules.working"), nil)
	working.SetChecked(rules.Rule.Working)
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon(w.t("action.save"), theme.DocumentSaveIcon(), func() {
		w.touch()
		n, err := strconv.Atoi(model.Normalize(days.Text))
		if err != nil {
			err = app.ErrDistributionDays
		} else {
			err = app.SetDistributionRule(w.session, model.DistributionRule{Days: n, Working: working.Checked})
		}
		showStatus(status, w, err)
	})
	return widget.NewCard(w.t("meetings.rules.card"), "", container.NewVBox(
		widget.NewForm(widget.NewFormItem(w.t("meetings.rules.days"), days)), working,
		container.NewHBox(save), status))
}

// headerFields are the entries, the save button and the status line of
// the header card.
type headerFields struct {
	superior, issuer, place *widget.Entry
	status                  *widget.Label
	save                    *widget.Button
}

// headerCard edits the superior body, the issuing body and the place that
// head every printout. The Word forms read the same settings.
func (s *meetingRulesScreen) headerCard(h app.DocumentHeader) fyne.CanvasObject {
	f := s.newHeaderFields(h)
	w := s.w
	hint := widget.NewLabel(w.t("meetings.header.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return widget.NewCard(w.t("meetings.header"), "", container.NewVBox(hint,
		widget.NewForm(
			widget.NewFormItem(w.t("meetings.header.superior"), f.superior),
			widget.NewFormItem(w.t("meetings.header.issuer"), f.issuer),
			widget.NewFormItem(w.t("meetings.header.place"), f.place),
		), container.NewHBox(f.save), f.status))
}

func (s *meetingRulesScreen) newHeaderFields(h app.DocumentHeader) *headerFields {
	w := s.w
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { w.touch() }
		return e
	}
	f := &headerFields{
		superior: entry(h.Superior, w.t("meetings.header.superior_hint")),
		issuer:   entry(h.Issuer, w.t("meetings.header.issuer_hint")),
		place:    entry(h.Place, w.t("meetings.header.place_hint")),
		status:   widget.NewLabel(""),
	}
	f.status.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButtonWithIcon(w.t("action.save"), theme.DocumentSaveIcon(), func() {
		w.touch()
		err := app.SetDocumentHeader(w.session, app.DocumentHeader{
			Superior: f.superior.Text, Issuer: f.issuer.Text, Place: f.place.Text})
		showStatus(f.status, w, err)
	})
	return f
}

func showStatus(l *widget.Label, w *window, err error) {
	if err != nil {
		l.Importance = widget.DangerImportance
		l.SetText(w.meetingMessage(err))
		return
	}
	l.Importance = widget.SuccessImportance
	l.SetText(w.t("meetings.rules.saved"))
}

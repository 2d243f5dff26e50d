package ui

import (
	"encoding/json"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/model/workday"
)

// membersScreen is the members directory: commission and standing
// committee members and invited guests, kept once for every meeting.
type membersScreen struct{ w *window }

func newMembersScreen(w *window) *membersScreen { return &membersScreen{w: w} }

func (s *membersScreen) build() fyne.CanvasObject {
	w := s.w
	members, err := w.session.Members()
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	box := container.NewVBox()
	for _, m := range members {
		m := m
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			dialog.ShowConfirm(w.t("action.delete"), w.t("meetings.member.delete_confirm", m.Name), func(ok bool) {
				if ok {
					if err := w.session.DeleteMember(m.ID); err != nil {
						w.showError(err)
					}
					w.show(w.t("meetings.members"), newMembersScreen(w).build())
				}
			}, w.win)
		})
		label := widget.NewLabel(m.Name + " · " + m.Title + " · " + w.t("meetings.role."+string(m.Role)))
		box.Add(container.NewBorder(nil, nil, nil, del, label))
	}

	name, title := widget.NewEntry(), widget.NewEntry()
	name.SetPlaceHolder(w.t("meetings.member.name"))
	title.SetPlaceHolder(w.t("meetings.member.title"))
	var roles []string
	for _, r := range model.MemberRoles {
		roles = append(roles, string(r))
	}
	role := translatedSelect(w, "meetings.role.", roles, string(model.MemberCommission))
	message := widget.NewLabel("")
	message.Importance = widget.DangerImportance
	add := widget.NewButtonWithIcon(w.t("meetings.member.add"), theme.ContentAddIcon(), func() {
		w.touch()
		m := model.Member{Name: name.Text, Title: title.Text, Role: model.MemberRoles[max(0, role.SelectedIndex())]}
		if err := w.session.SaveMember(&m); err != nil {
			message.SetText(w.meetingMessage(err))
			return
		}
		w.show(w.t("meetings.members"), newMembersScreen(w).build())
	})
	add.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), w.showMeetingList)
	form := container.NewVBox(widget.NewSeparator(), container.NewGridWithColumns(3, name, title, role), add, message)
	return container.NewBorder(container.NewHBox(back), form, nil, nil, container.NewVScroll(box))
}

// meetingRulesScreen sets the number of days, the counting mode and the
// official schedules of the working-day calendar, all stored in the vault.
type meetingRulesScreen struct{ w *window }

func newMeetingRulesScreen(w *window) *meetingRulesScreen { return &meetingRulesScreen{w: w} }

func (s *meetingRulesScreen) build() fyne.CanvasObject {
	w := s.w
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	days := widget.NewEntry()
	days.SetText(strconv.Itoa(rules.Rule.Days))
	working := widget.NewCheck(w.t("meetings.rules.working"), nil)
	working.SetChecked(rules.Rule.Working)
	ruleStatus := widget.NewLabel("")
	saveRule := widget.NewButton(w.t("action.save"), func() {
		w.touch()
		n, err := strconv.Atoi(model.Normalize(days.Text))
		if err != nil {
			err = app.ErrDistributionDays
		} else {
			err = app.SetDistributionRule(w.session, model.DistributionRule{Days: n, Working: working.Checked})
		}
		showStatus(ruleStatus, w, err)
	})
	ruleCard := widget.NewCard(w.t("meetings.rules"), "", container.NewVBox(
		widget.NewForm(widget.NewFormItem(w.t("meetings.rules.days"), days)), working, saveRule, ruleStatus))

	doc, custom, err := app.CalendarDocument(w.session)
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	text := widget.NewMultiLineEntry()
	text.SetMinRowsVisible(14)
	text.TextStyle = fyne.TextStyle{Monospace: true}
	text.SetText(documentJSON(doc))
	origin := widget.NewLabel(w.t("meetings.rules.builtin"))
	if custom {
		origin.SetText(w.t("meetings.rules.custom"))
	}
	calStatus := widget.NewLabel("")
	calStatus.Wrapping = fyne.TextWrapWord
	saveCal := widget.NewButton(w.t("action.save"), func() {
		w.touch()
		parsed, err := app.ParseCalendarDocument(text.Text)
		if err == nil {
			err = app.SetCalendarDocument(w.session, parsed)
		}
		showStatus(calStatus, w, err)
		if err == nil {
			origin.SetText(w.t("meetings.rules.custom"))
		}
	})
	reset := widget.NewButton(w.t("meetings.rules.reset"), func() {
		w.touch()
		if err := app.ResetCalendar(w.session); err != nil {
			showStatus(calStatus, w, err)
			return
		}
		w.show(w.t("meetings.rules"), newMeetingRulesScreen(w).build())
	})
	hint := widget.NewLabel(w.t("meetings.rules.calendar_hint"))
	hint.Wrapping = fyne.TextWrapWord
	calCard := widget.NewCard(w.t("meetings.rules.calendar"), "", container.NewVBox(
		origin, hint, text, container.NewHBox(saveCal, reset), calStatus))
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), w.showMeetingList)
	return container.NewVScroll(container.NewVBox(container.NewHBox(back), ruleCard, calCard))
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

// documentJSON returns the calendar as the settings screen edits it.
func documentJSON(doc workday.Document) string {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return ""
	}
	return string(b)
}

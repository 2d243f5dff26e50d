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

// meetingForm creates or edits a meeting. It is a screen, so that an
// error leaves every field as typed.
type meetingForm struct {
	w        *window
	existing *model.Meeting

	number, title, date, start, duration, place, chair, notes *widget.Entry
	kind, class, status                                       *widget.Select
	message                                                   *widget.Label
}

func newMeetingForm(w *window, existing *model.Meeting) *meetingForm {
	return &meetingForm{w: w, existing: existing}
}

func (f *meetingForm) build() fyne.CanvasObject {
	w := f.w
	m := f.existing
	if m == nil {
		m = &model.Meeting{Kind: model.MeetingCommission, Status: model.MeetingPlanned,
			Date: w.today().AddDays(14), Time: "08:00", Duration: 180}
	}
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { w.touch() }
		return e
	}
	f.number, f.title = entry(m.Number, ""), entry(m.Title, "")
	f.date = newDateEntry(w, m.Date)
	f.start = entry(m.Time, w.t("meetings.f.time_hint"))
	f.duration = entry(strconv.Itoa(m.Duration), "")
	f.place, f.chair = entry(m.Place, ""), entry(m.Chair, "")
	f.notes = widget.NewMultiLineEntry()
	f.notes.SetText(m.Notes)
	f.kind = translatedSelect(w, "meetings.kind.", meetingKindKeys(), string(m.Kind))
	f.status = translatedSelect(w, "meetings.status.", meetingStatusKeys(), string(m.Status))
	var classes []string
	for _, c := range model.Classifications {
		classes = append(classes, w.classificationName(c))
	}
	f.class = widget.NewSelect(classes, nil)
	f.class.SetSelectedIndex(int(m.Classification))
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance

	form := widget.NewForm(
		widget.NewFormItem(w.t("meetings.f.title"), f.title),
		widget.NewFormItem(w.t("meetings.f.kind"), f.kind),
		widget.NewFormItem(w.t("meetings.f.number"), f.number),
		widget.NewFormItem(w.t("meetings.f.date"), f.date),
		widget.NewFormItem(w.t("meetings.f.time"), f.start),
		widget.NewFormItem(w.t("meetings.f.duration"), f.duration),
		widget.NewFormItem(w.t("meetings.f.place"), f.place),
		widget.NewFormItem(w.t("meetings.f.chair"), f.chair),
		widget.NewFormItem(w.t("meetings.f.classification"), f.class),
		widget.NewFormItem(w.t("meetings.f.status"), f.status),
		widget.NewFormItem(w.t("meetings.f.notes"), f.notes),
	)
	save := widget.NewButtonWithIcon(w.t("action.save"), theme.DocumentSaveIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(w.t("action.cancel"), f.onCancel)
	return container.NewVScroll(container.NewVBox(form, f.message, container.NewHBox(save, cancel)))
}

func meetingKindKeys() []string {
	var out []string
	for _, k := range model.MeetingKinds {
		out = append(out, string(k))
	}
	return out
}

func meetingStatusKeys() []string {
	var out []string
	for _, s := range model.MeetingStatuses {
		out = append(out, string(s))
	}
	return out
}

// translatedSelect returns a select over the translated names of values,
// with current selected.
func translatedSelect(w *window, prefix string, values []string, current string) *widget.Select {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = w.t(prefix + v)
	}
	s := widget.NewSelect(names, nil)
	s.SetSelectedIndex(0)
	for i, v := range values {
		if v == current {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

// read builds the meeting from the fields, or returns the message that
// names the field to fix.
func (f *meetingForm) read() (*model.Meeting, string) {
	w := f.w
	m := &model.Meeting{}
	if f.existing != nil {
		copied := *f.existing
		m = &copied
	}
	date, ok := parseDateEntry(f.date)
	if !ok {
		return nil, w.t("err.bad_date", w.t("meetings.f.date"), f.date.Text)
	}
	minutes, err := strconv.Atoi(model.Normalize(f.duration.Text))
	if model.Normalize(f.duration.Text) == "" {
		minutes, err = 0, nil
	}
	if err != nil {
		return nil, w.t("meetings.f.minutes_bad")
	}
	m.Number, m.Title, m.Date, m.Time, m.Duration = f.number.Text, f.title.Text, date, f.start.Text, minutes
	m.Place, m.Chair, m.Notes = f.place.Text, f.chair.Text, f.notes.Text
	m.Kind = model.MeetingKinds[max(0, f.kind.SelectedIndex())]
	m.Status = model.MeetingStatuses[max(0, f.status.SelectedIndex())]
	m.Classification = model.Classification(max(0, f.class.SelectedIndex()))
	return m, ""
}

func (f *meetingForm) onSave() {
	w := f.w
	w.touch()
	m, problem := f.read()
	if problem != "" {
		f.message.SetText(problem)
		return
	}
	var err error
	if f.existing == nil {
		err = app.CreateMeeting(w.session, m, w.today())
	} else {
		err = app.UpdateMeeting(w.session, m, w.today())
	}
	if err != nil {
		f.message.SetText(w.meetingMessage(err))
		return
	}
	w.showMeeting(m.ID)
}

func (f *meetingForm) onCancel() {
	if f.existing != nil {
		f.w.showMeeting(f.existing.ID)
		return
	}
	f.w.showMeetingList()
}

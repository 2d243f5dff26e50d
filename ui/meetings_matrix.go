package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// errNeedsCase is shown when a case document is linked to an item with
// no case.
var errNeedsCase = errors.New("agenda item has no linked case")

// matrixTab is the distribution matrix: one row per attendee, one column
// per material. Tapping a cell records, confirms or corrects its send.
func (s *meetingScreen) matrixTab() fyne.CanvasObject {
	w, v := s.w, s.v
	if len(v.Attendees) == 0 || len(v.Materials) == 0 {
		return widget.NewLabel(w.t("meetings.attendees.none"))
	}
	table := widget.NewTable(
		func() (int, int) { return len(v.Attendees) + 1, len(v.Materials) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle, l.Importance = fyne.TextStyle{}, widget.MediumImportance
			switch {
			case id.Row == 0 && id.Col == 0:
				l.SetText("")
			case id.Row == 0:
				l.TextStyle.Bold = true
				l.SetText(v.Materials[id.Col-1].Title)
			case id.Col == 0:
				l.TextStyle.Bold = true
				l.SetText(v.Attendees[id.Row-1].Name)
			default:
				s.setCell(l, id.Col-1, v.Attendees[id.Row-1].ID)
			}
		})
	table.SetColumnWidth(0, 200)
	for c := 1; c <= len(v.Materials); c++ {
		table.SetColumnWidth(c, 190)
	}
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		if id.Row > 0 && id.Col > 0 {
			s.onCell(id.Col-1, v.Attendees[id.Row-1])
		}
	}
	return table
}

func (s *meetingScreen) setCell(l *widget.Label, j int, memberID string) {
	w := s.w
	_, d := s.v.Cell(j, memberID)
	state := s.v.CellState(j, memberID)
	var text string
	switch state {
	case model.CellOnTime, model.CellLate:
		text = w.t("meetings.cell."+string(state), d.SentOn.Display())
	case model.CellReceived:
		text = w.t("meetings.cell.received", d.ReceivedOn.Display())
	default:
		text = w.t("meetings.cell." + string(state))
	}
	l.Importance = map[model.CellState]widget.Importance{
		model.CellNotAppraised: widget.LowImportance, model.CellUnsent: widget.WarningImportance,
		model.CellOnTime: widget.MediumImportance, model.CellLate: widget.DangerImportance,
		model.CellReceived: widget.SuccessImportance,
	}[state]
	l.SetText(text)
}

// formDialog shows items in a dialog and runs submit on confirm, as
// window.meetingFormDialog does.
func (s *meetingScreen) formDialog(title string, items []*widget.FormItem, submit func() error) {
	s.w.meetingFormDialog(title, items, submit)
}

// meetingFormDialog shows items in a dialog and runs submit on confirm.
// When submit fails it shows the message in the same dialog again, so
// nothing typed is lost.
func (w *window) meetingFormDialog(title string, items []*widget.FormItem, submit func() error) {
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	message.Importance = widget.DangerImportance
	form := widget.NewForm(items...)
	var d dialog.Dialog
	d = dialog.NewCustomConfirm(title, w.t("action.save"), w.t("action.cancel"),
		container.NewVBox(form, message), func(ok bool) {
			w.touch()
			if !ok {
				return
			}
			if err := submit(); err != nil {
				message.SetText(w.meetingMessage(err))
				d.Show()
			}
		}, w.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

func (s *meetingScreen) onAppraise(versionID string) {
	w := s.w
	on := newDateEntry(w, w.today())
	by := widget.NewEntry()
	reason := widget.NewMultiLineEntry()
	s.formDialog(w.t("meetings.appraise.title"), []*widget.FormItem{
		widget.NewFormItem(w.t("meetings.appraise.on"), on),
		widget.NewFormItem(w.t("meetings.appraise.by"), by),
		widget.NewFormItem(w.t("meetings.reason"), reason),
	}, func() error {
		day, ok := parseDateEntry(on)
		if !ok {
			return errMeetingBadDate
		}
		err := app.AppraiseVersion(w.session, s.rules, s.v.Meeting, versionID, day, by.Text, reason.Text)
		if err == nil {
			s.reload(0)
		}
		return err
	})
}

// errMeetingBadDate is shown for a date entry that does not parse.
var errMeetingBadDate = errors.New("invalid date")

func (s *meetingScreen) channelSelect() *widget.Select {
	var keys []string
	for _, c := range model.Channels {
		keys = append(keys, string(c))
	}
	return translatedSelect(s.w, "meetings.channel.", keys, string(model.ChannelPaper))
}

func (s *meetingScreen) onSendAll() {
	w := s.w
	on := newDateEntry(w, w.today())
	channel := s.channelSelect()
	reason := widget.NewMultiLineEntry()
	s.formDialog(w.t("meetings.send_all.title"), []*widget.FormItem{
		widget.NewFormItem(w.t("meetings.send.on"), on),
		widget.NewFormItem(w.t("meetings.send.channel"), channel),
		widget.NewFormItem(w.t("meetings.reason"), reason),
	}, func() error {
		day, ok := parseDateEntry(on)
		if !ok || day.IsZero() {
			return errMeetingBadDate
		}
		ch := model.Channels[max(0, channel.SelectedIndex())]
		n, err := app.SendAll(w.session, s.rules, s.v.Meeting, day, ch, reason.Text)
		if err == nil {
			s.reload(1)
			dialog.ShowInformation(w.t("meetings.send_all"), w.tn("meetings.send_all.done", n, n), w.win)
		}
		return err
	})
}

// onCell records a send for an empty cell, or confirms receipt of,
// corrects or withdraws the current send.
func (s *meetingScreen) onCell(j int, member model.Member) {
	w := s.w
	w.touch()
	ver, d := s.v.Cell(j, member.ID)
	if ver == nil || !ver.Appraised() {
		s.fail(vault.ErrNotAppraised)
		return
	}
	on := newDateEntry(w, w.today())
	channel := s.channelSelect()
	reason := widget.NewMultiLineEntry()
	title := w.t("meetings.send.title", member.Name)
	if d == nil || d.SentOn.IsZero() {
		s.formDialog(title, []*widget.FormItem{
			widget.NewFormItem(w.t("meetings.send.on"), on),
			widget.NewFormItem(w.t("meetings.send.channel"), channel),
			widget.NewFormItem(w.t("meetings.reason"), reason),
		}, func() error {
			day, ok := parseDateEntry(on)
			if !ok || day.IsZero() {
				return errMeetingBadDate
			}
			send := model.Distribution{VersionID: ver.ID, MemberID: member.ID, SentOn: day,
				Channel: model.Channels[max(0, channel.SelectedIndex())], LateReason: reason.Text}
			err := app.RecordSend(w.session, s.rules, s.v.Meeting, &send)
			if err == nil {
				s.reload(1)
			}
			return err
		})
		return
	}
	s.correctDialog(title, *d)
}

func (s *meetingScreen) correctDialog(title string, d model.Distribution) {
	w := s.w
	infoText := w.t("meetings.send.cell_info", d.SentOn.Display(), w.t("meetings.channel."+string(d.Channel)))
	if d.LateReason != "" {
		infoText += "\n" + w.t("meetings.material.late_reason", d.LateReason)
	}
	info := widget.NewLabel(infoText)
	info.Wrapping = fyne.TextWrapWord
	received := newDateEntry(w, w.today())
	action := widget.NewRadioGroup([]string{w.t("meetings.send.confirm"), w.t("meetings.send.correct"),
		w.t("meetings.send.withdraw")}, nil)
	action.SetSelected(w.t("meetings.send.confirm"))
	on := newDateEntry(w, d.SentOn)
	channel := s.channelSelect()
	note := widget.NewMultiLineEntry()
	s.formDialog(title, []*widget.FormItem{
		widget.NewFormItem("", info),
		widget.NewFormItem("", action),
		widget.NewFormItem(w.t("meetings.send.received"), received),
		widget.NewFormItem(w.t("meetings.send.on"), on),
		widget.NewFormItem(w.t("meetings.send.channel"), channel),
		widget.NewFormItem(w.t("meetings.send.note"), note),
	}, func() error {
		var err error
		switch action.Selected {
		case w.t("meetings.send.confirm"):
			day, ok := parseDateEntry(received)
			if !ok {
				return errMeetingBadDate
			}
			err = w.session.ConfirmReceipt(d.ID, day)
		default:
			fix := model.Distribution{Note: note.Text, Channel: model.Channels[max(0, channel.SelectedIndex())]}
			if action.Selected == w.t("meetings.send.correct") {
				day, ok := parseDateEntry(on)
				if !ok {
					return errMeetingBadDate
				}
				fix.SentOn = day
			}
			err = w.session.CorrectDistribution(d.ID, &fix)
		}
		if err == nil {
			s.reload(1)
		}
		return err
	})
}

// attendeesTab lists the attendees with a remove button each, and adds
// members from the directory. An attendee deleted from the directory
// since, who stays on the meetings already held, is marked so and keeps
// no remove button: that attendance is part of the record.
func (s *meetingScreen) attendeesTab() fyne.CanvasObject {
	w, v := s.w, s.v
	members, err := w.session.Members()
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	inDirectory := map[string]bool{}
	for _, m := range members {
		inDirectory[m.ID] = true
	}
	box := container.NewVBox()
	attending := map[string]bool{}
	for _, a := range v.Attendees {
		a := a
		attending[a.ID] = true
		label := widget.NewLabel(a.Name + " · " + a.Title + " · " + w.t("meetings.role."+string(a.Role)))
		if !inDirectory[a.ID] {
			label.SetText(label.Text + " · " + w.t("meetings.attendees.departed"))
			box.Add(label)
			continue
		}
		remove := widget.NewButton(w.t("meetings.attendees.remove"), func() { s.removeAttendee(a, false) })
		box.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
	if len(v.Attendees) == 0 {
		box.Add(widget.NewLabel(w.t("meetings.attendees.none")))
	}
	var others []model.Member
	var names []string
	for _, m := range members {
		if !attending[m.ID] {
			others = append(others, m)
			names = append(names, m.Name+" · "+m.Title)
		}
	}
	if len(others) > 0 {
		pick := widget.NewSelect(names, nil)
		pick.PlaceHolder = w.t("meetings.attendees.choose")
		add := widget.NewButton(w.t("meetings.attendees.add"), func() {
			w.touch()
			if i := pick.SelectedIndex(); i >= 0 {
				if err := w.session.AddAttendee(v.Meeting.ID, others[i].ID); err != nil {
					s.fail(err)
					return
				}
				s.reload(2)
			}
		})
		box.Add(widget.NewSeparator())
		box.Add(container.NewBorder(nil, nil, nil, add, pick))
	}
	return container.NewVScroll(box)
}

func (s *meetingScreen) removeAttendee(a model.Member, confirmed bool) {
	w := s.w
	w.touch()
	err := w.session.RemoveAttendee(s.v.Meeting.ID, a.ID, confirmed)
	if errors.Is(err, vault.ErrMaterialsSent) {
		dialog.ShowConfirm(w.t("meetings.attendees.remove"), w.t("meetings.attendees.confirm", a.Name), func(ok bool) {
			if ok {
				s.removeAttendee(a, true)
			}
		}, w.win)
		return
	}
	if err != nil {
		s.fail(err)
		return
	}
	s.reload(2)
}

// recordTab lists every distribution row, corrections included, oldest
// first. A row of a material deleted since still names it, marked as
// deleted.
func (s *meetingScreen) recordTab() fyne.CanvasObject {
	w, v := s.w, s.v
	box := container.NewVBox()
	deleted := 0
	for _, d := range v.Record {
		who := v.People[d.MemberID].Name
		sent := w.t("meetings.record.withdrawn")
		if !d.SentOn.IsZero() {
			sent = d.SentOn.Display() + " · " + w.t("meetings.channel."+string(d.Channel))
		}
		ref := v.Versions[d.VersionID]
		material := ref.Title + " (" + w.t("meetings.material.version", ref.Version) + ")"
		if ref.Deleted {
			material += " " + w.t("meetings.record.deleted_material")
			deleted++
		}
		line := w.t("meetings.record.line", sent, material, who)
		if !d.ReceivedOn.IsZero() {
			line += " · " + w.t("meetings.cell.received", d.ReceivedOn.Display())
		}
		if d.LateReason != "" {
			line += "\n" + w.t("meetings.material.late_reason", d.LateReason)
		}
		if d.Corrects != "" {
			line += "\n" + w.t("meetings.record.corrects", d.Note)
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Italic = ref.Deleted
		box.Add(l)
	}
	if len(v.Record) == 0 {
		box.Add(widget.NewLabel(w.t("meetings.record.none")))
	}
	if deleted > 0 {
		note := widget.NewLabel(w.t("meetings.record.deleted_note"))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		box.Objects = append([]fyne.CanvasObject{note}, box.Objects...)
	}
	return container.NewVScroll(box)
}

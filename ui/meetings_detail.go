package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// meetingScreen is one meeting: its agenda with materials, the
// distribution matrix, the attendees and the send record.
type meetingScreen struct {
	w       *window
	rules   app.MeetingRules
	v       *app.MeetingView
	message *widget.Label
}

func newMeetingScreen(w *window, id string) (*meetingScreen, error) {
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return nil, err
	}
	v, err := app.LoadMeeting(w.session, rules, id, w.today())
	if err != nil {
		return nil, err
	}
	return &meetingScreen{w: w, rules: rules, v: v}, nil
}

func (s *meetingScreen) build(tab int) fyne.CanvasObject {
	w := s.w
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("meetings.tab.agenda"), s.agendaTab()),
		container.NewTabItem(w.t("meetings.tab.distribution"), s.matrixTab()),
		container.NewTabItem(w.t("meetings.tab.attendees"), s.attendeesTab()),
		container.NewTabItem(w.t("meetings.tab.record"), s.recordTab()),
	)
	tabs.SelectIndex(tab)
	return container.NewBorder(container.NewVBox(s.header(), s.message), nil, nil, nil, tabs)
}

func (s *meetingScreen) header() fyne.CanvasObject {
	w, m, a := s.w, s.v.Meeting, s.v.Assessment
	title := widget.NewLabelWithStyle(m.Number+" · "+m.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := fmt.Sprintf("%s %s, %s · %s · %s", m.Time, w.t("meetings.weekday."+m.Date.Weekday().String()),
		m.Date.Display(), m.Place, w.t("meetings.kind."+string(m.Kind)))
	unit := w.t("meetings.unit_calendar")
	if s.rules.Rule.Working {
		unit = w.t("meetings.unit_working")
	}
	deadlines := w.t("meetings.deadlines", a.Deadline.Display(), a.Practical.Display()) + " " +
		w.t("meetings.deadline_rule", s.rules.Rule.Days, unit)
	state := widget.NewLabel(w.t("meetings.status." + string(m.Status)))
	if a.Readiness != model.ReadyNA {
		text := w.t("meetings.readiness." + string(a.Readiness))
		if a.Readiness != model.Ready {
			text += " · " + countdown(w, a) + " · " + w.t("meetings.unsent", a.Unsent)
		}
		state.SetText(text)
		state.Importance = readinessImportance(a.Readiness)
	}
	state.TextStyle = fyne.TextStyle{Bold: true}

	edit := widget.NewButtonWithIcon(w.t("action.edit"), theme.DocumentCreateIcon(), func() {
		w.touch()
		m := s.v.Meeting
		w.show(w.t("nav.meetings"), newMeetingForm(w, &m).build())
	})
	print := widget.NewButtonWithIcon(w.t("meetings.print"), theme.DocumentPrintIcon(), s.onPrint)
	sendAll := widget.NewButtonWithIcon(w.t("meetings.send_all"), theme.MailSendIcon(), s.onSendAll)
	sendAll.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), func() { w.showMeetingList() })
	buttons := container.NewHBox(back, edit, print, sendAll)
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewCenter(newClassificationBadge(m.Classification)), nil, title),
		widget.NewLabel(when), widget.NewLabel(deadlines), state, buttons)
}

func (s *meetingScreen) reload(tab int) { s.w.showMeetingTab(s.v.Meeting.ID, tab) }

func (s *meetingScreen) fail(err error) {
	s.message.Importance = widget.DangerImportance
	s.message.SetText(s.w.meetingMessage(err))
}

// agendaTab lists the agenda items in order with their materials, and a
// form that adds an item.
func (s *meetingScreen) agendaTab() fyne.CanvasObject {
	w, v := s.w, s.v
	box := container.NewVBox()
	for i, it := range v.Items {
		box.Add(s.itemCard(i, it))
	}
	total := model.AgendaMinutes(v.Items)
	totalText := w.t("meetings.agenda_total", total)
	if v.Meeting.Duration > 0 {
		totalText = w.t("meetings.agenda_total_of", total, v.Meeting.Duration)
	}
	totalLabel := widget.NewLabelWithStyle(totalText, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	if v.Meeting.Duration > 0 && total > v.Meeting.Duration {
		totalLabel.Importance = widget.WarningImportance
		totalLabel.SetText(totalText + " · " + w.t("meetings.agenda_over"))
	}
	box.Add(totalLabel)
	box.Add(widget.NewSeparator())
	box.Add(s.addItemForm())
	return container.NewVScroll(box)
}

func (s *meetingScreen) itemCard(i int, it model.AgendaItem) fyne.CanvasObject {
	w := s.w
	head := fmt.Sprintf("%d. %s", i+1, it.Title)
	sub := it.Presenter
	if it.Duration > 0 {
		sub += fmt.Sprintf(" · %d %s", it.Duration, w.t("meetings.item.minutes"))
	}
	if c, err := w.session.Case(it.CaseID); it.CaseID != "" && err == nil {
		sub += " · " + c.Code
	}
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(it.ID, i-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(it.ID, i+1) })
	addFile := widget.NewButtonWithIcon(w.t("meetings.material.add_file"), theme.FileIcon(), func() { s.chooseFile(it.ID, "") })
	link := widget.NewButtonWithIcon(w.t("meetings.material.link"), theme.DocumentIcon(), func() { s.linkDocument(it) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		dialog.ShowConfirm(w.t("action.delete"), w.t("meetings.item.delete_confirm", it.Title), func(ok bool) {
			if !ok {
				return
			}
			if err := w.session.DeleteAgendaItem(it.ID); err != nil {
				s.fail(err)
				return
			}
			s.reload(0)
		}, w.win)
	})
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, addFile, link, del), title),
		widget.NewLabel(sub))
	found := false
	for j := range s.v.Materials {
		if s.v.Materials[j].ItemID == it.ID {
			rows.Add(s.materialRow(j))
			found = true
		}
	}
	if !found {
		none := widget.NewLabel(w.t("meetings.material.none"))
		none.Importance = widget.LowImportance
		rows.Add(none)
	}
	return widget.NewCard("", "", rows)
}

func (s *meetingScreen) materialRow(j int) fyne.CanvasObject {
	w, mat := s.w, &s.v.Materials[j]
	ver := mat.Latest()
	info := widget.NewLabel("")
	info.Wrapping = fyne.TextWrapWord
	text := "– " + mat.Title
	var buttons []fyne.CanvasObject
	if ver != nil {
		text += " (" + w.t("meetings.material.version", ver.Version) + ", " + ver.Name + ") · "
		if ver.Appraised() {
			text += w.t("meetings.material.appraised", ver.AppraisedOn.Display(), ver.AppraisedBy)
		} else {
			text += w.t("meetings.material.draft")
			appraise := widget.NewButton(w.t("meetings.material.appraise"), func() { s.onAppraise(ver.ID) })
			appraise.Importance = widget.HighImportance
			buttons = append(buttons, appraise)
		}
		if ver.LateReason != "" {
			text += "\n" + w.t("meetings.material.late_reason", ver.LateReason)
		}
	}
	buttons = append(buttons, widget.NewButton(w.t("meetings.material.new_version"), func() { s.chooseFile(mat.ItemID, mat.ID) }))
	info.SetText(text)
	late := widget.NewLabel("")
	if s.v.LateVersion(j) {
		late.SetText(w.t("meetings.material.late"))
		late.Importance = widget.DangerImportance
		late.TextStyle = fyne.TextStyle{Bold: true}
	}
	right := container.NewHBox(append([]fyne.CanvasObject{container.NewCenter(newClassificationBadge(mat.Classification)), late}, buttons...)...)
	return container.NewBorder(nil, nil, nil, right, info)
}

func (s *meetingScreen) move(id string, to int) {
	s.w.touch()
	if err := s.w.session.MoveAgendaItem(id, to); err != nil {
		s.fail(err)
		return
	}
	s.reload(0)
}

// addItemForm adds an item at the end of the agenda. A failed add keeps
// what was typed.
func (s *meetingScreen) addItemForm() fyne.CanvasObject {
	w := s.w
	title := widget.NewEntry()
	title.SetPlaceHolder(w.t("meetings.item.title"))
	presenter := widget.NewEntry()
	presenter.SetPlaceHolder(w.t("meetings.item.presenter"))
	minutes := widget.NewEntry()
	minutes.SetPlaceHolder(w.t("meetings.item.minutes"))
	cases, _ := app.ListOrSearch(w.session, "", w.today())
	names := []string{w.t("meetings.item.no_case")}
	for _, c := range cases {
		names = append(names, c.Code+" · "+c.Title)
	}
	caseSelect := widget.NewSelect(names, nil)
	caseSelect.SetSelectedIndex(0)
	add := widget.NewButtonWithIcon(w.t("meetings.item.add"), theme.ContentAddIcon(), func() {
		w.touch()
		n := 0
		if text := model.Normalize(minutes.Text); text != "" {
			var err error
			if n, err = strconv.Atoi(text); err != nil {
				s.message.Importance = widget.DangerImportance
				s.message.SetText(w.t("meetings.f.minutes_bad"))
				return
			}
		}
		it := model.AgendaItem{MeetingID: s.v.Meeting.ID, Title: title.Text, Presenter: presenter.Text, Duration: n}
		if i := caseSelect.SelectedIndex(); i > 0 {
			it.CaseID = cases[i-1].ID
		}
		if err := w.session.AddAgendaItem(&it); err != nil {
			s.fail(err)
			return
		}
		s.reload(0)
	})
	add.Importance = widget.HighImportance
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(90, 36), minutes), title),
		container.NewGridWithColumns(2, presenter, caseSelect), add)
}

func (s *meetingScreen) chooseFile(itemID, materialID string) {
	w := s.w
	w.touch()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				s.fail(err)
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		session, class := w.session, s.v.Meeting.Classification
		run(func() error {
			return app.AddMaterialFile(context.Background(), session, itemID, materialID, class, path)
		}, func(err error) {
			if err != nil {
				s.fail(err)
				return
			}
			s.reload(0)
		})
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// linkDocument adds a document of the item's case as a material, sharing
// its stored content.
func (s *meetingScreen) linkDocument(it model.AgendaItem) {
	w := s.w
	if it.CaseID == "" {
		s.fail(errNeedsCase)
		return
	}
	docs, err := w.session.Documents(it.CaseID)
	if err != nil {
		s.fail(err)
		return
	}
	if len(docs) == 0 {
		s.message.Importance = widget.WarningImportance
		s.message.SetText(w.t("meetings.material.no_docs"))
		return
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	dialog.ShowCustomConfirm(w.t("meetings.material.link_title"), w.t("action.add"), w.t("action.cancel"), pick, func(ok bool) {
		if !ok || pick.SelectedIndex() < 0 {
			return
		}
		d := docs[pick.SelectedIndex()]
		mat := model.Material{ItemID: it.ID, Classification: max(d.Classification, s.v.Meeting.Classification)}
		ver := model.MaterialVersion{DocumentID: d.ID}
		if err := w.session.AddMaterial(context.Background(), &mat, &ver, nil); err != nil {
			s.fail(err)
			return
		}
		s.reload(0)
	}, w.win)
}

func (s *meetingScreen) onPrint() {
	w := s.w
	w.touch()
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			if err != nil {
				s.fail(err)
			}
			return
		}
		uri := wc.URI()
		wc.Close()
		session, rules, id, today := w.session, s.rules, s.v.Meeting.ID, w.today()
		run(func() error {
			return app.SaveMeetingPDF(session, rules, id, uri.Path(), today, w.cat.T)
		}, func(err error) {
			if err != nil {
				storage.Delete(uri)
				s.fail(err)
				return
			}
			s.message.Importance = widget.SuccessImportance
			s.message.SetText(w.t("meetings.pdf_saved", filepath.FromSlash(uri.Path())))
		})
	}, w.win)
	save.SetFileName(s.v.Meeting.Number + ".pdf")
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

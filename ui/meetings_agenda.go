package ui

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// errMinutesBad is shown for a duration that is not a number of minutes.
var errMinutesBad = errors.New("duration is not a number of minutes")

// agendaTab lists the agenda items in order with their materials, and a
// form that adds an item. Each item moves with its up and down buttons
// or by dragging its grip onto another row.
func (s *meetingScreen) agendaTab() fyne.CanvasObject {
	w, v := s.w, s.v
	box := container.NewVBox()
	s.rows, s.frames = nil, nil
	for i, it := range v.Items {
		row := s.itemCard(i, it)
		frame := dropFrame()
		s.rows = append(s.rows, row)
		s.frames = append(s.frames, frame)
		box.Add(container.NewStack(row, frame))
	}
	total := model.AgendaMinutes(v.Items)
	totalText := w.tn("meetings.agenda_total", total, total)
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
	s.agenda = container.NewVScroll(box)
	s.agenda.Offset = s.agendaOffset
	return s.agenda
}

func (s *meetingScreen) itemCard(i int, it model.AgendaItem) fyne.CanvasObject {
	w := s.w
	head := fmt.Sprintf("%d. %s", i+1, it.Title)
	sub := it.Presenter
	if it.Duration > 0 {
		sub += " · " + w.t("meetings.item.duration_value", it.Duration)
	}
	if c, err := w.session.Case(it.CaseID); it.CaseID != "" && err == nil {
		sub += " · " + c.Code
	}

	grip := newDragHandle(func(p fyne.Position) { s.onDragMove(i, p) }, func(p fyne.Position) { s.onDrop(it.ID, i, p) })
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(it.ID, i-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(it.ID, i+1) })
	if i == 0 {
		up.Disable()
	}
	if i == len(s.v.Items)-1 {
		down.Disable()
	}
	edit := widget.NewButtonWithIcon(w.t("action.edit"), theme.DocumentCreateIcon(), func() { s.editItem(it) })
	addFile := widget.NewButtonWithIcon(w.t("meetings.material.add_file"), theme.FileIcon(), func() { s.chooseFile(it.ID, "") })
	link := widget.NewButtonWithIcon(w.t("meetings.material.link"), theme.DocumentIcon(), func() { s.linkDocument(it) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.deleteItem(it) })

	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(up, down, edit, addFile, link, del)
	rows := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, title), widget.NewLabel(sub))
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
	return widget.NewCard("", "", container.NewBorder(nil, nil, container.NewVBox(grip), nil, rows))
}

func (s *meetingScreen) deleteItem(it model.AgendaItem) {
	w := s.w
	w.touch()
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
}

func (s *meetingScreen) move(id string, to int) {
	s.w.touch()
	if err := s.w.session.MoveAgendaItem(id, to); err != nil {
		s.fail(err)
		return
	}
	s.reload(0)
}

// rowAt returns the index of the agenda row under the window position y.
// That is the first row whose bottom is below y, so a point between two
// rows picks the lower one. A point above the first row picks the first
// row, and a point below the last row picks the last.
func (s *meetingScreen) rowAt(y float32) int {
	d := fyne.CurrentApp().Driver()
	for i, r := range s.rows {
		if y < d.AbsolutePositionForObject(r).Y+r.Size().Height {
			return i
		}
	}
	return len(s.rows) - 1
}

// onDragMove outlines the row that item from would land on, scrolls the
// agenda when the pointer nears its top or bottom edge, and shows the
// position the item would take.
func (s *meetingScreen) onDragMove(from int, p fyne.Position) {
	s.w.touch()
	s.autoScroll(p.Y)
	to := s.rowAt(p.Y)
	for i, f := range s.frames {
		if i == to && to != from {
			f.Show()
		} else {
			f.Hide()
		}
	}
	s.message.Importance = widget.MediumImportance
	if to == from {
		s.message.SetText(s.w.t("meetings.item.drag_here"))
		return
	}
	s.message.SetText(s.w.t("meetings.item.drag_to", to+1))
}

// dragEdge is the band, in pixels, at the top and bottom of the agenda
// where a dragged item scrolls it.
const dragEdge = 48

func (s *meetingScreen) autoScroll(y float32) {
	if s.agenda == nil {
		return
	}
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.agenda).Y
	bottom := top + s.agenda.Size().Height
	offset := s.agenda.Offset
	switch {
	case y < top+dragEdge:
		offset.Y -= dragEdge / 2
	case y > bottom-dragEdge:
		offset.Y += dragEdge / 2
	default:
		return
	}
	s.agenda.ScrollToOffset(offset)
}

// onDrop moves the item to the row under the pointer when the drag ends.
func (s *meetingScreen) onDrop(id string, from int, p fyne.Position) {
	to := s.rowAt(p.Y)
	for _, f := range s.frames {
		f.Hide()
	}
	s.message.SetText("")
	if to < 0 || to == from {
		return
	}
	s.move(id, to)
}

// agendaFields are the entries of an agenda item, shared by the form that
// adds one and the dialog that edits one.
type agendaFields struct {
	w                         *window
	title, presenter, minutes *widget.Entry
	caseSelect                *widget.Select
	cases                     []vault.CaseSummary
}

func newAgendaFields(w *window, it model.AgendaItem) *agendaFields {
	f := &agendaFields{w: w}
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { w.touch() }
		return e
	}
	f.title = entry(it.Title, w.t("meetings.item.title"))
	f.presenter = entry(it.Presenter, w.t("meetings.item.presenter"))
	f.minutes = entry("", w.t("meetings.item.minutes"))
	if it.Duration > 0 {
		f.minutes.SetText(strconv.Itoa(it.Duration))
	}
	f.cases, _ = app.ListOrSearch(w.session, "", w.today())
	names := []string{w.t("meetings.item.no_case")}
	selected := 0
	for i, c := range f.cases {
		names = append(names, c.Code+" · "+c.Title)
		if c.ID == it.CaseID {
			selected = i + 1
		}
	}
	f.caseSelect = widget.NewSelect(names, nil)
	f.caseSelect.SetSelectedIndex(selected)
	return f
}

// read copies the fields into it, or returns errMinutesBad and leaves it
// unchanged.
func (f *agendaFields) read(it *model.AgendaItem) error {
	n := 0
	if text := model.Normalize(f.minutes.Text); text != "" {
		var err error
		if n, err = strconv.Atoi(text); err != nil {
			return errMinutesBad
		}
	}
	it.Title, it.Presenter, it.Duration, it.CaseID = f.title.Text, f.presenter.Text, n, ""
	if i := f.caseSelect.SelectedIndex(); i > 0 {
		it.CaseID = f.cases[i-1].ID
	}
	return nil
}

// addItemForm adds an item at the end of the agenda. A failed add keeps
// what was typed.
func (s *meetingScreen) addItemForm() fyne.CanvasObject {
	w := s.w
	f := newAgendaFields(w, model.AgendaItem{})
	add := widget.NewButtonWithIcon(w.t("meetings.item.add"), theme.ContentAddIcon(), func() {
		w.touch()
		it := model.AgendaItem{MeetingID: s.v.Meeting.ID}
		if err := f.read(&it); err != nil {
			s.fail(err)
			return
		}
		if err := w.session.AddAgendaItem(&it); err != nil {
			s.fail(err)
			return
		}
		s.reload(0)
	})
	add.Importance = widget.HighImportance
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(90, 36), f.minutes), f.title),
		container.NewGridWithColumns(2, f.presenter, f.caseSelect), add)
}

// editItem shows the fields of an agenda item in a dialog and saves them
// as an update of the item's record. The item keeps its place in the
// agenda and its materials. It returns the fields for tests.
func (s *meetingScreen) editItem(it model.AgendaItem) *agendaFields {
	w := s.w
	w.touch()
	f := newAgendaFields(w, it)
	s.formDialog(w.t("meetings.item.edit_title"), []*widget.FormItem{
		widget.NewFormItem(w.t("meetings.item.title"), f.title),
		widget.NewFormItem(w.t("meetings.item.presenter"), f.presenter),
		widget.NewFormItem(w.t("meetings.item.case"), f.caseSelect),
		widget.NewFormItem(w.t("meetings.item.duration"), f.minutes),
	}, func() error {
		edited := it
		if err := f.read(&edited); err != nil {
			return err
		}
		if err := w.session.UpdateAgendaItem(&edited); err != nil {
			return err
		}
		s.reload(0)
		return nil
	})
	return f
}

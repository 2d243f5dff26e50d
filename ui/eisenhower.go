package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// boardScreen is the Eisenhower board: every open case task and personal
// to-do in four quadrants. Moving an item sets its flags.
type boardScreen struct {
	w       *window
	changed func()
	entries []app.BoardEntry
}

func newBoardScreen(w *window, changed func()) *boardScreen {
	return &boardScreen{w: w, changed: changed}
}

func (b *boardScreen) build() fyne.CanvasObject {
	w := b.w
	entries, err := app.Board(w.session, w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	b.entries = entries
	grid := container.NewGridWithColumns(2)
	for _, q := range model.Quadrants {
		grid.Add(b.quadrant(q))
	}
	title := widget.NewEntry()
	title.SetPlaceHolder(w.t("schedule.todo.placeholder"))
	deadline := newDateEntry(w, model.Date{})
	add := widget.NewButton(w.t("schedule.todo.add"), func() { b.addTodo(title, deadline) })
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(130, 36), deadline), add), title)
	hint := widget.NewLabel(w.t("schedule.board_hint", app.UrgentDays(w.session)))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewBorder(nil, nil, nil, b.urgentDays(), hint), bottom, nil, nil, grid)
}

// urgentDays returns the list that sets how many working days before a
// deadline a task becomes urgent.
func (b *boardScreen) urgentDays() fyne.CanvasObject {
	w := b.w
	var options []string
	for n := 1; n <= 10; n++ {
		options = append(options, w.t("schedule.urgent_days", n))
	}
	days := widget.NewSelect(options, nil)
	days.SetSelectedIndex(app.UrgentDays(w.session) - 1)
	days.OnChanged = func(string) {
		w.touch()
		if err := app.SetUrgentDays(w.session, days.SelectedIndex()+1); err != nil {
			w.showError(err)
		}
		b.changed()
	}
	return container.NewGridWrap(fyne.NewSize(300, days.MinSize().Height), days)
}

func (b *boardScreen) quadrant(q model.Quadrant) fyne.CanvasObject {
	w := b.w
	list := container.NewVBox()
	for i := range b.entries {
		if b.entries[i].Quadrant == q {
			list.Add(b.row(&b.entries[i]))
		}
	}
	heading := widget.NewLabelWithStyle(w.t("schedule.quadrant."+quadrantKey(q)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if list.Objects == nil {
		list.Add(widget.NewLabel(w.t("schedule.quadrant.empty")))
	}
	return widget.NewCard("", "", container.NewBorder(heading, nil, nil, nil, container.NewVScroll(list)))
}

func quadrantKey(q model.Quadrant) string {
	return [...]string{"do_now", "plan", "delegate", "drop"}[q]
}

// row is one item: its title with mark, case and deadline, a list to
// move it to another quadrant and, for to-dos, a done button.
func (b *boardScreen) row(e *app.BoardEntry) fyne.CanvasObject {
	w := b.w
	text := e.Title
	if mark := e.Classification.Mark(); mark != "" {
		text = "[" + mark + "] " + text
	}

	var details []string
	if e.Detail != "" {
		details = append(details, e.Detail)
	}
	if !e.Deadline.IsZero() {
		details = append(details, w.t("schedule.deadline", e.Deadline.Display()))
	}
	if e.Assignee != "" {
		details = append(details, w.t("schedule.assignee", e.Assignee))
	}
	label := widget.NewLabel(text)
	label.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel(joinDetails(details))
	sub.Importance = widget.LowImportance
	sub.Truncation = fyne.TextTruncateEllipsis

	var names []string
	for _, q := range model.Quadrants {
		names = append(names, w.t("schedule.quadrant."+quadrantKey(q)))
	}
	move := widget.NewSelect(names, nil)
	move.PlaceHolder = w.t("schedule.move_to")
	move.OnChanged = func(string) { b.move(e, model.Quadrants[move.SelectedIndex()]) }
	right := container.NewHBox(move)

	if e.Kind == model.LinkTodo {
		right.Add(widget.NewButton(w.t("schedule.todo.done"), func() {
			if err := app.CompleteTodo(w.session, e.ID, w.today()); err != nil {
				w.showError(err)
			}
			b.changed()
		}))
	}
	return container.NewBorder(nil, nil, nil, right, container.NewVBox(label, sub))
}

func joinDetails(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " · "
		}
		out += p
	}
	return out
}

// move puts e in q. Delegating first opens a dialog for the assignee.
func (b *boardScreen) move(e *app.BoardEntry, q model.Quadrant) {
	w := b.w
	w.touch()
	if q == e.Quadrant {
		return
	}
	apply := func(assignee string) {
		if err := app.MoveToQuadrant(w.session, e.BoardItem, q, assignee); err != nil {
			w.showError(err)
		}
		b.changed()
	}
	if q != model.Delegate {
		apply("")
		return
	}
	assignee := widget.NewEntry()
	assignee.SetPlaceHolder(w.t("schedule.delegate_to"))
	assignee.SetText(e.Assignee)
	dialog.ShowCustomConfirm(w.t("schedule.quadrant.delegate"), w.t("action.save"), w.t("action.cancel"), assignee,
		func(ok bool) {
			if ok {
				apply(assignee.Text)
			} else {
				b.changed()
			}
		}, w.win)
}

func (b *boardScreen) addTodo(title, deadline *widget.Entry) {
	w := b.w
	w.touch()
	d, ok := parseDateEntry(deadline)
	if !ok {
		dialog.ShowInformation(w.t("dialog.error_title"), w.t("schedule.err.event_date"), w.win)
		return
	}
	t := &model.Todo{Title: title.Text, Deadline: d}
	if err := w.session.SaveTodo(t); err != nil {
		w.showError(err)
		return
	}
	b.changed()
}

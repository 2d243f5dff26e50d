package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// taskPanel lists a case's tasks by phase, marks them done, and adds new
// ones.
type taskPanel struct {
	s        *caseScreen
	title    *widget.Entry
	assignee *widget.Entry
	deadline *widget.Entry
	phase    *widget.Select
	imp, urg *widget.Check
	message  *widget.Label
}

func newTaskPanel(s *caseScreen) *taskPanel { return &taskPanel{s: s} }

func (p *taskPanel) build() fyne.CanvasObject {
	w := p.s.w
	today := w.today()
	list := container.NewVBox()
	for _, phase := range model.PhaseKinds {
		list.Add(widget.NewLabelWithStyle(w.t(phaseKey(phase)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, t := range p.s.tasks {
			if t.Phase == phase {
				list.Add(p.row(t, today))
			}
		}
	}

	p.title = widget.NewEntry()
	p.title.SetPlaceHolder(w.t("task.title"))
	p.assignee = widget.NewEntry()
	p.assignee.SetPlaceHolder(w.t("task.assignee"))
	p.deadline = newDateEntry(w, model.Date{})
	var phases []string
	for _, ph := range model.PhaseKinds {
		phases = append(phases, w.t(phaseKey(ph)))
	}
	p.phase = widget.NewSelect(phases, nil)
	p.phase.SetSelectedIndex(1)
	p.imp = widget.NewCheck(w.t("task.important"), nil)
	p.urg = widget.NewCheck(w.t("task.urgent"), nil)
	p.message = widget.NewLabel("")
	p.message.Importance = widget.DangerImportance
	add := widget.NewButtonWithIcon(w.t("task.add"), theme.ContentAddIcon(), p.onAdd)
	form := container.NewVBox(
		container.NewGridWithColumns(4, p.title, p.assignee, p.deadline, p.phase),
		container.NewHBox(p.imp, p.urg, add),
		p.message,
	)
	return container.NewBorder(form, nil, nil, nil, container.NewVScroll(list))
}

func (p *taskPanel) row(t model.Task, today model.Date) fyne.CanvasObject {
	w := p.s.w
	done := widget.NewCheck("", nil)
	done.SetChecked(t.Status == model.TaskDone)
	done.OnChanged = func(checked bool) { p.setDone(t, checked) }
	title := widget.NewLabel(t.Title)
	title.Wrapping = fyne.TextWrapWord
	deadline := widget.NewLabel(t.Deadline.Display())
	if t.Overdue(today) {
		deadline.SetText(w.t("task.overdue_since", t.Deadline.Display()))
		deadline.Importance = widget.DangerImportance
	}
	flags := ""
	if t.Important {
		flags += "★"
	}
	if t.Urgent {
		flags += "⚡"
	}
	right := container.NewHBox(widget.NewLabel(flags), widget.NewLabel(t.Assignee), deadline)
	return container.NewBorder(nil, nil, done, right, title)
}

func (p *taskPanel) setDone(t model.Task, done bool) {
	w := p.s.w
	w.touch()
	if done {
		t.Status, t.DoneOn = model.TaskDone, w.today()
	} else {
		t.Status = model.TaskOpen
	}
	if err := w.session.UpdateTask(&t); err != nil {
		w.showError(err)
	}
	w.showCaseTab(p.s.c.ID, 1)
}

func (p *taskPanel) onAdd() {
	w := p.s.w
	w.touch()
	deadline, ok := parseDateEntry(p.deadline)
	if !ok {
		p.message.SetText(w.t("err.bad_date", w.t("task.deadline"), p.deadline.Text))
		return
	}
	t := model.Task{
		CaseID:    p.s.c.ID,
		Phase:     model.PhaseKind(max(0, p.phase.SelectedIndex())),
		Title:     p.title.Text,
		Assignee:  p.assignee.Text,
		Deadline:  deadline,
		Important: p.imp.Checked,
		Urgent:    p.urg.Checked,
	}
	if err := w.session.AddTask(&t); err != nil {
		p.message.SetText(w.message(err))
		return
	}
	w.showCaseTab(p.s.c.ID, 1)
}

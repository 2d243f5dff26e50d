package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// caseScreen is one case: its overview with the phase timeline, and tabs
// for tasks, documents, team and journal.
type caseScreen struct {
	w     *window
	c     *model.Case
	tasks []model.Task
	tabs  *container.AppTabs
}

func newCaseScreen(w *window, id string) (*caseScreen, error) {
	c, err := w.session.Case(id)
	if err != nil {
		return nil, err
	}
	tasks, err := w.session.Tasks(id)
	if err != nil {
		return nil, err
	}
	return &caseScreen{w: w, c: c, tasks: tasks}, nil
}

func (s *caseScreen) build() fyne.CanvasObject {
	w := s.w
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), w.showCaseList)
	edit := widget.NewButtonWithIcon(w.t("action.edit"), theme.DocumentCreateIcon(), func() {
		w.show(w.t("nav.cases"), newCaseForm(w, s.c).build())
	})
	remove := widget.NewButtonWithIcon(w.t("action.delete"), theme.DeleteIcon(), s.onDelete)
	title := widget.NewLabelWithStyle(s.c.Code+" · "+s.c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	header := container.NewBorder(nil, nil, container.NewHBox(back, container.NewCenter(newClassificationBadge(s.c.Classification))),
		container.NewHBox(edit, remove), title)

	s.tabs = container.NewAppTabs(
		container.NewTabItem(w.t("tab.overview"), s.overview()),
		container.NewTabItem(w.t("tab.tasks"), newTaskPanel(s).build()),
		container.NewTabItem(w.t("tab.documents"), newDocumentPanel(s).build()),
		container.NewTabItem(w.t("tab.team"), s.teamPanel()),
		container.NewTabItem(w.t("tab.journal"), newJournalPanel(s).build()),
		container.NewTabItem(w.t("tab.outcome"), newOutcomePanel(s).build()),
		container.NewTabItem(w.t("tab.handbook"), s.caseHandbook()),
	)
	s.tabs.OnSelected = func(*container.TabItem) { w.touch() }
	return container.NewBorder(header, nil, nil, nil, s.tabs)
}

func (s *caseScreen) overview() fyne.CanvasObject {
	w, c := s.w, s.c
	today := w.today()
	done, overdue := 0, 0
	for _, t := range s.tasks {
		if t.Status == model.TaskDone {
			done++
		} else if t.Overdue(today) {
			overdue++
		}
	}
	progress := widget.NewProgressBar()
	if len(s.tasks) > 0 {
		progress.SetValue(float64(done) / float64(len(s.tasks)))
	}
	subject := c.Subject.Name
	if c.Subject.Unit != "" {
		subject += " — " + c.Subject.Unit
	}
	form := widget.NewForm(
		widget.NewFormItem(w.t("case.kind"), widget.NewLabel(w.t("kind."+string(c.Kind)))),
		widget.NewFormItem(w.t("case.subject_name"), wrapLabel(subject)),
		widget.NewFormItem(w.t("case.status"), widget.NewLabel(w.t("status."+string(c.Status)))),
		widget.NewFormItem(w.t("case.classification"), widget.NewLabel(w.classificationName(c.Classification))),
		widget.NewFormItem(w.t("case.lead"), widget.NewLabel(c.Lead)),
		widget.NewFormItem(w.t("case.period"), widget.NewLabel(c.Start.Display()+" – "+c.End.Display())),
		widget.NewFormItem(w.t("case.progress"), progress),
		widget.NewFormItem(w.t("case.tasks_summary"), widget.NewLabel(w.t("case.tasks_counts", done, len(s.tasks), overdue))),
	)
	items := []fyne.CanvasObject{form}
	if phases, err := c.Phases(); err == nil {
		items = append(items, widget.NewLabelWithStyle(w.t("case.phases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			newPhaseTimeline(phases, today))
		legend := container.NewGridWithColumns(3)
		for _, p := range phases {
			legend.Add(widget.NewLabel(fmt.Sprintf("%s: %s – %s (%d %s)", w.t(phaseKey(p.Kind)),
				p.Start.Display(), p.End.Display(), p.Days(), w.t("unit.days"))))
		}
		items = append(items, legend)
		for _, warn := range model.CheckShares(phases) {
			l := widget.NewLabel(w.shareWarning(warn))
			l.Importance = widget.WarningImportance
			l.Wrapping = fyne.TextWrapWord
			items = append(items, l)
		}
	}
	return container.NewVScroll(container.NewVBox(items...))
}

func (s *caseScreen) teamPanel() fyne.CanvasObject {
	w := s.w
	box := container.NewVBox()
	for _, m := range s.c.Team {
		box.Add(widget.NewLabel(fmt.Sprintf("%s — %s", m.Name, w.t("role."+string(m.Role)))))
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(w.t("team.name"))
	var roleNames []string
	for _, r := range model.Roles {
		roleNames = append(roleNames, w.t("role."+string(r)))
	}
	role := widget.NewSelect(roleNames, nil)
	role.SetSelectedIndex(2)
	add := widget.NewButtonWithIcon(w.t("action.add"), theme.ContentAddIcon(), func() {
		w.touch()
		if model.Normalize(name.Text) == "" {
			dialog.ShowInformation(w.t("dialog.error_title"), w.t("err.invalid.name", ""), w.win)
			return
		}
		c := *s.c
		c.Team = append(append([]model.TeamMember{}, s.c.Team...), model.TeamMember{Name: name.Text, Role: model.Roles[max(0, role.SelectedIndex())]})
		if err := w.session.UpdateCase(&c); err != nil {
			w.showError(err)
			return
		}
		w.showCaseTab(c.ID, 3)
	})
	form := container.NewBorder(nil, nil, nil, container.NewHBox(role, add), name)
	return container.NewBorder(form, nil, nil, nil, container.NewVScroll(box))
}

func (s *caseScreen) onDelete() {
	w := s.w
	dialog.ShowConfirm(w.t("case.delete_title"), w.t("case.delete_confirm", s.c.Code), func(ok bool) {
		if !ok {
			return
		}
		if err := w.session.DeleteCase(s.c.ID); err != nil {
			w.showError(err)
			return
		}
		w.showCaseList()
	}, w.win)
}

// showCaseTab reloads a case and opens it on tab index.
func (w *window) showCaseTab(id string, index int) {
	screen, err := newCaseScreen(w, id)
	if err != nil {
		w.showError(err)
		return
	}
	w.show(w.t("nav.cases"), screen.build())
	screen.tabs.SelectIndex(index)
}

func (w *window) showShareWarnings(warnings []model.ShareWarning) {
	text := ""
	for _, warn := range warnings {
		text += w.shareWarning(warn) + "\n"
	}
	dialog.ShowInformation(w.t("case.share_warning_title"), text, w.win)
}

func (w *window) shareWarning(warn model.ShareWarning) string {
	return w.t("case.share_warning", w.t(phaseKey(warn.Phase)), int(warn.Share*100+0.5),
		int(warn.Min*100), int(warn.Max*100))
}

func phaseKey(p model.PhaseKind) string {
	return [...]string{"phase.preparation", "phase.execution", "phase.closing"}[p]
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// handbookScreen shows the handbook entries of a case's current phase,
// applies their time limits, and edits the entries.
type handbookScreen struct {
	w    *window
	year int
	body *fyne.Container
}

func newHandbookScreen(w *window, year int) *handbookScreen { return &handbookScreen{w: w, year: year} }

func (s *handbookScreen) build() fyne.CanvasObject {
	w := s.w
	cases, err := w.session.ListCases(vault.CaseQuery{Limit: 500, Today: w.today()})
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	var labels []string
	for _, c := range cases {
		labels = append(labels, c.Code+" · "+c.Title)
	}
	s.body = container.NewVBox(widget.NewLabel(w.t("handbook.pick_case")))
	pick := widget.NewSelect(labels, nil)
	pick.PlaceHolder = w.t("docs.pick_case")
	pick.OnChanged = func(string) { s.showCase(cases[pick.SelectedIndex()].ID) }
	edit := widget.NewButton(w.t("handbook.edit"), s.showEditor)
	return container.NewBorder(container.NewBorder(nil, nil, nil, edit, pick), nil, nil, nil, container.NewVScroll(s.body))
}

func (s *handbookScreen) showCase(caseID string) {
	w := s.w
	w.touch()
	phase, tasks, err := app.CaseHandbook(w.session, caseID, w.today())
	if err != nil {
		s.body.Objects = []fyne.CanvasObject{widget.NewLabel(w.message(err))}
		s.body.Refresh()
		return
	}
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(w.t("handbook.phase", w.t(handbookPhaseKey(phase))),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, ht := range tasks {
		objs = append(objs, widget.NewLabelWithStyle(ht.Task.Title+" · "+w.t("handbook.due", ht.Task.Deadline.Display()),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		if !ht.Found {
			objs = append(objs, widget.NewLabel(w.t("handbook.none")))
			continue
		}
		e := ht.Entry
		text := e.Guidance
		if e.LegalBasis != "" {
			text += "\n" + w.t("handbook.legal", e.LegalBasis)
		}
		if e.Forms != "" {
			text += "\n" + w.t("handbook.forms", e.Forms)
		}
		if e.LimitDays > 0 {
			unit := w.t("handbook.calendar_days")
			if e.LimitWorking {
				unit = w.t("handbook.working_days")
			}
			text += "\n" + w.t("handbook.limit", e.LimitDays, unit, e.Extension, ht.Deadline.Display())
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	apply := widget.NewButton(w.t("handbook.apply"), func() {
		n, err := app.ApplyTimeLimits(w.session, caseID)
		if err != nil {
			message.SetText(w.planMessage(err))
			return
		}
		message.SetText(w.t("handbook.applied", n))
	})
	s.body.Objects = append(objs, widget.NewSeparator(), apply, message)
	s.body.Refresh()
}

func handbookPhaseKey(p model.PhaseKind) string {
	return [...]string{"dash.phase_prep", "dash.phase_exec", "dash.phase_close"}[p]
}

// showEditor edits one handbook entry: guidance, legal basis, forms and
// time limit.
func (s *handbookScreen) showEditor() {
	w := s.w
	entries, err := app.Handbook(w.session)
	if err != nil {
		w.showError(err)
		return
	}
	var labels []string
	for _, e := range entries {
		label := e.TaskTitle
		if e.Kind != "" {
			label += " (" + w.t("kind."+string(e.Kind)) + ")"
		}
		labels = append(labels, label)
	}
	guidance, legal, forms := widget.NewMultiLineEntry(), widget.NewEntry(), widget.NewEntry()
	guidance.Wrapping = fyne.TextWrapWord
	limit, extension := widget.NewEntry(), widget.NewEntry()
	working := widget.NewCheck(w.t("handbook.working"), nil)
	message := widget.NewLabel("")
	current := -1
	pick := widget.NewSelect(labels, nil)
	pick.OnChanged = func(string) {
		current = pick.SelectedIndex()
		e := entries[current]
		guidance.SetText(e.Guidance)
		legal.SetText(e.LegalBasis)
		forms.SetText(e.Forms)
		limit.SetText(strconv.Itoa(e.LimitDays))
		extension.SetText(strconv.Itoa(e.Extension))
		working.SetChecked(e.LimitWorking)
	}
	save := widget.NewButton(w.t("handbook.save"), func() {
		if current < 0 {
			return
		}
		days, err1 := strconv.Atoi(model.Normalize(limit.Text))
		ext, err2 := strconv.Atoi(model.Normalize(extension.Text))
		if err1 != nil || err2 != nil {
			message.SetText(w.t("handbook.bad_days"))
			return
		}
		e := entries[current]
		e.Guidance, e.LegalBasis, e.Forms = guidance.Text, legal.Text, forms.Text
		e.LimitDays, e.Extension, e.LimitWorking = days, ext, working.Checked
		if err := w.session.SaveHandbookEntry(&e); err != nil {
			message.SetText(w.message(err))
			return
		}
		entries[current] = e
		message.SetText(w.t("handbook.saved"))
	})
	back := widget.NewButton(w.t("reports.back"), func() { w.showPlans(s.year, 5) })
	form := widget.NewForm(
		widget.NewFormItem(w.t("handbook.guidance"), guidance),
		widget.NewFormItem(w.t("handbook.legal_basis"), legal),
		widget.NewFormItem(w.t("handbook.forms_label"), forms),
		widget.NewFormItem(w.t("handbook.limit_days"), limit),
		widget.NewFormItem("", working),
		widget.NewFormItem(w.t("handbook.extension"), extension),
	)
	w.show(w.t("nav.plans"), container.NewVScroll(container.NewVBox(back, pick, form, save, message)))
}

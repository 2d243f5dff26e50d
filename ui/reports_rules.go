package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// ruleEditor lists the report rules and edits the selected one; a rule
// that yields no date is rejected with the fields left as typed.
type ruleEditor struct {
	w     *window
	year  int
	rules []model.ReportRule
	form  *fyne.Container
}

func newRuleEditor(w *window, year int) *ruleEditor { return &ruleEditor{w: w, year: year} }

func (e *ruleEditor) build() fyne.CanvasObject {
	w := e.w
	rules, err := w.session.ReportRules()
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	e.rules = rules
	list := widget.NewList(
		func() int { return len(e.rules) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := e.rules[id]
			o.(*widget.Label).SetText(r.Code + " · " + r.Name)
		},
	)
	list.OnSelected = func(id widget.ListItemID) { e.edit(e.rules[id]) }
	add := widget.NewButton(w.t("reports.add_rule"), func() {
		e.edit(model.ReportRule{Kind: model.ReportPeriodic, Period: model.PeriodMonthly, Active: true,
			Due: model.DueRule{Kind: model.DueDayOfLastMonth, N: 20}})
	})
	back := widget.NewButton(w.t("reports.back"), func() { w.showPlans(e.year, 1) })
	e.form = container.NewVBox(widget.NewLabel(w.t("reports.pick_rule")))
	split := container.NewHSplit(list, container.NewVScroll(e.form))
	split.Offset = 0.4
	return container.NewBorder(container.NewHBox(back, add), nil, nil, nil, split)
}

func (e *ruleEditor) edit(r model.ReportRule) {
	w := e.w
	name, code, recipient, form := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	name.SetText(r.Name)
	code.SetText(r.Code)
	recipient.SetText(r.Recipient)
	form.SetText(r.Form)
	kinds := keyed(w, "reports.kind.", model.ReportKinds)
	kind := widget.NewSelect(kinds.labels, nil)
	kind.SetSelectedIndex(kinds.index(string(r.Kind)))
	periods := keyed(w, "reports.period.", append([]model.Periodicity{model.PeriodNone}, model.Periodicities...))
	period := widget.NewSelect(periods.labels, nil)
	period.SetSelectedIndex(periods.index(string(r.Period)))
	dues := keyed(w, "reports.due.", []model.DueKind{model.DueDayOfLastMonth, model.DueDayOfNextMonth,
		model.DueWorkingDaysAfter, model.DueDaysAfter})
	due := widget.NewSelect(dues.labels, nil)
	due.SetSelectedIndex(dues.index(string(r.Due.Kind)))
	n, cutoff := widget.NewEntry(), widget.NewEntry()
	n.SetText(strconv.Itoa(r.Due.N))
	cutoff.SetText(strconv.Itoa(r.Cutoff))
	later := widget.NewCheck(w.t("reports.due_later"), nil)
	later.SetChecked(r.Due.Later)
	active := widget.NewCheck(w.t("reports.active"), nil)
	active.SetChecked(r.Active)
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord

	save := widget.NewButton(w.t("reports.save_rule"), func() {
		r.Name, r.Code, r.Recipient, r.Form = name.Text, code.Text, recipient.Text, form.Text
		r.Kind = model.ReportKind(kinds.keys[max(kind.SelectedIndex(), 0)])
		r.Period = model.Periodicity(periods.keys[max(period.SelectedIndex(), 0)])
		r.Due.Kind = model.DueKind(dues.keys[max(due.SelectedIndex(), 0)])
		r.Due.Later, r.Active = later.Checked, active.Checked
		var err1, err2 error
		r.Due.N, err1 = strconv.Atoi(model.Normalize(n.Text))
		r.Cutoff, err2 = strconv.Atoi(model.Normalize(cutoff.Text))
		if err1 != nil || err2 != nil {
			message.SetText(w.t("reports.bad_number"))
			return
		}
		if err := w.session.SaveReportRule(&r); err != nil {
			message.SetText(w.message(err))
			return
		}
		w.show(w.t("nav.plans"), newRuleEditor(w, e.year).build())
	})
	save.Importance = widget.HighImportance
	e.form.Objects = []fyne.CanvasObject{widget.NewForm(
		widget.NewFormItem(w.t("reports.rule_name"), name),
		widget.NewFormItem(w.t("reports.rule_code"), code),
		widget.NewFormItem(w.t("reports.rule_kind"), kind),
		widget.NewFormItem(w.t("reports.rule_period"), period),
		widget.NewFormItem(w.t("reports.rule_cutoff"), cutoff),
		widget.NewFormItem(w.t("reports.rule_due"), due),
		widget.NewFormItem(w.t("reports.rule_n"), n),
		widget.NewFormItem("", later),
		widget.NewFormItem(w.t("reports.rule_recipient"), recipient),
		widget.NewFormItem(w.t("reports.rule_form"), form),
		widget.NewFormItem("", active),
	), message, save}
	e.form.Refresh()
}

// choices pairs stored keys with their translated labels.
type choices struct{ keys, labels []string }

func keyed[T ~string](w *window, prefix string, values []T) choices {
	var c choices
	for _, v := range values {
		c.keys = append(c.keys, string(v))
		c.labels = append(c.labels, w.t(prefix+string(v)))
	}
	return c
}

func (c choices) index(key string) int {
	for i, k := range c.keys {
		if k == key {
			return i
		}
	}
	return 0
}

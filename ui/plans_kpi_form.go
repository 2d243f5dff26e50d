package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// showNotice shows a sentence about bad input in a dialog.
func (w *window) showNotice(text string) {
	dialog.ShowInformation(w.t("dialog.error_title"), text, w.win)
}

// showForm edits the eight parts of a KPI; a new KPI is manual.
func (s *kpiScreen) showForm(k model.KPI) {
	w := s.w
	entry := func(text string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		return e
	}
	name, objective, unit := entry(k.Name), entry(k.Objective), entry(k.Unit)
	target, exceed := entry(w.decimal(model.ExactValue(k.Target))), entry(w.decimal(model.ExactValue(k.Exceed)))
	source, method, measurer, notes := entry(k.Source), entry(k.Method), entry(k.Measurer), entry(k.Notes)
	name.SetPlaceHolder(w.t("kpi.name_hint"))
	lower := widget.NewCheck(w.t("kpi.lower_better"), nil)
	lower.SetChecked(k.LowerBetter)
	freqs := keyed(w, "reports.period.", []model.Periodicity{model.PeriodMonthly, model.PeriodQuarterly,
		model.PeriodHalfYearly, model.PeriodYearly})
	freq := widget.NewSelect(freqs.labels, nil)
	freq.SetSelectedIndex(freqs.index(string(k.Frequency)))
	scopes := keyed(w, "kpi.scope.", []model.KPIScope{model.ScopeUnit, model.ScopeOfficer})
	scope := widget.NewSelect(scopes.labels, nil)
	scope.SetSelectedIndex(scopes.index(string(k.Scope)))
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	number := func(e *widget.Entry) (float64, bool) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(model.Normalize(e.Text), ",", "."), 64)
		return v, err == nil
	}
	save := widget.NewButton(w.t("kpi.save"), func() {
		t, ok1 := number(target)
		x, ok2 := number(exceed)
		if !ok1 || !ok2 {
			message.SetText(w.t("kpi.bad_target"))
			return
		}
		k.Name, k.Objective, k.Unit = name.Text, objective.Text, unit.Text
		k.Target, k.Exceed, k.LowerBetter = t, x, lower.Checked
		k.Source, k.Method, k.Measurer, k.Notes = source.Text, method.Text, measurer.Text, notes.Text
		k.Frequency = model.Periodicity(freqs.keys[max(freq.SelectedIndex(), 0)])
		k.Scope = model.KPIScope(scopes.keys[max(scope.SelectedIndex(), 0)])
		if err := w.session.SaveKPI(&k); err != nil {
			message.SetText(w.message(err))
			return
		}
		w.showPlans(s.year, 2)
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(w.t("action.cancel"), func() { w.showPlans(s.year, 2) })
	form := widget.NewForm(
		widget.NewFormItem(w.t("kpi.part_name"), name),
		widget.NewFormItem(w.t("kpi.part_objective"), objective),
		widget.NewFormItem(w.t("kpi.part_unit"), unit),
		widget.NewFormItem(w.t("kpi.part_target_achieved"), target),
		widget.NewFormItem(w.t("kpi.part_target_exceeded"), exceed),
		widget.NewFormItem("", lower),
		widget.NewFormItem(w.t("kpi.part_frequency"), freq),
		widget.NewFormItem(w.t("kpi.part_source"), source),
		widget.NewFormItem(w.t("kpi.part_method"), method),
		widget.NewFormItem(w.t("kpi.part_measurer"), measurer),
		widget.NewFormItem(w.t("kpi.part_scope"), scope),
		widget.NewFormItem(w.t("kpi.part_notes"), notes),
	)
	w.show(w.t("nav.plans"), container.NewVScroll(container.NewVBox(form, message, container.NewHBox(save, cancel))))
}

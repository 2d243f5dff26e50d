package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// planForm adds an item to a year's plan, or edits one. It is a screen,
// so that a validation error leaves every field as typed. An existing
// item's quarter and month change only through the move controls, which
// keep the history.
type planForm struct {
	w                          *window
	year                       int
	existing                   *model.PlanItem
	title, subject, lead, week *widget.Entry
	kind, quarter, month       *widget.Select
	message                    *widget.Label
}

func newPlanForm(w *window, year int) *planForm { return &planForm{w: w, year: year} }

func (f *planForm) build() fyne.CanvasObject {
	w := f.w
	entry := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { w.touch() }
		return e
	}
	f.title = entry(w.t("plans.field_title_hint"))
	f.subject = entry(w.t("plans.field_subject_hint"))
	f.lead = entry(w.t("plans.field_lead_hint"))
	f.week = entry(w.t("plans.field_week_hint"))
	var kinds []string
	for _, k := range model.Kinds {
		kinds = append(kinds, w.t("kind."+string(k)))
	}
	f.kind = widget.NewSelect(kinds, nil)
	f.kind.SetSelectedIndex(0)
	var quarters []string
	for q := 1; q <= 4; q++ {
		quarters = append(quarters, w.t("plans.quarter", model.Roman(q)))
	}
	f.quarter = widget.NewSelect(quarters, nil)
	f.quarter.SetSelectedIndex(model.QuarterOf(w.today().Month) - 1)
	months := []string{w.t("plans.whole_quarter")}
	for m := 1; m <= 12; m++ {
		months = append(months, w.t("plans.month", m))
	}
	f.month = widget.NewSelect(months, nil)
	f.month.SetSelectedIndex(0)
	heading := widget.NewLabelWithStyle(w.t("plans.new_item", f.year), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if it := f.existing; it != nil {
		f.title.SetText(it.Title)
		f.subject.SetText(it.Subject)
		f.lead.SetText(it.Lead)
		if it.Week > 0 {
			f.week.SetText(strconv.Itoa(it.Week))
		}
		for i, k := range model.Kinds {
			if k == it.Kind {
				f.kind.SetSelectedIndex(i)
			}
		}
		f.quarter.SetSelectedIndex(max(it.Quarter-1, 0))
		f.month.SetSelectedIndex(it.Month)
		f.quarter.Disable()
		f.month.Disable()
		heading.SetText(w.t("plans.edit_item", f.year))
	}
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(w.t("plans.field_title"), f.title),
		widget.NewFormItem(w.t("plans.field_kind"), f.kind),
		widget.NewFormItem(w.t("plans.field_subject"), f.subject),
		widget.NewFormItem(w.t("plans.field_lead"), f.lead),
		widget.NewFormItem(w.t("plans.field_quarter"), f.quarter),
		widget.NewFormItem(w.t("plans.field_month"), f.month),
		widget.NewFormItem(w.t("plans.field_week"), f.week),
	)
	save := widget.NewButton(w.t("plans.save_item"), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(w.t("action.cancel"), func() { w.showPlans(f.year, 0) })
	return container.NewVScroll(container.NewVBox(heading, form, f.message, container.NewHBox(save, cancel)))
}

func (f *planForm) onSave() {
	w := f.w
	w.touch()
	it := &model.PlanItem{}
	if f.existing != nil {
		copied := *f.existing
		it = &copied
	}
	*it = model.PlanItem{
		Record:   it.Record,
		CaseID:   it.CaseID,
		Notes:    it.Notes,
		Position: it.Position,
		Year:     f.year,
		Kind:     model.Kinds[max(f.kind.SelectedIndex(), 0)],
		Title:    f.title.Text,
		Subject:  f.subject.Text,
		Lead:     f.lead.Text,
		Quarter:  f.quarter.SelectedIndex() + 1,
		Month:    max(f.month.SelectedIndex(), 0),
	}
	if t := model.Normalize(f.week.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			f.message.SetText(w.t("plans.bad_week", t))
			return
		}
		it.Week = n
	}
	if err := w.session.SavePlanItem(it); err != nil {
		f.message.SetText(w.message(err))
		return
	}
	w.showPlans(f.year, 0)
}

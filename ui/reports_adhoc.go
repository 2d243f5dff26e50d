package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// showAdHocForm puts in the detail pane a form that adds a report made
// once (ad hoc, thematic, a team's verification results, a review): the
// kind, what it is about and its due date.
func (s *reportScreen) showAdHocForm() {
	w := s.w
	w.touch()
	all, err := w.session.ReportRules()
	if err != nil {
		w.showError(err)
		return
	}
	var rules []model.ReportRule
	var names []string
	for _, r := range all {
		if r.Kind != model.ReportPeriodic && r.Active {
			rules = append(rules, r)
			names = append(names, r.Name)
		}
	}
	kind := widget.NewSelect(names, nil)
	if len(names) > 0 {
		kind.SetSelectedIndex(0)
	}
	label := widget.NewEntry()
	label.SetPlaceHolder(w.t("reports.adhoc_label_hint"))
	due := newDateEntry(w, w.today().AddDays(7))
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	message.Importance = widget.DangerImportance

	add := widget.NewButton(w.t("reports.adhoc_add"), func() {
		w.touch()
		d, ok := parseDateEntry(due)
		if !ok || d.IsZero() {
			message.SetText(w.t("err.bad_date", w.t("reports.adhoc_due"), due.Text))
			return
		}
		if kind.SelectedIndex() < 0 || model.Normalize(label.Text) == "" {
			message.SetText(w.t("reports.adhoc_missing"))
			return
		}
		r := &model.Report{
			RuleID: rules[kind.SelectedIndex()].ID,
			Year:   d.Year,
			Period: model.Period{Start: w.today(), End: d, Label: label.Text},
			Due:    d,
			Status: model.ReportNotStarted,
		}
		if err := w.session.AddReport(r); err != nil {
			message.SetText(w.message(err))
			return
		}
		w.showPlans(d.Year, 1)
	})
	add.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(w.t("reports.adhoc_kind"), kind),
		widget.NewFormItem(w.t("reports.adhoc_label"), label),
		widget.NewFormItem(w.t("reports.adhoc_due"), due),
	)
	heading := widget.NewLabelWithStyle(w.t("reports.adhoc_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.detail.Objects = []fyne.CanvasObject{heading, form, container.NewHBox(add), message}
	s.detail.Refresh()
}

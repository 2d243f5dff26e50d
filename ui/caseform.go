package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// caseForm creates a case or edits one. It is a screen, not a dialog, so
// that a validation error leaves every field as typed.
type caseForm struct {
	w        *window
	existing *model.Case

	code, title, subjectName, subjectUnit, lead *widget.Entry
	start, end, prepEnd, execEnd                *widget.Entry
	kind, subjectType, class, status            *widget.Select
	template                                    *widget.Check
	message                                     *widget.Label
}

func newCaseForm(w *window, existing *model.Case) *caseForm {
	return &caseForm{w: w, existing: existing}
}

func (f *caseForm) build() fyne.CanvasObject {
	w := f.w
	c := f.existing
	if c == nil {
		today := w.today()
		c = &model.Case{Kind: model.KindRegularSupervision, Status: model.StatusDraft,
			Start: today, End: today.AddDays(59), Subject: model.Subject{Type: model.SubjectOrganisation}}
	}
	f.code = f.entry(c.Code, w.t("case.code_hint"))
	f.title = f.entry(c.Title, "")
	f.subjectName = f.entry(c.Subject.Name, "")
	f.subjectUnit = f.entry(c.Subject.Unit, "")
	f.lead = f.entry(c.Lead, "")
	f.start, f.end = newDateEntry(w, c.Start), newDateEntry(w, c.End)
	f.prepEnd, f.execEnd = newDateEntry(w, c.PrepEnd), newDateEntry(w, c.ExecEnd)
	f.prepEnd.SetPlaceHolder(w.t("case.bound_auto"))
	f.execEnd.SetPlaceHolder(w.t("case.bound_auto"))

	f.kind = f.selectOf(kindKeys(), "kind.", string(c.Kind))
	f.subjectType = f.selectOf([]string{string(model.SubjectOrganisation), string(model.SubjectMember)}, "subject.", string(c.Subject.Type))
	f.status = f.selectOf(statusKeys(), "status.", string(c.Status))
	var classes []string
	for _, cl := range model.Classifications {
		classes = append(classes, w.classificationName(cl))
	}
	f.class = widget.NewSelect(classes, nil)
	f.class.SetSelectedIndex(int(c.Classification))
	f.template = widget.NewCheck(w.t("case.from_template"), nil)
	f.template.SetChecked(true)

	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance

	form := widget.NewForm(
		widget.NewFormItem(w.t("case.title"), f.title),
		widget.NewFormItem(w.t("case.code"), f.code),
		widget.NewFormItem(w.t("case.kind"), f.kind),
		widget.NewFormItem(w.t("case.subject_type"), f.subjectType),
		widget.NewFormItem(w.t("case.subject_name"), f.subjectName),
		widget.NewFormItem(w.t("case.subject_unit"), f.subjectUnit),
		widget.NewFormItem(w.t("case.classification"), f.class),
		widget.NewFormItem(w.t("case.status"), f.status),
		widget.NewFormItem(w.t("case.lead"), f.lead),
		widget.NewFormItem(w.t("case.start"), f.start),
		widget.NewFormItem(w.t("case.end"), f.end),
	)
	if f.existing == nil {
		form.Append("", f.template)
	} else {
		form.Append(w.t("case.prep_end"), f.prepEnd)
		form.Append(w.t("case.exec_end"), f.execEnd)
	}
	save := widget.NewButtonWithIcon(w.t("action.save"), theme.DocumentSaveIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(w.t("action.cancel"), f.onCancel)
	buttons := container.NewHBox(save, cancel)
	return container.NewVScroll(container.NewVBox(form, f.message, buttons))
}

func (f *caseForm) entry(text, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(hint)
	e.OnChanged = func(string) { f.w.touch() }
	return e
}

// selectOf returns a select over translated names of values, with
// current selected.
func (f *caseForm) selectOf(values []string, prefix, current string) *widget.Select {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = f.w.t(prefix + v)
	}
	s := widget.NewSelect(names, nil)
	for i, v := range values {
		if v == current {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

func kindKeys() []string {
	var out []string
	for _, k := range model.Kinds {
		out = append(out, string(k))
	}
	return out
}

func statusKeys() []string {
	var out []string
	for _, s := range model.Statuses {
		out = append(out, string(s))
	}
	return out
}

// read builds the case from the fields, or returns the message that
// names the field to fix.
func (f *caseForm) read() (*model.Case, string) {
	w := f.w
	c := &model.Case{}
	if f.existing != nil {
		copy := *f.existing
		c = &copy
	}
	c.Code, c.Title = f.code.Text, f.title.Text
	c.Kind = model.Kinds[max(0, f.kind.SelectedIndex())]
	c.Subject = model.Subject{
		Type: []model.SubjectType{model.SubjectOrganisation, model.SubjectMember}[max(0, f.subjectType.SelectedIndex())],
		Name: f.subjectName.Text,
		Unit: f.subjectUnit.Text,
	}
	c.Classification = model.Classification(max(0, f.class.SelectedIndex()))
	c.Status = model.Statuses[max(0, f.status.SelectedIndex())]
	c.Lead = f.lead.Text
	dates := []struct {
		e   *widget.Entry
		dst *model.Date
		key string
	}{
		{f.start, &c.Start, "case.start"}, {f.end, &c.End, "case.end"},
		{f.prepEnd, &c.PrepEnd, "case.prep_end"}, {f.execEnd, &c.ExecEnd, "case.exec_end"},
	}
	for _, d := range dates {
		v, ok := parseDateEntry(d.e)
		if !ok {
			return nil, w.t("err.bad_date", w.t(d.key), d.e.Text)
		}
		*d.dst = v
	}
	return c, ""
}

func (f *caseForm) onSave() {
	w := f.w
	w.touch()
	c, problem := f.read()
	if problem != "" {
		f.message.SetText(problem)
		return
	}
	var err error
	if f.existing == nil {
		err = w.session.CreateCase(c, f.template.Checked)
	} else {
		err = w.session.UpdateCase(c)
	}
	if err != nil {
		f.message.SetText(w.message(err))
		return
	}
	if phases, err := c.Phases(); err == nil {
		if warnings := model.CheckShares(phases); len(warnings) > 0 {
			w.showShareWarnings(warnings)
		}
	}
	w.showCase(c.ID)
}

func (f *caseForm) onCancel() {
	if f.existing != nil {
		f.w.showCase(f.existing.ID)
		return
	}
	f.w.showCaseList()
}

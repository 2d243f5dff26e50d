package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// docsScreen makes Party-format documents of a case from templates, and
// shows the number register, the templates and the header settings.
type docsScreen struct {
	w        *window
	year     int
	message  *widget.Label
	register *fyne.Container
}

func newDocsScreen(w *window, year int) *docsScreen { return &docsScreen{w: w, year: year} }

// planMessage returns the sentence for an error of plans, reports,
// documents or spreadsheets, and for any other error as w.message does.
func (w *window) planMessage(err error) string {
	if msg, ok := app.ExplainPlans(err); ok {
		return w.t(msg.Key, msg.Args...)
	}
	return w.message(err)
}

func (s *docsScreen) build() fyne.CanvasObject {
	w := s.w
	forms, err := app.Forms(w.session)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	cases, err := w.session.ListCases(vault.CaseQuery{Limit: 500})
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	var caseLabels, formLabels []string
	for _, c := range cases {
		caseLabels = append(caseLabels, c.Code+" · "+c.Title)
	}
	for _, f := range forms {
		formLabels = append(formLabels, f.Name+" ("+f.Form+")")
	}
	caseSel := widget.NewSelect(caseLabels, nil)
	caseSel.PlaceHolder = w.t("docs.pick_case")
	formSel := widget.NewSelect(formLabels, nil)
	formSel.PlaceHolder = w.t("docs.pick_form")
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	generate := widget.NewButton(w.t("docs.generate"), func() {
		i, j := caseSel.SelectedIndex(), formSel.SelectedIndex()
		if i < 0 || j < 0 {
			s.message.SetText(w.t("docs.pick_both"))
			return
		}
		s.generate(cases[i].Code, forms[j].Form)
	})
	generate.Importance = widget.HighImportance
	s.register = container.NewVBox()
	s.showRegister()

	makeBox := container.NewVBox(widget.NewLabelWithStyle(w.t("docs.make"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		caseSel, formSel, generate, s.message)
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("docs.tab_make"), container.NewVScroll(container.NewVBox(makeBox, widget.NewSeparator(), s.register))),
		container.NewTabItem(w.t("docs.tab_templates"), s.templates(forms)),
		container.NewTabItem(w.t("docs.tab_header"), s.header()),
	)
	return tabs
}

func (s *docsScreen) generate(code, form string) {
	w := s.w
	w.touch()
	g, err := app.GenerateCaseDocument(w.session, code, form, w.today())
	if err != nil {
		s.message.SetText(w.planMessage(err))
		return
	}
	s.message.SetText(w.t("docs.generated", g.Number, g.Name, code))
	s.showRegister()
}

// showRegister fills the register box with the current term's numbers.
func (s *docsScreen) showRegister() {
	s.register.Objects = []fyne.CanvasObject{s.registerList()}
	s.register.Refresh()
}

// registerList lists the numbers of the current term by type, with gaps.
func (s *docsScreen) registerList() fyne.CanvasObject {
	w := s.w
	term, err := app.CurrentTerm(w.session)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	box := container.NewVBox(widget.NewLabelWithStyle(w.t("docs.register", term.Label), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	types, err := w.session.RegisterTypes(term.Label)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	if len(types) == 0 {
		box.Add(widget.NewLabel(w.t("docs.register_empty")))
	}
	for _, typ := range types {
		numbers, gaps, err := w.session.Register(typ, term.Label)
		if err != nil {
			box.Add(widget.NewLabel(w.message(err)))
			continue
		}
		var parts []string
		for _, n := range numbers {
			item := fmt.Sprintf("%s (%s)", n.Text(), n.IssuedOn.Display())
			if n.Voided {
				item += " " + w.t("docs.voided")
			}
			parts = append(parts, item)
		}
		line := typ + ": " + strings.Join(parts, ", ")
		if len(gaps) > 0 {
			var g []string
			for _, seq := range gaps {
				g = append(g, fmt.Sprintf("%02d", seq))
			}
			line += " · " + w.t("docs.gaps", strings.Join(g, ", "))
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// templates edits the body and recipients of a template; a template
// with an unknown field is not saved and the field is named.
func (s *docsScreen) templates(forms []model.DocTemplate) fyne.CanvasObject {
	w := s.w
	var labels []string
	for _, f := range forms {
		labels = append(labels, f.Name+" ("+f.Form+")")
	}
	body := widget.NewMultiLineEntry()
	body.Wrapping = fyne.TextWrapWord
	body.SetMinRowsVisible(14)
	recipients := widget.NewMultiLineEntry()
	recipients.SetMinRowsVisible(3)
	message := widget.NewLabel("")
	message.Wrapping = fyne.TextWrapWord
	current := -1
	pick := widget.NewSelect(labels, func(string) {})
	pick.OnChanged = func(string) {
		current = pick.SelectedIndex()
		body.SetText(forms[current].Body)
		recipients.SetText(forms[current].Recipients)
		message.SetText("")
	}
	save := widget.NewButton(w.t("docs.save_template"), func() {
		if current < 0 {
			return
		}
		t := forms[current]
		t.Body, t.Recipients = body.Text, recipients.Text
		if err := app.SaveTemplate(w.session, &t); err != nil {
			message.SetText(w.planMessage(err))
			return
		}
		forms[current] = t
		message.SetText(w.t("docs.template_saved"))
	})
	fields := widget.NewLabel(w.t("docs.fields", strings.Join(app.DocFields, ", ")))
	fields.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(pick, body, widget.NewLabel(w.t("docs.recipients")), recipients,
		save, message, fields))
}

// header edits the header block, the signature and the term.
func (s *docsScreen) header() fyne.CanvasObject {
	w := s.w
	set, err := app.DocSettings(w.session)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	term, _ := app.CurrentTerm(w.session)
	keys := []string{app.SettingPlace, app.SettingSuperiorBody, app.SettingIssuingBody, app.SettingIssuingName,
		app.SettingIssuerAbbr, app.SettingSignerName, app.SettingSignerTitle}
	entries := map[string]*widget.Entry{}
	form := widget.NewForm()
	for _, k := range keys {
		e := widget.NewEntry()
		e.SetText(set[k])
		entries[k] = e
		form.Append(w.t("docs.setting."+k), e)
	}
	termLabel := widget.NewEntry()
	termLabel.SetText(term.Label)
	termStart, termEnd := newDateEntry(w, term.Start), newDateEntry(w, term.End)
	form.Append(w.t("docs.term"), termLabel)
	form.Append(w.t("docs.term_start"), termStart)
	form.Append(w.t("docs.term_end"), termEnd)
	message := widget.NewLabel("")
	save := widget.NewButton(w.t("docs.save_header"), func() {
		start, ok1 := parseDateEntry(termStart)
		end, ok2 := parseDateEntry(termEnd)
		if !ok1 || !ok2 || start.IsZero() || end.IsZero() || end.Before(start) {
			message.SetText(w.t("docs.bad_term"))
			return
		}
		values := map[string]string{app.SettingTermLabel: model.Normalize(termLabel.Text),
			app.SettingTermStart: start.String(), app.SettingTermEnd: end.String()}
		for _, k := range keys {
			values[k] = model.Normalize(entries[k].Text)
		}
		for k, v := range values {
			if err := w.session.SetSetting(k, v); err != nil {
				message.SetText(w.message(err))
				return
			}
		}
		message.SetText(w.t("docs.header_saved"))
	})
	return container.NewVScroll(container.NewVBox(form, save, message))
}

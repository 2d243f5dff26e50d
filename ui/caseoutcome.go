package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// outcomePanel edits what a case found and decided: the findings, the
// number of violations, the conclusion, the discipline proposed and
// decided, and the dates of the decision and of the notice of conclusion.
// Reports and KPIs count from these fields.
type outcomePanel struct {
	s                 *caseScreen
	findings          *widget.Entry
	violations        *widget.Entry
	conclusion        *widget.Entry
	proposed, decided *widget.Entry
	decision, notice  *widget.Entry
	message           *widget.Label
}

func newOutcomePanel(s *caseScreen) *outcomePanel { return &outcomePanel{s: s} }

func (p *outcomePanel) build() fyne.CanvasObject {
	w := p.s.w
	o, err := w.session.Outcome(p.s.c.ID)
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	multi := func(text string) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		e.SetText(text)
		e.OnChanged = func(string) { w.touch() }
		return e
	}
	p.findings = multi(o.Findings)
	p.conclusion = multi(o.Conclusion)
	p.violations = widget.NewEntry()
	p.violations.SetText(strconv.Itoa(o.Violations))
	p.proposed = widget.NewEntry()
	p.proposed.SetText(o.DisciplineProposed)
	p.decided = widget.NewEntry()
	p.decided.SetText(o.DisciplineDecided)
	p.decision = newDateEntry(w, o.DecisionDate)
	p.notice = newDateEntry(w, o.NoticeDate)
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(w.t("outcome.findings"), p.findings),
		widget.NewFormItem(w.t("outcome.violations"), p.violations),
		widget.NewFormItem(w.t("outcome.conclusion"), p.conclusion),
		widget.NewFormItem(w.t("outcome.proposed"), p.proposed),
		widget.NewFormItem(w.t("outcome.decided"), p.decided),
		widget.NewFormItem(w.t("outcome.decision_date"), p.decision),
		widget.NewFormItem(w.t("outcome.notice_date"), p.notice),
	)
	save := widget.NewButtonWithIcon(w.t("action.save"), theme.DocumentSaveIcon(), p.onSave)
	save.Importance = widget.HighImportance
	return container.NewVScroll(container.NewVBox(form, container.NewHBox(save), p.message))
}

// onSave checks the fields, stores them and reports the result. A field
// that cannot be read keeps its text and is named in the message.
func (p *outcomePanel) onSave() {
	w := p.s.w
	w.touch()
	fail := func(text string) {
		p.message.Importance = widget.DangerImportance
		p.message.SetText(text)
	}
	violations, err := strconv.Atoi(strings.TrimSpace(p.violations.Text))
	if err != nil || violations < 0 {
		fail(w.t("outcome.bad_violations", p.violations.Text))
		return
	}

	decision, ok := parseDateEntry(p.decision)
	if !ok {
		fail(w.t("err.bad_date", w.t("outcome.decision_date"), p.decision.Text))
		return
	}
	notice, ok := parseDateEntry(p.notice)
	if !ok {
		fail(w.t("err.bad_date", w.t("outcome.notice_date"), p.notice.Text))
		return
	}
	if !decision.IsZero() && !notice.IsZero() && notice.Before(decision) {
		fail(w.t("outcome.notice_before_decision"))
		return
	}

	o := model.Outcome{
		CaseID:             p.s.c.ID,
		Findings:           p.findings.Text,
		Violations:         violations,
		Conclusion:         p.conclusion.Text,
		DisciplineProposed: p.proposed.Text,
		DisciplineDecided:  p.decided.Text,
		DecisionDate:       decision,
		NoticeDate:         notice,
	}
	if err := w.session.SaveOutcome(&o); err != nil {
		fail(w.message(err))
		return
	}
	p.message.Importance = widget.SuccessImportance
	p.message.SetText(w.t("settings.saved"))
}

// caseHandbook shows the handbook entries of the phase the case is in
// today, with their time limits, through the handbook screen of Kế hoạch
// & Báo cáo.
func (s *caseScreen) caseHandbook() fyne.CanvasObject {
	hb := newHandbookScreen(s.w, s.w.today().Year)
	hb.body = container.NewVBox()
	hb.showCase(s.c.ID)
	return container.NewVScroll(hb.body)
}

package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// kpiScreen is the KPI catalogue: each KPI's latest value with its grade
// and trend, and the selected KPI's eight parts and values by period.
type kpiScreen struct {
	w      *window
	year   int
	rows   []app.KPIRow
	detail *fyne.Container
}

func newKPIScreen(w *window, year int) *kpiScreen { return &kpiScreen{w: w, year: year} }

func (s *kpiScreen) build() fyne.CanvasObject {
	w := s.w
	rows, err := app.LoadKPIs(w.session, s.year, w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	s.rows = rows
	list := widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := s.rows[id]
			o.(*widget.Label).SetText(r.KPI.Name + " · " + w.kpiValueText(r.KPI, r.Latest()))
		},
	)
	list.OnSelected = func(id widget.ListItemID) { s.showDetail(s.rows[id]) }
	add := widget.NewButton(w.t("kpi.add"), func() { s.showForm(model.KPI{Frequency: model.PeriodQuarterly, Unit: "%"}) })
	export := widget.NewButton(w.t("xlsx.export"), func() { w.exportXLSX("kpi", s.year) })
	s.detail = container.NewVBox(widget.NewLabel(w.t("kpi.pick")))
	split := container.NewHSplit(list, container.NewVScroll(s.detail))
	split.Offset = 0.5
	return container.NewBorder(container.NewHBox(widget.NewLabel(w.t("plans.year", s.year)), add, export), nil, nil, nil, split)
}

// kpiValueText is a value with its unit, grade and trend, or "chưa có
// dữ liệu" when the period has no data.
func (w *window) kpiValueText(k model.KPI, v model.KPIValue) string {
	if !v.Has {
		return w.t("kpi.no_data")
	}
	text := w.decimal(model.FormatValue(v.Value, k.Unit)) + " " + k.Unit + " · " + w.t("kpi.grade."+string(v.Grade))
	if v.Trend != model.TrendNone {
		text += " · " + w.t("kpi.trend."+string(v.Trend))
	}
	return text
}

func (s *kpiScreen) showDetail(r app.KPIRow) {
	w := s.w
	w.touch()
	k := r.KPI
	target := w.t("kpi.target", w.decimal(model.FormatValue(k.Target, k.Unit)), w.decimal(model.FormatValue(k.Exceed, k.Unit)), k.Unit)
	if k.LowerBetter {
		target = w.t("kpi.target_lower", w.decimal(model.FormatValue(k.Target, k.Unit)), w.decimal(model.FormatValue(k.Exceed, k.Unit)), k.Unit)
	}
	parts := [][2]string{
		{w.t("kpi.part_objective"), k.Objective}, {w.t("kpi.part_unit"), k.Unit},
		{w.t("kpi.part_target"), target}, {w.t("kpi.part_frequency"), w.t("reports.period." + string(k.Frequency))},
		{w.t("kpi.part_source"), joinNonEmpty(" · ", k.Source, k.Method)}, {w.t("kpi.part_measurer"), k.Measurer},
		{w.t("kpi.part_notes"), k.Notes},
	}
	box := []fyne.CanvasObject{widget.NewLabelWithStyle(k.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, p := range parts {
		l := widget.NewLabel(p[0] + ": " + p[1])
		l.Wrapping = fyne.TextWrapWord
		box = append(box, l)
	}
	box = append(box, widget.NewSeparator())
	for _, v := range r.Values {
		line := v.Period.Label + ": " + w.kpiValueText(k, v)
		if v.Has && v.Total > 0 {
			line += " " + w.t("kpi.of", v.Count, v.Total)
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		box = append(box, l)
		if len(v.Basis) > 0 {
			b := widget.NewLabel(w.t("kpi.basis", strings.Join(v.Basis, ", ")))
			b.Wrapping = fyne.TextWrapWord
			b.TextStyle.Italic = true
			box = append(box, b)
		}
	}
	if k.Formula == "" {
		box = append(box, s.manualEntry(k)...)
	}
	box = append(box, widget.NewButton(w.t("kpi.edit"), func() { s.showForm(k) }))
	s.detail.Objects = box
	s.detail.Refresh()
}

// manualEntry offers entering a manual KPI's value for one period.
func (s *kpiScreen) manualEntry(k model.KPI) []fyne.CanvasObject {
	w := s.w
	periods := model.KPIPeriods(k.Frequency, s.year)
	var labels []string
	for _, p := range periods {
		labels = append(labels, p.Label)
	}
	period := widget.NewSelect(labels, nil)
	period.SetSelectedIndex(0)
	value := widget.NewEntry()
	value.SetPlaceHolder(w.t("kpi.value_hint"))
	save := widget.NewButton(w.t("kpi.save_value"), func() {
		v, err := strconv.ParseFloat(strings.ReplaceAll(model.Normalize(value.Text), ",", "."), 64)
		if err != nil {
			w.showNotice(w.t("kpi.bad_value", value.Text))
			return
		}
		if err := w.session.SetKPIValue(k.ID, periods[max(period.SelectedIndex(), 0)], v); err != nil {
			w.showError(err)
			return
		}
		w.showPlans(s.year, 2)
	})
	return []fyne.CanvasObject{widget.NewSeparator(), widget.NewLabel(w.t("kpi.enter_value")), period, value, save}
}

// joinNonEmpty joins the parts that are not blank with sep, so that an
// empty part leaves no dangling separator.
func joinNonEmpty(sep string, parts ...string) string {
	var nonBlank []string
	for _, part := range parts {
		if strings.TrimSpace(part) != "" {
			nonBlank = append(nonBlank, part)
		}
	}
	return strings.Join(nonBlank, sep)
}

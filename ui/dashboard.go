package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// Colours of the charts and grades, readable on the light and dark
// themes.
var (
	colorDue      = color.NRGBA{R: 0x9e, G: 0xb4, B: 0xd3, A: 0xff}
	colorDone     = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb2, A: 0xff}
	colorLate     = color.NRGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}
	colorExceeded = color.NRGBA{R: 0x1e, G: 0x84, B: 0x49, A: 0xff}
	colorAchieved = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb2, A: 0xff}
	colorNoData   = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
)

// dashboard shows one period: plan progress, KPI cards with their grade
// and charts of cases by phase and status, tasks due against done on
// time, and distribution timeliness.
type dashboard struct {
	w      *window
	year   int
	body   *fyne.Container
	period *widget.Select
}

func newDashboard(w *window, year int) *dashboard { return &dashboard{w: w, year: year} }

func (d *dashboard) build() fyne.CanvasObject {
	w := d.w
	periods := app.DashboardPeriods(d.year)
	var labels []string
	for _, p := range periods {
		labels = append(labels, p.Label)
	}
	d.body = container.NewVBox(widget.NewLabel(w.t("dash.loading")))
	d.period = widget.NewSelect(labels, func(string) { d.load(periods[d.period.SelectedIndex()]) })
	d.period.SetSelectedIndex(0)
	top := container.NewHBox(widget.NewLabel(w.t("dash.period")), d.period)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(d.body))
}

// load computes the dashboard of p off the UI goroutine.
func (d *dashboard) load(p model.Period) {
	w := d.w
	session, today := w.session, w.today()
	var data *app.Dashboard
	run(func() error {
		var err error
		data, err = app.LoadDashboard(session, p, today)
		return err
	}, func(err error) {
		if err != nil {
			d.body.Objects = []fyne.CanvasObject{widget.NewLabel(w.message(err))}
		} else {
			d.body.Objects = d.content(data)
		}
		d.body.Refresh()
	})
}

func (d *dashboard) content(data *app.Dashboard) []fyne.CanvasObject {
	w := d.w
	r := data.Plan
	progress := widget.NewProgressBar()
	if r.Planned > 0 {
		progress.SetValue(float64(r.Done) / float64(r.Planned))
	}
	plan := container.NewVBox(
		widget.NewLabelWithStyle(w.t("dash.plan", data.Period.Label), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(w.t("plans.rollup", r.Planned, r.Started, r.OnTime, r.Late, r.Done)),
		progress,
	)
	cards := container.NewGridWrap(fyne.NewSize(300, 110))
	for _, k := range data.KPIs {
		cards.Add(d.kpiCard(k))
	}
	c := data.Counts
	phase := newChart(barChart, w.t("dash.by_phase"),
		[]string{w.t("dash.phase_prep"), w.t("dash.phase_exec"), w.t("dash.phase_close")},
		series{name: w.t("dash.cases"), color: colorDone, values: []float64{
			float64(c.ByPhase[model.Preparation]), float64(c.ByPhase[model.Execution]), float64(c.ByPhase[model.Closing])}})
	status := newChart(barChart, w.t("dash.by_status"),
		[]string{w.t("status.draft"), w.t("status.in_progress"), w.t("status.closed")},
		series{name: w.t("dash.cases"), color: colorDue, values: []float64{
			float64(c.ByStatus[model.StatusDraft]), float64(c.ByStatus[model.StatusInProgress]), float64(c.ByStatus[model.StatusClosed])}})
	months := make([]string, 12)
	due, done := make([]float64, 12), make([]float64, 12)
	for i, m := range data.Tasks {
		months[i] = fmt.Sprint(i + 1)
		due[i], done[i] = float64(m.Due), float64(m.DoneOnTime)
	}
	tasks := newChart(barChart, w.t("dash.tasks", d.year), months,
		series{name: w.t("dash.tasks_due"), color: colorDue, values: due},
		series{name: w.t("dash.tasks_done"), color: colorDone, values: done})
	timely := newChart(lineChart, w.t("dash.timeliness", d.year), months,
		series{name: w.t("dash.timeliness_series"), color: colorExceeded, values: data.Timeliness[:]})
	timely.max, timely.unit = 100, "%"
	charts := container.NewGridWithColumns(2, phase, status, tasks, timely)
	return []fyne.CanvasObject{plan, widget.NewSeparator(),
		widget.NewLabelWithStyle(w.t("dash.kpis"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		cards, widget.NewSeparator(), charts}
}

// kpiCard shows a KPI's value for the period with its grade in colour.
func (d *dashboard) kpiCard(k app.KPIRow) fyne.CanvasObject {
	w := d.w
	v := k.Latest()
	grade := colorNoData
	switch v.Grade {
	case model.GradeExceeded:
		grade = colorExceeded
	case model.GradeAchieved:
		grade = colorAchieved
	case model.GradeNotAchieved:
		grade = colorLate
	}
	name := widget.NewLabel(k.KPI.Name)
	name.Wrapping = fyne.TextWrapWord
	name.TextStyle.Bold = true
	text := w.t("kpi.no_data")
	trend := ""
	if v.Has {
		text = w.decimal(model.FormatValue(v.Value, k.KPI.Unit)) + " " + k.KPI.Unit + " · " + w.t("kpi.grade."+string(v.Grade))
		if v.Trend != model.TrendNone {
			trend = w.t("kpi.trend." + string(v.Trend))
		}
	}
	value := canvas.NewText(text, grade)
	value.TextStyle.Bold = true
	trendText := canvas.NewText(trend, theme.Color(theme.ColorNameDisabled))
	trendText.TextSize = theme.CaptionTextSize()
	bar := canvas.NewRectangle(grade)
	bar.SetMinSize(fyne.NewSize(6, 10))
	return container.NewBorder(nil, container.NewVBox(value, trendText), bar, nil, name)
}

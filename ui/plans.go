package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// showPlans shows the Kế hoạch & Báo cáo section on tab index: the plan,
// the report calendar, the KPIs and the dashboard.
func (w *window) showPlans(year, index int) {
	if year == 0 {
		year = w.today().Year
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("plans.tab_plan"), newPlanScreen(w, year).build()),
		container.NewTabItem(w.t("plans.tab_reports"), newReportScreen(w, year).build()),
		container.NewTabItem(w.t("plans.tab_kpi"), newKPIScreen(w, year).build()),
		container.NewTabItem(w.t("plans.tab_dashboard"), newDashboard(w, year).build()),
		container.NewTabItem(w.t("plans.tab_docs"), newDocsScreen(w, year).build()),
		container.NewTabItem(w.t("plans.tab_handbook"), newHandbookScreen(w, year).build()),
	)
	tabs.SelectIndex(index)
	w.show(w.t("nav.plans"), tabs)
}

// planScreen is the year's plan: the roll-up by quarter, the items of
// the chosen level and the selected item's case and history.
type planScreen struct {
	w      *window
	year   int
	view   *app.PlanView
	level  *widget.Select
	shown  []int
	list   *widget.List
	detail *fyne.Container
	rollup *widget.Label
}

func newPlanScreen(w *window, year int) *planScreen { return &planScreen{w: w, year: year} }

// levels are the choices of the level select: the year, each quarter,
// each month and the current week.
func (s *planScreen) levels() []string {
	w := s.w
	out := []string{w.t("plans.level_year")}
	for q := 1; q <= 4; q++ {
		out = append(out, w.t("plans.quarter", model.Roman(q)))
	}
	for m := 1; m <= 12; m++ {
		out = append(out, w.t("plans.month", m))
	}
	return append(out, w.t("plans.level_week"))
}

func (s *planScreen) build() fyne.CanvasObject {
	w := s.w
	view, err := app.LoadPlan(w.session, s.year, w.today())
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	s.view = view
	prev := widget.NewButton("◀", func() { w.showPlans(s.year-1, 0) })
	next := widget.NewButton("▶", func() { w.showPlans(s.year+1, 0) })
	yearLabel := widget.NewLabelWithStyle(w.t("plans.year", s.year), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	add := widget.NewButton(w.t("plans.add_item"), func() { w.show(w.t("nav.plans"), newPlanForm(w, s.year).build()) })
	add.Importance = widget.HighImportance
	copyNext := widget.NewButton(w.t("plans.copy_next"), s.onCopy)
	export := widget.NewButton(w.t("xlsx.export"), func() { w.exportXLSX("plan", s.year) })
	importPlan := widget.NewButton(w.t("xlsx.import_plan"), func() { w.importXLSX(app.TablePlan, s.year) })
	importCases := widget.NewButton(w.t("xlsx.import_cases"), func() { w.importXLSX(app.TableCases, s.year) })
	exportCases := widget.NewButton(w.t("xlsx.export_cases"), func() { w.exportXLSX(app.TableCases, s.year) })
	bar := container.NewVBox(container.NewHBox(prev, yearLabel, next, add, copyNext),
		container.NewHBox(export, importPlan, exportCases, importCases))

	s.rollup = widget.NewLabel("")
	s.level = widget.NewSelect(s.levels(), func(string) { s.filter() })
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.rowText(s.shown[id])) },
	)
	s.list.OnSelected = func(id widget.ListItemID) { s.showDetail(s.shown[id]) }
	s.detail = container.NewVBox(widget.NewLabel(w.t("plans.pick_item")))
	s.level.SetSelectedIndex(0)

	top := container.NewVBox(bar, container.NewHBox(widget.NewLabel(w.t("plans.level")), s.level, s.rollup))
	right := container.NewVBox(s.quarterGrid(), widget.NewSeparator(), s.detail)
	split := container.NewHSplit(s.list, container.NewVScroll(right))
	split.Offset = 0.55
	return container.NewBorder(top, nil, nil, nil, split)
}

// quarterGrid shows the roll-up of the year and of each quarter.
func (s *planScreen) quarterGrid() fyne.CanvasObject {
	w := s.w
	grid := container.NewGridWithColumns(6)
	for _, h := range []string{"", "plans.planned", "plans.started", "plans.on_time", "plans.late", "plans.done"} {
		text := ""
		if h != "" {
			text = w.t(h)
		}
		grid.Add(widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	row := func(name string, r model.RollUp) {
		grid.Add(widget.NewLabel(name))
		for _, n := range []int{r.Planned, r.Started, r.OnTime, r.Late, r.Done} {
			grid.Add(widget.NewLabel(strconv.Itoa(n)))
		}
	}
	row(w.t("plans.level_year"), s.view.RollUp.Year)
	for q := 0; q < 4; q++ {
		row(w.t("plans.quarter", model.Roman(q+1)), s.view.RollUp.Quarters[q])
	}
	return grid
}

// filter keeps the items of the chosen level and shows its roll-up.
func (s *planScreen) filter() {
	w := s.w
	level := s.level.SelectedIndex()
	_, week := w.today().ISOWeek()
	s.shown = s.shown[:0]
	var r model.RollUp
	for i, it := range s.view.Items {
		keep := level == 0 ||
			(level >= 1 && level <= 4 && it.Quarter == level) ||
			(level >= 5 && level <= 16 && it.Month == level-4) ||
			(level == 17 && it.Week == week && it.Year == w.today().Year)
		if keep {
			s.shown = append(s.shown, i)
			r.Add(s.view.State(i))
		}
	}
	s.rollup.SetText(w.t("plans.rollup", r.Planned, r.Started, r.OnTime, r.Late, r.Done))
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *planScreen) rowText(i int) string {
	w := s.w
	it := s.view.Items[i]
	when := w.t("plans.quarter", model.Roman(it.Quarter))
	if it.Month != 0 {
		when = w.t("plans.month", it.Month)
	}
	code := ""
	if c := s.view.Case(i); c != nil {
		code = " · " + c.Code
	}
	return fmt.Sprintf("%s · %s%s · %s", when, w.t("plans.state."+string(s.view.State(i))), code, it.Title)
}

func (s *planScreen) showDetail(i int) {
	w := s.w
	w.touch()
	it := s.view.Items[i]
	box := []fyne.CanvasObject{
		widget.NewLabelWithStyle(it.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(w.t("plans.detail", w.t("kind."+string(it.Kind)), it.Subject, it.Lead)),
		widget.NewLabel(w.t("plans.state_label", w.t("plans.state."+string(s.view.State(i))))),
	}
	for _, l := range box {
		l.(*widget.Label).Wrapping = fyne.TextWrapWord
	}
	if c := s.view.Case(i); c != nil {
		box = append(box, widget.NewLabel(w.t("plans.case_progress", c.Code, c.TasksDone, c.TasksTotal, c.OverdueTasks)),
			widget.NewButton(w.t("plans.open_case"), func() { w.showCase(it.CaseID) }))
	} else {
		start := widget.NewButton(w.t("plans.start_case"), func() { s.onStart(it) })
		start.Importance = widget.HighImportance
		box = append(box, start)
	}
	edit := widget.NewButton(w.t("action.edit"), func() {
		f := newPlanForm(w, it.Year)
		f.existing = &it
		w.show(w.t("nav.plans"), f.build())
	})
	remove := widget.NewButton(w.t("action.delete"), func() { s.onDelete(it) })
	box = append(box, container.NewHBox(edit, remove))
	box = append(box, s.moveControls(it)...)
	if moves, err := w.session.PlanMoves(it.ID); err == nil && len(moves) > 0 {
		box = append(box, widget.NewLabelWithStyle(w.t("plans.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, mv := range moves {
			box = append(box, widget.NewLabel(w.t("plans.moved", mv.On.Display(),
				s.when(mv.FromQuarter, mv.FromMonth), s.when(mv.ToQuarter, mv.ToMonth), mv.Reason)))
		}
	}
	s.detail.Objects = box
	s.detail.Refresh()
}

func (s *planScreen) when(q, m int) string {
	if m != 0 {
		return s.w.t("plans.month", m)
	}
	return s.w.t("plans.quarter", model.Roman(q))
}

// moveControls offer moving the item to another quarter or month with a
// reason; the move is kept in the item's history.
func (s *planScreen) moveControls(it model.PlanItem) []fyne.CanvasObject {
	w := s.w
	targets := s.levels()[1:17]
	to := widget.NewSelect(targets, nil)
	to.PlaceHolder = w.t("plans.move_pick")
	reason := widget.NewEntry()
	reason.SetPlaceHolder(w.t("plans.move_reason"))
	move := widget.NewButton(w.t("plans.move"), func() {
		k := to.SelectedIndex()
		if k < 0 {
			return
		}
		q, m := k+1, 0
		if k >= 4 {
			m = k - 3
			q = (m-1)/3 + 1
		}
		if err := w.session.MovePlanItem(it.ID, q, m, w.today(), reason.Text); err != nil {
			w.showError(err)
			return
		}
		w.showPlans(s.year, 0)
	})
	return []fyne.CanvasObject{widget.NewSeparator(), widget.NewLabel(w.t("plans.move_to")), to, reason, move}
}

func (s *planScreen) onStart(it model.PlanItem) {
	w := s.w
	w.touch()
	if _, err := app.StartPlanItem(w.session, &it, app.PlanStartDate(it, w.today()), 60); err != nil {
		w.showError(err)
		return
	}
	w.showPlans(s.year, 0)
}

func (s *planScreen) onCopy() {
	w := s.w
	n, err := w.session.CopyPlan(s.year, s.year+1)
	if err != nil {
		w.showError(err)
		return
	}
	w.showPlans(s.year+1, 0)
	w.title.SetText(w.t("nav.plans") + " · " + w.t("plans.copied", n, s.year+1))
}

// onDelete confirms with the user, then marks a plan item deleted. Its
// case, if any, stays.
func (s *planScreen) onDelete(it model.PlanItem) {
	w := s.w
	w.touch()
	dialog.ShowConfirm(w.t("plans.delete_title"), w.t("plans.delete_confirm", it.Title), func(ok bool) {
		if !ok {
			return
		}
		if err := w.session.DeletePlanItem(it.ID); err != nil {
			w.showError(err)
			return
		}
		w.showPlans(it.Year, 0)
	}, w.win)
}

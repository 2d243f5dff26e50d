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
	"sotay/model/lunar"
)

// Items a day cell of the month view and a day of the week header list
// before "+N", and the height of a month cell that holds them.
const (
	monthItemsShown  = 3
	headerItemsShown = 3
	monthCellHeight  = 112
)

// monthGrid is the month view: six weeks from the Monday on or before
// the first of the month, days off shaded, the lunar date small.
func (s *calendarScreen) monthGrid() fyne.CanvasObject {
	w := s.w
	first := model.WeekStart(model.NewDate(s.day.Year, s.day.Month, 1))
	items, err := app.Calendar(w.session, first, first.AddDays(41))
	if err != nil {
		return widget.NewLabel(w.message(err))
	}
	cols := model.BuildDays(first, 42, items, nil, app.Zone, s.cal.IsWorkingDay)
	names := container.NewGridWithColumns(7)
	for i := range 7 {
		names.Add(widget.NewLabelWithStyle(w.t("schedule.weekday_short."+first.AddDays(i).Weekday().String()),
			fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	grid := container.NewGridWithColumns(7)
	for i := range cols {
		grid.Add(s.monthCell(&cols[i]))
	}
	return container.NewBorder(names, nil, nil, nil, container.NewVScroll(grid))
}

func (s *calendarScreen) monthCell(c *model.DayColumn) fyne.CanvasObject {
	w := s.w
	bg := canvas.NewRectangle(color.Transparent)
	if c.Off {
		bg.FillColor = colorOffDay
	}
	border := canvas.NewRectangle(color.Transparent)
	border.StrokeColor = theme.Color(theme.ColorNameSeparator)
	border.StrokeWidth = 1

	day := widget.NewButton(fmt.Sprint(c.Date.Day), func() {
		s.day, s.view = c.Date, viewDay
		s.w.show(s.w.t("nav.schedule"), s.rebuild())
	})
	day.Importance = widget.LowImportance
	if c.Date == w.today() {
		day.Importance = widget.HighImportance
	}
	if c.Date.Month != s.day.Month {
		day.Importance = widget.LowImportance
		day.Disable()
	}
	ld := lunar.FromSolar(c.Date)
	lunarText := fmt.Sprintf("%d/%d", ld.Day, ld.Month)
	if ld.Leap {
		lunarText += "N"
	}
	small := canvas.NewText(lunarText, theme.Color(theme.ColorNamePlaceHolder))
	small.TextSize = theme.CaptionTextSize()
	cell := container.NewVBox(container.NewBorder(nil, nil, day, container.NewCenter(small)))

	all := append([]*model.CalendarItem{}, c.AllDay...)
	for _, p := range c.Timed {
		all = append(all, p.Item)
	}
	for i, it := range all {
		if i == monthItemsShown {
			more := widget.NewLabel(w.t("schedule.more", len(all)-monthItemsShown))
			more.SizeName = theme.SizeNameCaptionText
			cell.Add(more)
			break
		}
		cell.Add(newItemChip(w, it, s.onItem))
	}
	// The clip cuts long titles at the cell's edge. A clip has a minimum
	// size of 1×1, so the spacer keeps room for the items.
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, monthCellHeight))
	return container.NewStack(spacer, container.NewClip(container.NewStack(bg, border, w.compact(cell))))
}

// rebuild returns the screen built again for its current view and day.
func (s *calendarScreen) rebuild() fyne.CanvasObject { return s.build() }

// itemChip is a one-line item of an all-day row or a month cell: a
// colour bar for its kind and its title, cut short to fit, that opens the
// item when tapped.
type itemChip struct {
	widget.BaseWidget
	item  *model.CalendarItem
	label *widget.Label
	open  func(*model.CalendarItem)
}

// newItemChip returns the chip of it with its classification mark.
func newItemChip(w *window, it *model.CalendarItem, open func(*model.CalendarItem)) *itemChip {
	text := w.t("schedule.kind."+string(it.Kind)) + ": " + it.Title
	if !it.Start.IsZero() && !it.AllDay {
		text = it.Start.In(app.Zone).Format("15:04") + " " + it.Title
	}
	if mark := it.Classification.Mark(); mark != "" {
		text = "[" + mark + "] " + text
	}
	c := &itemChip{item: it, label: widget.NewLabel(text), open: open}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.label.SizeName = theme.SizeNameCaptionText
	c.ExtendBaseWidget(c)
	return c
}

func (c *itemChip) Tapped(*fyne.PointEvent) { c.open(c.item) }

func (c *itemChip) CreateRenderer() fyne.WidgetRenderer {
	bar := canvas.NewRectangle(itemColors[c.item.Kind])
	bar.SetMinSize(fyne.NewSize(4, 0))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, bar, nil, c.label))
}

// compactTheme is the window's theme with less padding, for the dense
// cells of the calendar: a day of the week header or a month cell holds
// several one-line items.
type compactTheme struct{ fyne.Theme }

func (t compactTheme) Size(name fyne.ThemeSizeName) float32 {
	switch name {
	case theme.SizeNameInnerPadding:
		return 2
	case theme.SizeNamePadding:
		return 2
	}
	return t.Theme.Size(name)
}

// compact returns o drawn with compactTheme.
func (w *window) compact(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(o, compactTheme{w.fa.Settings().Theme()})
}

package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// Sizes of the day and week grids, in Fyne units.
const (
	hourHeight = 36
	gutter     = 52
	// snap is the step to which a moved or resized block snaps.
	snap = 15 * time.Minute
	// firstVisibleHour is the hour at the top of the grid when it opens.
	// Twelve hours from it (07:00–19:00, 432 units) fit below the header
	// in a window 760 units high.
	firstVisibleHour = 7
)

// Colours of calendar items by kind, and of days off; they read on the
// light and the dark theme alike.
var (
	colorOffDay = color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0x30}
	itemColors  = map[model.ItemKind]color.NRGBA{
		model.ItemEvent:        {R: 0x3a, G: 0x7b, B: 0xd5, A: 0xd0},
		model.ItemBlock:        {R: 0x2e, G: 0x9d, B: 0x6a, A: 0xd0},
		model.ItemMeeting:      {R: 0x8e, G: 0x44, B: 0xad, A: 0xd0},
		model.ItemTask:         {R: 0xd3, G: 0x7a, B: 0x1f, A: 0xd0},
		model.ItemTodo:         {R: 0xb0, G: 0x8d, B: 0x1a, A: 0xd0},
		model.ItemDistribution: {R: 0xc0, G: 0x39, B: 0x2b, A: 0xd0},
		model.ItemReport:       {R: 0x5d, G: 0x6d, B: 0x7e, A: 0xd0},
	}
)

// timeGrid is the day or week view: a header of days with their all-day
// items and deadlines, and a scrollable grid of 24 hours opened at 07:00.
type timeGrid struct {
	w      *window
	screen *calendarScreen
	cols   []model.DayColumn
	body   *gridBody
}

func newTimeGrid(w *window, cols []model.DayColumn, screen *calendarScreen) *timeGrid {
	return &timeGrid{w: w, cols: cols, screen: screen}
}

func (g *timeGrid) build() fyne.CanvasObject {
	header := container.New(&dayColumnsLayout{days: len(g.cols)}, g.headerObjects()...)
	body := newGridBody(g)
	g.body = body
	scroll := container.NewVScroll(body)
	scroll.Offset = fyne.NewPos(0, firstVisibleHour*hourHeight)
	scroll.SetMinSize(fyne.NewSize(0, 4*hourHeight))
	return container.NewBorder(header, nil, nil, nil, scroll)
}

// headerObjects returns the gutter cell and one cell per day: the day's
// name and date, then its all-day items.
func (g *timeGrid) headerObjects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewLabel("")}
	for i := range g.cols {
		c := &g.cols[i]
		name := widget.NewLabelWithStyle(g.w.t("schedule.weekday_short."+c.Date.Weekday().String())+" "+
			fmt.Sprintf("%02d/%02d", c.Date.Day, int(c.Date.Month)), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		if c.Date == g.w.today() {
			name.Importance = widget.HighImportance
		}
		cell := container.NewVBox(name)
		if c.Planned > 0 || c.Logged > 0 {
			worked := widget.NewLabelWithStyle(g.w.t("schedule.day_hours", hours(c.Planned), hours(c.Logged)),
				fyne.TextAlignCenter, fyne.TextStyle{})
			worked.SizeName = theme.SizeNameCaptionText
			worked.Truncation = fyne.TextTruncateEllipsis
			cell.Add(worked)
		}
		for j, it := range c.AllDay {
			if j == headerItemsShown {
				cell.Add(widget.NewLabel(g.w.t("schedule.more", len(c.AllDay)-headerItemsShown)))
				break
			}
			cell.Add(newItemChip(g.w, it, g.screen.onItem))
		}
		bg := canvas.NewRectangle(color.Transparent)
		if c.Off {
			bg.FillColor = colorOffDay
		}
		objs = append(objs, container.NewStack(bg, g.w.compact(cell)))
	}
	return objs
}

// dayColumnsLayout puts its first object in the gutter and the others in
// equal columns, one per day.
type dayColumnsLayout struct{ days int }

func (l *dayColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	width := (size.Width - gutter) / float32(l.days)
	for i, o := range objs {
		if i == 0 {
			o.Resize(fyne.NewSize(gutter, size.Height))
			o.Move(fyne.NewPos(0, 0))
			continue
		}
		o.Resize(fyne.NewSize(width, size.Height))
		o.Move(fyne.NewPos(gutter+float32(i-1)*width, 0))
	}
}

func (l *dayColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(gutter+float32(l.days)*60, h)
}

// gridBody is the 24-hour area of the grid. Tapping a free slot creates
// an event there; its blocks can be dragged to move them, or dragged by
// their lower edge to resize them.
type gridBody struct {
	widget.BaseWidget
	g *timeGrid
}

func newGridBody(g *timeGrid) *gridBody {
	b := &gridBody{g: g}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped creates an event at the half hour tapped.
func (b *gridBody) Tapped(ev *fyne.PointEvent) {
	day, at, ok := b.slotAt(ev.Position)
	if !ok {
		return
	}
	b.g.screen.newEvent(day, at, model.KindEvent)
}

// slotAt returns the day and the time of day, rounded down to the half
// hour, at position p.
func (b *gridBody) slotAt(p fyne.Position) (model.Date, time.Duration, bool) {
	width := (b.Size().Width - gutter) / float32(len(b.g.cols))
	if p.X < gutter || width <= 0 {
		return model.Date{}, 0, false
	}
	i := min(int((p.X-gutter)/width), len(b.g.cols)-1)
	minutes := int(p.Y/hourHeight*60) / 30 * 30
	return b.g.cols[i].Date, time.Duration(min(minutes, 23*60+30)) * time.Minute, true
}

func (b *gridBody) CreateRenderer() fyne.WidgetRenderer {
	r := &gridRenderer{b: b}
	for range b.g.cols {
		r.shades = append(r.shades, canvas.NewRectangle(color.Transparent))
	}
	for h := 0; h < 24; h++ {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		label := canvas.NewText(fmt.Sprintf("%02d:00", h), theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.CaptionTextSize()
		r.lines, r.labels = append(r.lines, line), append(r.labels, label)
	}
	for i := range b.g.cols {
		c := &b.g.cols[i]
		r.shades[i].FillColor = color.Transparent
		if c.Off {
			r.shades[i].FillColor = colorOffDay
		}
		for j := range c.Timed {
			r.blocks = append(r.blocks, newEventBlock(b.g, i, c.Timed[j]))
		}
	}
	return r
}

type gridRenderer struct {
	b      *gridBody
	shades []*canvas.Rectangle
	lines  []*canvas.Line
	labels []*canvas.Text
	blocks []*eventBlock
}

func (r *gridRenderer) Layout(size fyne.Size) {
	days := len(r.b.g.cols)
	width := (size.Width - gutter) / float32(days)
	for i, s := range r.shades {
		s.Move(fyne.NewPos(gutter+float32(i)*width, 0))
		s.Resize(fyne.NewSize(width, size.Height))
	}
	for h, line := range r.lines {
		y := float32(h) * hourHeight
		line.Position1 = fyne.NewPos(gutter-4, y)
		line.Position2 = fyne.NewPos(size.Width, y)
		r.labels[h].Move(fyne.NewPos(4, y+2))
	}
	for _, bl := range r.blocks {
		p := bl.placed
		lane := (width - 4) / float32(max(p.Lanes, 1))
		x := gutter + float32(bl.day)*width + 2 + float32(p.Lane)*lane
		y := float32(p.From.Minutes()) / 60 * hourHeight
		h := max(float32((p.To-p.From).Minutes())/60*hourHeight, 18)
		bl.Move(fyne.NewPos(x, y))
		bl.Resize(fyne.NewSize(lane-2, h))
	}
}

func (r *gridRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutter+float32(len(r.b.g.cols))*60, 24*hourHeight)
}

func (r *gridRenderer) Refresh() {}
func (r *gridRenderer) Destroy() {}

func (r *gridRenderer) Objects() []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, s := range r.shades {
		objs = append(objs, s)
	}
	for h := range r.lines {
		objs = append(objs, r.lines[h], r.labels[h])
	}
	for _, bl := range r.blocks {
		objs = append(objs, bl)
	}
	return objs
}

// eventBlock is a timed item on the grid. Events and blocks can be
// dragged: from the lower edge to change the end, from elsewhere to move
// them (across days in the week view).
type eventBlock struct {
	widget.BaseWidget
	g      *timeGrid
	day    int
	placed model.PlacedItem

	drag   fyne.Delta
	resize bool
	moving bool
}

func newEventBlock(g *timeGrid, day int, p model.PlacedItem) *eventBlock {
	b := &eventBlock{g: g, day: day, placed: p}
	b.ExtendBaseWidget(b)
	return b
}

func (b *eventBlock) Tapped(*fyne.PointEvent) { b.g.screen.onItem(b.placed.Item) }

// Dragged accumulates the drag; the first event decides between moving
// and resizing.
func (b *eventBlock) Dragged(ev *fyne.DragEvent) {
	if !b.placed.Item.Editable() {
		return
	}
	if !b.moving {
		b.moving = true
		b.resize = ev.Position.Y > b.Size().Height-10
		b.drag = fyne.Delta{}
	}
	b.drag.DX += ev.Dragged.DX
	b.drag.DY += ev.Dragged.DY
	if b.resize {
		b.Resize(fyne.NewSize(b.Size().Width, max(b.Size().Height+ev.Dragged.DY, 12)))
		return
	}
	b.Move(b.Position().Add(ev.Dragged))
}

// DragEnd snaps the drag to 15 minutes and whole days and reschedules.
func (b *eventBlock) DragEnd() {
	if !b.moving {
		return
	}
	b.moving = false
	it := b.placed.Item
	minutes := time.Duration(float64(b.drag.DY)/hourHeight*60) * time.Minute
	minutes = minutes.Round(snap)
	start, end := it.Start, it.End
	if b.resize {
		end = end.Add(minutes)
		if end.Sub(start) < snap {
			end = start.Add(snap)
		}
	} else {
		width := (b.g.body.Size().Width - gutter) / float32(len(b.g.cols))
		days := 0
		if width > 0 && len(b.g.cols) > 1 {
			days = int(b.drag.DX/width + sign(b.drag.DX)*0.5)
		}
		shift := minutes + time.Duration(days)*24*time.Hour
		start, end = start.Add(shift), end.Add(shift)
	}
	b.g.screen.reschedule(*it, start, end)
}

func sign(x float32) float32 {
	if x < 0 {
		return -1
	}
	return 1
}

func (b *eventBlock) CreateRenderer() fyne.WidgetRenderer {
	it := b.placed.Item
	bg := canvas.NewRectangle(itemColors[it.Kind])
	bg.CornerRadius = 4
	text := it.Title
	if mark := it.Classification.Mark(); mark != "" {
		text = "[" + mark + "] " + text
	}
	when := it.Start.In(app.Zone).Format("15:04") + "–" + it.End.In(app.Zone).Format("15:04")
	if it.Recurring {
		when += " ↻"
	}
	timeText := canvas.NewText(when, color.White)
	timeText.TextSize = theme.CaptionTextSize()
	title := canvas.NewText(text, color.White)
	title.TextSize = theme.CaptionTextSize()
	title.TextStyle = fyne.TextStyle{Bold: true}
	// canvas.Text does not clip: a clip container keeps a long title
	// inside its block. The two lines fit in a block of half an hour.
	lines := container.New(layout.NewCustomPaddedLayout(1, 1, 4, 2),
		b.g.w.compact(container.NewVBox(timeText, title)))
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewClip(lines)))
}

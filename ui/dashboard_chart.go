package ui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartKind is the shape a chart draws its series in: bars or a line.
type chartKind int

const (
	barChart chartKind = iota
	lineChart
)

// series is one named row of values of a chart. A NaN value is a
// period with no data: no bar, and a gap in the line.
type series struct {
	name   string
	values []float64
	color  color.Color
}

// chart draws bar or line charts on the canvas: an axis with the
// largest value, one group of bars (or one point) per label, and a
// legend. It is rebuilt, not updated, when the data changes.
type chart struct {
	widget.BaseWidget
	kind   chartKind
	title  string
	labels []string
	series []series
	max    float64 // the top of the axis; 0 means the largest value
	unit   string
}

func newChart(kind chartKind, title string, labels []string, s ...series) *chart {
	c := &chart{kind: kind, title: title, labels: labels, series: s}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chart) MinSize() fyne.Size { return fyne.NewSize(360, 220) }

func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	return r
}

type chartRenderer struct {
	c       *chart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *chartRenderer) Refresh()                     { r.build(); r.Layout(r.size) }

func (r *chartRenderer) Layout(size fyne.Size) {
	if size != r.size {
		r.size = size
		r.build()
	}
}

// top returns the value at the top of the axis.
func (c *chart) top() float64 {
	top := c.max
	if top == 0 {
		for _, s := range c.series {
			for _, v := range s.values {
				if !math.IsNaN(v) {
					top = math.Max(top, v)
				}
			}
		}
	}
	if top == 0 {
		top = 1
	}
	return top
}

func text(s string, size float32, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	return t
}

// build places every object for the current size.
func (r *chartRenderer) build() {
	c := r.c
	size := r.size
	if size.Width == 0 {
		size = c.MinSize()
	}
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	var objs []fyne.CanvasObject
	title := text(c.title, 14, fg)
	title.TextStyle.Bold = true
	title.Move(fyne.NewPos(4, 0))
	objs = append(objs, title)

	left, top, bottom, right := float32(40), float32(24), float32(40), float32(8)
	plotW, plotH := size.Width-left-right, size.Height-top-bottom
	if plotW < 10 || plotH < 10 || len(c.labels) == 0 {
		r.objects = objs
		return
	}
	maxV := c.top()
	axis := canvas.NewLine(muted)
	axis.Position1, axis.Position2 = fyne.NewPos(left, top+plotH), fyne.NewPos(left+plotW, top+plotH)
	yAxis := canvas.NewLine(muted)
	yAxis.Position1, yAxis.Position2 = fyne.NewPos(left, top), fyne.NewPos(left, top+plotH)
	topLabel := text(fmt.Sprintf("%g%s", math.Round(maxV*10)/10, c.unit), 11, fg)
	topLabel.Move(fyne.NewPos(2, top-6))
	zero := text("0", 11, fg)
	zero.Move(fyne.NewPos(left-12, top+plotH-8))
	objs = append(objs, axis, yAxis, topLabel, zero)

	slot := plotW / float32(len(c.labels))
	for i, l := range c.labels {
		lt := text(l, 10, fg)
		lt.Alignment = fyne.TextAlignCenter
		lt.Move(fyne.NewPos(left+slot*float32(i)+slot/2, top+plotH+2))
		objs = append(objs, lt)
	}
	y := func(v float64) float32 { return top + plotH - float32(v/maxV)*plotH }
	for si, s := range c.series {
		var prev *fyne.Position
		for i, v := range s.values {
			if i >= len(c.labels) {
				break
			}
			if math.IsNaN(v) {
				prev = nil
				continue
			}
			if c.kind == barChart {
				barW := slot * 0.8 / float32(len(c.series))
				x := left + slot*float32(i) + slot*0.1 + barW*float32(si)
				bar := canvas.NewRectangle(s.color)
				bar.Move(fyne.NewPos(x, y(v)))
				bar.Resize(fyne.NewSize(barW-1, top+plotH-y(v)))
				objs = append(objs, bar)
				if v > 0 && barW >= 14 {
					label := text(fmt.Sprintf("%g", math.Round(v*10)/10), 10, fg)
					label.Alignment = fyne.TextAlignCenter
					label.Move(fyne.NewPos(x+barW/2, y(v)-14))
					objs = append(objs, label)
				}
				continue
			}
			p := fyne.NewPos(left+slot*float32(i)+slot/2, y(v))
			dot := canvas.NewCircle(s.color)
			dot.Move(p.SubtractXY(3, 3))
			dot.Resize(fyne.NewSize(6, 6))
			objs = append(objs, dot)
			if prev != nil {
				ln := canvas.NewLine(s.color)
				ln.StrokeWidth = 2
				ln.Position1, ln.Position2 = *prev, p
				objs = append(objs, ln)
			}
			prev = &p
		}
		swatch := canvas.NewRectangle(s.color)
		lx := left + float32(si)*plotW/float32(len(c.series))
		swatch.Move(fyne.NewPos(lx, size.Height-14))
		swatch.Resize(fyne.NewSize(10, 10))
		name := text(s.name, 11, fg)
		name.Move(fyne.NewPos(lx+14, size.Height-17))
		objs = append(objs, swatch, name)
	}
	r.objects = objs
}

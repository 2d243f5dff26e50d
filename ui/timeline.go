package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// phaseTimeline draws the three phases of a case as coloured bars in
// proportion to their days, with a line on today.
type phaseTimeline struct {
	widget.BaseWidget
	phases [3]model.Phase
	today  model.Date
}

func newPhaseTimeline(phases [3]model.Phase, today model.Date) *phaseTimeline {
	t := &phaseTimeline{phases: phases, today: today}
	t.ExtendBaseWidget(t)
	return t
}

func (t *phaseTimeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, marker: canvas.NewRectangle(theme.Color(theme.ColorNameForeground))}
	for i := range r.bars {
		r.bars[i] = canvas.NewRectangle(phaseColor(model.PhaseKind(i)))
	}
	return r
}

type timelineRenderer struct {
	t      *phaseTimeline
	bars   [3]*canvas.Rectangle
	marker *canvas.Rectangle
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	ph := r.t.phases
	total := float32(ph[0].Start.DaysUntil(ph[2].End) + 1)
	x := float32(0)
	for i, p := range ph {
		w := size.Width * float32(p.Days()) / total
		r.bars[i].Move(fyne.NewPos(x, 4))
		r.bars[i].Resize(fyne.NewSize(w-1, size.Height-8))
		x += w
	}
	offset := ph[0].Start.DaysUntil(r.t.today)
	if offset < 0 || float32(offset) >= total {
		r.marker.Hide()
		return
	}
	r.marker.Show()
	r.marker.Move(fyne.NewPos(size.Width*(float32(offset)+0.5)/total-1, 0))
	r.marker.Resize(fyne.NewSize(3, size.Height))
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 28) }
func (r *timelineRenderer) Refresh()           { r.Layout(r.t.Size()) }
func (r *timelineRenderer) Destroy()           {}
func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bars[0], r.bars[1], r.bars[2], r.marker}
}

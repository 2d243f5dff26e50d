package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// classificationBadge shows a classification stamp, white on red, or
// nothing for unclassified records.
type classificationBadge struct {
	widget.BaseWidget
	level model.Classification
	bg    *canvas.Rectangle
	text  *canvas.Text
}

func newClassificationBadge(level model.Classification) *classificationBadge {
	b := &classificationBadge{
		bg:   canvas.NewRectangle(theme.Color(colorClassified)),
		text: canvas.NewText("", color.White),
	}
	b.bg.CornerRadius = 3
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.TextSize = theme.CaptionTextSize() + 1
	b.ExtendBaseWidget(b)
	b.SetLevel(level)
	return b
}

// SetLevel changes the stamp shown.
func (b *classificationBadge) SetLevel(level model.Classification) {
	b.level = level
	b.text.Text = level.Mark()
	if level == model.Unclassified {
		b.Hide()
	} else {
		b.Show()
	}
	b.Refresh()
}

func (b *classificationBadge) CreateRenderer() fyne.WidgetRenderer {
	pad := container.NewPadded(container.NewCenter(b.text))
	return widget.NewSimpleRenderer(container.NewStack(b.bg, pad))
}

func (b *classificationBadge) MinSize() fyne.Size {
	if b.level == model.Unclassified {
		return fyne.Size{}
	}
	s := fyne.MeasureText(b.text.Text, b.text.TextSize, b.text.TextStyle)
	return fyne.NewSize(s.Width+theme.Padding()*3, s.Height+theme.Padding())
}

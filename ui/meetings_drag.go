package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dragHandle is the grip at the start of an agenda row. Dragging it
// reports where the pointer is, in window coordinates, while the drag
// runs (onMove) and where it ends (onDrop).
//
// The pointer is tracked as the handle's position when the drag began,
// plus the point the mouse button went down on the handle, plus the sum
// of the drag steps. The desktop driver reports the press through
// MouseDown; without one (the test driver sends only Dragged and
// DragEnd) the press counts as the handle's centre.
type dragHandle struct {
	widget.BaseWidget
	onMove func(pointer fyne.Position)
	onDrop func(pointer fyne.Position)

	press    fyne.Position
	pressed  bool
	dragging bool
	origin   fyne.Position // the handle's window position when the drag began
	moved    fyne.Delta
}

func newDragHandle(onMove, onDrop func(fyne.Position)) *dragHandle {
	h := &dragHandle{onMove: onMove, onDrop: onDrop}
	h.ExtendBaseWidget(h)
	return h
}

func (h *dragHandle) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(theme.MenuIcon())
	return widget.NewSimpleRenderer(container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(theme.IconInlineSize()*1.5), icon)))
}

// MinSize is that of a square icon button, so that the grip is easy to
// take with the mouse.
func (h *dragHandle) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + 4*theme.InnerPadding())
}

// Cursor shows the vertical move cursor over the grip.
func (h *dragHandle) Cursor() desktop.Cursor { return desktop.VResizeCursor }

// MouseDown records the point of the press for the drag that may follow.
func (h *dragHandle) MouseDown(ev *desktop.MouseEvent) {
	h.press, h.pressed = ev.Position, true
}

// MouseUp ends a press that did not become a drag.
func (h *dragHandle) MouseUp(*desktop.MouseEvent) {
	if !h.dragging {
		h.pressed = false
	}
}

// Dragged adds one step of the drag and reports the pointer.
func (h *dragHandle) Dragged(ev *fyne.DragEvent) {
	if !h.dragging {
		h.dragging = true
		h.origin = fyne.CurrentApp().Driver().AbsolutePositionForObject(h)
		h.moved = fyne.Delta{}
		if !h.pressed {
			size := h.Size()
			h.press = fyne.NewPos(size.Width/2, size.Height/2)
		}
	}
	h.moved.DX += ev.Dragged.DX
	h.moved.DY += ev.Dragged.DY
	if h.onMove != nil {
		h.onMove(h.pointer())
	}
}

// DragEnd reports where the pointer was released.
func (h *dragHandle) DragEnd() {
	if !h.dragging {
		return
	}
	at := h.pointer()
	h.dragging, h.pressed = false, false
	if h.onDrop != nil {
		h.onDrop(at)
	}
}

func (h *dragHandle) pointer() fyne.Position {
	return h.origin.Add(h.press).Add(h.moved)
}

// dropFrame is the outline drawn around the agenda row a dragged item
// would land on.
func dropFrame() *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.StrokeWidth = 3
	r.CornerRadius = theme.InputRadiusSize()
	r.Hide()
	return r
}

package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sotay/vault"
)

// conflictList lists the records changed on both sides since the last
// exchange and resolves each one: keep the current version or take the
// other.
type conflictList struct {
	w   *window
	box *fyne.Container
}

func newConflictList(w *window) *conflictList {
	c := &conflictList{w: w, box: container.NewVBox()}
	c.refresh()
	return c
}

func (c *conflictList) refresh() {
	w := c.w
	c.box.RemoveAll()
	list, err := w.session.Conflicts()
	if err != nil {
		c.box.Add(widget.NewLabel(w.message(err)))
		return
	}
	if len(list) == 0 {
		return
	}
	heading := widget.NewLabel(w.t("exchange.conflicts", len(list)))
	heading.Importance = widget.WarningImportance
	c.box.Add(heading)
	for _, conflict := range list {
		c.box.Add(c.row(conflict))
	}
}

func (c *conflictList) row(conflict vault.Conflict) fyne.CanvasObject {
	w := c.w
	label := widget.NewLabel(fmt.Sprintf("%s: %s  (%s)", conflict.Table, conflictTitle(conflict),
		conflict.Detected.Local().Format("02/01/2006 15:04")))
	label.Truncation = fyne.TextTruncateEllipsis
	resolve := func(takeOther bool) func() {
		return func() {
			w.touch()
			if err := w.session.ResolveConflict(conflict.ID, takeOther); err != nil {
				w.showError(err)
				return
			}
			c.refresh()
		}
	}
	keep := widget.NewButton(w.t("exchange.keep_current"), resolve(false))
	take := widget.NewButton(w.t("exchange.take_other"), resolve(true))
	return container.NewBorder(nil, nil, nil, container.NewHBox(keep, take), label)
}

// conflictTitle names the record of a conflict from the other version's
// code, title or name, or its id.
func conflictTitle(c vault.Conflict) string {
	for _, key := range []string{"title", "name", "text"} {
		if s, ok := c.Other[key].(string); ok && s != "" {
			if code, ok := c.Other["code"].(string); ok && code != "" {
				return code + " " + s
			}
			return s
		}
	}
	return c.RecordID
}

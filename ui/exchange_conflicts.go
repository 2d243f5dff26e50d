package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// conflictList lists the records changed on both sides since the last
// exchange. Each shows the two versions side by side, field by field, and
// is resolved by keeping this workstation's version or taking the
// received one.
type conflictList struct {
	w      *window
	box    *fyne.Container
	status *widget.Label
}

func newConflictList(w *window) *conflictList {
	c := &conflictList{w: w, box: container.NewVBox(), status: statusLabel()}
	c.refresh()
	return c
}

func (c *conflictList) refresh() {
	w := c.w
	c.box.RemoveAll()
	list, err := app.LoadConflicts(w.session)
	if err != nil {
		c.box.Add(widget.NewLabel(w.message(err)))
		return
	}
	c.box.Add(c.status)
	if len(list) == 0 {
		return
	}
	heading := widget.NewLabelWithStyle(w.t("exchange.conflicts", len(list)), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	heading.Importance = widget.WarningImportance
	c.box.Add(heading)
	// A clash card carries its own note, since no record was changed on
	// both sides.
	for _, conflict := range list {
		if !conflict.Clash() {
			c.box.Add(noteLabel(w.t("exchange.conflicts_hint"), widget.MediumImportance))
			break
		}
	}
	for _, conflict := range list {
		c.box.Add(c.card(conflict))
	}
}

// card shows one conflict: which record, the changed fields of both
// versions in two columns, and the two choices.
func (c *conflictList) card(conflict app.ConflictView) fyne.CanvasObject {
	if conflict.Clash() {
		return c.clashCard(conflict)
	}
	w := c.w
	left, right := conflict.Current, conflict.Other
	leftName, rightName := w.t("exchange.current"), w.t("exchange.other")
	keepText, takeText := w.t("exchange.keep_current"), w.t("exchange.take_other")
	if conflict.Side != app.SideUnknown {
		left, right = conflict.Mine()
		leftName, rightName = w.t("exchange.mine"), w.t("exchange.received")
		keepText, takeText = w.t("exchange.keep_mine"), w.t("exchange.take_received")
	}

	rows := c.versionRows(conflict, left, right, leftName, rightName)
	keep := widget.NewButtonWithIcon(keepText, theme.ConfirmIcon(), func() { c.resolve(conflict, true) })
	take := widget.NewButtonWithIcon(takeText, theme.DownloadIcon(), func() { c.resolve(conflict, false) })
	title := w.t("exchange.table."+conflict.Table) + ": " + c.recordTitle(conflict)
	subtitle := w.t("exchange.conflict_detected", formatInstant(conflict.Detected))
	return widget.NewCard("", "", container.NewVBox(
		boldLabel(title),
		widget.NewLabel(subtitle),
		rows,
		container.NewHBox(keep, take),
	))
}

// clashCard shows a document number that this vault's register and a
// received backup give to two different documents. The register holds
// one document per number, so the only choice is to keep this vault's
// entry. A note explains why and what to do about the other document.
func (c *conflictList) clashCard(conflict app.ConflictView) fyne.CanvasObject {
	w := c.w
	number := conflictTitle(conflict)
	rows := c.versionRows(conflict, conflict.Current, conflict.Other, w.t("exchange.clash_here"),
		w.t("exchange.received"))
	keep := widget.NewButtonWithIcon(w.t("exchange.clash_keep"), theme.ConfirmIcon(),
		func() { c.resolve(conflict, true) })
	return widget.NewCard("", "", container.NewVBox(
		boldLabel(w.t("exchange.table."+conflict.Table)+": "+number),
		widget.NewLabel(w.t("exchange.conflict_detected", formatInstant(conflict.Detected))),
		rows,
		noteLabel(w.t("exchange.clash_hint", number), widget.WarningImportance),
		container.NewHBox(keep),
	))
}

// versionRows lays out the changed fields of two versions in columns
// under leftName and rightName, and when each was last changed.
func (c *conflictList) versionRows(conflict app.ConflictView, left, right map[string]any,
	leftName, rightName string) *fyne.Container {
	w := c.w
	rows := container.New(&fieldColumns{first: 170},
		boldLabel(w.t("exchange.conflict_field")), boldLabel(leftName), boldLabel(rightName))
	for _, col := range conflict.Changed {
		rows.Add(widget.NewLabel(c.fieldName(col)))
		rows.Add(wrapLabel(c.value(conflict.Table, col, left[col])))
		rows.Add(wrapLabel(c.value(conflict.Table, col, right[col])))
	}
	if len(conflict.Changed) == 0 {
		rows.Add(widget.NewLabel(""))
		rows.Add(wrapLabel(w.t("exchange.conflict_no_diff")))
		rows.Add(widget.NewLabel(""))
	}
	rows.Add(widget.NewLabel(w.t("exchange.conflict_changed_at")))
	rows.Add(wrapLabel(versionTime(left)))
	rows.Add(wrapLabel(versionTime(right)))
	return rows
}

// resolve closes a conflict with this workstation's version, or with the
// current one when the sides are unknown, when keepMine is true.
func (c *conflictList) resolve(conflict app.ConflictView, keepMine bool) {
	w := c.w
	w.touch()
	if err := app.ResolveConflictKeepMine(w.session, conflict, keepMine); err != nil {
		setStatus(c.status, w.message(err), true)
		c.refresh()
		return
	}
	key := "exchange.resolved_received"
	switch {
	case conflict.Clash():
		key = "exchange.resolved_clash"
	case conflict.Side == app.SideUnknown && keepMine:
		key = "exchange.resolved_current"
	case conflict.Side == app.SideUnknown:
		key = "exchange.resolved_other"
	case keepMine:
		key = "exchange.resolved_mine"
	}
	setStatus(c.status, w.t(key, c.shortName(conflict)), false)
	c.refresh()
}

// fieldName returns the translated name of a column, or the column name
// when it has none.
func (c *conflictList) fieldName(col string) string {
	key := "exchange.field." + col
	if c.w.cat.Has(key) {
		return c.w.t(key)
	}
	return col
}

// valueKeys gives the translation key prefix of the columns that hold a
// code from a fixed list, by table and column.
var valueKeys = map[string]string{
	"cases.kind":            "kind.",
	"cases.status":          "status.",
	"tasks.status":          "exchange.value.task_",
	"team_members.role":     "role.",
	"meetings.kind":         "meetings.kind.",
	"meetings.status":       "meetings.status.",
	"members.role":          "meetings.role.",
	"distributions.channel": "meetings.channel.",
}

// yesNoColumns hold 0 or 1.
var yesNoColumns = map[string]bool{"deleted": true, "important": true, "urgent": true, "active": true,
	"voided": true}

// value returns a column value as a user reads it: dates as dd/mm/yyyy,
// classifications as their stamp, codes by their translated names.
func (c *conflictList) value(table, col string, v any) string {
	w := c.w
	s := app.ConflictValue(v)
	n, numErr := strconv.Atoi(s)
	switch {
	case s == "":
		return w.t("exchange.value.empty")
	case col == "classification" && numErr == nil:
		if mark := model.Classification(n).Mark(); mark != "" {
			return mark
		}
		return w.t("exchange.value.unclassified")
	case yesNoColumns[col] && numErr == nil:
		if n != 0 {
			return w.t("exchange.value.yes")
		}
		return w.t("exchange.value.no")
	case col == "phase" && numErr == nil && n >= 0 && n < len(model.PhaseKinds):
		return w.t(phaseKey(model.PhaseKind(n)))
	case col == "size" && numErr == nil:
		return formatSize(int64(n))
	case col == "duration" && numErr == nil:
		return w.t("exchange.value.minutes", n)
	case col == "case_id":
		return c.caseName(s)
	case col == "kpi_id":
		return c.kpiName(s)
	}
	if prefix, ok := valueKeys[table+"."+col]; ok && w.cat.Has(prefix+s) {
		return w.t(prefix + s)
	}
	if d, err := model.ParseDate(s); err == nil && len(s) == len("2006-01-02") {
		return d.Display()
	}
	return s
}

// caseName names the case with id by its code and title. A received
// row may name a case that only the sender's vault holds, which it
// marks as such.
func (c *conflictList) caseName(id string) string {
	cs, err := c.w.session.Case(id)
	if err != nil {
		return c.w.t("exchange.value.case_elsewhere")
	}
	return cs.Code + " " + cs.Title
}

// kpi returns the KPI with id, or false when this vault does not contain it.
func (c *conflictList) kpi(id string) (model.KPI, bool) {
	kpis, err := c.w.session.KPIs()
	if err != nil {
		return model.KPI{}, false
	}
	for _, k := range kpis {
		if k.ID == id {
			return k, true
		}
	}
	return model.KPI{}, false
}

// kpiName returns the code and name of the KPI with id, or id itself
// when this vault does not contain that KPI.
func (c *conflictList) kpiName(id string) string {
	if k, ok := c.kpi(id); ok {
		return strings.TrimSpace(k.Code + " " + k.Name)
	}
	return id
}

// recordTitle names the record of a conflict. A KPI value has no name of
// its own, so it is named by its KPI and its period, as the KPI screen
// names the period ("Quý I/2026"), or by its dates.
func (c *conflictList) recordTitle(conflict app.ConflictView) string {
	if conflict.Table != "kpi_values" {
		return conflictTitle(conflict)
	}
	for _, row := range []map[string]any{conflict.Current, conflict.Other} {
		id, _ := row["kpi_id"].(string)
		start, err1 := model.ParseDate(app.ConflictValue(row["period_start"]))
		end, err2 := model.ParseDate(app.ConflictValue(row["period_end"]))
		if id == "" || err1 != nil || err2 != nil {
			continue
		}
		period := start.Display() + "–" + end.Display()
		if k, ok := c.kpi(id); ok {
			for _, p := range model.KPIPeriods(k.Frequency, start.Year) {
				if p.Start == start && p.End == end && p.Label != "" {
					period = p.Label
				}
			}
		}
		return c.kpiName(id) + " · " + period
	}
	return conflictTitle(conflict)
}

// versionTime shows when a version was last changed, to the second:
// two edits of a conflict are often minutes apart.
func versionTime(row map[string]any) string {
	t := app.VersionTime(row)
	if t.IsZero() {
		return ""
	}
	return t.In(app.Zone).Format("15:04:05 02/01/2006")
}

// conflictTitle names the record of a conflict from its code, number,
// title, name or text, current version first, or by its id.
func conflictTitle(c app.ConflictView) string {
	if c.Table == "doc_numbers" {
		if text := docNumberText(c.Current); text != "" {
			return text
		}
	}
	for _, row := range []map[string]any{c.Current, c.Other} {
		var parts []string
		for _, key := range []string{"code", "number"} {
			if s, ok := row[key].(string); ok && s != "" {
				parts = append(parts, s)
				break
			}
		}
		for _, key := range []string{"title", "name", "text"} {
			if s, ok := row[key].(string); ok && s != "" {
				parts = append(parts, s)
				break
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, " ")
		}
	}
	return c.RecordID
}

// shortName names the record of a conflict by its code or number alone
// when it has one, since its title may be what changed, and otherwise as
// its card does.
func (c *conflictList) shortName(conflict app.ConflictView) string {
	for _, row := range []map[string]any{conflict.Current, conflict.Other} {
		for _, key := range []string{"code", "number"} {
			if s, ok := row[key].(string); ok && s != "" {
				return s
			}
		}
	}
	return c.recordTitle(conflict)
}

// docNumberText returns a number register row's number as it is
// printed, or "" when the row lacks its parts.
func docNumberText(row map[string]any) string {
	seq, err := strconv.Atoi(app.ConflictValue(row["seq"]))
	typ, _ := row["doc_type"].(string)
	issuer, _ := row["issuer"].(string)
	if err != nil || typ == "" {
		return ""
	}
	return model.FormatDocNumber(seq, typ, issuer)
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// fieldColumns lays out objects in rows of three: a first column of a
// fixed width for the field name, and two equal columns for the two
// versions. Each row is as tall as its tallest cell.
type fieldColumns struct {
	first float32
}

func (l *fieldColumns) widths(total float32) (float32, float32) {
	pad := theme.Padding()
	rest := (total - l.first - 2*pad) / 2
	return l.first, max(rest, 0)
}

func (l *fieldColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	first, rest := l.widths(size.Width)
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i < len(objects); i += 3 {
		row := objects[i:min(i+3, len(objects))]
		h := l.rowHeight(row, first, rest)
		x := float32(0)
		for j, o := range row {
			w := rest
			if j == 0 {
				w = first
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w + pad
		}
		y += h + pad
	}
}

// rowHeight returns the height of a row once its wrapping labels have
// their column widths.
func (l *fieldColumns) rowHeight(row []fyne.CanvasObject, first, rest float32) float32 {
	h := float32(0)
	for j, o := range row {
		w := rest
		if j == 0 {
			w = first
		}
		if label, ok := o.(*widget.Label); ok && label.Wrapping != fyne.TextWrapOff {
			o.Resize(fyne.NewSize(w, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *fieldColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	h := float32(0)
	for i := 0; i < len(objects); i += 3 {
		row := objects[i:min(i+3, len(objects))]
		rh := float32(0)
		for _, o := range row {
			rh = max(rh, o.MinSize().Height)
		}
		h += rh + pad
	}
	return fyne.NewSize(l.first+2*pad+2*100, max(h-pad, 0))
}

package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/model/workday"
)

// scheduleForm edits the official schedule of one year at a time. The
// days off, working Saturdays and Sundays and cancelled days off that the
// government's notices set form one list of dated entries, beside the
// year's general notice. Nothing is stored until Lưu, and a rejected save
// lists every problem by row and keeps every field as typed.
type scheduleForm struct {
	w       *window
	year    int
	years   *widget.Select
	origin  *widget.Label
	notice  *widget.Entry
	rows    []*scheduleRow
	list    *fyne.Container
	message *widget.Label
	result  *widget.Label
	save    *widget.Button
	dirty   bool
}

// scheduleRow is one entry of the form.
type scheduleRow struct {
	number *widget.Label
	date   *widget.Entry
	kind   *widget.Select
	name   *widget.Entry
	notice *widget.Entry
	box    fyne.CanvasObject
}

func newScheduleForm(w *window) *scheduleForm {
	return &scheduleForm{w: w, year: w.today().Year}
}

func (f *scheduleForm) build() fyne.CanvasObject {
	w := f.w
	f.years = widget.NewSelect(nil, f.onYear)
	f.origin = widget.NewLabel("")
	f.origin.Wrapping = fyne.TextWrapWord
	f.notice = widget.NewMultiLineEntry()
	f.notice.SetMinRowsVisible(3)
	f.notice.Wrapping = fyne.TextWrapWord
	f.notice.SetPlaceHolder(w.t("workdays.notice_hint"))
	f.notice.OnChanged = f.changed
	f.list = container.NewVBox()
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.result = widget.NewLabel("")
	f.result.Wrapping = fyne.TextWrapWord

	hint := widget.NewLabel(w.t("workdays.hint"))
	hint.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(w.t("workdays.add"), theme.ContentAddIcon(), func() {
		w.touch()
		f.addRow(workday.Entry{Kind: workday.EntryOff})
		f.changed("")
	})
	f.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	remove := widget.NewButtonWithIcon(w.t("workdays.remove_year"), theme.DeleteIcon(), f.onRemoveYear)
	reset := widget.NewButtonWithIcon(w.t("meetings.rules.reset"), theme.ViewRefreshIcon(), f.onReset)

	f.load(f.year)
	top := container.NewVBox(
		widget.NewForm(widget.NewFormItem(w.t("workdays.year"), container.NewHBox(f.years))),
		f.origin, hint,
		widget.NewForm(widget.NewFormItem(w.t("workdays.notice"), f.notice)),
		f.headerRow(),
	)
	bottom := container.NewVBox(container.NewHBox(add), widget.NewSeparator(), f.message,
		container.NewHBox(f.save, remove, reset),
		widget.NewCard(w.t("workdays.result"), "", f.result))
	return container.NewVScroll(container.NewVBox(top, f.list, bottom))
}

// Widths of the fixed columns of a row, in pixels.
const (
	scheduleNumberWidth = 36
	scheduleDateWidth   = 130
	scheduleKindWidth   = 290
)

func (f *scheduleForm) headerRow() fyne.CanvasObject {
	w := f.w
	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(w.t(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(scheduleNumberWidth, 36), widget.NewLabel("")),
		container.NewGridWrap(fyne.NewSize(scheduleDateWidth, 36), bold("workdays.col_date")),
		container.NewGridWrap(fyne.NewSize(scheduleKindWidth, 36), bold("workdays.col_kind")))
	spacer := container.NewGridWrap(fyne.NewSquareSize(36), widget.NewLabel(""))
	return container.NewBorder(nil, nil, left, spacer,
		container.NewGridWithColumns(2, bold("workdays.col_name"), bold("workdays.col_notice")))
}

// yearChoices returns the years the select offers: two before this one to
// five after it, and every year the calendar has a schedule for.
func (f *scheduleForm) yearChoices(doc workday.Document) []string {
	this := f.w.today().Year
	var years []int
	for y := this - 2; y <= this+5; y++ {
		years = append(years, y)
	}
	for _, s := range doc.Schedules {
		if !slices.Contains(years, s.Year) {
			years = append(years, s.Year)
		}
	}
	slices.Sort(years)
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// load fills the form with the schedule of year as the vault's calendar
// has it, or empty when it has none, and shows the days off it gives.
func (f *scheduleForm) load(year int) {
	w := f.w
	doc, custom, err := app.CalendarDocument(w.session)
	if err != nil {
		f.problem(w.meetingMessage(err))
		return
	}
	f.year = year
	f.years.OnChanged = nil
	f.years.Options = f.yearChoices(doc)
	f.years.SetSelected(strconv.Itoa(year))
	f.years.OnChanged = f.onYear
	f.origin.SetText(w.t("meetings.rules.builtin"))
	if custom {
		f.origin.SetText(w.t("meetings.rules.custom"))
	}

	var sch workday.Schedule
	for _, s := range doc.Schedules {
		if s.Year == year {
			sch = s
		}
	}
	f.rows = nil
	f.list.RemoveAll()
	for _, e := range sch.Entries() {
		f.addRow(e)
	}
	if len(sch.Entries()) == 0 {
		f.addRow(workday.Entry{Kind: workday.EntryOff})
	}
	f.notice.OnChanged = nil
	f.notice.SetText(sch.Notice)
	f.notice.OnChanged = f.changed
	f.save.SetText(w.t("workdays.save", year))
	f.message.SetText("")
	f.dirty = false
	f.showResult()
}

func (f *scheduleForm) changed(string) {
	f.w.touch()
	f.dirty = true
}

// addRow appends an entry to the list.
func (f *scheduleForm) addRow(e workday.Entry) *scheduleRow {
	w := f.w
	r := &scheduleRow{number: widget.NewLabel(""), date: widget.NewEntry(), name: widget.NewEntry(), notice: widget.NewEntry()}
	r.date.SetPlaceHolder(w.t("date.placeholder"))
	r.date.SetText(e.Date.Display())
	r.name.SetPlaceHolder(w.t("workdays.name_hint"))
	r.name.SetText(e.Name)
	r.notice.SetPlaceHolder(w.t("workdays.entry_notice_hint"))
	r.notice.SetText(e.Notice)
	var kinds []string
	for _, k := range workday.EntryKinds {
		kinds = append(kinds, string(k))
	}
	r.kind = translatedSelect(w, "workdays.kind.", kinds, string(e.Kind))
	for _, entry := range []*widget.Entry{r.date, r.name, r.notice} {
		entry.OnChanged = f.changed
	}
	r.kind.OnChanged = f.changed
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeRow(r) })
	left := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(scheduleNumberWidth, r.date.MinSize().Height), r.number),
		container.NewGridWrap(fyne.NewSize(scheduleDateWidth, r.date.MinSize().Height), r.date),
		container.NewGridWrap(fyne.NewSize(scheduleKindWidth, r.date.MinSize().Height), r.kind))
	r.box = container.NewBorder(nil, nil, left, del, container.NewGridWithColumns(2, r.name, r.notice))
	f.rows = append(f.rows, r)
	f.list.Add(r.box)
	f.renumber()
	return r
}

func (f *scheduleForm) removeRow(r *scheduleRow) {
	f.w.touch()
	f.rows = slices.DeleteFunc(f.rows, func(x *scheduleRow) bool { return x == r })
	f.list.Remove(r.box)
	f.renumber()
	f.dirty = true
}

func (f *scheduleForm) renumber() {
	for i, r := range f.rows {
		r.number.Importance = widget.MediumImportance
		r.number.SetText(strconv.Itoa(i+1) + ".")
	}
}

// onYear switches the form to another year. When the year shown has
// unsaved changes, it first requests a confirmation.
func (f *scheduleForm) onYear(text string) {
	w := f.w
	year, err := strconv.Atoi(text)
	if err != nil || year == f.year {
		return
	}
	if !f.dirty {
		f.load(year)
		return
	}
	dialog.ShowConfirm(w.t("workdays.unsaved_title"), w.t("workdays.unsaved", f.year), func(ok bool) {
		if ok {
			f.load(year)
			return
		}
		f.years.OnChanged = nil
		f.years.SetSelected(strconv.Itoa(f.year))
		f.years.OnChanged = f.onYear
	}, w.win)
}

// errScheduleRows is returned by read after it listed the problems of
// the rows under the form.
var errScheduleRows = errors.New("schedule entries have problems")

// read returns the schedule the form holds, or lists what is wrong with
// its rows and returns errScheduleRows. Rows left entirely blank are
// skipped.
func (f *scheduleForm) read() (workday.Schedule, error) {
	w := f.w
	var entries []workday.Entry
	var rowOf []int // entries[i] is row rowOf[i]
	type line struct {
		row  int
		text string
	}
	var lines []line
	bad := map[int]bool{}
	for i, r := range f.rows {
		text := model.Normalize(r.date.Text)
		if text == "" && model.Normalize(r.name.Text) == "" && model.Normalize(r.notice.Text) == "" {
			continue
		}

		var day model.Date
		if text != "" {
			var err error
			if day, err = model.ParseDisplayDate(text); err != nil {
				lines = append(lines, line{i, w.t("workdays.err.bad_date", i+1, text)})
				bad[i] = true
				continue
			}
		}
		kind := workday.EntryKinds[max(0, r.kind.SelectedIndex())]
		entries = append(entries, workday.Entry{Date: day, Kind: kind, Name: r.name.Text, Notice: r.notice.Text})
		rowOf = append(rowOf, i)
	}

	sch, problems := workday.NewSchedule(f.year, f.notice.Text, entries)
	for _, p := range problems {
		row := rowOf[p.Index]
		bad[row] = true
		lines = append(lines, line{row, f.problemText(p, row, entries[p.Index], rowOf)})
	}
	f.renumber()
	if len(lines) == 0 {
		return sch, nil
	}

	for i, r := range f.rows {
		if bad[i] {
			r.number.Importance = widget.DangerImportance
			r.number.Refresh()
		}
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.row - b.row })
	text := w.t("workdays.err.heading")
	for _, l := range lines {
		text += "\n" + l.text
	}
	f.problem(text)
	return sch, errScheduleRows
}

// problemText returns the sentence for problem p of the entry on row.
func (f *scheduleForm) problemText(p workday.EntryProblem, row int, e workday.Entry, rowOf []int) string {
	w := f.w
	day := e.Date.Display()
	switch p.Problem {
	case workday.ProblemNoDate:
		return w.t("workdays.err.no_date", row+1)
	case workday.ProblemOtherYear:
		return w.t("workdays.err.other_year", row+1, day, f.year)
	case workday.ProblemNotWeekend:
		return w.t("workdays.err.not_weekend", row+1, day, w.t("meetings.weekday."+e.Date.Weekday().String()))
	case workday.ProblemOffAndWorking:
		return w.t("workdays.err.off_and_working", row+1, day, rowOf[p.Other]+1)
	case workday.ProblemDuplicate:
		return w.t("workdays.err.duplicate", row+1, day, rowOf[p.Other]+1)
	case workday.ProblemNoName:
		return w.t("workdays.err.no_name", row+1, day)
	}
	return w.t("workdays.err.kind", row+1)
}

func (f *scheduleForm) problem(text string) {
	f.message.Importance = widget.DangerImportance
	f.message.SetText(text)
}

func (f *scheduleForm) onSave() {
	w := f.w
	w.touch()
	sch, err := f.read()
	if err != nil {
		return
	}
	if err := app.SetSchedule(w.session, sch); err != nil {
		f.problem(w.meetingMessage(err))
		return
	}
	year := f.year
	f.load(year)
	f.message.Importance = widget.SuccessImportance
	f.message.SetText(w.t("workdays.saved", year))
}

func (f *scheduleForm) onRemoveYear() {
	w := f.w
	w.touch()
	year := f.year
	dialog.ShowConfirm(w.t("workdays.remove_year"), w.t("workdays.remove_confirm", year), func(ok bool) {
		if !ok {
			return
		}
		if err := app.RemoveSchedule(w.session, year); err != nil {
			f.problem(w.meetingMessage(err))
			return
		}
		f.load(year)
		f.message.Importance = widget.SuccessImportance
		f.message.SetText(w.t("workdays.removed", year))
	}, w.win)
}

func (f *scheduleForm) onReset() {
	w := f.w
	w.touch()
	dialog.ShowConfirm(w.t("meetings.rules.reset"), w.t("workdays.reset_confirm"), func(ok bool) {
		if !ok {
			return
		}
		if err := app.ResetCalendar(w.session); err != nil {
			f.problem(w.meetingMessage(err))
			return
		}
		f.load(f.year)
		f.message.Importance = widget.SuccessImportance
		f.message.SetText(w.t("workdays.reset_done"))
	}, w.win)
}

// showResult lists the days off and working weekend days of the year as
// the calendar in use computes them, rules and schedule together.
func (f *scheduleForm) showResult() {
	w := f.w
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		f.result.SetText(w.meetingMessage(err))
		return
	}
	weekday := func(d model.Date) string { return w.t("meetings.weekday." + d.Weekday().String()) }
	lines := []string{w.t("workdays.result_off", f.year)}
	for _, d := range rules.Calendar.DaysOff(f.year) {
		lines = append(lines, "• "+d.Date.Display()+" ("+weekday(d.Date)+") "+d.Name)
	}
	if working := rules.Calendar.WorkingSaturdays(f.year); len(working) > 0 {
		lines = append(lines, w.t("workdays.result_working"))
		for _, d := range working {
			lines = append(lines, "• "+d.Display()+" ("+weekday(d)+")")
		}
	}
	f.result.SetText(strings.Join(lines, "\n"))
}

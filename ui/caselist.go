package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
	"sotay/vault"
)

// casePageSize is how many rows the case list fetches at a time; the list
// widget only builds the rows on screen.
const casePageSize = 100

// caseListScreen is the case list: search, filters, sort, and a
// virtualised list that fetches its rows a page at a time.
type caseListScreen struct {
	w      *window
	query  vault.CaseQuery
	search *widget.Entry
	count  *widget.Label
	list   *widget.List

	total   int
	pages   map[int][]vault.CaseSummary
	results []vault.CaseSummary // search results, when searching
}

func newCaseListScreen(w *window) *caseListScreen {
	return &caseListScreen{w: w, pages: map[int][]vault.CaseSummary{}}
}

func (s *caseListScreen) build() fyne.CanvasObject {
	w := s.w
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(w.t("cases.search_hint"))
	s.search.OnChanged = func(string) { s.reload() }
	s.count = widget.NewLabel("")

	kinds := append([]string{w.t("filter.all_kinds")}, s.kindNames()...)
	kind := widget.NewSelect(kinds, func(v string) {
		s.query.Kind = ""
		for _, k := range model.Kinds {
			if w.t("kind."+string(k)) == v {
				s.query.Kind = k
			}
		}
		s.reload()
	})
	kind.SetSelectedIndex(0)
	statuses := []string{w.t("filter.all_statuses")}
	for _, st := range model.Statuses {
		statuses = append(statuses, w.t("status."+string(st)))
	}
	status := widget.NewSelect(statuses, func(v string) {
		s.query.Status = ""
		for _, st := range model.Statuses {
			if w.t("status."+string(st)) == v {
				s.query.Status = st
			}
		}
		s.reload()
	})
	status.SetSelectedIndex(0)
	class := widget.NewSelect(s.classificationOptions(), func(v string) {
		s.query.Classification = nil
		for _, c := range model.Classifications {
			if w.classificationName(c) == v {
				s.query.Classification = &c
			}
		}
		s.reload()
	})
	class.SetSelectedIndex(0)
	overdue := widget.NewCheck(w.t("filter.overdue"), func(b bool) {
		s.query.OverdueOnly = b
		s.reload()
	})
	sorts := []string{w.t("sort.start"), w.t("sort.code"), w.t("sort.title"), w.t("sort.end")}
	sortBy := widget.NewSelect(sorts, func(v string) {
		for i, name := range sorts {
			if name == v {
				s.query.Sort = vault.CaseSort(i)
			}
		}
		s.reload()
	})
	sortBy.SetSelectedIndex(0)

	newCase := widget.NewButtonWithIcon(w.t("cases.new"), theme.ContentAddIcon(), func() {
		w.touch()
		w.show(w.t("cases.new"), newCaseForm(w, nil).build())
	})
	newCase.Importance = widget.HighImportance

	s.list = widget.NewList(s.length, func() fyne.CanvasObject { return newCaseRow(w) }, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		w.touch()
		if cs, ok := s.row(id); ok {
			w.showCase(cs.ID)
		}
	}
	s.reload()

	filters := container.NewHBox(kind, status, class, sortBy, overdue)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newCase, s.search),
		container.NewBorder(nil, nil, nil, s.count, container.NewHScroll(filters)),
		newCaseRowHeader(w),
	)
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *caseListScreen) kindNames() []string {
	var names []string
	for _, k := range model.Kinds {
		names = append(names, s.w.t("kind."+string(k)))
	}
	return names
}

func (s *caseListScreen) classificationOptions() []string {
	opts := []string{s.w.t("filter.all_classifications")}
	for _, c := range model.Classifications {
		opts = append(opts, s.w.classificationName(c))
	}
	return opts
}

// reload drops the fetched pages and counts the rows again.
func (s *caseListScreen) reload() {
	if s.list == nil || s.w.session == nil {
		return
	}
	s.w.touch()
	s.pages = map[int][]vault.CaseSummary{}
	s.results = nil
	s.query.Today = s.w.today()
	var err error
	if q := model.Normalize(s.search.Text); q != "" {
		s.results, err = s.w.session.SearchCases(q, s.query.Today, 0)
		s.total = len(s.results)
	} else {
		s.total, err = s.w.session.CountCases(s.query)
	}
	if err != nil {
		s.total = 0
		s.w.showError(err)
	}
	s.count.SetText(s.w.t("cases.count", s.total))
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *caseListScreen) length() int { return s.total }

// row returns row i, fetching its page when it is not loaded yet.
func (s *caseListScreen) row(i int) (vault.CaseSummary, bool) {
	if s.results != nil {
		if i < len(s.results) {
			return s.results[i], true
		}
		return vault.CaseSummary{}, false
	}
	page := i / casePageSize
	rows, ok := s.pages[page]
	if !ok && s.w.session != nil {
		q := s.query
		q.Offset, q.Limit = page*casePageSize, casePageSize
		var err error
		rows, err = s.w.session.ListCases(q)
		if err != nil {
			return vault.CaseSummary{}, false
		}
		s.pages[page] = rows
	}
	if j := i % casePageSize; j < len(rows) {
		return rows[j], true
	}
	return vault.CaseSummary{}, false
}

func (s *caseListScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	cs, ok := s.row(id)
	if !ok {
		return
	}
	o.(*caseRow).set(cs)
}

// caseRow is one row of the case list.
type caseRow struct {
	widget.BaseWidget
	w        *window
	code     *widget.Label
	title    *widget.Label
	kind     *widget.Label
	status   *widget.Label
	badge    *classificationBadge
	progress *widget.ProgressBar
	overdue  *widget.Label
}

func newCaseRow(w *window) *caseRow {
	r := &caseRow{
		w:        w,
		code:     widget.NewLabel(""),
		title:    widget.NewLabel(""),
		kind:     widget.NewLabel(""),
		status:   widget.NewLabel(""),
		badge:    newClassificationBadge(model.Unclassified),
		progress: widget.NewProgressBar(),
		overdue:  widget.NewLabel(""),
	}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.kind.Truncation = fyne.TextTruncateEllipsis
	r.status.Truncation = fyne.TextTruncateEllipsis
	r.overdue.Truncation = fyne.TextTruncateEllipsis
	r.overdue.Importance = widget.DangerImportance
	r.ExtendBaseWidget(r)
	return r
}

func (r *caseRow) set(cs vault.CaseSummary) {
	r.code.SetText(cs.Code)
	r.title.SetText(cs.Title)
	r.kind.SetText(r.w.t("kind." + string(cs.Kind)))
	r.status.SetText(r.w.t("status." + string(cs.Status)))
	r.badge.SetLevel(cs.Classification)
	r.progress.SetValue(cs.Progress())
	if cs.TasksOverdue > 0 {
		r.overdue.SetText(r.w.t("cases.overdue", cs.TasksOverdue))
	} else {
		r.overdue.SetText("")
	}
}

func (r *caseRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(caseRowLayout(r.code, container.NewBorder(nil, nil, nil, container.NewCenter(r.badge), r.title),
		r.kind, r.status, r.progress, r.overdue))
}

// caseRowColumns are the widths of the list columns as shares of the row;
// the title takes what is left.
var caseRowColumns = []float32{0.1, 0, 0.18, 0.12, 0.08, 0.13}

func caseRowLayout(cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columnsLayout{shares: caseRowColumns}, cells...)
}

func newCaseRowHeader(w *window) fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, key := range []string{"col.code", "col.title", "col.kind", "col.status", "col.progress", "col.overdue"} {
		cells = append(cells, widget.NewLabelWithStyle(w.t(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	return caseRowLayout(cells...)
}

// columnsLayout places its objects side by side, each taking its share
// of the width; a zero share takes the width left over.
type columnsLayout struct{ shares []float32 }

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var fixed float32
	for _, s := range l.shares {
		fixed += s
	}
	rest := size.Width * (1 - fixed)
	x := float32(0)
	for i, o := range objects {
		w := rest
		if i < len(l.shares) && l.shares[i] > 0 {
			w = size.Width * l.shares[i]
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w-pad, h))
		x += w
	}
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(600, h)
}

func (w *window) classificationName(c model.Classification) string {
	return w.t(fmt.Sprintf("class.%d", int(c)))
}

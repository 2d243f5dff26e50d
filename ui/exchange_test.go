package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestKeyPanelCreatesKey(t *testing.T) {
	w := newTestWindow(t)
	p := newKeyPanel(w)
	content := p.build()
	w.win.SetContent(content)

	var name *widget.Entry
	var create *widget.Button
	walk(content, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == w.t("exchange.my_name") {
			name = e
		}
		if b, ok := o.(*widget.Button); ok && b.Text == w.t("exchange.create_key") {
			create = b
		}
	})
	if name == nil || create == nil {
		t.Fatal("no name entry or create button before a key exists")
	}
	test.Type(name, "Trần Thị Bình")
	test.Tap(create)

	o, err := w.session.Officer()
	if err != nil {
		t.Fatalf("officer after create: %v", err)
	}
	if !richTextContains(w, o.Card().ReadAloud()) {
		t.Errorf("fingerprint groups %q not shown", o.Card().ReadAloud())
	}
}

func TestExportPanelNeedsSelection(t *testing.T) {
	w := newTestWindow(t)
	p := newExportPanel(w)
	w.win.SetContent(p.build())
	p.folder.SetText(t.TempDir())
	p.onExport()
	if p.status.Text != w.t("err.bundle.nothing") {
		t.Errorf("status = %q, want the nothing-to-export message", p.status.Text)
	}
}

func TestExchangeScreenHasThreeTabs(t *testing.T) {
	w := newTestWindow(t)
	w.showSection(exchangeSectionIndex(sections, "nav.exchange"))
	if w.title.Text != w.t("nav.exchange") {
		t.Errorf("title = %q", w.title.Text)
	}
}

func exchangeSectionIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

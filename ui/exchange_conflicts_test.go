package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// sendCaseTo imports case id of from into to, outside the window.
func sendCaseTo(t *testing.T, from, to *app.Session, id string) *vault.ImportPreview {
	t.Helper()
	path := exportCase(t, from, id, officerCard(t, to))
	p, err := app.ImportBundle(context.Background(), to, path, vault.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// This vault holds a version of the case last changed on workstation
// A, and imports C's conflicting edit. Neither version carries this
// vault's workstation, yet the card heads the column of the version
// this vault held "Bản của tôi".
func TestConflictCardLabelsMineColumn(t *testing.T) {
	const (
		original = "Kiểm tra Đảng ủy xã Tân Lập"
		titleB   = "Kiểm tra Đảng ủy xã Tân Lập (đồng chí Cường sửa)"
		titleA   = "Kiểm tra Đảng ủy xã Tân Lập năm 2026 (đồng chí Bình sửa tiếp)"
		titleC   = "Kiểm tra Đảng ủy xã Tân Lập năm 2027 (đồng chí Hà sửa)"
	)
	w := newTestWindow(t)
	mine := w.session
	if _, err := mine.EnsureOfficer("Lê Văn Cường", "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	a := newPeerSession(t, "Trần Thị Bình")
	c := newPeerSession(t, "Phạm Thu Hà")
	for _, s := range []*app.Session{a, c} {
		if err := mine.AddKeyCard(officerCard(t, s)); err != nil {
			t.Fatal(err)
		}
		if err := s.AddKeyCard(officerCard(t, mine)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddKeyCard(officerCard(t, a)); err != nil {
		t.Fatal(err)
	}

	cs := model.Case{Code: "KT-09/2026", Title: original, Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := a.CreateCase(&cs, false); err != nil {
		t.Fatal(err)
	}
	sendCaseTo(t, a, mine, cs.ID)
	sendCaseTo(t, a, c, cs.ID)
	setCaseTitle(t, mine, cs.ID, titleB)
	sendCaseTo(t, mine, a, cs.ID)
	setCaseTitle(t, a, cs.ID, titleA)
	sendCaseTo(t, a, mine, cs.ID)
	setCaseTitle(t, c, cs.ID, titleC)

	p := showImport(w, exportCase(t, c, cs.ID, officerCard(t, mine)))
	p.onCheck()
	waitFor(t, "the preview", func() bool { return hasButton(w, w.t("exchange.apply")) })
	test.Tap(findButton(t, w, w.t("exchange.apply")))
	waitFor(t, "the conflict card", func() bool {
		return hasButton(w, w.t("exchange.keep_mine")) || hasButton(w, w.t("exchange.keep_current"))
	})

	screen := texts(w)
	for _, unwanted := range []string{w.t("exchange.current"), w.t("exchange.other")} {
		if strings.Contains(screen, unwanted) {
			t.Errorf("conflict card heads a column %q", unwanted)
		}
	}
	mineHead, receivedHead := columnOf(w, w.t("exchange.mine")), columnOf(w, w.t("exchange.received"))
	if mineHead < 0 || receivedHead <= mineHead {
		t.Fatalf("%q at x=%v, %q at x=%v: want both, mine on the left", w.t("exchange.mine"), mineHead,
			w.t("exchange.received"), receivedHead)
	}
	if x := columnOf(w, titleA); x != mineHead {
		t.Errorf("this vault's title at x=%v, want under %q at x=%v", x, w.t("exchange.mine"), mineHead)
	}
	if x := columnOf(w, titleC); x != receivedHead {
		t.Errorf("received title at x=%v, want under %q at x=%v", x, w.t("exchange.received"), receivedHead)
	}

	test.Tap(findButton(t, w, w.t("exchange.keep_mine")))
	got, err := mine.Case(cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != titleA {
		t.Errorf("title after keeping mine = %q, want %q", got.Title, titleA)
	}
	if !strings.Contains(texts(w), w.t("exchange.resolved_mine", "KT-09/2026")) {
		t.Errorf("no status after keeping mine:\n%s", texts(w))
	}
}

// A KPI value has no title of its own: its conflict card names the KPI
// and the period, and shows the KPI by name and the value under labels
// a user reads, not "kpi_id" and "value".
func TestKPIValueConflictCardNamesKPI(t *testing.T) {
	w := newTestWindow(t)
	k := model.KPI{Code: "CT-03", Name: "Tỷ lệ đơn thư được giải quyết", Unit: "%", Target: 90,
		Frequency: model.PeriodQuarterly}
	if err := w.session.SaveKPI(&k); err != nil {
		t.Fatal(err)
	}
	row := func(value float64, ws string) map[string]any {
		return map[string]any{"id": "v1", "kpi_id": k.ID, "period_start": "2026-01-01",
			"period_end": "2026-03-31", "value": value, "workstation": ws}
	}
	conflict := app.ConflictView{
		Conflict: vault.Conflict{ID: "c1", Table: "kpi_values", RecordID: "v1", Other: row(10, "khac")},
		Current:  row(12, w.session.Workstation()),
		Side:     app.SideCurrentMine,
		Changed:  []string{"value"},
	}

	list := &conflictList{w: w}
	w.win.SetContent(list.card(conflict))
	screen := texts(w)
	want := w.t("exchange.table.kpi_values") + ": CT-03 Tỷ lệ đơn thư được giải quyết · Quý I/2026"
	if !strings.Contains(screen, want) {
		t.Errorf("card title missing %q:\n%s", want, screen)
	}
	if !strings.Contains(screen, w.t("exchange.field.value")) {
		t.Errorf("card does not label the value column:\n%s", screen)
	}
	if strings.Contains(screen, "kpi_id") {
		t.Errorf("card shows the raw column name kpi_id:\n%s", screen)
	}

	got := list.shortName(conflict)
	if strings.Contains(got, "v1") {
		t.Errorf("the status after resolving names the value by its id: %q", got)
	}
	if !strings.Contains(got, k.Name) {
		t.Errorf("the status after resolving names the value %q, want the KPI", got)
	}
	if got := list.value("kpi_values", "kpi_id", k.ID); got != "CT-03 Tỷ lệ đơn thư được giải quyết" {
		t.Errorf("kpi_id shown as %q, want the KPI's code and name", got)
	}
}

// A sender who never filled in a name still reads as someone in the trust
// step, not as a gap ("với  (gặp mặt…)").
func TestUnnamedSenderReadsInTrustStep(t *testing.T) {
	w := newTestWindow(t)
	if _, err := w.session.EnsureOfficer("Lê Văn Cường", "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	v, err := vault.Create(filepath.Join(t.TempDir(), "khong-ten"), []byte(uiPassphrase),
		vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	peer := app.NewSession(v)
	t.Cleanup(peer.Lock)
	if _, err := peer.EnsureOfficer("", ""); err != nil {
		t.Fatal(err)
	}

	cs := model.Case{Code: "KT-11/2026", Title: "Kiểm tra chi bộ thôn Đông", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := peer.CreateCase(&cs, false); err != nil {
		t.Fatal(err)
	}
	p := showImport(w, exportCase(t, peer, cs.ID, officerCard(t, w.session)))
	p.onCheck()
	waitFor(t, "the preview", func() bool { return hasButton(w, w.t("exchange.trust")) })

	screen := texts(w) + checkTexts(w)
	unnamed := w.t("exchange.unnamed_sender")
	if !strings.Contains(screen, w.t("exchange.trust_check", unnamed)) {
		t.Errorf("the trust check does not name the sender as %q:\n%s", unnamed, screen)
	}
	if strings.Contains(screen, "  (") {
		t.Errorf("an empty sender name leaves a gap:\n%s", screen)
	}
	if strings.Contains(screen, " — \n") {
		t.Errorf("an empty sender title leaves a dash:\n%s", screen)
	}
}

// checkTexts returns the text of every check box on screen.
func checkTexts(w *window) string {
	var b strings.Builder
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			b.WriteString(c.Text + "\n")
		}
	})
	return b.String()
}

// The preview names the records of other tables that are in conflict,
// so that the officer can check them before applying.
func TestImportPreviewNamesConflicts(t *testing.T) {
	w := newTestWindow(t)
	p := newImportPanel(w)
	w.show(w.t("nav.exchange"), p.build())
	pv := &vault.ImportPreview{
		SenderKnown: true,
		Total:       vault.Changes{Conflicts: 1},
		Conflicts: []vault.RecordConflict{{Table: "tasks", Row: map[string]any{
			"id": "t1", "title": "Xác minh hồ sơ kê khai tài sản"}}},
	}
	p.showPreview(pv)

	want := "• " + w.t("exchange.action.conflict") + ": " + w.t("exchange.table.tasks") + ": Xác minh hồ sơ kê khai tài sản"
	if !strings.Contains(texts(w), want) {
		t.Errorf("preview lacks %q:\n%s", want, texts(w))
	}
}

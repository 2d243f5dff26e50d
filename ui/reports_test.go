package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestReportMarkedSentLate(t *testing.T) {
	w := newTestWindow(t)
	w.showPlans(2026, 1)
	list := screenList(t, w)
	var row int = -1
	for i, r := range newReportScreenRows(t, w) {
		if strings.Contains(r, "Quý I/2026") && strings.Contains(r, "quý") {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no first-quarter report in the calendar")
	}
	list.Select(row)
	sent := findEntry(t, w, "Ngày gửi (dd/mm/yyyy)")
	sent.SetText("")
	test.Type(sent, "25/03/2026")
	test.Tap(findButton(t, w, "Đánh dấu đã gửi"))
	if !strings.Contains(texts(w), "Gửi muộn ngày 25/03/2026") {
		t.Errorf("late send not shown")
	}
	if !strings.Contains(texts(w), "chậm") {
		t.Errorf("summary has no late count")
	}
}

// newReportScreenRows returns the text of every row of the report list.
func newReportScreenRows(t *testing.T, w *window) []string {
	t.Helper()
	list := screenList(t, w)
	var out []string
	for i := 0; i < list.Length(); i++ {
		l := widget.NewLabel("")
		list.UpdateItem(i, l)
		out = append(out, l.Text)
	}
	return out
}

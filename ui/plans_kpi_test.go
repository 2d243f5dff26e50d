package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sotay/model"
)

// Saving the KPI form unchanged keeps every digit of the targets, since
// a form filled with 95.25 rounded to "95.2" would store 95.2. The form
// writes the decimal mark as Vietnamese does.
func TestKPIFormKeepsTargets(t *testing.T) {
	w := newTestWindow(t)
	k := model.KPI{Code: "CT-TYLE", Name: "Tỷ lệ đảng viên hoàn thành nhiệm vụ", Unit: "%",
		Target: 87.5, Exceed: 95.25, Frequency: model.PeriodQuarterly}
	if err := w.session.SaveKPI(&k); err != nil {
		t.Fatal(err)
	}
	s := newKPIScreen(w, 2026)
	s.showForm(k)
	if screen := texts(w); !strings.Contains(screen, "95,25") || !strings.Contains(screen, "87,5") {
		t.Errorf("the form does not show the targets in full with a comma:\n%s", screen)
	}
	test.Tap(findButton(t, w, w.t("kpi.save")))
	list, err := w.session.KPIs()
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range list {
		if got.ID == k.ID && (got.Target != 87.5 || got.Exceed != 95.25) {
			t.Errorf("after saving unchanged: target %v, exceed %v; want 87.5 and 95.25", got.Target, got.Exceed)
		}
	}
}

func TestFormatValueDigits(t *testing.T) {
	w := newTestWindow(t)
	for v, want := range map[float64]string{4: "4", 87.5: "87,5", 95.25: "95,25", 18.181818: "18,18", 0.3: "0,3"} {
		if got := w.decimal(model.FormatValue(v, "%")); got != want {
			t.Errorf("%v shown as %q, want %q", v, got, want)
		}
	}
	a, b := 0.1, 0.2
	if got := model.ExactValue(a + b); got != "0.30000000000000004" {
		t.Errorf("ExactValue(0.1+0.2) = %q, want every digit", got)
	}
}

func TestJoinNonEmptyLeavesNoSeparator(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"", ""}, ""},
		{[]string{"Báo cáo quý", ""}, "Báo cáo quý"},
		{[]string{" ", "Đếm hồ sơ"}, "Đếm hồ sơ"},
		{[]string{"Báo cáo quý", "Đếm hồ sơ"}, "Báo cáo quý · Đếm hồ sơ"},
	} {
		if got := joinNonEmpty(" · ", c.parts...); got != c.want {
			t.Errorf("joinNonEmpty(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}

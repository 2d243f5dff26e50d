package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"sotay/app"
)

func TestDashboardDrawsCharts(t *testing.T) {
	w := newTestWindow(t)
	if err := app.FillDemo(w.session, w.today()); err != nil {
		t.Fatal(err)
	}
	w.showPlans(2026, 3)
	var charts []*chart
	waitFor(t, "the dashboard charts", func() bool {
		charts = charts[:0]
		walk(w.win.Content(), func(o fyne.CanvasObject) {
			if c, ok := o.(*chart); ok {
				charts = append(charts, c)
			}
		})
		return len(charts) == 4
	})
	for _, c := range charts {
		r := c.CreateRenderer().(*chartRenderer)
		r.Layout(fyne.NewSize(400, 240))
		if len(r.Objects()) < 8 {
			t.Errorf("chart %q draws %d objects", c.title, len(r.Objects()))
		}
	}
	if !strings.Contains(texts(w), "Tiến độ kế hoạch · Năm 2026") {
		t.Errorf("plan progress missing")
	}
	if !strings.Contains(texts(w), "Tỷ lệ nhiệm vụ của hồ sơ hoàn thành đúng hạn") {
		t.Errorf("KPI card missing")
	}
}

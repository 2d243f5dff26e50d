package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPlanItemStartCaseRollUp(t *testing.T) {
	w := newTestWindow(t)
	w.selectSection(sectionIndex(t, "nav.plans"))
	test.Tap(findButton(t, w, "Thêm mục kế hoạch"))
	test.Type(findEntry(t, w, "Nội dung kiểm tra, giám sát"), "Giám sát Đảng ủy xã Tân Lập")
	test.Type(findEntry(t, w, "Tổ chức đảng hoặc đảng viên"), "Đảng ủy xã Tân Lập")
	test.Tap(findButton(t, w, "Lưu mục kế hoạch"))
	if !strings.Contains(texts(w), "Kế hoạch: 1 · Đã triển khai: 0") {
		t.Fatalf("roll-up before start not shown: %s", texts(w))
	}
	screenList(t, w).Select(0)
	test.Tap(findButton(t, w, "Bắt đầu hồ sơ"))
	if !strings.Contains(texts(w), "Kế hoạch: 1 · Đã triển khai: 1 · Đúng tiến độ: 1") {
		t.Fatalf("roll-up after start not shown: %s", texts(w))
	}
	if !strings.Contains(texts(w), "HS-2026-") {
		t.Errorf("case code not shown beside the item")
	}
}

// screenList returns the first list in the window.
func screenList(t *testing.T, w *window) *widget.List {
	t.Helper()
	var found *widget.List
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && found == nil {
			found = l
		}
	})
	if found == nil {
		t.Fatal("no list in the window")
	}
	return found
}

// sectionIndex returns the position of key in the navigation.
func sectionIndex(t *testing.T, key string) int {
	t.Helper()
	for i, k := range sections {
		if k == key {
			return i
		}
	}
	t.Fatalf("no section %s", key)
	return -1
}

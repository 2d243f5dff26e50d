package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/model/workday"
)

// fillRow types one entry of the schedule form.
func fillRow(r *scheduleRow, date string, kind workday.EntryKind, name, notice string) {
	r.date.SetText("")
	test.Type(r.date, date)
	for i, k := range workday.EntryKinds {
		if k == kind {
			r.kind.SetSelectedIndex(i)
		}
	}
	r.name.SetText("")
	test.Type(r.name, name)
	r.notice.SetText("")
	test.Type(r.notice, notice)
}

func TestScheduleFormValidatesRows(t *testing.T) {
	w := newTestWindow(t)
	f := newScheduleForm(w)
	w.show("", f.build())
	if f.years.Selected != "2026" || len(f.rows) != 2 {
		t.Fatalf("the form opens on %s with %d rows, want 2026 with its two built-in days", f.years.Selected, len(f.rows))
	}
	if !strings.Contains(f.result.Text, "02/01/2026") || !strings.Contains(f.result.Text, "10/01/2026") {
		t.Errorf("the result does not list the 2026 swap:\n%s", f.result.Text)
	}

	f.years.SetSelected("2027")
	if f.year != 2027 || len(f.rows) != 1 || f.rows[0].date.Text != "" {
		t.Fatalf("2027 opens with %d rows, want one blank row", len(f.rows))
	}
	test.Type(f.notice, "Thông báo lịch nghỉ Tết Nguyên đán Đinh Mùi 2027")
	fillRow(f.rows[0], "31/02/2027", workday.EntryOff, "Nghỉ Tết", "")
	fillRow(f.addRow(workday.Entry{}), "10/01/2026", workday.EntryOff, "Nghỉ hoán đổi", "")
	fillRow(f.addRow(workday.Entry{}), "13/02/2027", workday.EntryWorking, "Làm bù cho thứ Sáu 5/2", "")
	fillRow(f.addRow(workday.Entry{}), "13/02/2027", workday.EntryOff, "Nghỉ", "")
	fillRow(f.addRow(workday.Entry{}), "15/02/2027", workday.EntryWorking, "Làm bù", "")
	fillRow(f.addRow(workday.Entry{}), "05/02/2027", workday.EntryOff, "", "")
	f.addRow(workday.Entry{}) // left blank: skipped
	test.Tap(findButton(t, w, w.t("workdays.save", 2027)))

	want := []string{
		w.t("workdays.err.bad_date", 1, "31/02/2027"),
		w.t("workdays.err.other_year", 2, "10/01/2026", 2027),
		w.t("workdays.err.off_and_working", 4, "13/02/2027", 3),
		w.t("workdays.err.not_weekend", 5, "15/02/2027", "Thứ Hai"),
		w.t("workdays.err.no_name", 6, "05/02/2027"),
	}
	for _, line := range want {
		if !strings.Contains(f.message.Text, line) {
			t.Errorf("message lacks %q:\n%s", line, f.message.Text)
		}
	}
	if strings.Contains(f.message.Text, "Dòng 7") {
		t.Errorf("the blank row was reported:\n%s", f.message.Text)
	}
	if f.rows[0].date.Text != "31/02/2027" || f.rows[2].name.Text != "Làm bù cho thứ Sáu 5/2" ||
		f.notice.Text != "Thông báo lịch nghỉ Tết Nguyên đán Đinh Mùi 2027" {
		t.Error("typed text lost after a rejected save")
	}
	if _, custom, _ := app.CalendarDocument(w.session); custom {
		t.Fatal("a rejected schedule was stored")
	}

	fillRow(f.rows[0], "04/02/2027", workday.EntryOff, "Tết Nguyên đán (28 tháng Chạp)", "Thông báo số 01/TB-BNV")
	f.removeRow(f.rows[1])
	f.removeRow(f.rows[2]) // the day off on 13/02
	fillRow(f.rows[2], "14/02/2027", workday.EntryWorking, "Làm bù", "")
	fillRow(f.rows[3], "05/02/2027", workday.EntryOff, "Nghỉ hoán đổi", "")
	test.Tap(findButton(t, w, w.t("workdays.save", 2027)))
	if f.message.Text != w.t("workdays.saved", 2027) {
		t.Fatalf("save message = %q", f.message.Text)
	}

	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		t.Fatal(err)
	}
	cal := rules.Calendar
	if cal.IsWorkingDay(model.NewDate(2027, 2, 4)) || cal.IsWorkingDay(model.NewDate(2027, 2, 5)) ||
		!cal.IsWorkingDay(model.NewDate(2027, 2, 13)) || !cal.IsWorkingDay(model.NewDate(2027, 2, 14)) {
		t.Error("the saved 2027 schedule is not what the calendar uses")
	}
	sch, _ := cal.Schedule(2027)
	if sch.Notice != "Thông báo lịch nghỉ Tết Nguyên đán Đinh Mùi 2027" || sch.DaysOff[0].Notice != "Thông báo số 01/TB-BNV" {
		t.Errorf("stored schedule = %+v", sch)
	}
	if _, ok := cal.Schedule(2026); !ok {
		t.Error("saving 2027 dropped 2026")
	}
	if len(f.rows) != 4 || f.rows[0].date.Text != "04/02/2027" {
		t.Errorf("after the save the form shows %d rows starting %q", len(f.rows), f.rows[0].date.Text)
	}
}

func TestScheduleFormAsksBeforeSwitchingYear(t *testing.T) {
	w := newTestWindow(t)
	f := newScheduleForm(w)
	w.show("", f.build())
	test.Type(f.rows[0].name, " (sửa)")
	f.years.SetSelected("2025")
	if f.year != 2026 {
		t.Fatal("the year switched without asking about the unsaved change")
	}
	test.Tap(overlayButton(t, w, lang.L("No")))
	if f.years.Selected != "2026" || !strings.Contains(f.rows[0].name.Text, "(sửa)") {
		t.Errorf("after No: year %s, row name %q; want 2026 and the edit kept", f.years.Selected, f.rows[0].name.Text)
	}
	f.years.SetSelected("2025")
	test.Tap(overlayButton(t, w, lang.L("Yes")))
	if f.year != 2025 || len(f.rows) != 4 {
		t.Errorf("after Yes: year %d with %d rows, want 2025 with its four days", f.year, len(f.rows))
	}
}

func TestHeaderSettingsSaved(t *testing.T) {
	w := newTestWindow(t)
	w.show("", newMeetingRulesScreen(w).rulesTab())
	superior := findEntry(t, w, w.t("meetings.header.superior_hint"))
	place := findEntry(t, w, w.t("meetings.header.place_hint"))
	superior.SetText("")
	test.Type(superior, "Đảng bộ tỉnh Quảng Ninh")
	place.SetText("")
	save := lastButton(t, w, w.t("action.save")) // the header card is below the rule card
	test.Tap(save)
	if !strings.Contains(texts(w), w.t("meetings.err.header_place")) {
		t.Fatalf("an empty place gave no message:\n%s", texts(w))
	}
	if superior.Text != "Đảng bộ tỉnh Quảng Ninh" {
		t.Error("typed text lost after a rejected save")
	}
	test.Type(place, "Hạ Long")
	test.Tap(save)
	h, err := app.LoadDocumentHeader(w.session)
	if err != nil {
		t.Fatal(err)
	}
	if h.Superior != "Đảng bộ tỉnh Quảng Ninh" || h.Place != "Hạ Long" || h.Issuer != "ỦY BAN KIỂM TRA" {
		t.Errorf("stored header = %+v", h)
	}
}

// lastButton returns the last button on screen with text.
func lastButton(t *testing.T, w *window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

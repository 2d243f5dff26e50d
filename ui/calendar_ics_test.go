package ui

import (
	"strings"
	"testing"

	"sotay/app"
	"sotay/model/ical"
)

// TestImportDialogWarningsInVietnamese imports a file with a line that is
// not a content line and an hourly rule, and checks that the report
// dialog describes both in Vietnamese without the parser's English.
func TestImportDialogWarningsInVietnamese(t *testing.T) {
	w := newTestWindow(t)
	w.stopSchedule()
	t.Cleanup(w.stopSchedule)
	s := openSchedule(t, w, viewWeek)
	data := "BEGIN:VCALENDAR\r\n" + // 1
		"BEGIN:VEVENT\r\n" + // 2
		"UID:truc-ban@example\r\n" + // 3
		"SUMMARY:Trực ban cơ quan\r\n" + // 4
		"this line is broken\r\n" + // 5
		"DTSTART:20261207T010000Z\r\n" + // 6
		"DTEND:20261207T020000Z\r\n" + // 7
		"RRULE:FREQ=DAILY;COUNT=5;BYHOUR=8,14\r\n" + // 8
		"END:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	s.importData([]byte(data))
	waitFor(t, "the import report", func() bool {
		return strings.Contains(overlayTexts(w), w.t("schedule.imported", 1, 0))
	})
	text := overlayTexts(w)

	cal, err := ical.Parse(strings.NewReader(data), app.Zone)
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Warnings) != 2 {
		t.Fatalf("the file gives %d warnings, want 2: %v", len(cal.Warnings), cal.Warnings)
	}
	for _, warning := range cal.Warnings {
		if strings.Contains(text, warning.Message) {
			t.Errorf("the report contains the English warning %q:\n%s", warning.Message, text)
		}
	}
	for _, english := range []string{"skipped", "not supported", "occurrence", "invalid"} {
		if strings.Contains(text, english) {
			t.Errorf("the report contains the English word %q:\n%s", english, text)
		}
	}

	want := []string{
		w.t("schedule.import_warnings"),
		`Dòng 5 không đúng dạng của tệp lịch ("this line is broken") nên đã bị bỏ qua.`,
		`Dòng 8: quy tắc lặp theo giờ (BYHOUR) chưa được hỗ trợ, sự kiện "Trực ban cơ quan" chỉ được nhập một lần.`,
	}
	for _, sentence := range want {
		if !strings.Contains(text, sentence) {
			t.Errorf("the report lacks %q:\n%s", sentence, text)
		}
	}
}

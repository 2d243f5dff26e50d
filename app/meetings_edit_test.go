package app

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sotay/assets"
	"sotay/model"
	"sotay/model/workday"
)

func TestSaveMaterialCopyWritesFile(t *testing.T) {
	s := newTestSession(t)
	m, _, versionID := newTestMeeting(t, s)
	dir := t.TempDir()
	path := filepath.Join(dir, "Báo cáo kết quả.pdf")
	if err := os.WriteFile(path, []byte("bản cũ"), 0o600); err != nil {
		t.Fatal(err)
	}

	if err := SaveMaterialCopy(s, versionID, path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "nội dung" {
		t.Errorf("copy holds %q, want the material's content", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder after the copy, want only the copy", len(entries))
	}

	mats, _ := s.Materials(m.ID)
	if err := s.DeleteMaterial(mats[0].ID); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "sau-khi-xoa.pdf")
	if err := SaveMaterialCopy(s, versionID, other); err == nil {
		t.Error("a copy of a deleted material's version was written")
	}
	if _, err := os.Stat(other); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed copy left %s: %v", other, err)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files after a failed copy, want no temporary file left", len(entries))
	}
}

func TestDeletedMaterialNamedInView(t *testing.T) {
	s := newTestSession(t)
	rules, _ := LoadMeetingRules(s)
	m, _, versionID := newTestMeeting(t, s)
	day := model.NewDate(2026, time.December, 10)
	if err := AppraiseVersion(s, rules, m, versionID, day, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := SendAll(s, rules, m, day, model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	v, err := LoadMeeting(s, rules, m.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	if n := v.SentTo(0); n != 1 {
		t.Errorf("SentTo = %d, want 1", n)
	}

	if err := s.DeleteMaterial(v.Materials[0].ID); err != nil {
		t.Fatal(err)
	}
	v, err = LoadMeeting(s, rules, m.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Materials) != 0 || len(v.Record) != 1 {
		t.Fatalf("after the delete: %d materials, %d record rows; want 0 and 1", len(v.Materials), len(v.Record))
	}
	ref := v.Versions[v.Record[0].VersionID]
	if ref.Title != "Báo cáo" || !ref.Deleted {
		t.Errorf("the record's version = %+v, want the deleted material's title", ref)
	}
}

func TestScheduleOfOneYearReplaced(t *testing.T) {
	s := newTestSession(t)
	entries := []workday.Entry{
		{Date: model.NewDate(2027, time.February, 4), Kind: workday.EntryOff, Name: " Tết Nguyên đán (28 tháng Chạp) ",
			Notice: "Thông báo số 6150/TB-BNV"},
		{Date: model.NewDate(2027, time.February, 13), Kind: workday.EntryWorking, Name: "Làm bù"},
	}
	sch, problems := workday.NewSchedule(2027, "Lịch nghỉ Tết 2027", entries)
	if problems != nil {
		t.Fatal(problems)
	}
	if err := SetSchedule(s, sch); err != nil {
		t.Fatal(err)
	}
	rules, err := LoadMeetingRules(s)
	if err != nil {
		t.Fatal(err)
	}
	if !rules.Custom || rules.Calendar.IsWorkingDay(model.NewDate(2027, time.February, 4)) ||
		!rules.Calendar.IsWorkingDay(model.NewDate(2027, time.February, 13)) {
		t.Error("the saved 2027 schedule is not used")
	}
	stored, ok := rules.Calendar.Schedule(2027)
	if !ok || stored.DaysOff[0].Name != "Tết Nguyên đán (28 tháng Chạp)" || stored.DaysOff[0].Notice != "Thông báo số 6150/TB-BNV" {
		t.Errorf("stored 2027 schedule = %+v, want the name trimmed and the notice kept", stored)
	}
	if _, ok := rules.Calendar.Schedule(2026); !ok {
		t.Error("saving 2027 dropped the built-in 2026 schedule")
	}

	sch.DaysOff = append(sch.DaysOff, workday.ScheduleDay{Date: model.NewDate(2027, time.February, 13), Name: "Nghỉ"})
	var ce *workday.ConflictError
	if err := SetSchedule(s, sch); !errors.As(err, &ce) {
		t.Errorf("conflicting schedule: err = %v, want a *workday.ConflictError", err)
	}

	if err := RemoveSchedule(s, 2027); err != nil {
		t.Fatal(err)
	}
	rules, _ = LoadMeetingRules(s)
	if _, ok := rules.Calendar.Schedule(2027); ok {
		t.Error("the removed 2027 schedule is still used")
	}
	if _, ok := rules.Calendar.Schedule(2025); !ok {
		t.Error("removing 2027 dropped 2025")
	}
}

func TestDocumentHeaderRequiresFields(t *testing.T) {
	s := newTestSession(t)
	h, err := LoadDocumentHeader(s)
	if err != nil {
		t.Fatal(err)
	}
	if h.Issuer != "ỦY BAN KIỂM TRA" || h.Place == "" {
		t.Errorf("default header = %+v", h)
	}
	cat := assets.NewCatalog(assets.Vietnamese)
	for _, field := range []string{"superior", "issuer", "place"} {
		h := DocumentHeader{Superior: "Đảng bộ tỉnh Quảng Ninh", Issuer: "Ủy ban Kiểm tra", Place: "Hạ Long"}
		switch field {
		case "superior":
			h.Superior = " "
		case "issuer":
			h.Issuer = ""
		case "place":
			h.Place = ""
		}
		err := SetDocumentHeader(s, h)
		var he *HeaderError
		if !errors.As(err, &he) || he.Field != field {
			t.Errorf("%s empty: err = %v, want a HeaderError naming it", field, err)
			continue
		}
		msg := ExplainMeeting(err)
		if text := cat.T(msg.Key, msg.Args...); text == msg.Key {
			t.Errorf("%s empty: message key %q has no text", field, msg.Key)
		}
	}
	want := DocumentHeader{Superior: "ĐẢNG BỘ TỈNH QUẢNG NINH", Issuer: "ỦY BAN KIỂM TRA", Place: "Hạ Long"}
	if err := SetDocumentHeader(s, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := LoadDocumentHeader(s); got != want {
		t.Errorf("header read back = %+v, want %+v", got, want)
	}
	set, _ := DocSettings(s)
	if set[SettingPlace] != "Hạ Long" {
		t.Errorf("the Word forms' place = %q, want the same setting", set[SettingPlace])
	}
}

func TestMeetingPDFHeaderLines(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}

	s := newTestSession(t)
	rules, _ := LoadMeetingRules(s)
	m, _, _ := newTestMeeting(t, s)
	h := DocumentHeader{Superior: "Đảng bộ tỉnh Quảng Ninh", Issuer: "Ủy ban Kiểm tra", Place: "Hạ Long"}
	if err := SetDocumentHeader(s, h); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(t.TempDir(), "hop.pdf")
	cat := assets.NewCatalog(assets.Vietnamese)
	if err := SaveMeetingPDF(s, rules, m.ID, path, model.NewDate(2026, time.February, 4), cat.T); err != nil {
		t.Fatal(err)
	}
	out, err := exec.CommandContext(context.Background(), pdftotext, "-layout", "-f", "1", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}

	text := string(out)
	for _, want := range []string{"ĐẢNG BỘ TỈNH QUẢNG NINH", "ỦY BAN KIỂM TRA", "ĐẢNG CỘNG SẢN VIỆT NAM",
		"Hạ Long, ngày 04 tháng 02 năm 2026", "CHƯƠNG TRÌNH HỘI NGHỊ"} {
		if !strings.Contains(text, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, text)
		}
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.Contains(l, "ĐẢNG BỘ TỈNH QUẢNG NINH") && !strings.Contains(l, "ĐẢNG CỘNG SẢN VIỆT NAM") {
			t.Errorf("the superior body and the Party's name are not on one line: %q", lines[i])
		}
	}
}

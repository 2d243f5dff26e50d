package app

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sotay/assets"
	"sotay/model"
	"sotay/model/workday"
	"sotay/vault"
)

// newTestMeeting stores a planned meeting on Monday 21/12/2026 with one
// attendee and one material, and returns it with the version's id.
func newTestMeeting(t *testing.T, s *Session) (model.Meeting, model.Member, string) {
	t.Helper()
	m := model.Meeting{Title: "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15", Date: model.NewDate(2026, time.December, 21)}
	if err := CreateMeeting(s, &m, model.NewDate(2026, time.December, 1)); err != nil {
		t.Fatal(err)
	}
	member := model.Member{Name: "Phạm Thu Hà"}
	if err := s.SaveMember(&member); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAttendee(m.ID, member.ID); err != nil {
		t.Fatal(err)
	}
	it := model.AgendaItem{MeetingID: m.ID, Title: "Báo cáo kết quả kiểm tra"}
	if err := s.AddAgendaItem(&it); err != nil {
		t.Fatal(err)
	}
	mat := model.Material{ItemID: it.ID, Title: "Báo cáo"}
	ver := model.MaterialVersion{Name: "bao-cao.pdf"}
	if err := s.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader([]byte("nội dung"))); err != nil {
		t.Fatal(err)
	}
	return m, member, ver.ID
}

func TestLateMaterialKeepsReason(t *testing.T) {
	s := newTestSession(t)
	rules, err := LoadMeetingRules(s)
	if err != nil {
		t.Fatal(err)
	}
	m, member, versionID := newTestMeeting(t, s)
	late := model.NewDate(2026, time.December, 17) // deadline is 16/12

	err = AppraiseVersion(s, rules, m, versionID, late, "Trần Thị Bích", "")
	if !errors.Is(err, ErrLateReasonRequired) {
		t.Fatalf("late appraisal without reason: err = %v, want ErrLateReasonRequired", err)
	}
	reason := "Đoàn bổ sung kết quả xác minh."
	if err := AppraiseVersion(s, rules, m, versionID, late, "Trần Thị Bích", reason); err != nil {
		t.Fatal(err)
	}
	d := model.Distribution{VersionID: versionID, MemberID: member.ID, SentOn: late, Channel: model.ChannelPaper}
	if err := RecordSend(s, rules, m, &d); !errors.Is(err, ErrLateReasonRequired) {
		t.Fatalf("late send without reason: err = %v, want ErrLateReasonRequired", err)
	}
	d.LateReason = reason
	if err := RecordSend(s, rules, m, &d); err != nil {
		t.Fatal(err)
	}

	v, err := LoadMeeting(s, rules, m.ID, late)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Materials[0].Latest().LateReason; got != reason {
		t.Errorf("kept appraisal reason = %q, want %q", got, reason)
	}
	if got := v.Record[0].LateReason; got != reason {
		t.Errorf("kept send reason = %q, want %q", got, reason)
	}
	if !v.LateVersion(0) {
		t.Error("the material is not marked late")
	}
	if v.Assessment.Readiness != model.Late {
		t.Errorf("readiness = %s, want late", v.Assessment.Readiness)
	}
}

func TestSendAllOnPaperToday(t *testing.T) {
	s := newTestSession(t)
	rules, _ := LoadMeetingRules(s)
	m, _, versionID := newTestMeeting(t, s)
	today := model.NewDate(2026, time.December, 10)
	if err := AppraiseVersion(s, rules, m, versionID, today, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	n, err := SendAll(s, rules, m, today, model.ChannelPaper, "")
	if err != nil || n != 1 {
		t.Fatalf("SendAll = %d, %v, want 1 send", n, err)
	}
	ready, err := PlannedMeetings(s, rules, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(ready) != 1 || ready[0].Readiness != model.Ready {
		t.Errorf("planned meetings = %+v, want one ready", ready)
	}
	atRisk, _ := MeetingsAtRisk(s, rules, today)
	if len(atRisk) != 0 {
		t.Errorf("meetings at risk = %d, want 0", len(atRisk))
	}
}

func TestPastMeetingRejected(t *testing.T) {
	s := newTestSession(t)
	today := model.NewDate(2026, time.December, 4)
	m := model.Meeting{Title: "Họp", Date: today.AddDays(-1)}
	err := CreateMeeting(s, &m, today)
	var ve *vault.ValidationError
	if !errors.As(err, &ve) || ve.Field != vault.FieldMeetingDate {
		t.Fatalf("err = %v, want a ValidationError on the meeting date", err)
	}
	m.Status = model.MeetingHeld
	if err := CreateMeeting(s, &m, today); err != nil {
		t.Errorf("a held meeting in the past was rejected: %v", err)
	}
}

func TestScheduleConflictRejected(t *testing.T) {
	s := newTestSession(t)
	doc := workday.DefaultDocument()
	sat := model.NewDate(2026, time.January, 10)
	doc.Schedules[1].DaysOff = append(doc.Schedules[1].DaysOff, workday.ScheduleDay{Date: sat, Name: "nghỉ"})

	err := SetCalendarDocument(s, doc)
	var ce *workday.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *workday.ConflictError", err)
	}
	msg := ExplainMeeting(err)
	text := assets.NewCatalog(assets.Vietnamese).T(msg.Key, msg.Args...)
	if !strings.Contains(text, "10/01/2026") || !strings.Contains(text, "2026") {
		t.Errorf("message %q does not name the day", text)
	}
	if _, custom, _ := CalendarDocument(s); custom {
		t.Error("the rejected calendar was stored")
	}

	doc = workday.DefaultDocument()
	doc.Schedules[1].DaysOff = append(doc.Schedules[1].DaysOff,
		workday.ScheduleDay{Date: model.NewDate(2026, time.December, 31), Name: "Nghỉ thêm"})
	if err := SetCalendarDocument(s, doc); err != nil {
		t.Fatal(err)
	}
	rules, err := LoadMeetingRules(s)
	if err != nil {
		t.Fatal(err)
	}
	if !rules.Custom || rules.Calendar.IsWorkingDay(model.NewDate(2026, time.December, 31)) {
		t.Error("the stored calendar is not used")
	}
}

func TestMeetingPDFHasVietnameseText(t *testing.T) {
	s := newTestSession(t)
	rules, _ := LoadMeetingRules(s)
	m, _, _ := newTestMeeting(t, s)
	path := filepath.Join(t.TempDir(), "hop.pdf")
	cat := assets.NewCatalog(assets.Vietnamese)
	if err := SaveMeetingPDF(s, rules, m.ID, path, model.NewDate(2026, time.December, 4), cat.T); err != nil {
		t.Fatal(err)
	}
	v, _ := LoadMeeting(s, rules, m.ID, model.NewDate(2026, time.December, 4))
	data, err := MeetingPDF(v, DocumentHeader{Issuer: "ỦY BAN KIỂM TRA"}, model.NewDate(2026, time.December, 4), cat.T)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("output starts %q, want a PDF header", data[:8])
	}
	if !bytes.Contains(data, []byte("/FontFile2")) {
		t.Error("the PDF embeds no TrueType font")
	}
}

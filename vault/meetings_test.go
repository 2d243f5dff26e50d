package vault

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"sotay/model"
)

// meetingFixture is a meeting with two agenda items, one material each,
// and three attendees.
type meetingFixture struct {
	v         *Vault
	meeting   model.Meeting
	items     [2]model.AgendaItem
	versions  [2]model.MaterialVersion
	materials [2]model.Material
	members   [3]model.Member
}

func newMeetingFixture(t *testing.T) *meetingFixture {
	t.Helper()
	v, _ := newTestVault(t)
	f := &meetingFixture{v: v}
	for i, name := range []string{"Nguyễn Văn Thành", "Trần Thị Bích", "Lê Quang Vinh"} {
		f.members[i] = model.Member{Name: name, Title: "Ủy viên"}
		if err := v.SaveMember(&f.members[i]); err != nil {
			t.Fatal(err)
		}
	}
	f.meeting = model.Meeting{Title: "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15",
		Date: model.NewDate(2026, time.December, 21), Time: "08:00", Duration: 120}
	if err := v.CreateMeeting(&f.meeting); err != nil {
		t.Fatal(err)
	}
	for i := range f.members {
		if err := v.AddAttendee(f.meeting.ID, f.members[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	for i, title := range []string{"Báo cáo kết quả kiểm tra", "Xem xét đơn tố cáo"} {
		f.items[i] = model.AgendaItem{MeetingID: f.meeting.ID, Title: title, Duration: 45}
		if err := v.AddAgendaItem(&f.items[i]); err != nil {
			t.Fatal(err)
		}
		f.materials[i] = model.Material{ItemID: f.items[i].ID, Title: "Tài liệu " + title}
		f.versions[i] = model.MaterialVersion{Name: "bao-cao.pdf"}
		err := v.AddMaterial(context.Background(), &f.materials[i], &f.versions[i], bytes.NewReader([]byte("nội dung "+title)))
		if err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *meetingFixture) progress(t *testing.T) model.MeetingProgress {
	t.Helper()
	list, err := f.v.PlannedMeetingProgress(model.NewDate(2026, time.December, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("PlannedMeetingProgress returned %d meetings, want 1", len(list))
	}
	return list[0].Progress
}

func TestMeetingReadinessChanges(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	rule := model.DefaultDistributionRule
	today := model.NewDate(2026, time.December, 7)
	assess := func() model.Assessment { return model.Assess(testCalendar{}, rule, f.progress(t), today) }

	p := f.progress(t)
	if p.Materials != 2 || p.Attendees != 3 || p.Appraised != 0 || p.CellsSent != 0 {
		t.Fatalf("new meeting progress = %+v", p)
	}
	if got := assess().Readiness; got != model.Preparing {
		t.Errorf("readiness before sending = %s, want preparing", got)
	}

	send := model.Distribution{VersionID: f.versions[0].ID, MemberID: f.members[0].ID,
		SentOn: today, Channel: model.ChannelPaper}
	if err := v.RecordDistribution(&send); !errors.Is(err, ErrNotAppraised) {
		t.Fatalf("send before appraisal: err = %v, want ErrNotAppraised", err)
	}
	for _, ver := range f.versions {
		if err := v.AppraiseVersion(ver.ID, today, "Trần Thị Bích", ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.AppraiseVersion(f.versions[0].ID, today, "x", ""); !errors.Is(err, ErrAlreadyAppraised) {
		t.Errorf("second appraisal: err = %v, want ErrAlreadyAppraised", err)
	}
	if err := v.RecordDistribution(&send); err != nil {
		t.Fatal(err)
	}
	again := send
	if err := v.RecordDistribution(&again); !errors.Is(err, ErrAlreadySent) {
		t.Errorf("second send of one cell: err = %v, want ErrAlreadySent", err)
	}
	if p := f.progress(t); p.CellsSent != 1 || p.Appraised != 2 {
		t.Errorf("after one send progress = %+v, want 1 cell sent, 2 appraised", p)
	}

	n, err := v.SendAll(f.meeting.ID, today, model.ChannelPaper, "")
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("SendAll recorded %d sends, want 5 (6 cells less the one sent)", n)
	}
	if got := assess().Readiness; got != model.Ready {
		t.Errorf("readiness after sending all = %s, want ready", got)
	}

	// A new version of a material needs appraisal and sending again.
	next := model.MaterialVersion{MaterialID: f.materials[1].ID, Name: "bao-cao-v2.pdf"}
	if err := v.AddMaterialVersion(context.Background(), &next, bytes.NewReader([]byte("bản 2"))); err != nil {
		t.Fatal(err)
	}
	if next.Version != 2 {
		t.Errorf("new version number = %d, want 2", next.Version)
	}
	p = f.progress(t)
	if p.Appraised != 1 || p.CellsSent != 3 {
		t.Errorf("after a new version progress = %+v, want 1 appraised, 3 cells sent", p)
	}
	if got := assess().Readiness; got != model.Preparing {
		t.Errorf("readiness with a new version = %s, want preparing", got)
	}
}

func TestSendAllSkipsUnappraised(t *testing.T) {
	f := newMeetingFixture(t)
	day := model.NewDate(2026, time.December, 7)
	if err := f.v.AppraiseVersion(f.versions[0].ID, day, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	n, err := f.v.SendAll(f.meeting.ID, day, model.ChannelPaper, "")
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("SendAll recorded %d sends, want 3 (one appraised material × 3 members)", n)
	}
	rows, err := f.v.Distributions(f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rows {
		if d.VersionID != f.versions[0].ID || d.Channel != model.ChannelPaper || d.SentOn != day {
			t.Errorf("bulk row = %+v, want version 1 on paper on %s", d, day)
		}
	}
	if n, _ := f.v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); n != 0 {
		t.Errorf("second SendAll recorded %d sends, want 0", n)
	}
}

func TestRemovedAttendeeKeepsRecord(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	day := model.NewDate(2026, time.December, 7)
	v.AppraiseVersion(f.versions[0].ID, day, "Trần Thị Bích", "")
	if _, err := v.SendAll(f.meeting.ID, day, model.ChannelHand, ""); err != nil {
		t.Fatal(err)
	}
	removed := f.members[2].ID

	if err := v.RemoveAttendee(f.meeting.ID, removed, false); !errors.Is(err, ErrMaterialsSent) {
		t.Fatalf("removal without confirmation: err = %v, want ErrMaterialsSent", err)
	}
	if list, _ := v.Attendees(f.meeting.ID); len(list) != 3 {
		t.Errorf("after a refused removal %d attendees, want 3", len(list))
	}
	if err := v.RemoveAttendee(f.meeting.ID, removed, true); err != nil {
		t.Fatal(err)
	}
	if list, _ := v.Attendees(f.meeting.ID); len(list) != 2 {
		t.Errorf("after removal %d attendees, want 2", len(list))
	}
	rows, _ := v.Distributions(f.meeting.ID)
	removedRows := 0
	for _, d := range rows {
		if d.MemberID == removed {
			removedRows++
		}
	}
	if removedRows != 1 {
		t.Errorf("distribution rows to the removed member = %d, want 1", removedRows)
	}
	if p := f.progress(t); p.Attendees != 2 || p.CellsSent != 2 {
		t.Errorf("progress after removal = %+v, want 2 attendees, 2 cells sent", p)
	}
	if _, err := v.DeleteMember(removed, model.NewDate(2027, time.January, 4)); err != nil {
		t.Fatal(err)
	}
	people, _ := v.MembersByID()
	if people[removed].Name != "Lê Quang Vinh" {
		t.Errorf("deleted member's name = %q, want it removedRows for the record", people[removed].Name)
	}
}

func TestCorrectionKeepsHistory(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	day := model.NewDate(2026, time.December, 7)
	v.AppraiseVersion(f.versions[0].ID, day, "Trần Thị Bích", "")
	first := model.Distribution{VersionID: f.versions[0].ID, MemberID: f.members[0].ID,
		SentOn: day, Channel: model.ChannelPaper}
	if err := v.RecordDistribution(&first); err != nil {
		t.Fatal(err)
	}
	fix := model.Distribution{SentOn: day.AddDays(1), Channel: model.ChannelBundle}
	if err := v.CorrectDistribution(first.ID, &fix); err == nil {
		t.Error("correction without a reason was accepted")
	}
	fix.Note = "Gửi nhầm ngày; đúng là ngày hôm sau qua USB."
	if err := v.CorrectDistribution(first.ID, &fix); err != nil {
		t.Fatal(err)
	}
	if err := v.ConfirmReceipt(fix.ID, day.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	if err := v.ConfirmReceipt(fix.ID, day.AddDays(3)); !errors.Is(err, ErrAlreadyReceived) {
		t.Errorf("second receipt: err = %v, want ErrAlreadyReceived", err)
	}

	rows, _ := v.Distributions(f.meeting.ID)
	if len(rows) != 2 {
		t.Fatalf("record has %d rows, want 2", len(rows))
	}
	if rows[0].ID != first.ID || rows[0].SentOn != day || rows[0].Channel != model.ChannelPaper {
		t.Errorf("original row = %+v, want it unchanged", rows[0])
	}
	cur := model.CurrentDistributions(rows)
	got := cur[model.CellKey{VersionID: f.versions[0].ID, MemberID: f.members[0].ID}]
	if got.ID != fix.ID || got.Corrects != first.ID || got.ReceivedOn != day.AddDays(2) {
		t.Errorf("current row = %+v, want the correction with its receipt", got)
	}
}

func TestMeetingBadInput(t *testing.T) {
	v, _ := newTestVault(t)
	cases := []struct {
		name  string
		run   func() error
		field Field
	}{
		{"meeting without title", func() error {
			return v.CreateMeeting(&model.Meeting{Date: model.NewDate(2026, 12, 1)})
		}, FieldMeetingTitle},
		{"meeting with a bad time", func() error {
			return v.CreateMeeting(&model.Meeting{Title: "Họp", Date: model.NewDate(2026, 12, 1), Time: "25:00"})
		}, FieldMeetingTime},
		{"agenda item without title", func() error {
			return v.AddAgendaItem(&model.AgendaItem{Title: "  "})
		}, FieldAgendaTitle},
		{"material without file", func() error {
			return v.AddMaterial(context.Background(), &model.Material{Title: "Báo cáo"}, &model.MaterialVersion{}, nil)
		}, FieldMaterialFile},
		{"member without name", func() error { return v.SaveMember(&model.Member{}) }, FieldMemberName},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ve *ValidationError
			if err := c.run(); !errors.As(err, &ve) || ve.Field != c.field {
				t.Errorf("err = %v, want a ValidationError on %s", err, c.field)
			}
		})
	}
}

func TestAgendaOrder(t *testing.T) {
	f := newMeetingFixture(t)
	third := model.AgendaItem{MeetingID: f.meeting.ID, Title: "Công việc khác"}
	if err := f.v.AddAgendaItem(&third); err != nil {
		t.Fatal(err)
	}
	if err := f.v.MoveAgendaItem(third.ID, 0); err != nil {
		t.Fatal(err)
	}
	items, _ := f.v.AgendaItems(f.meeting.ID)
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	want := []string{"Công việc khác", "Báo cáo kết quả kiểm tra", "Xem xét đơn tố cáo"}
	for i := range want {
		if i >= len(titles) || titles[i] != want[i] {
			t.Fatalf("agenda after move = %q, want %q", titles, want)
		}
	}
}

func TestMaterialLinkedToCaseDocument(t *testing.T) {
	f := newMeetingFixture(t)
	c := sampleCase()
	if err := f.v.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	doc := model.Document{CaseID: c.ID, Name: "Quyết định 12-QĐ/UBKT.pdf"}
	content := []byte("quyết định thành lập đoàn")
	if err := f.v.AddDocument(context.Background(), &doc, bytes.NewReader(content), nil); err != nil {
		t.Fatal(err)
	}
	mat := model.Material{ItemID: f.items[0].ID}
	ver := model.MaterialVersion{DocumentID: doc.ID}
	if err := f.v.AddMaterial(context.Background(), &mat, &ver, nil); err != nil {
		t.Fatal(err)
	}
	if ver.SHA256 != doc.SHA256 || mat.Title != doc.Name {
		t.Errorf("linked version = %+v, want the document's content and name", ver)
	}
	var out bytes.Buffer
	if err := f.v.WriteMaterialVersion(ver.ID, &out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), content) {
		t.Errorf("linked content = %q, want %q", out.Bytes(), content)
	}
}

// testCalendar has Monday to Friday as working days and no holidays.
type testCalendar struct{}

func (testCalendar) IsWorkingDay(d model.Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func (c testCalendar) DistributionDeadline(meeting model.Date, n int, working bool) (model.Date, model.Date) {
	d := meeting.AddDays(-n)
	p := d
	for !c.IsWorkingDay(p) {
		p = p.AddDays(-1)
	}
	return d, p
}

// Deleting a member takes them off the planned meetings still to come,
// and only those: a meeting dated before today and a cancelled one keep
// the attendee, and every send stays in the record.
func TestDeleteMemberLeavesPlannedMeetings(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	member := f.members[0]
	today := model.NewDate(2026, time.December, 4)
	past := model.Meeting{Title: "Kỳ họp thứ 14", Date: model.NewDate(2026, time.November, 20)}
	cancelled := model.Meeting{Title: "Kỳ họp bất thường", Date: model.NewDate(2026, time.December, 28),
		Status: model.MeetingCancelled}
	for _, m := range []*model.Meeting{&past, &cancelled} {
		if err := v.CreateMeeting(m); err != nil {
			t.Fatal(err)
		}
		if err := v.AddAttendee(m.ID, member.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.AppraiseVersion(f.versions[0].ID, today, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	sent := model.Distribution{VersionID: f.versions[0].ID, MemberID: member.ID,
		SentOn: today, Channel: model.ChannelPaper}
	if err := v.RecordDistribution(&sent); err != nil {
		t.Fatal(err)
	}
	if n, err := v.UpcomingMeetingCount(member.ID, today); err != nil || n != 1 {
		t.Fatalf("UpcomingMeetingCount = %d, %v; want 1 (the planned meeting of 21/12)", n, err)
	}

	removed, err := v.DeleteMember(member.ID, today)
	if err != nil || removed != 1 {
		t.Fatalf("DeleteMember = %d, %v; want 1 meeting", removed, err)
	}
	attends := func(meetingID string) bool {
		list, err := v.Attendees(meetingID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.ID == member.ID {
				return true
			}
		}
		return false
	}
	if attends(f.meeting.ID) {
		t.Error("the deleted member is still an attendee of the planned meeting")
	}
	if !attends(past.ID) {
		t.Error("the meeting held before today lost the deleted member")
	}
	if !attends(cancelled.ID) {
		t.Error("the cancelled meeting lost the deleted member")
	}
	if n, _ := v.MemberSendCount(member.ID); n != 1 {
		t.Errorf("sends to the deleted member = %d, want 1 kept", n)
	}
	if p := f.progress(t); p.Attendees != 2 {
		t.Errorf("readiness counts %d attendees, want 2", p.Attendees)
	}
	if _, err := v.DeleteMember(member.ID, today); !errors.Is(err, ErrNotFound) {
		t.Errorf("second deletion = %v, want ErrNotFound", err)
	}
}

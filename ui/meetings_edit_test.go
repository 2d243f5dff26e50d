package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// meetingWithAgenda stores a planned meeting on 21/12/2026 with one
// agenda item per title, one attendee and one material under the first
// item, and returns the meeting.
func meetingWithAgenda(t *testing.T, w *window, titles ...string) model.Meeting {
	t.Helper()
	s := w.session
	m := model.Meeting{Title: "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15", Date: model.NewDate(2026, 12, 21)}
	if err := app.CreateMeeting(s, &m, w.today()); err != nil {
		t.Fatal(err)
	}
	member := model.Member{Name: "Phạm Thu Hà", Title: "Ủy viên"}
	if err := s.SaveMember(&member); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAttendee(m.ID, member.ID); err != nil {
		t.Fatal(err)
	}
	for i, title := range titles {
		it := model.AgendaItem{MeetingID: m.ID, Title: title, Duration: 30}
		if err := s.AddAgendaItem(&it); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			mat := model.Material{ItemID: it.ID, Title: "Dự thảo báo cáo"}
			ver := model.MaterialVersion{Name: "du-thao.pdf"}
			if err := s.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader([]byte("bản 1"))); err != nil {
				t.Fatal(err)
			}
		}
	}
	return m
}

func agendaTitles(t *testing.T, w *window, meetingID string) []string {
	t.Helper()
	items, err := w.session.AgendaItems(meetingID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestAgendaItemEditDialog(t *testing.T) {
	w := newTestWindow(t)
	c := model.Case{Code: "KT-07/2026", Title: "Kiểm tra Đảng ủy xã Tân Lập", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, 10, 1), End: model.NewDate(2027, 1, 31)}
	if err := w.session.CreateCase(&c, false); err != nil {
		t.Fatal(err)
	}
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra", "Xem xét đơn tố cáo")
	s := w.showMeetingAt(m.ID, 0, fyne.Position{})
	before := s.v.Items[0]

	f := s.editItem(before)
	f.title.SetText("")
	test.Type(f.title, "Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập")
	f.presenter.SetText("")
	test.Type(f.presenter, "Đồng chí Nguyễn Văn Thành")
	f.minutes.SetText("ba mươi")
	f.caseSelect.SetSelectedIndex(1)
	test.Tap(overlayButton(t, w, w.t("action.save")))
	if got := overlayTexts(w); !strings.Contains(got, w.t("meetings.f.minutes_bad")) {
		t.Fatalf("a bad duration gave no message in the dialog:\n%s", got)
	}
	if f.title.Text != "Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập" || f.presenter.Text != "Đồng chí Nguyễn Văn Thành" {
		t.Errorf("typed text lost after a rejected save: %q, %q", f.title.Text, f.presenter.Text)
	}
	if titles := agendaTitles(t, w, m.ID); titles[0] != "Báo cáo kết quả kiểm tra" {
		t.Errorf("a rejected edit was stored: %v", titles)
	}

	f.minutes.SetText("45")
	test.Tap(overlayButton(t, w, w.t("action.save")))
	items, _ := w.session.AgendaItems(m.ID)
	got := items[0]
	if got.Title != "Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập" || got.Presenter != "Đồng chí Nguyễn Văn Thành" ||
		got.Duration != 45 || got.CaseID != c.ID {
		t.Errorf("edited item = %+v", got)
	}
	if got.ID != before.ID || got.Position != 0 || got.UpdatedAt.Compare(before.UpdatedAt) <= 0 {
		t.Errorf("the edit is not an update of the same record: %+v", got)
	}
	if !strings.Contains(texts(w), "1. Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập") ||
		!strings.Contains(texts(w), "KT-07/2026") {
		t.Errorf("the agenda does not show the edit:\n%s", texts(w))
	}
	mats, _ := w.session.Materials(m.ID)
	if len(mats) != 1 || mats[0].ItemID != before.ID {
		t.Error("the item's material did not stay with it")
	}
}

// dragHandles returns the grips of the agenda rows on screen, in order.
func dragHandles(w *window) []*dragHandle {
	var out []*dragHandle
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if h, ok := o.(*dragHandle); ok {
			out = append(out, h)
		}
	})
	return out
}

// centre returns the centre of o in window coordinates.
func centre(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

func TestAgendaDragMovesItem(t *testing.T) {
	w := newTestWindow(t)
	w.win.Resize(fyne.NewSize(1366, 1600))
	m := meetingWithAgenda(t, w, "Mục A", "Mục B", "Mục C")
	s := w.showMeetingAt(m.ID, 0, fyne.Position{})

	handles := dragHandles(w)
	if len(handles) != 3 {
		t.Fatalf("%d drag handles, want one per item", len(handles))
	}
	from := centre(handles[0])
	target := centre(s.rows[2])

	// Midway, the third row is outlined and the message shows where the
	// item would go.
	handles[0].Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, target.Y-from.Y)})
	if !s.frames[2].Visible() || s.frames[1].Visible() {
		t.Error("the row under the pointer is not the only one outlined")
	}
	if want := w.t("meetings.item.drag_to", 3); s.message.Text != want {
		t.Errorf("message while dragging = %q, want %q", s.message.Text, want)
	}
	handles[0].DragEnd()
	if got := strings.Join(agendaTitles(t, w, m.ID), ", "); got != "Mục B, Mục C, Mục A" {
		t.Fatalf("after dragging A onto C the agenda is %s", got)
	}

	// The same through the test driver's drag, upwards: C onto B. The
	// drop reloaded the screen, so show it again to reach its rows.
	s = w.showMeetingAt(m.ID, 0, fyne.Position{})
	handles = dragHandles(w)
	from = centre(handles[1])
	target = centre(s.rows[0])
	test.Drag(w.win.Canvas(), from, 0, target.Y-from.Y)
	if got := strings.Join(agendaTitles(t, w, m.ID), ", "); got != "Mục C, Mục B, Mục A" {
		t.Fatalf("after dragging C onto B the agenda is %s", got)
	}

	// A drop on the row it started from changes nothing.
	handles = dragHandles(w)
	from = centre(handles[1])
	test.Drag(w.win.Canvas(), from, 0, 10)
	if got := strings.Join(agendaTitles(t, w, m.ID), ", "); got != "Mục C, Mục B, Mục A" {
		t.Errorf("a drop on its own row moved the item: %s", got)
	}
}

func TestMaterialDeleteKeepsRecord(t *testing.T) {
	w := newTestWindow(t)
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra")
	rules, _ := app.LoadMeetingRules(w.session)
	mats, _ := w.session.Materials(m.ID)
	if err := app.AppraiseVersion(w.session, rules, m, mats[0].Versions[0].ID, w.today(), "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := app.SendAll(w.session, rules, m, w.today(), model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	s := w.showMeetingAt(m.ID, 0, fyne.Position{})

	s.onDeleteMaterial(0)
	if got := overlayTexts(w); !strings.Contains(got, w.t("meetings.material.delete_sent_confirm", "Dự thảo báo cáo", 1)) {
		t.Fatalf("the question does not say the material was sent:\n%s", got)
	}
	test.Tap(overlayButton(t, w, lang.L("Yes")))
	if left, _ := w.session.Materials(m.ID); len(left) != 0 {
		t.Fatalf("%d materials after the delete, want 0", len(left))
	}
	if !strings.Contains(texts(w), w.t("meetings.material.deleted_sent", "Dự thảo báo cáo", 1)) {
		t.Errorf("no message after the delete:\n%s", texts(w))
	}

	w.showMeetingTab(m.ID, 3)
	got := texts(w)
	if !strings.Contains(got, "Dự thảo báo cáo (bản 1) "+w.t("meetings.record.deleted_material")) ||
		!strings.Contains(got, "Phạm Thu Hà") {
		t.Errorf("the record does not name the deleted material:\n%s", got)
	}
	if !strings.Contains(got, w.t("meetings.record.deleted_note")) {
		t.Error("the record does not explain the deleted material")
	}
}

func TestMaterialSaveCopy(t *testing.T) {
	w := newTestWindow(t)
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra")
	mats, _ := w.session.Materials(m.ID)
	next := model.MaterialVersion{MaterialID: mats[0].ID, Name: "du-thao-v2.pdf"}
	if err := w.session.AddMaterialVersion(context.Background(), &next, bytes.NewReader([]byte("bản 2"))); err != nil {
		t.Fatal(err)
	}
	s := w.showMeetingAt(m.ID, 0, fyne.Position{})
	if !strings.Contains(buttonTexts(w), w.t("meetings.material.save_copy")) {
		t.Fatal("no save-a-copy button on the material")
	}

	// Two versions: the dialog offers both, the latest selected.
	s.onSaveCopy(0)
	var pick *widget.Select
	walkOverlays(w, func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Select); ok {
			pick = x
		}
	})
	if pick == nil || len(pick.Options) != 2 || !strings.HasPrefix(pick.Selected, "bản 2 · du-thao-v2.pdf") {
		t.Errorf("version choice = %+v, want both versions with the latest selected", pick)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "Dự thảo bản 1.pdf")
	s.saveCopy(s.v.Materials[0].Versions[0], storage.NewFileURI(path))
	waitFor(t, "the copy", func() bool { return strings.HasPrefix(s.message.Text, "Đã lưu bản sao") })
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "bản 1" {
		t.Errorf("copy = %q, %v; want version 1's content", data, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the copy", len(entries))
	}
}

func TestClassifiedCopyWarns(t *testing.T) {
	w := newTestWindow(t)
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra")
	m.Classification = model.Secret
	if err := app.UpdateMeeting(w.session, &m, w.today()); err != nil {
		t.Fatal(err)
	}
	items, _ := w.session.AgendaItems(m.ID)
	mat := model.Material{ItemID: items[0].ID, Title: "Kết quả xác minh", Classification: model.Secret}
	ver := model.MaterialVersion{Name: "xac-minh.pdf"}
	if err := w.session.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader([]byte("mật"))); err != nil {
		t.Fatal(err)
	}
	s := w.showMeetingAt(m.ID, 0, fyne.Position{})
	j := -1
	for i := range s.v.Materials {
		if s.v.Materials[i].ID == mat.ID {
			j = i
		}
	}
	s.onSaveCopy(j)
	if got := overlayTexts(w); !strings.Contains(got, w.t("meetings.material.copy_classified", model.Secret.Mark())) {
		t.Errorf("no warning before copying a classified material out:\n%s", got)
	}
}

func TestMemberEditAndDelete(t *testing.T) {
	w := newTestWindow(t)
	m := meetingWithAgenda(t, w, "Báo cáo kết quả kiểm tra")
	rules, _ := app.LoadMeetingRules(w.session)
	mats, _ := w.session.Materials(m.ID)
	app.AppraiseVersion(w.session, rules, m, mats[0].Versions[0].ID, w.today(), "Trần Thị Bích", "")
	if _, err := app.SendAll(w.session, rules, m, w.today(), model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	members, _ := w.session.Members()
	screen := newMembersScreen(w)
	w.show("", screen.build())

	f := screen.editMember(members[0])
	f.name.SetText("")
	test.Tap(overlayButton(t, w, w.t("action.save")))
	if got := overlayTexts(w); !strings.Contains(got, w.t("meetings.err.member_name")) {
		t.Fatalf("an empty name gave no message:\n%s", got)
	}
	test.Type(f.name, "Phạm Thị Thu Hà")
	f.title.SetText("Phó Chủ nhiệm")
	f.role.SetSelectedIndex(0)
	test.Tap(overlayButton(t, w, w.t("action.save")))
	got, _ := w.session.Members()
	if len(got) != 1 || got[0].Name != "Phạm Thị Thu Hà" || got[0].Title != "Phó Chủ nhiệm" || got[0].Role != model.MemberStanding {
		t.Fatalf("members after the edit = %+v", got)
	}
	if !strings.Contains(texts(w), "Phạm Thị Thu Hà · Phó Chủ nhiệm · "+w.t("meetings.role.standing")) {
		t.Errorf("the directory does not show the edit:\n%s", texts(w))
	}

	current := currentMembersScreen(t, w)
	current.deleteMember(got[0])
	question := w.t("meetings.member.delete_sent_confirm", "Phạm Thị Thu Hà", 1)
	waitFor(t, "the delete question", func() bool { return strings.Contains(overlayTexts(w), question) })
	if upcoming := w.tn("meetings.member.delete_upcoming", 1, 1); !strings.Contains(overlayTexts(w), upcoming) {
		t.Errorf("the question does not say the member leaves the coming meeting:\n%s", overlayTexts(w))
	}
	test.Tap(overlayButton(t, w, lang.L("Yes")))
	if left, _ := w.session.Members(); len(left) != 0 {
		t.Fatalf("%d members after the delete", len(left))
	}
	if attendees, _ := w.session.Attendees(m.ID); len(attendees) != 0 {
		t.Errorf("the coming meeting still lists %d attendees", len(attendees))
	}
	w.showMeetingTab(m.ID, 3)
	if !strings.Contains(texts(w), "Phạm Thị Thu Hà") {
		t.Errorf("the record lost the deleted member's name:\n%s", texts(w))
	}
}

// currentMembersScreen shows the members directory afresh and returns it.
func currentMembersScreen(t *testing.T, w *window) *membersScreen {
	t.Helper()
	s := newMembersScreen(w)
	w.show("", s.build())
	return s
}

// A member deleted from the directory stays an attendee of a meeting
// already held, marked as deleted and without a remove button.
func TestDeletedMemberMarkedOnHeldMeeting(t *testing.T) {
	w := newTestWindow(t)
	member := model.Member{Name: "Vũ Đức Long", Title: "Ủy viên"}
	if err := w.session.SaveMember(&member); err != nil {
		t.Fatal(err)
	}
	heldMeeting := model.Meeting{Title: "Kỳ họp thứ 14", Date: w.today().AddDays(-14), Status: model.MeetingHeld}
	if err := w.session.CreateMeeting(&heldMeeting); err != nil {
		t.Fatal(err)
	}
	if err := w.session.AddAttendee(heldMeeting.ID, member.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.session.DeleteMember(member.ID, w.today()); err != nil {
		t.Fatal(err)
	}

	w.showMeetingTab(heldMeeting.ID, 2)
	screen := texts(w)
	if !strings.Contains(screen, "Vũ Đức Long") {
		t.Errorf("the held meeting lost the deleted member:\n%s", screen)
	}
	if !strings.Contains(screen, w.t("meetings.attendees.departed")) {
		t.Errorf("the held meeting does not mark the member as deleted:\n%s", screen)
	}
	if hasButton(w, w.t("meetings.attendees.remove")) {
		t.Error("a deleted member can still be removed from a held meeting")
	}
}

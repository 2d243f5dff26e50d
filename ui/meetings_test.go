package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// buttonTexts returns the text of every button on screen.
func buttonTexts(w *window) string {
	var b strings.Builder
	walk(w.win.Content(), func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Button); ok {
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

func TestMeetingScreenReadiness(t *testing.T) {
	w := newTestWindow(t)
	s := w.session

	form := newMeetingForm(w, nil)
	w.show("", form.build())
	test.Type(form.title, "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15")
	form.date.SetText("01/12/2026")
	test.Tap(findButton(t, w, w.t("action.save")))
	if !strings.Contains(form.message.Text, "Ngày họp đã qua") {
		t.Errorf("past date message = %q, want the past-date sentence", form.message.Text)
	}
	if form.title.Text != "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15" {
		t.Errorf("title after a rejected save = %q, want it kept", form.title.Text)
	}
	form.date.SetText("21/12/2026")
	test.Tap(findButton(t, w, w.t("action.save")))
	if !strings.Contains(texts(w), "Hạn gửi tài liệu: 16/12/2026") {
		t.Fatalf("meeting screen does not show the deadline:\n%s", texts(w))
	}

	list, _ := s.Meetings(model.Date{}, model.Date{})
	if len(list) != 1 {
		t.Fatalf("%d meetings stored, want 1", len(list))
	}
	m := list[0]
	for _, title := range []string{"Báo cáo kết quả kiểm tra", "Xem xét đơn tố cáo"} {
		test.Type(findEntry(t, w, w.t("meetings.item.title")), title)
		test.Tap(findButton(t, w, w.t("meetings.item.add")))
	}
	items, _ := s.AgendaItems(m.ID)
	if len(items) != 2 {
		t.Fatalf("%d agenda items, want 2", len(items))
	}
	test.Tap(findButton(t, w, w.t("meetings.item.add")))
	if !strings.Contains(texts(w), "Hãy nhập nội dung") {
		t.Error("an item with no title gave no message")
	}

	for _, name := range []string{"Nguyễn Văn Thành", "Trần Thị Bích", "Lê Quang Vinh"} {
		member := model.Member{Name: name}
		if err := s.SaveMember(&member); err != nil {
			t.Fatal(err)
		}
		if err := s.AddAttendee(m.ID, member.ID); err != nil {
			t.Fatal(err)
		}
	}
	var versions []string
	for _, it := range items {
		mat := model.Material{ItemID: it.ID, Title: "Tài liệu " + it.Title}
		ver := model.MaterialVersion{Name: "tai-lieu.pdf"}
		if err := s.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader([]byte(it.Title))); err != nil {
			t.Fatal(err)
		}
		versions = append(versions, ver.ID)
	}
	w.showMeeting(m.ID)
	if !strings.Contains(texts(w), "Đang chuẩn bị") {
		t.Errorf("readiness before sending is not 'Đang chuẩn bị':\n%s", texts(w))
	}

	rules, _ := app.LoadMeetingRules(s)
	for _, id := range versions {
		if err := app.AppraiseVersion(s, rules, m, id, w.today(), "Trần Thị Bích", ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := app.SendAll(s, rules, m, w.today(), model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	w.showMeeting(m.ID)
	if !strings.Contains(texts(w), "Sẵn sàng") {
		t.Errorf("readiness after sending all is not 'Sẵn sàng':\n%s", texts(w))
	}
}

func TestTodayShowsMeetingAtRisk(t *testing.T) {
	w := newTestWindow(t)
	s := w.session
	// Today is Friday 4/12/2026. A meeting on Sunday 13/12 has its
	// deadline on Tuesday 8/12: two working days after today.
	m := model.Meeting{Title: "Thường trực họp phiên 42", Date: model.NewDate(2026, 12, 13)}
	if err := app.CreateMeeting(s, &m, w.today()); err != nil {
		t.Fatal(err)
	}
	member := model.Member{Name: "Phạm Thu Hà"}
	s.SaveMember(&member)
	s.AddAttendee(m.ID, member.ID)
	it := model.AgendaItem{MeetingID: m.ID, Title: "Cho ý kiến dự thảo kết luận"}
	s.AddAgendaItem(&it)
	mat := model.Material{ItemID: it.ID, Title: "Dự thảo"}
	ver := model.MaterialVersion{Name: "du-thao.pdf"}
	if err := s.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader([]byte("x"))); err != nil {
		t.Fatal(err)
	}

	w.show("", newTodayScreen(w).build())
	if got := buttonTexts(w); !strings.Contains(got, "còn 2 ngày làm việc để gửi tài liệu") {
		t.Errorf("Hôm nay does not show the countdown:\n%s", got)
	}
}

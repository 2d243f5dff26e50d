package app

import (
	"bytes"
	"context"
	"fmt"

	"sotay/model"
)

var demoMembers = []model.Member{
	{Name: "Nguyễn Văn Thành", Title: "Chủ nhiệm", Role: model.MemberStanding},
	{Name: "Trần Thị Bích", Title: "Phó Chủ nhiệm Thường trực", Role: model.MemberStanding},
	{Name: "Lê Quang Vinh", Title: "Phó Chủ nhiệm", Role: model.MemberStanding},
	{Name: "Phạm Thu Hà", Title: "Ủy viên", Role: model.MemberCommission},
	{Name: "Hoàng Minh Tuấn", Title: "Ủy viên", Role: model.MemberCommission},
	{Name: "Đặng Thị Ngọc", Title: "Ủy viên", Role: model.MemberCommission},
	{Name: "Vũ Đức Long", Title: "Ủy viên", Role: model.MemberCommission},
	{Name: "Ngô Văn Hải", Title: "Chánh Văn phòng Tỉnh ủy", Role: model.MemberGuest},
}

// demoMeeting is one meeting of the demo vault. Its date is found from
// today so that its readiness comes out as want whatever day the demo
// is made.
type demoMeeting struct {
	kind      model.MeetingKind
	number    string
	title     string
	want      model.Readiness
	status    model.MeetingStatus
	class     model.Classification
	attendees []int // indexes into demoMembers
	items     []demoItem
}

type demoItem struct {
	title     string
	presenter string
	minutes   int
	caseIndex int // index into demoCases, or -1
	materials []string
}

var demoMeetings = []demoMeeting{
	{model.MeetingCommission, "Kỳ họp thứ 15", "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 15", model.Late, model.MeetingPlanned,
		model.Secret, []int{0, 1, 2, 3, 4, 5, 6}, []demoItem{
			{"Báo cáo kết quả kiểm tra đảng viên Hoàng Văn Lợi", "Vũ Thị Lan", 60, 2,
				[]string{"Báo cáo kết quả kiểm tra", "Dự thảo thông báo kết luận"}},
			{"Xem xét đơn tố cáo đồng chí Trịnh Xuân Bắc", "Trần Văn Khánh", 45, 5,
				[]string{"Báo cáo xác minh nội dung tố cáo"}},
		}},
	{model.MeetingStanding, "Phiên 42", "Thường trực Ủy ban Kiểm tra họp phiên 42", model.AtRisk, model.MeetingPlanned,
		model.Confidential, []int{0, 1, 2}, []demoItem{
			{"Cho ý kiến dự thảo kết luận giám sát chuyên đề nêu gương", "Trần Văn Khánh", 40, 1,
				[]string{"Dự thảo báo cáo kết quả giám sát", "Tổng hợp ý kiến của đối tượng giám sát"}},
			{"Thông qua kế hoạch kiểm tra tài chính đảng", "Lê Thị Mai", 20, 4,
				[]string{"Kế hoạch kiểm tra tài chính"}},
		}},
	{model.MeetingCommission, "Kỳ họp thứ 16", "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 16", model.Preparing, model.MeetingPlanned,
		model.Secret, []int{0, 1, 2, 3, 4, 5, 6, 7}, []demoItem{
			{"Xem xét thi hành kỷ luật Chi bộ Ban Quản lý dự án", "Nguyễn Thị Hương", 60, 7,
				[]string{"Báo cáo đề nghị thi hành kỷ luật", "Bản kiểm điểm của tập thể chi bộ"}},
			{"Sơ kết công tác kiểm tra, giám sát quý IV", "Văn phòng Ủy ban", 30, -1,
				[]string{"Báo cáo sơ kết quý IV"}},
		}},
	{model.MeetingStanding, "Phiên 43", "Thường trực Ủy ban Kiểm tra họp phiên 43", model.Ready, model.MeetingPlanned,
		model.Unclassified, []int{0, 1, 2}, []demoItem{
			{"Giải quyết khiếu nại kỷ luật của đảng viên Mai Thị Hoa", "Vũ Thị Lan", 45, 6,
				[]string{"Báo cáo thẩm tra nội dung khiếu nại"}},
		}},
	{model.MeetingCommission, "Kỳ họp thứ 14", "Hội nghị Ủy ban Kiểm tra kỳ họp thứ 14", model.ReadyNA, model.MeetingHeld,
		model.Confidential, []int{0, 1, 2, 3, 4, 5, 6}, []demoItem{
			{"Kết luận giám sát công tác chuyển đổi số", "Đỗ Quang Huy", 45, 8,
				[]string{"Báo cáo kết quả giám sát chuyển đổi số"}},
		}},
	{model.MeetingStanding, "Phiên 41", "Thường trực Ủy ban Kiểm tra họp phiên 41 (hoãn)", model.ReadyNA, model.MeetingCancelled,
		model.Unclassified, []int{0, 1, 2}, []demoItem{
			{"Cho ý kiến kế hoạch giám sát năm 2027", "Văn phòng Ủy ban", 30, -1, nil},
		}},
}

// FillDemoMeetings adds the members directory and a meeting in each
// readiness state (late, at risk, preparing, ready), a held one and a
// cancelled one, with agendas linked to the demo cases, materials,
// appraisals and sends. Dates are found from today with the vault's
// rules, so the states hold on any day.
func FillDemoMeetings(s *Session, today model.Date) error {
	rules, err := LoadMeetingRules(s)
	if err != nil {
		return err
	}
	members := make([]model.Member, len(demoMembers))
	for i := range demoMembers {
		members[i] = demoMembers[i]
		if err := s.SaveMember(&members[i]); err != nil {
			return fmt.Errorf("demo member: %w", err)
		}
	}
	list, err := ListOrSearch(s, "", today)
	if err != nil {
		return err
	}
	cases := make(map[string]string, len(list)) // title to id
	for _, cs := range list {
		cases[cs.Title] = cs.ID
	}
	for i, dm := range demoMeetings {
		m := model.Meeting{Kind: dm.kind, Number: dm.number, Title: dm.title, Time: "08:00",
			Duration: 180, Place: "Phòng họp số 2, trụ sở Tỉnh ủy", Chair: members[0].Name,
			Classification: dm.class, Status: dm.status, Date: demoDate(rules, dm.want, dm.status, today)}
		if err := s.CreateMeeting(&m); err != nil {
			return fmt.Errorf("demo meeting %d: %w", i+1, err)
		}
		for _, a := range dm.attendees {
			if err := s.AddAttendee(m.ID, members[a].ID); err != nil {
				return err
			}
		}
		if err := demoAgenda(s, m, dm, cases, rules, today); err != nil {
			return fmt.Errorf("demo meeting %d: %w", i+1, err)
		}
	}
	return nil
}

// demoDate returns a meeting date that gives the readiness want on today.
func demoDate(rules MeetingRules, want model.Readiness, status model.MeetingStatus, today model.Date) model.Date {
	switch {
	case status == model.MeetingHeld:
		return nextWorkingDay(rules, today.AddDays(-12))
	case status == model.MeetingCancelled:
		return nextWorkingDay(rules, today.AddDays(9))
	case want == model.Late:
		return nextWorkingDay(rules, today.AddDays(2))
	case want == model.Ready:
		return nextWorkingDay(rules, today.AddDays(24))
	case want == model.Preparing:
		return nextWorkingDay(rules, today.AddDays(35))
	}
	// At risk: the last working day whose practical deadline is at most
	// AtRiskWorkingDays working days ahead, or today.
	at := today.AddDays(1)
	for d := today.AddDays(1); d.Before(today.AddDays(60)); d = d.AddDays(1) {
		left := model.WorkingDaysLeft(rules.Calendar, today, rules.Deadlines(model.Meeting{Date: d}).Practical)
		if left > model.AtRiskWorkingDays {
			break
		}
		if left >= 0 && rules.Calendar.IsWorkingDay(d) {
			at = d
		}
	}
	return at
}

func nextWorkingDay(rules MeetingRules, d model.Date) model.Date {
	for !rules.Calendar.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

func demoAgenda(s *Session, m model.Meeting, dm demoMeeting, cases map[string]string, rules MeetingRules, today model.Date) error {
	dl := rules.Deadlines(m)
	n := 0
	for _, di := range dm.items {
		it := model.AgendaItem{MeetingID: m.ID, Title: di.title, Presenter: di.presenter, Duration: di.minutes}
		if di.caseIndex >= 0 && di.caseIndex < len(demoCases) {
			it.CaseID = cases[demoCases[di.caseIndex].title]
		}
		if err := s.AddAgendaItem(&it); err != nil {
			return err
		}
		for _, title := range di.materials {
			if err := demoMaterial(s, m, it, title, dm.want, n, dl, today); err != nil {
				return err
			}
			n++
		}
	}
	return nil
}

// demoMaterial adds one material and brings it to the stage that gives
// the meeting its readiness: n counts the meeting's materials.
func demoMaterial(s *Session, m model.Meeting, it model.AgendaItem, title string, want model.Readiness, n int, dl model.Deadlines, today model.Date) error {
	mat := model.Material{ItemID: it.ID, Title: title, Classification: m.Classification}
	ver := model.MaterialVersion{Name: title + ".pdf", MediaType: "application/pdf"}
	content := demoPDF(m.Number, fmt.Sprintf("%02d", n+1))
	if err := s.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader(content)); err != nil {
		return err
	}
	early := minDate(today, dl.Deadline).AddDays(-3)
	switch {
	case want == model.ReadyNA && m.Status == model.MeetingHeld, want == model.Ready:
		return demoSend(s, m, ver.ID, early, early.AddDays(1), "")
	case want == model.Preparing && n == 0, want == model.AtRisk && n == 0:
		return demoSend(s, m, ver.ID, early, early.AddDays(1), "")
	case want == model.Preparing && n == 1, want == model.AtRisk && n == 1:
		return s.AppraiseVersion(ver.ID, early, "Trần Thị Bích", "")
	case want == model.Late && n == 0:
		return demoSend(s, m, ver.ID, dl.Deadline.AddDays(-4), dl.Deadline.AddDays(-3), "")
	case want == model.Late && n == 1:
		return demoSend(s, m, ver.ID, today, today,
			"Đoàn kiểm tra bổ sung kết quả xác minh theo ý kiến của Thường trực.")
	}
	return nil
}

// demoSend appraises a version and sends it to every attendee on paper.
func demoSend(s *Session, m model.Meeting, versionID string, appraised, sent model.Date, reason string) error {
	if err := s.AppraiseVersion(versionID, appraised, "Trần Thị Bích", reason); err != nil {
		return err
	}
	_, err := s.SendAll(m.ID, sent, model.ChannelPaper, reason)
	return err
}

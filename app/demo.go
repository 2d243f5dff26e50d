package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"sotay/model"
	"sotay/vault"
)

// demoCase is one case of the demo vault, with its period given in days
// relative to the day the demo is made.
type demoCase struct {
	title          string
	kind           model.Kind
	subject        model.Subject
	classification model.Classification
	status         model.Status
	startOffset    int
	days           int
	lead           string
	team           []model.TeamMember
	note           string
}

var demoCases = []demoCase{
	{"Giám sát thường xuyên Đảng ủy xã Tân Lập năm 2026", model.KindRegularSupervision,
		model.Subject{Type: model.SubjectOrganisation, Name: "Đảng ủy xã Tân Lập", Unit: "Tỉnh ủy Phú Thọ"},
		model.Unclassified, model.StatusInProgress, -120, 240, "Nguyễn Thị Hương",
		[]model.TeamMember{{Name: "Nguyễn Thị Hương", Role: model.RoleLead}, {Name: "Phạm Minh Đức", Role: model.RoleMember}},
		"Đảng ủy xã đã gửi báo cáo sáu tháng đầu năm đúng hạn."},
	{"Giám sát chuyên đề việc thực hiện quy định nêu gương của cán bộ chủ chốt", model.KindThematicSupervision,
		model.Subject{Type: model.SubjectOrganisation, Name: "Ban Thường vụ Đảng ủy phường Hòa Bình", Unit: "Thành ủy"},
		model.Confidential, model.StatusInProgress, -40, 90, "Trần Văn Khánh",
		[]model.TeamMember{{Name: "Trần Văn Khánh", Role: model.RoleLead}, {Name: "Lê Thị Mai", Role: model.RoleDeputy}, {Name: "Đỗ Quang Huy", Role: model.RoleSecretary}},
		"Đã nhận đủ báo cáo tự kiểm điểm của 9 đồng chí."},
	{"Kiểm tra đảng viên Hoàng Văn Lợi khi có dấu hiệu vi phạm", model.KindViolationInspection,
		model.Subject{Type: model.SubjectMember, Name: "Hoàng Văn Lợi", Unit: "Chi bộ Phòng Tài nguyên và Môi trường"},
		model.Secret, model.StatusInProgress, -25, 60, "Vũ Thị Lan",
		[]model.TeamMember{{Name: "Vũ Thị Lan", Role: model.RoleLead}, {Name: "Bùi Đình Nam", Role: model.RoleMember}, {Name: "Ngô Thu Trang", Role: model.RoleSecretary}},
		"Đơn phản ánh về việc cấp giấy chứng nhận quyền sử dụng đất sai quy định."},
	{"Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy xã Phú Lộc", model.KindDutyInspection,
		model.Subject{Type: model.SubjectOrganisation, Name: "Ủy ban Kiểm tra Đảng ủy xã Phú Lộc", Unit: "Đảng ủy xã Phú Lộc"},
		model.Unclassified, model.StatusDraft, 10, 45, "Phạm Minh Đức",
		[]model.TeamMember{{Name: "Phạm Minh Đức", Role: model.RoleLead}},
		""},
	{"Kiểm tra tài chính đảng năm 2025 tại Văn phòng Đảng ủy", model.KindFinanceInspection,
		model.Subject{Type: model.SubjectOrganisation, Name: "Văn phòng Đảng ủy Khối cơ quan", Unit: "Đảng ủy Khối"},
		model.Unclassified, model.StatusInProgress, -15, 30, "Lê Thị Mai",
		[]model.TeamMember{{Name: "Lê Thị Mai", Role: model.RoleLead}, {Name: "Đinh Văn Toàn", Role: model.RoleMember}},
		"Chứng từ chi quý IV còn thiếu chữ ký của kế toán trưởng."},
	{"Giải quyết tố cáo đối với đồng chí Trịnh Xuân Bắc", model.KindDenunciation,
		model.Subject{Type: model.SubjectMember, Name: "Trịnh Xuân Bắc", Unit: "Đảng bộ Công ty Điện lực"},
		model.Secret, model.StatusInProgress, -60, 90, "Trần Văn Khánh",
		[]model.TeamMember{{Name: "Trần Văn Khánh", Role: model.RoleLead}, {Name: "Ngô Thu Trang", Role: model.RoleMember}},
		"Người tố cáo đề nghị giữ bí mật họ tên."},
	{"Giải quyết khiếu nại kỷ luật của đảng viên Mai Thị Hoa", model.KindDisciplineComplaint,
		model.Subject{Type: model.SubjectMember, Name: "Mai Thị Hoa", Unit: "Chi bộ Trường THPT Nguyễn Trãi"},
		model.Confidential, model.StatusInProgress, -10, 40, "Vũ Thị Lan",
		[]model.TeamMember{{Name: "Vũ Thị Lan", Role: model.RoleLead}},
		"Khiếu nại nộp trong thời hạn một tháng kể từ ngày nhận quyết định."},
	{"Xem xét thi hành kỷ luật Chi bộ Ban Quản lý dự án", model.KindDisciplineReview,
		model.Subject{Type: model.SubjectOrganisation, Name: "Chi bộ Ban Quản lý dự án đầu tư xây dựng", Unit: "Đảng bộ huyện"},
		model.TopSecret, model.StatusInProgress, -5, 35, "Nguyễn Thị Hương",
		[]model.TeamMember{{Name: "Nguyễn Thị Hương", Role: model.RoleLead}, {Name: "Bùi Đình Nam", Role: model.RoleDeputy}},
		""},
	{"Giám sát chuyên đề công tác chuyển đổi số trong cơ quan đảng", model.KindThematicSupervision,
		model.Subject{Type: model.SubjectOrganisation, Name: "Văn phòng Tỉnh ủy", Unit: "Tỉnh ủy"},
		model.Unclassified, model.StatusClosed, -200, 100, "Đỗ Quang Huy",
		[]model.TeamMember{{Name: "Đỗ Quang Huy", Role: model.RoleLead}},
		"Đã ban hành thông báo kết luận."},
	{"Kiểm tra đảng viên Lương Thế Vinh chấp hành quy định về những điều đảng viên không được làm", model.KindViolationInspection,
		model.Subject{Type: model.SubjectMember, Name: "Lương Thế Vinh", Unit: "Chi bộ Trung tâm Y tế"},
		model.Confidential, model.StatusClosed, -150, 60, "Phạm Minh Đức",
		[]model.TeamMember{{Name: "Phạm Minh Đức", Role: model.RoleLead}, {Name: "Đinh Văn Toàn", Role: model.RoleMember}},
		"Đối tượng đã khắc phục và tự nhận hình thức khiển trách."},
	{"Giám sát thường xuyên đảng viên là cán bộ diện Ban Thường vụ quản lý", model.KindRegularSupervision,
		model.Subject{Type: model.SubjectMember, Name: "Các đồng chí diện Ban Thường vụ quản lý", Unit: "Đảng bộ tỉnh"},
		model.Unclassified, model.StatusDraft, 20, 180, "Lê Thị Mai",
		nil, ""},
	{"Tổng hợp, đánh giá kết quả thực hiện kết luận sau kiểm tra năm 2025", model.KindOther,
		model.Subject{Type: model.SubjectOrganisation, Name: "Các tổ chức đảng trực thuộc", Unit: "Đảng bộ tỉnh"},
		model.Unclassified, model.StatusInProgress, -30, 75, "Trần Văn Khánh",
		[]model.TeamMember{{Name: "Trần Văn Khánh", Role: model.RoleLead}, {Name: "Ngô Thu Trang", Role: model.RoleSecretary}},
		"Còn 3 tổ chức đảng chưa báo cáo."},
}

// FillDemo adds a dozen demo cases across the kinds to s, then the
// meetings of FillDemoMeetings. Each case has phases, template tasks
// (those due before today mostly done, a few left overdue), a team, a
// journal note and two documents the generator writes itself, a PDF and a
// Word file. Dates are relative to today.
func FillDemo(s *Session, today model.Date) error {
	for i, dc := range demoCases {
		c := &model.Case{
			Title:          dc.title,
			Kind:           dc.kind,
			Subject:        dc.subject,
			Classification: dc.classification,
			Status:         dc.status,
			Lead:           dc.lead,
			Start:          today.AddDays(dc.startOffset),
			End:            today.AddDays(dc.startOffset + dc.days - 1),
			Team:           dc.team,
		}
		if err := s.CreateCase(c, true); err != nil {
			return fmt.Errorf("demo case %d: %w", i+1, err)
		}
		if err := demoProgress(s, c, today, i); err != nil {
			return err
		}
		if dc.note != "" {
			e := model.JournalEntry{CaseID: c.ID, Date: minDate(today, c.Start.AddDays(3)), Text: dc.note}
			if err := s.AddJournalEntry(&e); err != nil {
				return err
			}
		}
		if err := demoDocuments(s, c, i); err != nil {
			return err
		}
	}
	if err := FillDemoSchedule(s, today); err != nil {
		return err
	}
	if err := FillDemoMeetings(s, today); err != nil {
		return err
	}
	return FillDemoPlans(s, today)
}

// demoProgress marks the tasks due before today done, except every
// fifth one in open cases, which stays overdue.
func demoProgress(s *Session, c *model.Case, today model.Date, seed int) error {
	tasks, err := s.Tasks(c.ID)
	if err != nil {
		return err
	}
	members := c.Team
	for i := range tasks {
		t := &tasks[i]
		if len(members) > 0 {
			t.Assignee = members[i%len(members)].Name
		}
		t.Important = t.Phase != model.Closing || i%2 == 0
		overdue := c.Status != model.StatusClosed && (i+seed)%5 == 0
		if c.Status == model.StatusClosed || (t.Deadline.Before(today) && !overdue) {
			t.Status, t.DoneOn = model.TaskDone, t.Deadline
		}
		if err := s.UpdateTask(t); err != nil {
			return err
		}
	}
	return nil
}

func demoDocuments(s *Session, c *model.Case, seed int) error {
	number := fmt.Sprintf("%02d-QĐ/UBKT", seed+1)
	docs := []struct {
		name    string
		media   string
		content []byte
	}{
		{"Quyết định " + number + ".pdf", "application/pdf", demoPDF(c.Code, number)},
		{"Kế hoạch " + c.Code + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			demoDOCX(c.Title, c.Subject.Name)},
	}
	for i, d := range docs {
		doc := model.Document{
			CaseID:         c.ID,
			Name:           d.name,
			MediaType:      d.media,
			Date:           c.Start,
			Classification: c.Classification,
		}
		if i == 0 {
			doc.Number = number
		}
		if err := s.AddDocument(context.Background(), &doc, bytes.NewReader(d.content), nil); err != nil {
			return err
		}
	}
	return nil
}

func minDate(a, b model.Date) model.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// CreateDemo makes a demo vault in a new temporary folder with a random
// passphrase, fills it, and returns the temporary folder (to remove when
// done), the unlocked session and the passphrase. The vault is the
// session's Dir, inside the temporary folder. The demo is throwaway, so its key derivation uses the
// floor parameters instead of calibrating.
func CreateDemo(today model.Date) (string, *Session, string, error) {
	dir, err := os.MkdirTemp("", "sotay-demo-")
	if err != nil {
		return "", nil, "", err
	}
	pass := demoPassphrase()
	v, err := vault.Create(filepath.Join(dir, "vault"), []byte(pass), vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, "", err
	}
	s := newSession(v)
	if err := FillDemo(s, today); err != nil {
		s.Lock()
		os.RemoveAll(dir)
		return "", nil, "", err
	}
	return dir, s, pass, nil
}

// demoPassphrase returns five random Vietnamese words, easy to type back
// on the lock screen.
func demoPassphrase() string {
	words := []string{"kiểm", "tra", "giám", "sát", "hồ", "sơ", "đảng", "viên", "hội", "nghị", "tài", "liệu", "mùa", "xuân", "sông", "núi"}
	var picked []string
	for i := 0; i < 5; i++ {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(words))))
		picked = append(picked, words[n.Int64()])
	}
	return strings.Join(picked, "-")
}

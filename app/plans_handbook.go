package app

import (
	"errors"
	"fmt"

	"sotay/model"
)

// handbookGuidance is the default guidance of each standard task: what
// to do and the forms it needs. Legal bases are left for the user, since
// the rules they cite change.
var handbookGuidance = map[string][2]string{
	"Đề xuất đối tượng, nội dung và thành phần đoàn":                      {"Căn cứ kế hoạch năm và dấu hiệu vi phạm, đề xuất đối tượng, nội dung, thời gian và thành phần đoàn trình Thường trực Ủy ban.", ""},
	"Ban hành quyết định và kế hoạch kiểm tra, giám sát":                  {"Soạn và trình ký quyết định thành lập đoàn và kế hoạch; lấy số văn bản trong sổ đăng ký.", "quyet-dinh, ke-hoach"},
	"Xây dựng đề cương gợi ý đối tượng báo cáo":                           {"Gửi đối tượng đề cương gợi ý báo cáo kèm kế hoạch, ghi rõ hạn nộp báo cáo.", "de-cuong"},
	"Phân công nhiệm vụ thành viên đoàn":                                  {"Giao từng nội dung cho thành viên đoàn, mỗi việc có hạn hoàn thành.", ""},
	"Thống nhất lịch làm việc":                                            {"Thống nhất lịch làm việc trong đoàn trước khi công bố quyết định.", ""},
	"Thu thập tài liệu liên quan":                                         {"Thu thập văn bản, hồ sơ liên quan đến nội dung và đối tượng.", ""},
	"Công bố quyết định và kế hoạch":                                      {"Tổ chức buổi công bố quyết định và kế hoạch với đối tượng; lập biên bản.", "bien-ban"},
	"Thống nhất lịch làm việc với đối tượng":                              {"Thống nhất lịch làm việc, thời hạn nộp báo cáo và tài liệu với đối tượng.", "bien-ban"},
	"Đối tượng chuẩn bị báo cáo, giải trình và cung cấp tài liệu":         {"Theo dõi đối tượng nộp báo cáo, giải trình và tài liệu đúng hạn.", ""},
	"Đề nghị cơ quan liên quan phối hợp":                                  {"Gửi công văn đề nghị cơ quan, tổ chức liên quan cung cấp thông tin, tài liệu.", ""},
	"Thẩm tra, xác minh":                                                  {"Thẩm tra, xác minh từng nội dung; mỗi buổi làm việc có biên bản.", "bien-ban"},
	"Hội nghị thông qua dự thảo báo cáo kết quả":                          {"Đoàn họp thông qua dự thảo báo cáo kết quả; ghi ý kiến khác nhau (nếu có).", "bao-cao-ket-qua"},
	"Thẩm tra, xác minh những nội dung còn chưa rõ":                       {"Làm rõ những nội dung hội nghị đoàn còn ý kiến khác nhau.", "bien-ban"},
	"Hoàn chỉnh dự thảo báo cáo":                                          {"Hoàn chỉnh báo cáo kết quả để trình Ủy ban; tài liệu phải được thẩm định và gửi thành viên trước hội nghị.", "bao-cao-ket-qua"},
	"Báo cáo kết quả kiểm tra, giám sát":                                  {"Trưởng đoàn báo cáo kết quả tại hội nghị Ủy ban hoặc Thường trực.", "bao-cao-ket-qua"},
	"Thảo luận, kết luận":                                                 {"Ủy ban thảo luận và kết luận; ghi biên bản hội nghị.", ""},
	"Biểu quyết thi hành kỷ luật hoặc đề nghị cấp có thẩm quyền (nếu có)": {"Biểu quyết bằng phiếu kín hình thức kỷ luật hoặc đề nghị cấp có thẩm quyền.", ""},
	"Hoàn chỉnh thông báo kết luận hoặc quyết định kỷ luật":               {"Soạn thông báo kết luận hoặc quyết định kỷ luật theo ý kiến của Ủy ban.", "thong-bao-ket-luan"},
	"Công bố kết luận":                                                    {"Tổ chức công bố kết luận với đối tượng và nơi có liên quan.", "bien-ban"},
	"Thực hiện quy trình kỷ luật (nếu có)":                                {"Thực hiện các bước thi hành kỷ luật theo quy định.", ""},
	"Họp rút kinh nghiệm":                                                 {"Đoàn họp rút kinh nghiệm về cách làm và thời gian thực hiện.", ""},
	"Lập hồ sơ, lưu trữ":                                                  {"Lập hồ sơ vụ việc đầy đủ và nộp lưu trữ theo quy định.", ""},
	"Giám sát việc thực hiện kết luận":                                    {"Theo dõi, giám sát đối tượng thực hiện kết luận và báo cáo kết quả khắc phục.", ""},
}

// DefaultHandbook returns an entry for every standard task, and the
// time limit of a denunciation at grassroots level found under earlier
// rules (90 working days, extendable by 30) on the task that finishes
// its conclusion. Every value is a default the user edits.
func DefaultHandbook() []model.HandbookEntry {
	var out []model.HandbookEntry
	for _, tt := range model.StandardTasks {
		g := handbookGuidance[tt.Title]
		out = append(out, model.HandbookEntry{TaskTitle: tt.Title, Guidance: g[0], Forms: g[1]})
	}
	out = append(out, model.HandbookEntry{TaskTitle: "Hoàn chỉnh thông báo kết luận hoặc quyết định kỷ luật",
		Kind: model.KindDenunciation, LimitDays: 90, LimitWorking: true, Extension: 30,
		Guidance:   "Giải quyết tố cáo ở cấp cơ sở trong thời hạn 90 ngày làm việc, có thể gia hạn 30 ngày; kiểm tra thời hạn theo quy định hiện hành.",
		LegalBasis: "Quy định về giải quyết tố cáo trong Đảng (nhập văn bản đang có hiệu lực)", Forms: "thong-bao-ket-luan"})
	return out
}

// Handbook returns the handbook, seeding the defaults into a vault that
// has none.
func Handbook(s *Session) ([]model.HandbookEntry, error) {
	if err := s.SeedHandbook(DefaultHandbook()); err != nil {
		return nil, err
	}
	return s.Handbook()
}

// HandbookTask is a task of a case with its handbook entry and, when the
// entry has a time limit, the deadline that limit gives.
type HandbookTask struct {
	Task     model.Task
	Entry    model.HandbookEntry
	Found    bool
	Deadline model.Date
}

// CaseHandbook returns the phase a case is in on today and the handbook
// entries of that phase's tasks. A case outside its period shows the
// phase nearest to today.
func CaseHandbook(s *Session, caseID string, today model.Date) (model.PhaseKind, []HandbookTask, error) {
	c, err := s.Case(caseID)
	if err != nil {
		return 0, nil, err
	}
	phases, err := c.Phases()
	if err != nil {
		return 0, nil, err
	}
	phase, ok := model.PhaseOn(phases, today)
	if !ok {
		phase = model.Preparation
		if today.After(c.End) {
			phase = model.Closing
		}
	}
	all, err := handbookTasks(s, c)
	if err != nil {
		return 0, nil, err
	}
	var out []HandbookTask
	for _, t := range all {
		if t.Task.Phase == phase {
			out = append(out, t)
		}
	}
	return phase, out, nil
}

func handbookTasks(s *Session, c *model.Case) ([]HandbookTask, error) {
	entries, err := Handbook(s)
	if err != nil {
		return nil, err
	}
	tasks, err := s.Tasks(c.ID)
	if err != nil {
		return nil, err
	}
	cal := WorkCalendar(s)
	out := make([]HandbookTask, 0, len(tasks))
	for _, t := range tasks {
		e, ok := model.HandbookFor(entries, t.Title, c.Kind)
		ht := HandbookTask{Task: t, Entry: e, Found: ok}
		if ok {
			ht.Deadline, _ = e.Deadline(c.Start, cal)
		}
		out = append(out, ht)
	}
	return out, nil
}

// ErrLimitPastEnd is returned by ApplyTimeLimits when a time limit ends
// after the case's last day; the case period must be extended first.
var ErrLimitPastEnd = errors.New("time limit ends after the case period")

// ApplyTimeLimits sets the deadline of every task of a case whose
// handbook entry has a time limit, counted from the case's start on the
// working-day calendar. It returns how many tasks it moved.
func ApplyTimeLimits(s *Session, caseID string) (int, error) {
	c, err := s.Case(caseID)
	if err != nil {
		return 0, err
	}
	tasks, err := handbookTasks(s, c)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, ht := range tasks {
		if ht.Deadline.IsZero() || ht.Deadline == ht.Task.Deadline {
			continue
		}
		if ht.Deadline.After(c.End) {
			return n, fmt.Errorf("%w: %s until %s", ErrLimitPastEnd, ht.Task.Title, ht.Deadline)
		}
		t := ht.Task
		t.Deadline = ht.Deadline
		if err := s.UpdateTask(&t); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

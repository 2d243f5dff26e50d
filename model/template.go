package model

// TemplateTask is a standard task of a phase, as a new case from the
// template receives it.
type TemplateTask struct {
	Phase PhaseKind
	Title string
}

// StandardTasks are the tasks every inspection or supervision goes
// through, phase by phase, in the order they are usually done.
var StandardTasks = []TemplateTask{
	{Preparation, "Đề xuất đối tượng, nội dung và thành phần đoàn"},
	{Preparation, "Ban hành quyết định và kế hoạch kiểm tra, giám sát"},
	{Preparation, "Xây dựng đề cương gợi ý đối tượng báo cáo"},
	{Preparation, "Phân công nhiệm vụ thành viên đoàn"},
	{Preparation, "Thống nhất lịch làm việc"},
	{Preparation, "Thu thập tài liệu liên quan"},
	{Execution, "Công bố quyết định và kế hoạch"},
	{Execution, "Thống nhất lịch làm việc với đối tượng"},
	{Execution, "Đối tượng chuẩn bị báo cáo, giải trình và cung cấp tài liệu"},
	{Execution, "Đề nghị cơ quan liên quan phối hợp"},
	{Execution, "Thẩm tra, xác minh"},
	{Execution, "Hội nghị thông qua dự thảo báo cáo kết quả"},
	{Execution, "Thẩm tra, xác minh những nội dung còn chưa rõ"},
	{Execution, "Hoàn chỉnh dự thảo báo cáo"},
	{Closing, "Báo cáo kết quả kiểm tra, giám sát"},
	{Closing, "Thảo luận, kết luận"},
	{Closing, "Biểu quyết thi hành kỷ luật hoặc đề nghị cấp có thẩm quyền (nếu có)"},
	{Closing, "Hoàn chỉnh thông báo kết luận hoặc quyết định kỷ luật"},
	{Closing, "Công bố kết luận"},
	{Closing, "Thực hiện quy trình kỷ luật (nếu có)"},
	{Closing, "Họp rút kinh nghiệm"},
	{Closing, "Lập hồ sơ, lưu trữ"},
	{Closing, "Giám sát việc thực hiện kết luận"},
}

// TemplateTasks returns the standard tasks with deadlines spread evenly
// inside their phases: of n tasks in a phase of d days, task i (from 0)
// is due on day ceil((i+1)·d/n) of the phase, so the last task is due on
// the phase's last day and no two deadlines go backwards.
func TemplateTasks(phases [3]Phase) []Task {
	counts := [3]int{}
	for _, tt := range StandardTasks {
		counts[tt.Phase]++
	}
	var tasks []Task
	seen := [3]int{}
	for _, tt := range StandardTasks {
		p := phases[tt.Phase]
		n := counts[tt.Phase]
		i := seen[tt.Phase]
		seen[tt.Phase]++
		offset := ((i+1)*p.Days()+n-1)/n - 1
		tasks = append(tasks, Task{
			Phase:    tt.Phase,
			Title:    tt.Title,
			Deadline: p.Start.AddDays(offset),
			Status:   TaskOpen,
			Position: len(tasks),
		})
	}
	return tasks
}

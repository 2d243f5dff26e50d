package app

import (
	"time"

	"sotay/model"
)

// FillDemoSchedule adds the demo's personal calendar around today: a
// weekly briefing, time blocks, a classified event, and personal to-dos.
func FillDemoSchedule(s *Session, today model.Date) error {
	monday := model.WeekStart(today)
	at := func(d model.Date, h, m int) time.Time {
		return d.In(Zone).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	events := []model.Event{
		{Title: "Giao ban cơ quan đầu tuần", Location: "Phòng họp tầng 2", Start: at(monday, 8, 0),
			End: at(monday, 9, 0), RRule: "FREQ=WEEKLY;BYDAY=MO", Reminders: []time.Duration{15 * time.Minute}},
		{Title: "Họp Chi bộ định kỳ", Start: at(monday, 15, 30), End: at(monday, 17, 0),
			RRule: "FREQ=MONTHLY;BYDAY=-1FR"},
		{Kind: model.KindBlock, Title: "Đọc hồ sơ, nghiên cứu tài liệu", WorkKind: "Đọc hồ sơ",
			Start: at(monday.AddDays(1), 8, 0), End: at(monday.AddDays(1), 10, 30), RRule: "FREQ=WEEKLY;BYDAY=TU,TH"},
		{Kind: model.KindBlock, Title: "Viết báo cáo kết quả kiểm tra", Start: at(monday.AddDays(2), 14, 0),
			End: at(monday.AddDays(2), 16, 30)},
		{Title: "Làm việc với Đảng ủy xã Tân Lập", Location: "Xã Tân Lập", Start: at(monday.AddDays(3), 14, 0),
			End: at(monday.AddDays(3), 16, 0), Classification: model.Confidential},
		{Title: "Tập huấn nghiệp vụ kiểm tra", AllDay: true, StartDate: monday.AddDays(4),
			EndDate: monday.AddDays(4)},
	}
	for i := range events {
		if err := CreateEvent(s, &events[i]); err != nil {
			return err
		}
	}
	todos := []model.Todo{
		{Title: "Chuẩn bị đề cương báo cáo quý", Deadline: today.AddDays(2), Important: true},
		{Title: "Gửi lịch công tác tuần cho văn phòng", Deadline: today.AddDays(1)},
		{Title: "Sắp xếp lại tủ hồ sơ", Deadline: today.AddDays(20)},
	}
	for i := range todos {
		if err := s.SaveTodo(&todos[i]); err != nil {
			return err
		}
	}
	return nil
}

package vault

import (
	"testing"
	"time"

	"sotay/model"
)

func TestPackFileNameFoldsMarks(t *testing.T) {
	cases := []struct {
		number, member, want string
	}{
		{"Kỳ họp thứ 15", "Đặng Thị Ngọc", "ky-hop-thu-15-dang-thi-ngoc.sotay"},
		{"Phiên 42/UBKT", "Vũ Đức Long", "phien-42-ubkt-vu-duc-long.sotay"},
		{"", "Lê Quang Vinh", "2026-12-07-le-quang-vinh.sotay"},
	}
	for _, c := range cases {
		m := model.Meeting{Number: c.number, Date: model.NewDate(2026, time.December, 7)}
		got := packFileName(m, model.Member{Name: c.member})
		if got != c.want {
			t.Errorf("packFileName(%q, %q) = %q, want %q", c.number, c.member, got, c.want)
		}
	}
}

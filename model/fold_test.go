package model

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đảng viên", "dang vien"},
		{"ĐẢNG VIÊN", "dang vien"},
		{"Nguyễn Thị Hương", "nguyen thi huong"},
		{"Ủy ban Kiểm tra", "uy ban kiem tra"},
		{"12-QĐ/UBKT", "12-qd/ubkt"},
		{norm.NFD.String("Đảng ủy xã"), "dang uy xa"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeComposes(t *testing.T) {
	nfd := norm.NFD.String(" Đảng viên ")
	if got := Normalize(nfd); got != "Đảng viên" {
		t.Errorf("Normalize(NFD) = %q (% x)", got, got)
	}
}

func TestFoldedTerms(t *testing.T) {
	got := FoldedTerms(`  "Đảng viên", chi-bộ `)
	want := []string{"dang", "vien", "chi", "bo"}
	if len(got) != len(want) {
		t.Fatalf("FoldedTerms = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("term %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestClockMonotonic(t *testing.T) {
	c := NewClock(nil)
	prev := c.Now()
	for i := 0; i < 1000; i++ {
		next := c.Now()
		if next.Compare(prev) <= 0 {
			t.Fatalf("clock went from %v to %v", prev, next)
		}
		prev = next
	}
	h, err := ParseHLC(prev.String())
	if err != nil || h != prev {
		t.Errorf("ParseHLC(%q) = %v, %v", prev.String(), h, err)
	}
}

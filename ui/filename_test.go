package ui

import "testing"

func TestSafeFileName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Quyết định 05-QĐ/UBKT.pdf", "Quyết định 05-QĐ-UBKT.pdf"},
		{`Báo cáo: "quý IV"?.docx`, "Báo cáo- -quý IV--.docx"},
		{"Kỳ họp thứ 15.pdf", "Kỳ họp thứ 15.pdf"},
		{"tên\tcó\x00điều khiển. ", "têncóđiều khiển"},
		{"a\\b<c>d|e*f", "a-b-c-d-e-f"},
		{" ... ", "tai-lieu"},
	}
	for _, c := range cases {
		if got := safeFileName(c.in); got != c.want {
			t.Errorf("safeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

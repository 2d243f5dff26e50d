package app

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sotay/model"
)

func docCase(t *testing.T, s *Session) *model.Case {
	t.Helper()
	c := &model.Case{Code: "HS-2026-DOC", Title: "Kiểm tra việc quản lý đất đai", Kind: model.KindViolationInspection,
		Subject:        model.Subject{Type: model.SubjectMember, Name: "đồng chí Hoàng Văn Lợi", Unit: "Chi bộ Phòng Tài nguyên"},
		Classification: model.Secret, Status: model.StatusInProgress, Lead: "Vũ Thị Lan",
		Start: model.NewDate(2026, 11, 2), End: model.NewDate(2026, 12, 31),
		Team: []model.TeamMember{{Name: "Vũ Thị Lan", Role: model.RoleLead}, {Name: "Bùi Đình Nam", Role: model.RoleMember}}}
	if err := s.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGenerateStoresDraftAndNumbers(t *testing.T) {
	s := newTestSession(t)
	c := docCase(t, s)
	on := model.NewDate(2026, 12, 4)
	g1, err := GenerateCaseDocument(s, c.Code, "quyet-dinh", on)
	if err != nil {
		t.Fatal(err)
	}
	g2, err := GenerateCaseDocument(s, c.Code, "quyet-dinh", on)
	if err != nil {
		t.Fatal(err)
	}
	if g1.Number != "01-QĐ/UBKT" || g2.Number != "02-QĐ/UBKT" {
		t.Errorf("numbers = %s, %s", g1.Number, g2.Number)
	}
	docs, err := s.Documents(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		if d.Number == g1.Number && strings.HasPrefix(d.Name, "Dự thảo") && d.Classification == model.Secret {
			found = true
		}
	}
	if !found {
		t.Errorf("draft not stored in the case: %+v", docs)
	}
	text := documentText(t, g1.Data)
	for _, want := range []string{"Số 01-QĐ/UBKT", "Hà Nội, ngày 04 tháng 12 năm 2026", "TỐI MẬT", "ĐẢNG CỘNG SẢN VIỆT NAM"} {
		if !strings.Contains(text, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}

func TestTemplateUnknownFieldNamed(t *testing.T) {
	s := newTestSession(t)
	c := docCase(t, s)
	tpl, err := templateOf(s, "ke-hoach")
	if err != nil {
		t.Fatal(err)
	}
	tpl.Body += "\n{{ngay_hop}}"
	err = SaveTemplate(s, &tpl)
	var uf *UnknownFieldError
	if !errors.As(err, &uf) || uf.Field != "ngay_hop" {
		t.Fatalf("SaveTemplate = %v, want unknown field ngay_hop", err)
	}
	if err := s.SaveTemplate(&tpl); err != nil { // stored past the check, as an old vault might hold
		t.Fatal(err)
	}
	if _, err := GenerateCaseDocument(s, c.Code, "ke-hoach", model.NewDate(2026, 12, 4)); !errors.As(err, &uf) {
		t.Fatalf("generate = %v, want unknown field", err)
	}
	numbers, _, _ := s.Register("KH", DefaultTerm.Label)
	if len(numbers) != 0 {
		t.Errorf("a number was issued for a failed document: %+v", numbers)
	}
	msg, ok := ExplainPlans(err)
	if !ok || msg.Key != "err.template_field" || msg.Args[0] != "ngay_hop" {
		t.Errorf("message = %+v", msg)
	}
}

// documentText returns word/document.xml of a .docx.
func documentText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(r)
			return b.String()
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestDocxRendersInLibreOffice converts every template's output to PDF
// with LibreOffice and checks the header, the number and the date line.
func TestDocxRendersInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install libreoffice-writer (make test does) to check the .docx output")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found: install poppler-utils to read the converted PDF")
	}
	s := newTestSession(t)
	c := docCase(t, s)
	dir := t.TempDir()
	forms, err := Forms(s)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	numbers := map[string]string{}
	for _, f := range forms {
		if f.Form == "bao-cao-dinh-ky" {
			continue
		}
		g, err := GenerateCaseDocument(s, c.Code, f.Form, model.NewDate(2026, 12, 4))
		if err != nil {
			t.Fatalf("%s: %v", f.Form, err)
		}
		name := filepath.Join(dir, f.Form+".docx")
		if err := os.WriteFile(name, g.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		files, numbers[f.Form] = append(files, name), g.Number
	}
	rr := ReportRow{Report: model.Report{Period: model.Period{Start: model.NewDate(2026, 9, 15),
		End: model.NewDate(2026, 12, 14), Label: "Quý IV/2026"}}, Rule: model.ReportRule{Name: "Báo cáo quý", Recipient: "UBKT cấp trên"}}
	g, err := GenerateReportDocument(s, rr, "1. Trong kỳ đã tiến hành 3 cuộc kiểm tra.", model.NewDate(2026, 12, 18))
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "bao-cao-dinh-ky.docx")
	os.WriteFile(report, g.Data, 0o600)
	files, numbers["bao-cao-dinh-ky"] = append(files, report), g.Number

	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}, files...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for form, number := range numbers {
		pdf := filepath.Join(dir, form+".pdf")
		out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v", form, err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		wantDate := "Hà Nội, ngày 04 tháng 12 năm 2026"
		if form == "bao-cao-dinh-ky" {
			wantDate = "Hà Nội, ngày 18 tháng 12 năm 2026"
		}
		for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "ỦY BAN KIỂM TRA", "Số " + number, wantDate, "Nơi nhận:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s.pdf lacks %q", form, want)
			}
		}
	}
	if keep := os.Getenv("SOTAY_KEEP_PDF"); keep != "" {
		for form := range numbers {
			b, _ := os.ReadFile(filepath.Join(dir, form+".pdf"))
			os.WriteFile(filepath.Join(keep, form+".pdf"), b, 0o600)
		}
	}
}

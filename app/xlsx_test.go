package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"sotay/model"
	"sotay/vault"
)

func TestCasesXLSXRoundTrip(t *testing.T) {
	src := newTestSession(t)
	today := model.NewDate(2026, 12, 4)
	c := docCase(t, src)
	out := filepath.Join(t.TempDir(), "hồ sơ.xlsx")
	if err := ExportXLSX(src, TableCases, 2026, today, out); err != nil {
		t.Fatal(err)
	}

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	title, _ := f.GetCellValue(sheet, "A1")
	if title != "DANH SÁCH HỒ SƠ VỤ VIỆC · TỐI MẬT" {
		t.Errorf("title row = %q, want the classification mark", title)
	}
	if typ, _ := f.GetCellType(sheet, "J3"); typ != excelize.CellTypeDate && typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("start cell type = %v, want a date", typ)
	}
	start, _ := f.GetCellValue(sheet, "J3")
	if start != "02/11/2026" {
		t.Errorf("start cell shows %q, want 02/11/2026", start)
	}
	raw, _ := f.GetCellValue(sheet, "J3", excelize.Options{RawCellValue: true})
	if raw != "46328" {
		t.Errorf("start cell raw value = %q, want the serial 46328", raw)
	}
	subject, _ := f.GetCellValue(sheet, "D3")
	if subject != "đồng chí Hoàng Văn Lợi" {
		t.Errorf("subject = %q", subject)
	}
	if w, _ := f.GetColWidth(sheet, "B"); w < 20 {
		t.Errorf("title column width %v does not fit", w)
	}
	f.Close()

	dst := newTestSession(t)
	res, err := ImportCasesXLSX(dst, out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || len(res.Errors) != 0 {
		t.Fatalf("import = %+v", res)
	}
	got, err := dst.CaseByCode(c.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != c.Title || got.Kind != c.Kind || got.Subject != c.Subject || got.Classification != c.Classification ||
		got.Status != c.Status || got.Start != c.Start || got.End != c.End || got.Lead != c.Lead {
		t.Errorf("imported case = %+v\nwant %+v", got, c)
	}
	again, err := ImportCasesXLSX(dst, out)
	if err != nil || again.Updated != 1 || again.Created != 0 {
		t.Errorf("second import = %+v, %v; want one update", again, err)
	}
	if n, _ := dst.CountCases(vault.CaseQuery{}); n != 1 {
		t.Errorf("cases after two imports = %d, want 1", n)
	}
}

func TestImportReportsBadRows(t *testing.T) {
	s := newTestSession(t)
	path := filepath.Join(t.TempDir(), "so.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"Sổ theo dõi của Ủy ban Kiểm tra"},
		{"Ma ho so", "Ten ho so", "Loai", "Do mat", "Tu ngay", "Den ngay"},
		{"A-1", "Giám sát chi bộ 1", "Giám sát chuyên đề", "", "01/03/2026", "30/04/2026"},
		{"A-2", "Kiểm tra chi bộ 2", "Kiểm tra bí ẩn", "", "01/03/2026", "30/04/2026"},
		{"A-3", "Kiểm tra chi bộ 3", "", "Mật", "31/02/2026", "30/04/2026"},
		{"A-4", "", "", "", "01/03/2026", "30/04/2026"},
		{"A-5", "Kiểm tra chi bộ 5", "kiem tra tai chinh", "toi mat", "2026-05-01", "2026-06-30"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := ImportCasesXLSX(s, path)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 {
		t.Errorf("created = %d, want 2", res.Created)
	}
	want := map[int]string{4: "xlsx.row_bad_kind", 5: "xlsx.row_bad_date", 6: "xlsx.row_no_title"}
	if len(res.Errors) != len(want) {
		t.Fatalf("errors = %+v", res.Errors)
	}
	for _, e := range res.Errors {
		if want[e.Row] != e.Reason.Key {
			t.Errorf("row %d: %s, want %s", e.Row, e.Reason.Key, want[e.Row])
		}
	}
	c, err := s.CaseByCode("A-5")
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != model.KindFinanceInspection || c.Classification != model.Secret {
		t.Errorf("unmarked variants read as %s, %v", c.Kind, c.Classification)
	}
}

func TestPlanXLSXRoundTrip(t *testing.T) {
	s := newTestSession(t)
	today := model.NewDate(2026, 12, 4)
	for _, it := range []model.PlanItem{
		{Year: 2026, Kind: model.KindThematicSupervision, Title: "Giám sát chuyên đề công tác cán bộ", Subject: "Đảng ủy xã A", Quarter: 2, Month: 5},
		{Year: 2026, Kind: model.KindFinanceInspection, Title: "Kiểm tra tài chính đảng", Quarter: 3, Week: 30},
	} {
		if err := s.SavePlanItem(&it); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "ke-hoach.xlsx")
	if err := ExportXLSX(s, TablePlan, 2026, today, out); err != nil {
		t.Fatal(err)
	}
	dst := newTestSession(t)
	for i := 0; i < 2; i++ {
		res, err := ImportPlanXLSX(dst, out, 2027)
		if err != nil || len(res.Errors) != 0 {
			t.Fatalf("import %d = %+v, %v", i, res, err)
		}
	}
	items, _ := dst.PlanItems(2026)
	if len(items) != 2 || items[0].Month != 5 || items[0].Subject != "Đảng ủy xã A" || items[1].Week != 30 {
		t.Errorf("imported plan = %+v", items)
	}
}

func TestExportTargetNotWritable(t *testing.T) {
	s := newTestSession(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "là-thư-mục.xlsx")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	err := ExportXLSX(s, TableCases, 2026, model.NewDate(2026, 12, 4), target)
	if !errors.Is(err, ErrXLSXTarget) {
		t.Fatalf("export over a folder = %v, want ErrXLSXTarget", err)
	}
	if msg, ok := ExplainPlans(err); !ok || msg.Key != "err.xlsx_target" {
		t.Errorf("message = %+v", msg)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

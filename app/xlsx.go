package app

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

// ErrXLSXTarget is returned when an export cannot write its target: the
// file is open in another program or the folder is not writable.
var ErrXLSXTarget = errors.New("spreadsheet target cannot be written")

// The tables an export writes and an import reads.
const (
	TablePlan    = "plan"
	TableReports = "reports"
	TableKPI     = "kpi"
	TableCases   = "cases"
)

// sheet is a table about to be written: a title, the Vietnamese header
// row, the rows (string, int, float64, model.Date or nil cells) and the
// highest classification of its rows, printed in the title row.
type sheet struct {
	name    string
	title   string
	headers []string
	rows    [][]any
	mark    model.Classification
}

// ExportXLSX writes table what of year to path, through a temporary
// file in the same folder renamed over path. A target that is open
// elsewhere or not writable returns an error wrapping ErrXLSXTarget.
func ExportXLSX(s *Session, what string, year int, today model.Date, path string) error {
	sh, err := buildSheet(s, what, year, today)
	if err != nil {
		return err
	}
	data, err := sh.bytes()
	if err != nil {
		return err
	}
	if err := vault.WriteFileAtomic(path, data, 0o600); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrXLSXTarget, path, err)
	}
	return nil
}

// ErrUnknownTable is returned for a table name other than plan,
// reports, kpi and cases.
var ErrUnknownTable = errors.New("unknown table")

func buildSheet(s *Session, what string, year int, today model.Date) (*sheet, error) {
	cat := assets.NewCatalog(assets.Vietnamese)
	switch what {
	case TablePlan:
		return planSheet(s, cat, year, today)
	case TableReports:
		return reportSheet(s, year, today)
	case TableKPI:
		return kpiSheet(s, cat, year, today)
	case TableCases:
		return caseSheet(s, cat, today)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownTable, what)
}

// Headers of the case list, as export writes them and import reads them.
var caseHeaders = []string{"Mã hồ sơ", "Tên hồ sơ", "Loại", "Đối tượng", "Loại đối tượng", "Đơn vị",
	"Độ mật", "Trạng thái", "Chủ trì", "Từ ngày", "Đến ngày", "Tiến độ (%)", "Nhiệm vụ quá hạn"}

func caseSheet(s *Session, cat *assets.Catalog, today model.Date) (*sheet, error) {
	n, err := s.CountCases(vault.CaseQuery{Today: today})
	if err != nil {
		return nil, err
	}
	list, err := s.ListCases(vault.CaseQuery{Today: today, Sort: vault.SortByCode, Limit: max(n, 1)})
	if err != nil {
		return nil, err
	}
	extras, err := s.CaseExtras()
	if err != nil {
		return nil, err
	}
	sh := &sheet{name: "Hồ sơ", title: "DANH SÁCH HỒ SƠ VỤ VIỆC", headers: caseHeaders}
	for _, c := range list {
		x := extras[c.ID]
		sh.mark = max(sh.mark, c.Classification)
		stype := ""
		if x.SubjectType != "" {
			stype = cat.T("subject." + string(x.SubjectType))
		}
		sh.rows = append(sh.rows, []any{c.Code, c.Title, cat.T("kind." + string(c.Kind)), c.SubjectName,
			stype, x.SubjectUnit, c.Classification.Mark(),
			cat.T("status." + string(c.Status)), x.Lead, c.Start, c.End,
			float64(int(c.Progress()*1000+0.5)) / 10, c.TasksOverdue})
	}
	return sh, nil
}

var planHeaders = []string{"Năm", "Nội dung", "Loại", "Đối tượng", "Chủ trì", "Quý", "Tháng", "Tuần", "Mã hồ sơ", "Tình trạng"}

func planSheet(s *Session, cat *assets.Catalog, year int, today model.Date) (*sheet, error) {
	pv, err := LoadPlan(s, year, today)
	if err != nil {
		return nil, err
	}
	sh := &sheet{name: "Kế hoạch", title: fmt.Sprintf("KẾ HOẠCH KIỂM TRA, GIÁM SÁT NĂM %d", year), headers: planHeaders}
	for i, it := range pv.Items {
		code := ""
		if c := pv.Case(i); c != nil {
			code = c.Code
		}
		sh.rows = append(sh.rows, []any{it.Year, it.Title, cat.T("kind." + string(it.Kind)), it.Subject, it.Lead,
			it.Quarter, zeroNil(it.Month), zeroNil(it.Week), code, planStateNames[pv.State(i)]})
	}
	return sh, nil
}

var planStateNames = map[model.PlanState]string{model.PlanNotStarted: "Chưa triển khai",
	model.PlanOnTime: "Đúng tiến độ", model.PlanLate: "Chậm tiến độ", model.PlanDone: "Hoàn thành"}

func reportSheet(s *Session, year int, today model.Date) (*sheet, error) {
	rows, err := LoadReportCalendar(s, year, today)
	if err != nil {
		return nil, err
	}
	sh := &sheet{name: "Lịch báo cáo", title: fmt.Sprintf("LỊCH BÁO CÁO NĂM %d", year),
		headers: []string{"Báo cáo", "Kỳ", "Từ ngày", "Đến ngày", "Hạn gửi", "Nơi nhận", "Tình trạng", "Ngày gửi", "Chậm"}}
	status := map[model.ReportStatus]string{model.ReportNotStarted: "Chưa soạn", model.ReportDrafting: "Đang soạn", model.ReportSent: "Đã gửi"}
	for _, r := range rows {
		late := ""
		if r.Late {
			late = "Chậm"
		}
		var sent any
		if !r.SentOn.IsZero() {
			sent = r.SentOn
		}
		sh.rows = append(sh.rows, []any{r.Rule.Name, r.Period.Label, r.Period.Start, r.Period.End, r.Due,
			r.Rule.Recipient, status[r.Status], sent, late})
	}
	return sh, nil
}

func kpiSheet(s *Session, cat *assets.Catalog, year int, today model.Date) (*sheet, error) {
	rows, err := LoadKPIs(s, year, today)
	if err != nil {
		return nil, err
	}
	sh := &sheet{name: "KPI", title: fmt.Sprintf("CHỈ SỐ KPI NĂM %d", year),
		headers: []string{"Mã", "Chỉ số", "Đơn vị", "Kỳ", "Giá trị", "Mức đạt", "Mức vượt", "Xếp loại", "Xu hướng", "Tính từ"}}
	for _, r := range rows {
		for _, v := range r.Values {
			var value any = "chưa có dữ liệu"
			if v.Has {
				value = v.Value
			}
			sh.rows = append(sh.rows, []any{r.KPI.Code, r.KPI.Name, r.KPI.Unit, v.Period.Label, value,
				r.KPI.Target, r.KPI.Exceed, cat.T("kpi.grade." + string(v.Grade)), cat.T("kpi.trend." + string(v.Trend)),
				joinBasis(v.Basis)})
		}
	}
	return sh, nil
}

func joinBasis(b []string) string {
	out := ""
	for i, s := range b {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

func zeroNil(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// bytes writes the sheet as an .xlsx: the title row (with the
// classification mark in red when a row is classified), the header row,
// then the rows with real date and number cells and fitted widths.
func (sh *sheet) bytes() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	name := sh.name
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
	if err != nil {
		return nil, err
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	markStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// The stream writer takes column widths before any row.
	for i, w := range sh.widths() {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w+2, 8), 60))); err != nil {
			return nil, err
		}
	}
	title := sh.title
	if m := sh.mark.Mark(); m != "" {
		title += " · " + m
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{Value: title, StyleID: styleIf(sh.mark != model.Unclassified, markStyle)}}); err != nil {
		return nil, err
	}
	head := make([]any, len(sh.headers))
	for i, h := range sh.headers {
		head[i] = excelize.Cell{Value: h, StyleID: headStyle}
	}
	if err := sw.SetRow("A2", head); err != nil {
		return nil, err
	}
	for r, row := range sh.rows {
		cells := make([]any, len(row))
		for i, v := range row {
			if d, ok := v.(model.Date); ok {
				if !d.IsZero() {
					cells[i] = excelize.Cell{Value: d.In(time.UTC), StyleID: dateStyle}
				}
				continue
			}
			cells[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+3)
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// widths returns the widest text of each column, in characters.
func (sh *sheet) widths() []int {
	w := make([]int, len(sh.headers))
	for i, h := range sh.headers {
		w[i] = utf8.RuneCountInString(h)
	}
	for _, row := range sh.rows {
		for i, v := range row {
			switch x := v.(type) {
			case nil:
			case model.Date:
				w[i] = max(w[i], 10)
			case string:
				w[i] = max(w[i], utf8.RuneCountInString(x))
			default:
				w[i] = max(w[i], len(fmt.Sprint(x)))
			}
		}
	}
	return w
}

func styleIf(b bool, id int) int {
	if b {
		return id
	}
	return 0
}

func ptr[T any](v T) *T { return &v }

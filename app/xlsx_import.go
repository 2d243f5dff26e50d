package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

// RowError is a row of a spreadsheet that could not be imported: its
// number as the spreadsheet shows it and the reason, a translation key
// with its arguments.
type RowError struct {
	Row    int
	Reason Message
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated int
	Errors           []RowError
}

// ErrNoHeader is returned for a sheet with no row of known headers in
// its first ten rows.
var ErrNoHeader = errors.New("no header row found")

// column names, folded (marks removed, đ as d, lower case), with the
// variants commissions' own spreadsheets use.
var caseColumns = map[string][]string{
	"code":    {"ma ho so", "ma", "ma so", "so hieu", "so ho so"},
	"title":   {"ten ho so", "ten", "noi dung", "ten cuoc kiem tra", "ten vu viec"},
	"kind":    {"loai", "loai ho so", "hinh thuc"},
	"subject": {"doi tuong", "ten doi tuong"},
	"stype":   {"loai doi tuong"},
	"unit":    {"don vi", "don vi cua doi tuong", "noi cong tac"},
	"class":   {"do mat", "mat"},
	"status":  {"trang thai", "tinh trang"},
	"lead":    {"chu tri", "truong doan", "can bo chu tri"},
	"start":   {"tu ngay", "ngay bat dau", "bat dau"},
	"end":     {"den ngay", "ngay ket thuc", "ket thuc"},
}

var planColumns = map[string][]string{
	"year":    {"nam"},
	"title":   {"noi dung", "ten", "noi dung kiem tra, giam sat"},
	"kind":    {"loai", "hinh thuc"},
	"subject": {"doi tuong"},
	"lead":    {"chu tri", "don vi chu tri", "can bo chu tri"},
	"quarter": {"quy"},
	"month":   {"thang"},
	"week":    {"tuan"},
	"code":    {"ma ho so"},
}

// table is a sheet read as rows of cells with the column of each field.
type table struct {
	rows   [][]string
	header int // index of the header row
	col    map[string]int
}

func (t *table) cell(row []string, field string) string {
	i, ok := t.col[field]
	if !ok || i >= len(row) {
		return ""
	}
	return model.Normalize(row[i])
}

func readTable(path string, columns map[string][]string, required ...string) (*table, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	for h := 0; h < len(rows) && h < 10; h++ {
		col := map[string]int{}
		for i, text := range rows[h] {
			name := model.Fold(strings.TrimSpace(text))
			for field, variants := range columns {
				for _, v := range variants {
					if name == v {
						if _, dup := col[field]; !dup {
							col[field] = i
						}
					}
				}
			}
		}
		ok := true
		for _, r := range required {
			if _, has := col[r]; !has {
				ok = false
			}
		}
		if ok {
			return &table{rows: rows, header: h, col: col}, nil
		}
	}
	return nil, fmt.Errorf("%w: expected columns %v", ErrNoHeader, required)
}

// parseCellDate reads a date cell (an Excel serial number) or a text
// date as dd/mm/yyyy or YYYY-MM-DD.
func parseCellDate(s string) (model.Date, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 0 && n < 200000 {
		t, err := excelize.ExcelDateToTime(n, false)
		if err != nil {
			return model.Date{}, err
		}
		return model.DateOf(t), nil
	}
	if d, err := model.ParseDisplayDate(s); err == nil {
		return d, nil
	}
	return model.ParseDate(s)
}

// lookup matches a cell against the Vietnamese names of values, folded,
// and against the stored keys.
func lookup[T ~string](text string, values []T, name func(T) string) (T, bool) {
	f := model.Fold(text)
	for _, v := range values {
		if f == model.Fold(name(v)) || f == string(v) {
			return v, true
		}
	}
	var zero T
	return zero, false
}

func parseClassification(text string) (model.Classification, bool) {
	f := model.Fold(text)
	if f == "" || f == "-" || f == "khong" || f == "thuong" {
		return model.Unclassified, true
	}
	for _, c := range model.Classifications[1:] {
		if f == model.Fold(c.Mark()) {
			return c, true
		}
	}
	return 0, false
}

// ImportCasesXLSX reads a case register from path. Rows are matched to
// cases by code: a known code updates that case, a new one creates a
// case from the template. Every row that cannot be read is returned with
// its number and reason while the others are imported.
func ImportCasesXLSX(s *Session, path string) (ImportResult, error) {
	return importCases(s, path, false)
}

// PreviewCasesXLSX reads path as ImportCasesXLSX does and counts what it
// would add and update, writing nothing.
func PreviewCasesXLSX(s *Session, path string) (ImportResult, error) {
	return importCases(s, path, true)
}

func importCases(s *Session, path string, dry bool) (ImportResult, error) {
	var res ImportResult
	t, err := readTable(path, caseColumns, "title", "start", "end")
	if err != nil {
		return res, err
	}
	cat := assets.NewCatalog(assets.Vietnamese)
	for i := t.header + 1; i < len(t.rows); i++ {
		row := t.rows[i]
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		c, msg := t.caseFromRow(row, cat)
		if msg != nil {
			res.Errors = append(res.Errors, RowError{Row: i + 1, Reason: *msg})
			continue
		}
		created, err := upsertCase(s, c, dry)
		if err != nil {
			m := Explain(err)
			res.Errors = append(res.Errors, RowError{Row: i + 1, Reason: m})
			continue
		}
		if created {
			res.Created++
		} else {
			res.Updated++
		}
	}
	return res, nil
}

func (t *table) caseFromRow(row []string, cat *assets.Catalog) (*model.Case, *Message) {
	bad := func(key string, args ...any) *Message { return &Message{Key: key, Args: args} }
	c := &model.Case{Code: t.cell(row, "code"), Title: t.cell(row, "title"), Lead: t.cell(row, "lead"),
		Subject: model.Subject{Type: model.SubjectOrganisation, Name: t.cell(row, "subject"), Unit: t.cell(row, "unit")},
		Kind:    model.KindOther, Status: model.StatusDraft}
	if c.Title == "" {
		return nil, bad("xlsx.row_no_title")
	}
	var err error
	if c.Start, err = parseCellDate(t.cell(row, "start")); err != nil {
		return nil, bad("xlsx.row_bad_date", t.cell(row, "start"))
	}
	if c.End, err = parseCellDate(t.cell(row, "end")); err != nil {
		return nil, bad("xlsx.row_bad_date", t.cell(row, "end"))
	}
	if text := t.cell(row, "kind"); text != "" {
		k, ok := lookup(text, model.Kinds, func(k model.Kind) string { return cat.T("kind." + string(k)) })
		if !ok {
			return nil, bad("xlsx.row_bad_kind", text)
		}
		c.Kind = k
	}
	if text := t.cell(row, "status"); text != "" {
		st, ok := lookup(text, model.Statuses, func(s model.Status) string { return cat.T("status." + string(s)) })
		if !ok {
			return nil, bad("xlsx.row_bad_status", text)
		}
		c.Status = st
	}
	if text := t.cell(row, "stype"); text != "" {
		st, ok := lookup(text, []model.SubjectType{model.SubjectOrganisation, model.SubjectMember},
			func(s model.SubjectType) string { return cat.T("subject." + string(s)) })
		if !ok {
			return nil, bad("xlsx.row_bad_kind", text)
		}
		c.Subject.Type = st
	}
	cl, ok := parseClassification(t.cell(row, "class"))
	if !ok {
		return nil, bad("xlsx.row_bad_class", t.cell(row, "class"))
	}
	c.Classification = cl
	if c.Lead != "" {
		c.Team = []model.TeamMember{{Name: c.Lead, Role: model.RoleLead}}
	}
	return c, nil
}

// upsertCase updates the case with c's code, keeping its id, team and
// phase bounds, or creates c from the template.
func upsertCase(s *Session, c *model.Case, dry bool) (bool, error) {
	if c.Code != "" {
		old, err := s.CaseByCode(c.Code)
		if err == nil && dry {
			return false, nil
		}
		if err == nil {
			c.Record, c.PrepEnd, c.ExecEnd = old.Record, old.PrepEnd, old.ExecEnd
			if len(old.Team) > 0 {
				c.Team = old.Team
			}
			return false, s.UpdateCase(c)
		}
		if !errors.Is(err, vault.ErrNotFound) {
			return false, err
		}
	}
	if dry {
		return true, nil
	}
	return true, s.CreateCase(c, true)
}

// ImportPlanXLSX reads a yearly plan from path into year (or the year
// of each row's Năm column when it has one). A row whose year and
// content match an item updates it instead of adding another.
func ImportPlanXLSX(s *Session, path string, year int) (ImportResult, error) {
	return importPlan(s, path, year, false)
}

// ImportPlanXLSXPreview reads path as ImportPlanXLSX does and counts
// what it would add and update, writing nothing.
func ImportPlanXLSXPreview(s *Session, path string, year int) (ImportResult, error) {
	return importPlan(s, path, year, true)
}

func importPlan(s *Session, path string, year int, dry bool) (ImportResult, error) {
	var res ImportResult
	t, err := readTable(path, planColumns, "title")
	if err != nil {
		return res, err
	}
	cat := assets.NewCatalog(assets.Vietnamese)
	existing := map[int]map[string]model.PlanItem{}
	for i := t.header + 1; i < len(t.rows); i++ {
		row := t.rows[i]
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		it, msg := t.planFromRow(row, year, cat)
		if msg != nil {
			res.Errors = append(res.Errors, RowError{Row: i + 1, Reason: *msg})
			continue
		}
		if _, ok := existing[it.Year]; !ok {
			items, err := s.PlanItems(it.Year)
			if err != nil {
				return res, err
			}
			existing[it.Year] = map[string]model.PlanItem{}
			for _, e := range items {
				existing[it.Year][model.Fold(e.Title)] = e
			}
		}
		_, known := existing[it.Year][model.Fold(it.Title)]
		if dry {
			if known {
				res.Updated++
			} else {
				res.Created++
			}
			existing[it.Year][model.Fold(it.Title)] = *it
			continue
		}
		created, err := upsertPlanItem(s, it, existing[it.Year], t.cell(row, "code"))
		if err != nil {
			res.Errors = append(res.Errors, RowError{Row: i + 1, Reason: Explain(err)})
			continue
		}
		existing[it.Year][model.Fold(it.Title)] = *it
		if created {
			res.Created++
		} else {
			res.Updated++
		}
	}
	return res, nil
}

func (t *table) planFromRow(row []string, year int, cat *assets.Catalog) (*model.PlanItem, *Message) {
	bad := func(key string, args ...any) *Message { return &Message{Key: key, Args: args} }
	it := &model.PlanItem{Year: year, Title: t.cell(row, "title"), Subject: t.cell(row, "subject"),
		Lead: t.cell(row, "lead"), Kind: model.KindOther}
	if it.Title == "" {
		return nil, bad("xlsx.row_no_title")
	}
	num := func(field string) (int, bool) {
		text := strings.TrimSpace(t.cell(row, field))
		if text == "" {
			return 0, true
		}
		text = strings.TrimPrefix(strings.ToUpper(model.Fold(text)), "QUY ")
		for n := 1; n <= 4; n++ {
			if text == model.Roman(n) {
				return n, true
			}
		}
		f, err := strconv.ParseFloat(text, 64)
		return int(f), err == nil && f == float64(int(f))
	}
	var ok bool
	if y, good := num("year"); good && y != 0 {
		it.Year = y
	}
	if it.Quarter, ok = num("quarter"); !ok {
		return nil, bad("xlsx.row_bad_number", t.cell(row, "quarter"))
	}
	if it.Month, ok = num("month"); !ok {
		return nil, bad("xlsx.row_bad_number", t.cell(row, "month"))
	}
	if it.Week, ok = num("week"); !ok {
		return nil, bad("xlsx.row_bad_number", t.cell(row, "week"))
	}
	if it.Quarter == 0 && it.Month == 0 {
		return nil, bad("xlsx.row_no_quarter")
	}
	if text := t.cell(row, "kind"); text != "" {
		k, found := lookup(text, model.Kinds, func(k model.Kind) string { return cat.T("kind." + string(k)) })
		if !found {
			return nil, bad("xlsx.row_bad_kind", text)
		}
		it.Kind = k
	}
	return it, nil
}

func upsertPlanItem(s *Session, it *model.PlanItem, existing map[string]model.PlanItem, code string) (bool, error) {
	created := true
	if old, ok := existing[model.Fold(it.Title)]; ok {
		created = false
		it.Record, it.CaseID, it.Position = old.Record, old.CaseID, old.Position
		if err := s.SavePlanItem(it); err != nil {
			return false, err
		}
		if old.Quarter != it.Quarter || old.Month != it.Month {
			if err := s.MovePlanItem(it.ID, it.Quarter, it.Month, Today(), "Nhập từ Excel"); err != nil {
				return false, err
			}
		}
	} else if err := s.SavePlanItem(it); err != nil {
		return false, err
	}
	if code != "" {
		c, err := s.CaseByCode(code)
		if err == nil && c.ID != it.CaseID {
			return created, s.LinkPlanItem(it.ID, c.ID)
		}
	}
	return created, nil
}

package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

// Setting keys of the document header and signature, per vault.
const (
	SettingPlace        = "doc_place"         // "Hà Nội", the place of the date line
	SettingSuperiorBody = "doc_superior_body" // "THÀNH ỦY HÀ NỘI"
	SettingIssuingBody  = "doc_issuing_body"  // "ỦY BAN KIỂM TRA"
	SettingIssuingName  = "doc_issuing_name"  // "Ủy ban Kiểm tra", inside sentences
	SettingIssuerAbbr   = "doc_issuer_abbr"   // "UBKT", after the slash of a number
	SettingSignerName   = "doc_signer_name"
	SettingSignerTitle  = "doc_signer_title" // "CHỦ NHIỆM"
)

// docDefaults are the header values used until the user sets them.
var docDefaults = map[string]string{
	SettingPlace: "Hà Nội", SettingSuperiorBody: "THÀNH ỦY HÀ NỘI", SettingIssuingBody: "ỦY BAN KIỂM TRA",
	SettingIssuingName: "Ủy ban Kiểm tra",
	SettingIssuerAbbr:  "UBKT", SettingSignerName: "", SettingSignerTitle: "CHỦ NHIỆM",
}

// DocSettings returns the header and signature settings, defaults for
// what is unset.
func DocSettings(s *Session) (map[string]string, error) {
	out := map[string]string{}
	for k, def := range docDefaults {
		v, err := s.Setting(k, "")
		if err != nil {
			return nil, err
		}
		if v == "" {
			v = def
		}
		out[k] = v
	}
	return out, nil
}

// UnknownFieldError is returned for a template that names a field no
// document fills in. Nothing was issued or stored.
type UnknownFieldError struct {
	Form  string
	Field string
}

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("template %s: unknown field {{%s}}", e.Form, e.Field)
}

var placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// fill replaces every {{field}} of text from fields; a field that is
// known but empty becomes dots for the officer to fill in.
func fill(form, text string, fields map[string]string) (string, error) {
	var missing string
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		v, ok := fields[name]
		if !ok && missing == "" {
			missing = name
		}
		if v == "" {
			return "……"
		}
		return v
	})
	if missing != "" {
		return "", &UnknownFieldError{Form: form, Field: missing}
	}
	return out, nil
}

// CheckTemplate returns an *UnknownFieldError when t names a field that
// no document fills in.
func CheckTemplate(t model.DocTemplate) error {
	known := map[string]string{}
	for _, f := range DocFields {
		known[f] = "x"
	}
	for _, text := range []string{t.Body, t.Recipients, t.Title} {
		if _, err := fill(t.Form, text, known); err != nil {
			return err
		}
	}
	return nil
}

// DocFields lists every field a template may use.
var DocFields = []string{"co_quan_cap_tren", "co_quan_ban_hanh", "co_quan_ban_hanh_thuong", "ky_hieu_co_quan",
	"dia_danh", "so", "ngay", "ngay_chu", "nam", "ma_ho_so", "ten_ho_so", "loai", "loai_thuong", "ten_doan",
	"doi_tuong", "don_vi", "truong_doan", "thanh_vien", "tu_ngay", "den_ngay", "chuan_bi_den", "tien_hanh_den",
	"ket_qua", "ket_luan", "ky_luat_de_nghi", "ky_luat", "nguoi_ky", "chuc_vu_ky", "do_mat",
	"ky_bao_cao", "so_lieu", "noi_nhan_bao_cao"}

// lowerFirst lowers the first letter: "Giám sát chuyên đề" becomes
// "giám sát chuyên đề" inside a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// baseFields are the fields of every document: header, number, date.
func baseFields(set map[string]string, number string, on model.Date) map[string]string {
	issuing := set[SettingIssuingBody]
	return map[string]string{
		"co_quan_cap_tren": set[SettingSuperiorBody], "co_quan_ban_hanh": issuing,
		"co_quan_ban_hanh_thuong": set[SettingIssuingName],
		"ky_hieu_co_quan":         set[SettingIssuerAbbr], "dia_danh": set[SettingPlace], "so": number,
		"ngay": on.Display(), "ngay_chu": strings.TrimPrefix(model.DateLine("", on), ", "),
		"nam": fmt.Sprint(on.Year), "nguoi_ky": set[SettingSignerName], "chuc_vu_ky": set[SettingSignerTitle],
	}
}

// caseFields adds the fields of case c and its outcome.
func caseFields(f map[string]string, c *model.Case, o model.Outcome) {
	cat := assets.NewCatalog(assets.Vietnamese)
	kind := cat.T("kind." + string(c.Kind))
	if c.Kind == model.KindOther {
		kind = "Kiểm tra, giám sát"
	}
	team := "Đoàn kiểm tra"
	if c.Kind == model.KindRegularSupervision || c.Kind == model.KindThematicSupervision {
		team = "Đoàn giám sát"
	}
	var members []string
	for _, m := range c.Team {
		members = append(members, m.Name+", "+lowerFirst(cat.T("role."+string(m.Role))))
	}
	phases, _ := c.Phases()
	for k, v := range map[string]string{
		"ma_ho_so": c.Code, "ten_ho_so": c.Title, "loai": kind, "loai_thuong": lowerFirst(kind), "ten_doan": team,
		"doi_tuong": c.Subject.Name, "don_vi": c.Subject.Unit, "truong_doan": c.Lead,
		"thanh_vien": strings.Join(members, "; "), "tu_ngay": c.Start.Display(), "den_ngay": c.End.Display(),
		"chuan_bi_den": phases[model.Preparation].End.Display(), "tien_hanh_den": phases[model.Execution].End.Display(),
		"ket_qua": o.Findings, "ket_luan": o.Conclusion, "ky_luat_de_nghi": o.DisciplineProposed,
		"ky_luat": o.DisciplineDecided, "do_mat": c.Classification.Mark(),
	} {
		f[k] = v
	}
}

// GeneratedDoc is a document made from a template and stored in its
// case as a draft.
type GeneratedDoc struct {
	Number     string
	Name       string
	DocumentID string
	Data       []byte
}

// GenerateCaseDocument fills the template of form from the case with
// code, issues the next number of the template's type in the current
// term, stores the .docx in the case as a draft document and returns
// it. A template naming an unknown field returns *UnknownFieldError, and
// then no number is issued.
func GenerateCaseDocument(s *Session, code, form string, on model.Date) (*GeneratedDoc, error) {
	c, err := s.CaseByCode(code)
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", code, err)
	}
	t, err := templateOf(s, form)
	if err != nil {
		return nil, err
	}
	if err := CheckTemplate(t); err != nil {
		return nil, err
	}
	o, err := s.Outcome(c.ID)
	if err != nil {
		return nil, err
	}
	set, err := DocSettings(s)
	if err != nil {
		return nil, err
	}
	term, err := CurrentTerm(s)
	if err != nil {
		return nil, err
	}
	n := model.DocNumber{Type: t.Type, Term: term.Label, Issuer: set[SettingIssuerAbbr], IssuedOn: on,
		Subject: t.Name + " " + c.Code, CaseID: c.ID}
	if err := s.IssueNumber(&n); err != nil {
		return nil, err
	}
	fields := baseFields(set, n.Text(), on)
	caseFields(fields, c, o)
	data, err := renderDocx(t, fields, set, c.Classification, on)
	if err != nil {
		return nil, err
	}
	g := &GeneratedDoc{Number: n.Text(), Data: data,
		Name: "Dự thảo " + t.Name + " " + strings.ReplaceAll(n.Text(), "/", "-") + ".docx"}
	doc := model.Document{CaseID: c.ID, Name: g.Name, Number: n.Text(), Date: on, Classification: c.Classification,
		MediaType: vault.MediaTypeOf(g.Name)}
	if err := s.AddDocument(context.Background(), &doc, bytes.NewReader(data), nil); err != nil {
		return nil, err
	}
	g.DocumentID = doc.ID
	return g, nil
}

// GenerateReportDocument fills the periodic report template from a
// report of the calendar and its draft text, issuing a BC number.
func GenerateReportDocument(s *Session, rr ReportRow, draft string, on model.Date) (*GeneratedDoc, error) {
	form := rr.Rule.Form
	if form == "" {
		form = "bao-cao-dinh-ky"
	}
	t, err := templateOf(s, form)
	if err != nil {
		return nil, err
	}
	if err := CheckTemplate(t); err != nil {
		return nil, err
	}
	set, err := DocSettings(s)
	if err != nil {
		return nil, err
	}
	term, err := CurrentTerm(s)
	if err != nil {
		return nil, err
	}
	n := model.DocNumber{Type: t.Type, Term: term.Label, Issuer: set[SettingIssuerAbbr], IssuedOn: on,
		Subject: rr.Rule.Name + " " + rr.Period.Label}
	if err := s.IssueNumber(&n); err != nil {
		return nil, err
	}
	fields := baseFields(set, n.Text(), on)
	fields["ky_bao_cao"] = lowerFirst(rr.Period.Label)
	fields["tu_ngay"], fields["den_ngay"] = rr.Period.Start.Display(), rr.Period.End.Display()
	fields["so_lieu"], fields["noi_nhan_bao_cao"] = draft, rr.Rule.Recipient
	data, err := renderDocx(t, fields, set, model.Unclassified, on)
	if err != nil {
		return nil, err
	}
	return &GeneratedDoc{Number: n.Text(), Data: data,
		Name: t.Name + " " + strings.ReplaceAll(n.Text(), "/", "-") + ".docx"}, nil
}

// templateOf seeds the default templates into a vault that has none and
// returns the template of form.
func templateOf(s *Session, form string) (model.DocTemplate, error) {
	if err := s.SeedTemplates(DefaultTemplates()); err != nil {
		return model.DocTemplate{}, err
	}
	return s.Template(form)
}

// Forms returns every template, seeding the defaults first.
func Forms(s *Session) ([]model.DocTemplate, error) {
	if err := s.SeedTemplates(DefaultTemplates()); err != nil {
		return nil, err
	}
	return s.Templates()
}

// SaveTemplate checks t's fields and stores it; a template with an
// unknown field returns *UnknownFieldError and is not stored.
func SaveTemplate(s *Session, t *model.DocTemplate) error {
	if err := CheckTemplate(*t); err != nil {
		return err
	}
	return s.SaveTemplate(t)
}

// ExplainPlans returns the message of the errors of plans, reports and
// documents, and false for any other error.
func ExplainPlans(err error) (Message, bool) {
	var uf *UnknownFieldError
	var shared *vault.CodeSharedError
	switch {
	case errors.As(err, &uf):
		return Message{Key: "err.template_field", Args: []any{uf.Field, uf.Form}}, true
	case errors.As(err, &shared):
		return Message{Key: "err.case_code_shared", Args: []any{shared.Code, strings.Join(shared.IDs, ", ")}}, true
	case errors.Is(err, vault.ErrNumberIssued):
		return Message{Key: "err.number_issued"}, true
	case errors.Is(err, vault.ErrNoTemplate):
		return Message{Key: "err.no_template"}, true
	case errors.Is(err, ErrXLSXTarget):
		return Message{Key: "err.xlsx_target"}, true
	case errors.Is(err, ErrLimitPastEnd):
		return Message{Key: "err.limit_past_end"}, true
	case errors.Is(err, ErrNoHeader):
		return Message{Key: "err.xlsx_no_header"}, true
	}
	return Message{}, false
}

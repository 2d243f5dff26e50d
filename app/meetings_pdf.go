package app

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

// Translate returns the text of a message key, as assets.Catalog.T does.
type Translate func(key string, args ...any) string

// Page geometry of the printout in millimetres: A4 with the margins
// Party documents commonly use (top 20, left 30, right 15, bottom 20).
const (
	pdfLeft   = 30.0
	pdfTop    = 20.0
	pdfRight  = 15.0
	pdfBottom = 20.0
	pdfWidth  = 210.0 - pdfLeft - pdfRight
	pdfFont   = "noto"
)

// MeetingPDF returns the printout of a meeting as a PDF: the agenda
// (chương trình hội nghị) under the header block h on the first page,
// then one distribution checklist per attendee. Every page carries the
// meeting's classification mark in red. The PDF is built in memory, so
// nothing is written to disk.
func MeetingPDF(v *MeetingView, h DocumentHeader, printed model.Date, t Translate) ([]byte, error) {
	p := &meetingPrint{v: v, h: h, t: t, pdf: fpdf.New("P", "mm", "A4", "")}
	pdf := p.pdf
	pdf.AddUTF8FontFromBytes(pdfFont, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", assets.FontBold)
	pdf.SetMargins(pdfLeft, pdfTop, pdfRight)
	pdf.SetAutoPageBreak(true, pdfBottom)
	pdf.SetCreationDate(printed.In(time.UTC))
	pdf.SetTitle(v.Meeting.Title, true)
	pdf.SetHeaderFunc(p.header)

	p.agendaPage(printed)
	for _, a := range v.Attendees {
		p.checklistPage(a)
	}

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("print meeting: %w", err)
	}
	return buf.Bytes(), nil
}

// SaveMeetingPDF writes the printout of meeting id, with the vault's
// document header, to path, through a temporary file in the same folder
// that is synced and renamed, so that a failure leaves no partial file
// under path.
func SaveMeetingPDF(s *Session, rules MeetingRules, id, path string, today model.Date, t Translate) error {
	v, err := LoadMeeting(s, rules, id, today)
	if err != nil {
		return err
	}
	h, err := LoadDocumentHeader(s)
	if err != nil {
		return err
	}
	data, err := MeetingPDF(v, h, today, t)
	if err != nil {
		return err
	}
	return vault.WriteFileAtomic(path, data, 0o600)
}

type meetingPrint struct {
	v   *MeetingView
	h   DocumentHeader
	t   Translate
	pdf *fpdf.Fpdf
}

// header stamps the classification mark in red at the top left of every
// page, and the page number, centred, from page 2 on.
func (p *meetingPrint) header() {
	pdf := p.pdf
	y := pdf.GetY()
	if mark := p.v.Meeting.Classification.Mark(); mark != "" {
		pdf.SetFont(pdfFont, "B", 12)
		pdf.SetTextColor(200, 0, 0)
		pdf.SetDrawColor(200, 0, 0)
		w := pdf.GetStringWidth(mark) + 6
		pdf.SetXY(pdfLeft, 8)
		pdf.CellFormat(w, 7, mark, "1", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
		pdf.SetDrawColor(0, 0, 0)
	}
	if n := pdf.PageNo(); n > 1 {
		pdf.SetFont(pdfFont, "", 11)
		pdf.SetXY(pdfLeft, 10)
		pdf.CellFormat(pdfWidth, 5, strconv.Itoa(n), "", 0, "C", false, 0, "")
	}
	pdf.SetXY(pdfLeft, y)
}

func (p *meetingPrint) agendaPage(printed model.Date) {
	pdf, t, m := p.pdf, p.t, p.v.Meeting
	pdf.AddPage()
	bottom := p.headerBlock(printed)

	pdf.SetXY(pdfLeft, bottom+8)
	pdf.SetFont(pdfFont, "B", 15)
	pdf.CellFormat(pdfWidth, 8, t("pdf.agenda_title"), "", 1, "C", false, 0, "")
	pdf.SetFont(pdfFont, "B", 13)
	pdf.MultiCell(pdfWidth, 6.5, m.Title, "", "C", false)
	pdf.Ln(4)

	p.meetingFacts()
	pdf.Ln(3)
	p.agendaTable()
}

func (p *meetingPrint) meetingFacts() {
	pdf, t, v := p.pdf, p.t, p.v
	m := v.Meeting
	when := t("meetings.weekday."+m.Date.Weekday().String()) + ", " + m.Date.Display()
	if m.Time != "" {
		when = m.Time + ", " + when
	}
	var names []string
	for _, a := range v.Attendees {
		names = append(names, a.Name)
	}
	facts := [][2]string{
		{t("pdf.when"), when},
		{t("pdf.place"), m.Place},
		{t("pdf.chair"), m.Chair},
		{t("pdf.attendees"), joinNames(names)},
		{t("pdf.deadline"), t("pdf.deadline_value", v.Assessment.Deadline.Display(), v.Assessment.Practical.Display())},
	}
	for _, f := range facts {
		if f[1] == "" {
			continue
		}
		pdf.SetFont(pdfFont, "B", 12)
		w := pdf.GetStringWidth(f[0]) + 2
		pdf.CellFormat(w, 6.5, f[0], "", 0, "L", false, 0, "")
		pdf.SetFont(pdfFont, "", 12)
		pdf.MultiCell(pdfWidth-w, 6.5, f[1], "", "L", false)
	}
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "; "
		}
		out += n
	}
	return out
}

func (p *meetingPrint) agendaTable() {
	pdf, t, v := p.pdf, p.t, p.v
	widths := []float64{12, 93, 40, 20}
	p.row(widths, true, t("pdf.col_no"), t("pdf.col_item"), t("pdf.col_presenter"), t("pdf.col_minutes"))
	for i, it := range v.Items {
		content := it.Title
		for j := range v.Materials {
			mat := &v.Materials[j]
			if mat.ItemID != it.ID {
				continue
			}
			content += "\n– " + p.materialLine(j)
		}
		p.row(widths, false, strconv.Itoa(i+1), content, it.Presenter, minutesText(it.Duration))
	}
	total := model.AgendaMinutes(v.Items)
	pdf.Ln(2)
	pdf.SetFont(pdfFont, "", 12)
	line := t("pdf.total", total)
	if v.Meeting.Duration > 0 {
		line = t("pdf.total_of", total, v.Meeting.Duration)
	}
	pdf.MultiCell(pdfWidth, 6, line, "", "R", false)
}

// materialLine names material j with its latest version, its appraisal
// and a late mark.
func (p *meetingPrint) materialLine(j int) string {
	t, mat := p.t, &p.v.Materials[j]
	ver := mat.Latest()
	if ver == nil {
		return mat.Title
	}
	s := t("pdf.material", mat.Title, ver.Version)
	if ver.Appraised() {
		s += " · " + t("pdf.appraised", ver.AppraisedOn.Display())
	} else {
		s += " · " + t("pdf.not_appraised")
	}
	if p.v.LateVersion(j) {
		s += " · " + t("pdf.late")
	}
	return s
}

func minutesText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// checklistPage lists, for one attendee, every material with the send on
// record, for the attendee to sign on receipt.
func (p *meetingPrint) checklistPage(a model.Member) {
	pdf, t, v := p.pdf, p.t, p.v
	pdf.AddPage()
	pdf.SetXY(pdfLeft, pdfTop+4)
	pdf.SetFont(pdfFont, "B", 14)
	pdf.CellFormat(pdfWidth, 8, t("pdf.checklist_title"), "", 1, "C", false, 0, "")
	pdf.SetFont(pdfFont, "B", 12)
	pdf.MultiCell(pdfWidth, 6, v.Meeting.Title+" · "+v.Meeting.Date.Display(), "", "C", false)
	pdf.Ln(2)
	pdf.SetFont(pdfFont, "", 12)
	who := a.Name
	if a.Title != "" {
		who += ", " + a.Title
	}
	pdf.MultiCell(pdfWidth, 6.5, t("pdf.recipient", who), "", "L", false)
	pdf.MultiCell(pdfWidth, 6.5, t("pdf.deadline")+" "+t("pdf.deadline_value",
		v.Assessment.Deadline.Display(), v.Assessment.Practical.Display()), "", "L", false)
	pdf.Ln(3)

	widths := []float64{11, 50, 11, 25, 25, 25, 18}
	p.row(widths, true, t("pdf.col_no"), t("pdf.col_material"), t("pdf.col_version"),
		t("pdf.col_sent"), t("pdf.col_channel"), t("pdf.col_received"), t("pdf.col_sign"))
	for j := range v.Materials {
		ver, d := v.Cell(j, a.ID)
		version, sent, channel, received := "", "", "", ""
		if ver != nil {
			version = strconv.Itoa(ver.Version)
		}
		if d != nil && !d.SentOn.IsZero() {
			sent, channel = d.SentOn.Display(), t("meetings.channel."+string(d.Channel))
			received = d.ReceivedOn.Display()
			if v.Assessment.LateOn(d.SentOn) {
				sent += "\n" + t("pdf.late")
			}
		}
		p.row(widths, false, strconv.Itoa(j+1), v.Materials[j].Title, version, sent, channel, received, "")
	}
	pdf.Ln(10)
	pdf.SetFont(pdfFont, "B", 12)
	pdf.SetX(pdfLeft + pdfWidth/2)
	pdf.CellFormat(pdfWidth/2, 6, t("pdf.receiver"), "", 1, "C", false, 0, "")
}

// row draws one table row with every cell wrapped to its width and the
// row as tall as its tallest cell, on a new page when it does not fit.
func (p *meetingPrint) row(widths []float64, head bool, cells ...string) {
	pdf := p.pdf
	const lineH = 5.5
	style := ""
	if head {
		style = "B"
	}
	pdf.SetFont(pdfFont, style, 11)
	lines := 1
	split := make([][]string, len(cells))
	for i, c := range cells {
		for _, part := range splitParagraphs(c) {
			split[i] = append(split[i], pdf.SplitText(part, widths[i]-2)...)
		}
		lines = max(lines, len(split[i]))
	}
	h := float64(lines)*lineH + 2
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+h > pageH-pdfBottom {
		pdf.AddPage()
		pdf.SetY(pdfTop + 4)
	}
	x, y := pdfLeft, pdf.GetY()
	for i := range cells {
		pdf.Rect(x, y, widths[i], h, "D")
		align := "L"
		if head || i == 0 {
			align = "C"
		}
		for k, line := range split[i] {
			pdf.SetXY(x+1, y+1+float64(k)*lineH)
			pdf.CellFormat(widths[i]-2, lineH, line, "", 0, align, false, 0, "")
		}
		x += widths[i]
	}
	pdf.SetXY(pdfLeft, y+h)
}

func splitParagraphs(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

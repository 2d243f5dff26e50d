package app

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"sotay/model"
)

// DocumentHeader is the header block of a printout: the superior body
// and the issuing body on the left, and the place of the date line on
// the right under the Party's name. It reads and writes the same vault
// settings as the Word forms, so that both print the same header.
type DocumentHeader struct {
	Superior string // "ĐẢNG BỘ TỈNH QUẢNG NINH", printed in capitals
	Issuer   string // "ỦY BAN KIỂM TRA", printed in bold capitals
	Place    string // "Hạ Long", before ", ngày … tháng … năm …"
}

// HeaderError is returned by SetDocumentHeader for a field left empty.
// Field is "superior", "issuer" or "place". Nothing was stored.
type HeaderError struct{ Field string }

func (e *HeaderError) Error() string { return fmt.Sprintf("document header: missing %s", e.Field) }

// LoadDocumentHeader returns the header stored in the vault, with the
// defaults of the Word forms for what is unset.
func LoadDocumentHeader(s *Session) (DocumentHeader, error) {
	set, err := DocSettings(s)
	if err != nil {
		return DocumentHeader{}, err
	}
	return DocumentHeader{Superior: set[SettingSuperiorBody], Issuer: set[SettingIssuingBody],
		Place: set[SettingPlace]}, nil
}

// SetDocumentHeader stores h after putting its texts in NFC. Every field
// is required, because an empty setting falls back to the default, and a
// *HeaderError names the first one missing.
func SetDocumentHeader(s *Session, h DocumentHeader) error {
	fields := []struct {
		name, key, value string
	}{
		{"superior", SettingSuperiorBody, model.Normalize(h.Superior)},
		{"issuer", SettingIssuingBody, model.Normalize(h.Issuer)},
		{"place", SettingPlace, model.Normalize(h.Place)},
	}
	for _, f := range fields {
		if f.value == "" {
			return &HeaderError{Field: f.name}
		}
	}
	for _, f := range fields {
		if err := s.SetSetting(f.key, f.value); err != nil {
			return err
		}
	}
	return nil
}

// Column geometry of the header block in millimetres. The left column
// sits a little into the left margin, as Party documents print it, and
// the right column ends at the right margin.
const (
	headerLeftX  = pdfLeft - 10
	headerLeftW  = 80.0
	headerRightX = pdfLeft + pdfWidth/2 - 5
	headerRightW = pdfWidth/2 + 5
	italicSkew   = 12.0 // degrees of slant, because the embedded font has no italic face
)

// headerBlock draws the header of the first page and returns the lowest
// y it used. Left: the superior body in capitals, the issuing body in
// bold capitals, a centred star and the meeting's number. Right: the
// Party's name in bold with a rule as long as the name, and under it the
// place and date line in italics.
func (p *meetingPrint) headerBlock(printed model.Date) float64 {
	pdf, h := p.pdf, p.h

	pdf.SetXY(headerLeftX, pdfTop)
	if h.Superior != "" {
		superior := strings.ToUpper(h.Superior)
		fitFont(pdf, "", 14, superior, headerLeftW)
		pdf.MultiCell(headerLeftW, 6.5, superior, "", "C", false)
		pdf.SetX(headerLeftX)
	}
	issuer := strings.ToUpper(h.Issuer)
	fitFont(pdf, "B", 14, issuer, headerLeftW)
	pdf.MultiCell(headerLeftW, 6.5, issuer, "", "C", false)
	pdf.SetX(headerLeftX)
	pdf.SetFont(pdfFont, "", 14)
	pdf.CellFormat(headerLeftW, 5, "*", "", 2, "C", false, 0, "")
	if n := p.v.Meeting.Number; n != "" {
		pdf.SetFont(pdfFont, "", 12)
		pdf.MultiCell(headerLeftW, 6, n, "", "C", false)
	}
	left := pdf.GetY()

	party := p.t("pdf.party")
	pdf.SetXY(headerRightX, pdfTop)
	fitFont(pdf, "B", 15, party, headerRightW)
	pdf.CellFormat(headerRightW, 6.5, party, "", 2, "C", false, 0, "")
	width := pdf.GetStringWidth(party)
	x := headerRightX + (headerRightW-width)/2
	pdf.Line(x, pdf.GetY()+0.5, x+width, pdf.GetY()+0.5)
	p.italicLine(dateLine(h.Place, printed), pdf.GetY()+3)
	return max(left, pdf.GetY())
}

// dateLine returns "Hạ Long, ngày 04 tháng 12 năm 2026", or the line
// without the place when place is empty.
func dateLine(place string, d model.Date) string {
	return strings.TrimPrefix(model.DateLine(place, d), ", ")
}

// minHeaderSize is the smallest font size, in points, fitFont shrinks a
// header line to. A body name still too wide at that size wraps, and the
// date line splits after the place.
const minHeaderSize = 12.0

// fitFont sets the font at size points, or smaller down to
// minHeaderSize, when text would not fit in width millimetres.
func fitFont(pdf *fpdf.Fpdf, style string, size float64, text string, width float64) {
	pdf.SetFont(pdfFont, style, size)
	for size > minHeaderSize && pdf.GetStringWidth(text) > width-4 {
		size -= 0.5
		pdf.SetFont(pdfFont, style, size)
	}
}

// italicLine draws the date line centred in the right column at y,
// slanted, at 14 points or smaller when a long place name needs it. When
// even the smallest size does not fit, the place goes on a line of its
// own above the date.
func (p *meetingPrint) italicLine(text string, y float64) {
	pdf := p.pdf
	fitFont(pdf, "", 14, text, headerRightW)
	lines := []string{text}
	if place, date, ok := strings.Cut(text, ", "); ok && pdf.GetStringWidth(text) > headerRightW-4 {
		lines = []string{place + ",", date}
	}

	const lineH = 6.5
	pdf.TransformBegin()
	pdf.TransformSkewX(italicSkew, headerRightX+headerRightW/2, y+float64(len(lines))*lineH/2)
	pdf.SetXY(headerRightX, y)
	for _, l := range lines {
		pdf.CellFormat(headerRightW, lineH, l, "", 2, "C", false, 0, "")
	}
	pdf.TransformEnd()
}

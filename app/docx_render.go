package app

import (
	"strings"

	"sotay/model"
)

// The two columns of the header and signature blocks, in twips: the
// text width of A4 less 30 mm and 15 mm margins is 9355.
const (
	leftCol  = 4000
	rightCol = 5355
)

// renderDocx lays out a Party document. The header block has the
// superior and issuing bodies, the number and the classification mark on
// the left, and the Party's name and the date line on the right. The
// title and the body follow, then the recipients beside the signature.
func renderDocx(t model.DocTemplate, fields, set map[string]string, class model.Classification, on model.Date) ([]byte, error) {
	title, err := fill(t.Form, t.Title, fields)
	if err != nil {
		return nil, err
	}
	body, err := fill(t.Form, t.Body, fields)
	if err != nil {
		return nil, err
	}
	recipients, err := fill(t.Form, t.Recipients, fields)
	if err != nil {
		return nil, err
	}
	d := &docxDoc{title: title + " " + fields["so"]}
	left := []paragraph{
		{align: "center", runs: []run{{text: strings.ToUpper(set[SettingSuperiorBody])}}},
		{align: "center", runs: []run{{text: strings.ToUpper(set[SettingIssuingBody]), bold: true}}},
		{align: "center", runs: []run{{text: "*"}}},
		{align: "center", runs: []run{{text: "Số " + fields["so"]}}},
	}
	if mark := class.Mark(); mark != "" {
		left = append(left, paragraph{align: "center", runs: []run{{text: mark, bold: true, color: "C00000", size: 13}}})
	}
	right := []paragraph{
		{align: "center", runs: []run{{text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: 15}}, after: 6},
		{align: "center", runs: []run{{text: model.DateLine(set[SettingPlace], on), italic: true}}},
	}
	d.addRow(cell{width: leftCol, paras: left}, cell{width: rightCol, paras: right})
	d.add(paragraph{align: "center", runs: []run{{text: title, bold: true, size: 15}}})
	for _, line := range strings.Split(body, "\n") {
		d.add(bodyParagraph(line))
	}
	d.add(paragraph{})

	var recv []paragraph
	recv = append(recv, paragraph{align: "left", runs: []run{{text: "Nơi nhận:", bold: true, italic: true, underline: true, size: 12}}})
	for _, line := range strings.Split(recipients, "\n") {
		recv = append(recv, paragraph{align: "left", runs: []run{{text: line, size: 12}}})
	}
	sign := []paragraph{
		{align: "center", runs: []run{{text: "T/M " + strings.ToUpper(set[SettingIssuingBody]), bold: true}}},
		{align: "center", runs: []run{{text: strings.ToUpper(set[SettingSignerTitle]), bold: true}}},
		{}, {}, {},
		{align: "center", runs: []run{{text: set[SettingSignerName], bold: true}}},
	}
	d.addRow(cell{width: leftCol, paras: recv}, cell{width: rightCol, paras: sign})
	return d.bytes()
}

// bodyParagraph turns one line of a template body into a paragraph.
func bodyParagraph(line string) paragraph {
	switch {
	case strings.HasPrefix(line, "# "):
		return paragraph{align: "center", runs: []run{{text: strings.ToUpper(line[2:]), bold: true}}, after: 6}
	case strings.HasPrefix(line, "## "):
		return paragraph{align: "center", runs: []run{{text: line[3:], bold: true}}, after: 6}
	case strings.HasPrefix(line, "- "):
		return paragraph{runs: []run{{text: line, italic: true}}, indent: true}
	case strings.TrimSpace(line) == "":
		return paragraph{}
	}
	return paragraph{runs: []run{{text: line}}, indent: true, after: 6}
}

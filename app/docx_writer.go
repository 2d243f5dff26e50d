package app

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// The .docx writer below produces the smallest WordprocessingML package
// (ECMA-376, Office Open XML) that Word and LibreOffice open without a
// repair prompt: content types, package and document relationships,
// styles, settings, one header with the page number, core and app
// properties. docs/DOCX-FORMAT.md describes every part.

// run is a stretch of text with one formatting. Size is in points; 0
// keeps the paragraph style's 14 pt.
type run struct {
	text                    string
	bold, italic, underline bool
	size                    int
	color                   string
}

// paragraph is one paragraph. Align is "left", "center", "right" or
// "both" (justified); indent puts the first line 1 cm in.
type paragraph struct {
	align  string
	runs   []run
	indent bool
	after  int // space after, in points
}

// cell is one cell of a borderless layout table, width in twips.
type cell struct {
	width int
	paras []paragraph
}

// block is a paragraph or a row of cells, the two things a body holds.
type block struct {
	para *paragraph
	row  []cell
}

// docxDoc is a document being assembled.
type docxDoc struct {
	blocks []block
	title  string
}

func (d *docxDoc) add(p paragraph)  { d.blocks = append(d.blocks, block{para: &p}) }
func (d *docxDoc) addRow(c ...cell) { d.blocks = append(d.blocks, block{row: c}) }

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (r run) xml() string {
	var props strings.Builder
	if r.bold {
		props.WriteString("<w:b/><w:bCs/>")
	}
	if r.italic {
		props.WriteString("<w:i/><w:iCs/>")
	}
	if r.underline {
		props.WriteString(`<w:u w:val="single"/>`)
	}
	if r.color != "" {
		fmt.Fprintf(&props, `<w:color w:val="%s"/>`, r.color)
	}
	if r.size > 0 {
		fmt.Fprintf(&props, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, 2*r.size, 2*r.size)
	}
	return fmt.Sprintf(`<w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, props.String(), esc(r.text))
}

func (p paragraph) xml() string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="%d" w:line="276" w:lineRule="auto"/>`, 20*p.after)
	if p.indent {
		b.WriteString(`<w:ind w:firstLine="567"/>`)
	}
	align := p.align
	if align == "" {
		align = "both"
	}
	fmt.Fprintf(&b, `<w:jc w:val="%s"/></w:pPr>`, align)
	for _, r := range p.runs {
		b.WriteString(r.xml())
	}
	b.WriteString("</w:p>")
	return b.String()
}

func rowXML(cells []cell) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>` +
		`<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid>`)
	for _, c := range cells {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, c.width)
	}
	b.WriteString("</w:tblGrid><w:tr>")
	for _, c := range cells {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, c.width)
		if len(c.paras) == 0 {
			c.paras = []paragraph{{}}
		}
		for _, p := range c.paras {
			b.WriteString(p.xml())
		}
		b.WriteString("</w:tc>")
	}
	b.WriteString("</w:tr></w:tbl>")
	return b.String()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// A4 with the margins of a Party document: top and bottom 20 mm, left
// 30 mm, right 15 mm (1 mm is 56.7 twips). titlePg leaves the first
// page without the page-number header.
const sectPr = `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/>` +
	`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>` +
	`<w:titlePg/></w:sectPr>`

func (d *docxDoc) documentXML() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:document ` + wNS + `><w:body>`)
	for _, bl := range d.blocks {
		if bl.para != nil {
			b.WriteString(bl.para.xml())
		} else {
			b.WriteString(rowXML(bl.row))
			b.WriteString(paragraph{}.xml())
		}
	}
	b.WriteString(sectPr + `</w:body></w:document>`)
	return b.String()
}

var docxStatic = map[string]string{
	"[Content_Types].xml": xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`,
	"_rels/.rels": xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`,
	"word/_rels/document.xml.rels": xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
		`</Relationships>`,
	"word/styles.xml": xml.Header + `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
		`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
		`<w:tblPr><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`,
	"word/settings.xml": xml.Header + `<w:settings ` + wNS + `><w:defaultTabStop w:val="720"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
	"word/header1.xml": xml.Header + `<w:hdr ` + wNS + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`,
	"docProps/app.xml": xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>So tay Kiem tra</Application></Properties>`,
}

// bytes returns the .docx package. The parts are written in a fixed
// order with a fixed time, so the same document gives the same bytes.
func (d *docxDoc) bytes() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxStatic["[Content_Types].xml"]},
		{"_rels/.rels", docxStatic["_rels/.rels"]},
		{"word/document.xml", d.documentXML()},
		{"word/_rels/document.xml.rels", docxStatic["word/_rels/document.xml.rels"]},
		{"word/styles.xml", docxStatic["word/styles.xml"]},
		{"word/settings.xml", docxStatic["word/settings.xml"]},
		{"word/header1.xml", docxStatic["word/header1.xml"]},
		{"docProps/core.xml", xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + esc(d.title) + `</dc:title></cp:coreProperties>`},
		{"docProps/app.xml", docxStatic["docProps/app.xml"]},
	}
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package app

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// demoPDF returns a one-page PDF with a few lines of text. The standard
// Helvetica font has no Vietnamese letters, so the text is ASCII.
func demoPDF(code, number string) []byte {
	lines := []string{
		"DANG CONG SAN VIET NAM",
		"UY BAN KIEM TRA",
		"So " + asciiOnly(number),
		"QUYET DINH thanh lap Doan kiem tra",
		"Ho so: " + asciiOnly(code),
		"(Tai lieu mau do So tay Kiem tra tao ra)",
	}
	var text strings.Builder
	text.WriteString("BT /F1 14 Tf 72 770 Td 20 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&text, "(%s) Tj T*\n", l)
	}
	text.WriteString("ET\n")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", text.Len(), text.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && r != '(' && r != ')' && r != '\\' {
			b.WriteRune(r)
		} else if r >= 128 {
			b.WriteByte('?')
		}
	}
	return b.String()
}

// demoDOCX returns a minimal Word document with a title and one
// paragraph, in Vietnamese.
func demoDOCX(title, subject string) []byte {
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			docxParagraph("KẾ HOẠCH", true) + docxParagraph(title, true) +
			docxParagraph("Đối tượng: "+subject, false) +
			docxParagraph("Tài liệu mẫu do Sổ tay Kiểm tra tạo ra.", false) +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, _ := zw.Create(f.name)
		w.Write([]byte(f.body))
	}
	zw.Close()
	return b.Bytes()
}

func docxParagraph(text string, bold bool) string {
	props := ""
	if bold {
		props = "<w:rPr><w:b/></w:rPr>"
	}
	return `<w:p><w:r>` + props + `<w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r></w:p>`
}

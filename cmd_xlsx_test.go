package main

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCLIExportImportDoc exports the demo vault's cases with `sotay
// export xlsx`, imports them into an empty vault with nothing lost, and
// makes a document with `sotay doc`.
func TestCLIExportImportDoc(t *testing.T) {
	root := t.TempDir()
	demo, empty := filepath.Join(root, "mẫu"), filepath.Join(root, "trống")
	twice := cliPass + "\n" + cliPass + "\n"
	if _, errOut, code := runSotay(t, twice, "demo", "--vault", demo); code != 0 {
		t.Fatalf("demo: code %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runSotay(t, twice, "init", "--vault", empty); code != 0 {
		t.Fatalf("init: code %d, stderr %q", code, errOut)
	}
	book := filepath.Join(root, "hồ sơ.xlsx")
	if _, errOut, code := runSotay(t, cliPass+"\n", "export", "xlsx", "--vault", demo, "--what", "cases", "--out", book); code != 0 {
		t.Fatalf("export: code %d, stderr %q", code, errOut)
	}
	out, errOut, code := runSotay(t, cliPass+"\n", "import", "xlsx", book, "--vault", empty, "--what", "cases")
	if code != 0 || !strings.Contains(out, "Đã thêm 12, cập nhật 0") {
		t.Fatalf("import: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = runSotay(t, cliPass+"\n", "import", "xlsx", book, "--vault", empty, "--what", "cases")
	if code != 0 || !strings.Contains(out, "Đã thêm 0, cập nhật 12") {
		t.Errorf("second import: code %d, stdout %q", code, out)
	}
	if a, b := caseRows(t, demo), caseRows(t, empty); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("cases differ after the round trip:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}

	if _, errOut, code := runSotay(t, cliPass+"\n", "export", "xlsx", "--vault", demo, "--what", "lich", "--out", book); code != 2 || !strings.Contains(errOut, "lich") {
		t.Errorf("unknown table: code %d, stderr %q", code, errOut)
	}

	docx := filepath.Join(root, "quyết định.docx")
	out, errOut, code = runSotay(t, cliPass+"\n", "doc", "--vault", demo, "--case", "HS-2026-003", "--form", "quyet-dinh", "--out", docx)
	if code != 0 || !strings.Contains(out, "-QĐ/UBKT") {
		t.Fatalf("doc: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if r, err := zip.OpenReader(docx); err != nil {
		t.Errorf("doc output is not a .docx package: %v", err)
	} else {
		r.Close()
	}
	if _, errOut, code := runSotay(t, cliPass+"\n", "doc", "--vault", demo, "--case", "HS-2026-003", "--form", "khong-co", "--out", docx); code != 1 || !strings.Contains(errOut, "--list-forms") {
		t.Errorf("unknown form: code %d, stderr %q", code, errOut)
	}
	out, _, code = runSotay(t, cliPass+"\n", "doc", "--list-forms", "--vault", demo)
	if code != 0 || !strings.Contains(out, "thong-bao-ket-luan") {
		t.Errorf("list forms: code %d, stdout %q", code, out)
	}
}

// caseRows returns the cases of a vault as sorted lines of the fields an
// Excel round trip keeps.
func caseRows(t *testing.T, dir string) []string {
	t.Helper()
	out, errOut, code := runSotay(t, cliPass+"\n", "cases", "--vault", dir, "--format", "json")
	var cases []caseJSON
	if err := json.Unmarshal([]byte(out), &cases); err != nil || code != 0 {
		t.Fatalf("cases: %v, code %d, stderr %q", err, code, errOut)
	}
	var rows []string
	for _, c := range cases {
		rows = append(rows, strings.Join([]string{c.Code, c.Title, c.Kind, c.Status, c.Classification, c.Subject, c.Start, c.End}, "|"))
	}
	sort.Strings(rows)
	return rows
}

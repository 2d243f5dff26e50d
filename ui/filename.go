package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// safeFileName returns a name that a save dialog can suggest on Linux and
// Windows for a document name or number such as "Quyết định 05-QĐ/UBKT.pdf".
// Path separators and the characters Windows rejects (: * ? " < > |)
// become "-". Control characters are dropped, and so are the trailing dots
// and spaces that Windows strips. Vietnamese letters stay.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r):
			return '-'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, name)
	name = strings.TrimRight(strings.TrimSpace(name), ". ")
	if name == "" {
		return "tai-lieu"
	}
	return name
}

// chooseSaveFile opens a save dialog that suggests name, made safe for a
// file name, and calls chosen with the file the user picked. The dialog
// has already created that file empty. fail receives a dialog error.
func (w *window) chooseSaveFile(name string, fail func(error), chosen func(fyne.URI)) {
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			fail(err)
			return
		}
		if wc == nil {
			return
		}
		uri := wc.URI()
		wc.Close()
		chosen(uri)
	}, w.win)
	save.SetFileName(safeFileName(name))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// A file dialog records the folder it shows in the app's preferences,
// which are saved as plain text. A folder named after a case must stay in
// memory, while the app's own settings are still saved.
func TestToolkitPreferencesStayInMemory(t *testing.T) {
	inner := test.NewApp()
	t.Cleanup(func() { fyne.SetCurrentApp(inner) })
	const lastFolder = toolkitPrefix + "fileDialogLastFolder"
	inner.Preferences().SetString(lastFolder, "file:///media/usb/Hồ sơ cũ")

	fa := SealPreferences(inner)
	if got := inner.Preferences().String(lastFolder); got != "" {
		t.Errorf("the folder an earlier version saved is still there: %q", got)
	}
	fa.Preferences().SetString(prefLanguage, "en")
	if got := inner.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("the language was not saved: %q", got)
	}

	dir := filepath.Join(t.TempDir(), "Hồ sơ kiểm tra đồng chí Trần Văn Hai")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("thử")
	win.Resize(fyne.NewSize(900, 700))
	d := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, win)
	lister, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(lister)
	d.Show()
	if got := fa.Preferences().String(lastFolder); !strings.Contains(got, "Trần Văn Hai") {
		t.Fatalf("the dialog did not record its folder through the app (%q), so this test checks nothing", got)
	}
	if got := inner.Preferences().String(lastFolder); got != "" {
		t.Errorf("the case folder reached the saved preferences: %q", got)
	}
	d.Hide()
}

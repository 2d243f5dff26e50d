package ui

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"sotay/assets"
)

// setToolkitLanguage makes the toolkit's own strings (the titles and
// buttons of file and confirm dialogs, weekday names) follow the app's
// language setting instead of the OS locale.
//
// Fyne 2.7 picks the registered translation closest to the OS locale and
// has no call to choose another. So the strings of l are registered
// under the OS locale and under "vi" and "en", replacing what those
// held, and whichever one the toolkit picks reads in l.
func setToolkitLanguage(l assets.Language) {
	data := assets.FyneVietnamese
	if l == assets.English {
		data = assets.FyneEnglish
	}
	for _, locale := range []fyne.Locale{"vi", "en", lang.SystemLocale()} {
		if err := lang.AddTranslationsForLocale(data, locale); err != nil {
			slog.Warn("toolkit translations not loaded", "locale", locale, "err", err)
		}
	}
}

package ui

import (
	"strings"

	"sotay/assets"
)

// tn returns the message for key formatted with args, choosing the
// singular form key+".one" when count is 1. English needs it ("1 working
// day", "2 working days"). Vietnamese nouns do not inflect, so its ".one"
// texts repeat the plain ones. Every key passed here needs a ".one" form
// in both languages, which TestCountedKeysHaveSingular checks.
func (w *window) tn(key string, count int, args ...any) string {
	if count == 1 {
		key += ".one"
	}
	return w.t(key, args...)
}

// decimal writes the decimal mark of a figure as the language does:
// "87,5" in Vietnamese, "87.5" in English. The entries that read figures
// accept both marks.
func (w *window) decimal(figure string) string {
	if w.cat.Language() == assets.English {
		return figure
	}
	return strings.Replace(figure, ".", ",", 1)
}

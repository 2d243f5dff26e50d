package ui

import (
	"strings"
	"unicode"
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

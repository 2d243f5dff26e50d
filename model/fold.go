package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFC with surrounding space trimmed. Every
// text is stored normalised, so that text typed through an input method
// that sends decomposed letters (NFD) compares equal to the same text
// typed directly.
func Normalize(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// Fold returns s lower-cased with every Vietnamese tone and vowel mark
// removed and đ turned into d, so that "dang vien" matches "Đảng viên".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteRune('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// FoldedTerms splits a search query into folded words, dropping anything
// that is not a letter or a digit.
func FoldedTerms(query string) []string {
	return strings.FieldsFunc(Fold(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

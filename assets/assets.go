// Package assets holds what the binary embeds besides code: the icon and
// the translations of every user-visible string, Vietnamese first and
// English second.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

//go:embed icon.png
var Icon []byte

//go:embed translations/*.json
var translations embed.FS

// FyneVietnamese translates the toolkit's own strings (the buttons and
// titles of its file dialogs, the days of the week) into Vietnamese,
// which Fyne does not ship.
//
//go:embed fyne/base.vi.json
var FyneVietnamese []byte

// FyneEnglish contains the same toolkit strings in English. The toolkit
// ships them too, but the window registers them over the OS locale when
// the app's language setting is English, so that a Vietnamese OS still
// shows English dialogs.
//
//go:embed fyne/base.en.json
var FyneEnglish []byte

// Language is a language the app is translated into.
type Language string

// The languages, Vietnamese being the default.
const (
	Vietnamese Language = "vi"
	English    Language = "en"
)

// Languages lists the languages in the order settings offer them.
var Languages = []Language{Vietnamese, English}

// Catalog translates message keys into one language. It is safe for use
// by several goroutines once made.
type Catalog struct {
	lang     Language
	messages map[string]string
	fallback map[string]string
}

// NewCatalog returns the catalog of lang, or of Vietnamese when lang is not
// a known language.
func NewCatalog(lang Language) *Catalog {
	if lang != English {
		lang = Vietnamese
	}
	return &Catalog{lang: lang, messages: load(lang), fallback: load(Vietnamese)}
}

// Language returns the catalog's language.
func (c *Catalog) Language() Language { return c.lang }

// T returns the message for key, formatted with args as by fmt.Sprintf.
// A key missing from the language falls back to Vietnamese, and a key
// missing there too is returned as it is, so a gap shows, never crashes.
func (c *Catalog) T(key string, args ...any) string {
	msg, ok := c.messages[key]
	if !ok {
		msg, ok = c.fallback[key]
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether key is translated in c's language.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[key]
	return ok
}

// Keys returns every key of lang's file.
func Keys(lang Language) []string {
	var keys []string
	for k := range load(lang) {
		keys = append(keys, k)
	}
	return keys
}

// load merges the translation files of lang: translations/AREA.LANG.json,
// one file per area of the app, each key in exactly one file.
func load(lang Language) map[string]string {
	names, err := fs.Glob(translations, "translations/*."+string(lang)+".json")
	if err != nil || len(names) == 0 {
		panic("assets: missing translations for " + string(lang))
	}
	m := map[string]string{}
	for _, name := range names {
		b, err := translations.ReadFile(name)
		if err != nil {
			panic("assets: " + name + ": " + err.Error())
		}
		part := map[string]string{}
		if err := json.Unmarshal(b, &part); err != nil {
			panic("assets: " + name + ": " + err.Error())
		}
		for k, v := range part {
			if _, dup := m[k]; dup {
				panic("assets: " + name + ": key " + k + " is also in another file")
			}
			m[k] = v
		}
	}
	return m
}

// LanguageFromEnvironment returns English when the OS locale names it
// (LC_ALL, LC_MESSAGES, LANG or LANGUAGE starting with "en") and
// Vietnamese otherwise, including for the "C" and "POSIX" locales and
// an unset environment.
func LanguageFromEnvironment() Language {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v := os.Getenv(name)
		if v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			continue
		}
		if strings.HasPrefix(v, "en") {
			return English
		}
		return Vietnamese
	}
	return Vietnamese
}

package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// toolkitPrefix is the prefix of the keys that the toolkit stores in the
// app's preferences. Its file dialogs store the last folder they showed
// under "fyne:fileDialogLastFolder", and a folder on a stick can be named
// after a case ("Hồ sơ kiểm tra đồng chí …"). The preferences file is
// plain JSON in the user's configuration folder, outside the vault.
const toolkitPrefix = "fyne:"

// SealPreferences keeps the toolkit's own preference values in memory
// for the life of the process, so that no folder name reaches the
// preferences file. It also removes the folder an earlier version saved
// there. The app's own keys, such as the language, are still saved. The
// returned app becomes the current one, which the toolkit's dialogs read.
func SealPreferences(fa fyne.App) fyne.App {
	fa.Preferences().RemoveValue(toolkitPrefix + "fileDialogLastFolder")
	sealed := &sealedApp{App: fa, prefs: &sealedPreferences{Preferences: fa.Preferences(), memory: map[string]any{}}}
	fyne.SetCurrentApp(sealed)
	return sealed
}

type sealedApp struct {
	fyne.App
	prefs *sealedPreferences
}

func (a *sealedApp) Preferences() fyne.Preferences { return a.prefs }

// sealedPreferences passes every key to the saved preferences except
// the toolkit's string and integer keys, which it keeps in memory.
type sealedPreferences struct {
	fyne.Preferences
	mu     sync.Mutex
	memory map[string]any
}

func sealed(key string) bool { return strings.HasPrefix(key, toolkitPrefix) }

func (p *sealedPreferences) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.memory[key]
	return v, ok
}

func (p *sealedPreferences) set(key string, v any) {
	p.mu.Lock()
	p.memory[key] = v
	p.mu.Unlock()
}

func (p *sealedPreferences) String(key string) string { return p.StringWithFallback(key, "") }

func (p *sealedPreferences) StringWithFallback(key, fallback string) string {
	if !sealed(key) {
		return p.Preferences.StringWithFallback(key, fallback)
	}
	if v, ok := p.get(key); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return fallback
}

func (p *sealedPreferences) SetString(key, value string) {
	if !sealed(key) {
		p.Preferences.SetString(key, value)
		return
	}
	p.set(key, value)
}

func (p *sealedPreferences) Int(key string) int { return p.IntWithFallback(key, 0) }

func (p *sealedPreferences) IntWithFallback(key string, fallback int) int {
	if !sealed(key) {
		return p.Preferences.IntWithFallback(key, fallback)
	}
	if v, ok := p.get(key); ok {
		if n, ok := v.(int); ok {
			return n
		}
	}
	return fallback
}

func (p *sealedPreferences) SetInt(key string, value int) {
	if !sealed(key) {
		p.Preferences.SetInt(key, value)
		return
	}
	p.set(key, value)
}

func (p *sealedPreferences) RemoveValue(key string) {
	if !sealed(key) {
		p.Preferences.RemoveValue(key)
		return
	}
	p.mu.Lock()
	delete(p.memory, key)
	p.mu.Unlock()
}

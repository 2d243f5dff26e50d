// Package localeenv gives the process a locale that Fyne can parse when
// the OS reports "C", "POSIX" or none at all.
//
// Fyne reads the locale while its packages initialise, before main runs,
// and logs an error for "C". Go initialises the packages that are ready
// in the order of their import paths, and "localeenv" sorts before
// "fyne.io", so this package's init runs first. It is a module of its
// own because every package of the sotay module sorts after "fyne.io".
// The app's own language setting does not depend on this.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	unusable := func(v string) bool {
		return v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.")
	}
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); unusable(v) {
			os.Unsetenv(name)
		}
	}
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	os.Setenv("LANG", "vi_VN.UTF-8")
}

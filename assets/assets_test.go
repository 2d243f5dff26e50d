package assets

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestLanguagesHaveTheSameKeys(t *testing.T) {
	vi, en := Keys(Vietnamese), Keys(English)
	sort.Strings(vi)
	sort.Strings(en)
	if strings.Join(vi, "\n") != strings.Join(en, "\n") {
		missing := map[string]bool{}
		for _, k := range vi {
			missing[k] = true
		}
		for _, k := range en {
			if !missing[k] {
				t.Errorf("%s is in English only", k)
			}
			delete(missing, k)
		}
		for k := range missing {
			t.Errorf("%s is in Vietnamese only", k)
		}
	}
}

// keyPattern matches literal keys passed to a catalog, as t("…") in ui
// and T("…") elsewhere.
var keyPattern = regexp.MustCompile(`\b[tT]\("([a-z_]+\.[a-z_.0-9]+)"`)

func TestEveryUsedKeyIsTranslated(t *testing.T) {
	cat := NewCatalog(Vietnamese)
	root := filepath.Join("..")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyPattern.FindAllStringSubmatch(string(b), -1) {
			if !cat.Has(m[1]) && !strings.HasSuffix(m[1], ".") {
				t.Errorf("%s: key %q has no Vietnamese text", path, m[1])
			}
		}
		return nil
	})
}

func TestCatalogFallsBack(t *testing.T) {
	if got := NewCatalog("fr").Language(); got != Vietnamese {
		t.Errorf("unknown language gives %q, want vi", got)
	}
	if got := NewCatalog(English).T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key gives %q", got)
	}
	if got := NewCatalog(Vietnamese).T("err.wrong_passphrase"); !strings.HasPrefix(got, "Sai mật khẩu") {
		t.Errorf("wrong passphrase reads %q", got)
	}
	if got := NewCatalog(English).T("err.wrong_passphrase"); !strings.HasPrefix(got, "Wrong passphrase") {
		t.Errorf("English wrong passphrase reads %q", got)
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want Language
	}{{"C", Vietnamese}, {"", Vietnamese}, {"POSIX", Vietnamese}, {"en_US.UTF-8", English}, {"vi_VN.UTF-8", Vietnamese}} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", tt.lang)
		if got := LanguageFromEnvironment(); got != tt.want {
			t.Errorf("LANG=%q gives %q, want %q", tt.lang, got, tt.want)
		}
	}
}

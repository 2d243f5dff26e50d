package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// appDetails is the [Details] table of FyneApp.toml, the file in which
// Fyne keeps an app's name, ID, version, build number and icon.
type appDetails struct {
	Name, ID, Version, Icon string
	Build                   int
}

// readDetails reads the [Details] table of a FyneApp.toml file. It
// accepts the subset of TOML that the file uses: tables, comments, and
// keys with basic strings or integers as values.
//
// NOTE: the module does not require a TOML library, so this small
// reader replaces one. It rejects what it does not understand
// (multi-line strings, arrays, inline tables) in [Details] rather than
// guessing, and skips other tables unread.
func readDetails(path string) (appDetails, error) {
	f, err := os.Open(path)
	if err != nil {
		return appDetails{}, err
	}
	defer f.Close()

	var details appDetails
	table := ""
	scanner := bufio.NewScanner(f)
	for lineNumber := 1; scanner.Scan(); lineNumber++ {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			table = strings.TrimSpace(strings.Trim(line, "[]"))
			continue
		}
		if table != "Details" {
			continue
		}
		if err := details.set(line); err != nil {
			return appDetails{}, fmt.Errorf("%s:%d: %w", path, lineNumber, err)
		}
	}
	if err := scanner.Err(); err != nil {
		return appDetails{}, err
	}

	if details.Name == "" || details.ID == "" || details.Icon == "" {
		return appDetails{}, fmt.Errorf("%s: [Details] needs Name, ID and Icon", path)
	}
	return details, nil
}

// set stores one `key = value` line of the [Details] table.
func (d *appDetails) set(line string) error {
	key, value, ok := strings.Cut(line, "=")
	if !ok {
		return fmt.Errorf("invalid line %q: expected key = value", line)
	}
	key = strings.TrimSpace(key)
	value = strings.TrimSpace(value)

	if key == "Build" {
		build, err := strconv.Atoi(stripComment(value))
		if err != nil {
			return fmt.Errorf("invalid Build %q: expected an integer", value)
		}
		d.Build = build
		return nil
	}

	text, err := parseString(value)
	if err != nil {
		return fmt.Errorf("invalid %s: %w", key, err)
	}
	switch key {
	case "Name":
		d.Name = text
	case "ID":
		d.ID = text
	case "Version":
		d.Version = text
	case "Icon":
		d.Icon = text
	}
	return nil
}

// parseString decodes a TOML basic string ("…", with the escapes that
// Go's string literals share) or literal string ('…', no escapes),
// followed by an optional comment.
func parseString(value string) (string, error) {
	switch {
	case strings.HasPrefix(value, `"""`), strings.HasPrefix(value, `'''`):
		return "", fmt.Errorf("multi-line strings are not supported: %s", value)
	case strings.HasPrefix(value, `'`):
		end := strings.Index(value[1:], `'`) + 1
		if end == 0 {
			return "", fmt.Errorf("unterminated string %s", value)
		}
		if stripComment(value[end+1:]) != "" {
			return "", fmt.Errorf("unexpected text after the string %s", value)
		}
		return value[1:end], nil
	case strings.HasPrefix(value, `"`):
		end := closingQuote(value)
		if end < 0 {
			return "", fmt.Errorf("unterminated string %s", value)
		}
		if stripComment(value[end+1:]) != "" {
			return "", fmt.Errorf("unexpected text after the string %s", value)
		}
		return strconv.Unquote(value[:end+1])
	}
	return "", fmt.Errorf("expected a quoted string, got %s", value)
}

// closingQuote returns the index of the quote that ends the basic string
// at the start of value, or -1.
func closingQuote(value string) int {
	for i := 1; i < len(value); i++ {
		switch value[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func stripComment(value string) string {
	before, _, _ := strings.Cut(value, "#")
	return strings.TrimSpace(before)
}

// fileVersion is the four-part version number that Windows shows in a
// file's properties.
type fileVersion [4]uint16

func (v fileVersion) String() string {
	return fmt.Sprintf("%d.%d.%d.%d", v[0], v[1], v[2], v[3])
}

// parseVersion turns FyneApp.toml's Version ("1.2.3", at most three
// parts) and Build number into a Windows file version 1.2.3.Build.
func parseVersion(version string, build int) (fileVersion, error) {
	var v fileVersion
	if version == "" {
		return v, fmt.Errorf("[Details] needs a Version such as 1.0.0")
	}
	parts := strings.Split(version, ".")
	if len(parts) > 3 {
		return v, fmt.Errorf("invalid Version %q: expected at most three numbers, as in 1.2.3", version)
	}
	for i, part := range parts {
		n, err := strconv.ParseUint(part, 10, 16)
		if err != nil {
			return v, fmt.Errorf("invalid Version %q: %q is not a number from 0 to 65535", version, part)
		}
		v[i] = uint16(n)
	}
	if build < 0 || build > 65535 {
		return v, fmt.Errorf("invalid Build %d: expected 0 to 65535", build)
	}
	v[3] = uint16(build)
	return v, nil
}

package ical

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A property is one unfolded content line: NAME;PARAM=VALUE:value.
type property struct {
	name   string              // upper case
	params map[string][]string // keys upper case, values unquoted
	value  string              // still escaped, as written
	line   int                 // 1-based physical line where it starts
}

// param returns the first value of the parameter named key, or "".
func (p property) param(key string) string {
	if v := p.params[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// A logicalLine is a content line after unfolding and decoding.
type logicalLine struct {
	text string
	line int
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// unfold splits data into logical lines. Lines may end in CRLF, LF or a
// lone CR, and the last one may lack an ending. A line that starts with a
// space or a tab continues the previous one (RFC 5545 section 3.1). The
// bytes are joined before decoding, so a fold inside a multi-byte UTF-8
// character is harmless.
func unfold(data []byte) []logicalLine {
	data = bytes.TrimPrefix(data, utf8BOM)

	var lines []logicalLine
	var current []byte
	start := 0
	flush := func() {
		if start > 0 {
			lines = append(lines, logicalLine{text: decode(current), line: start})
		}
	}

	physical := 0
	for len(data) > 0 {
		physical++
		end := bytes.IndexAny(data, "\r\n")
		var raw []byte
		if end < 0 {
			raw, data = data, nil
		} else {
			raw = data[:end]
			if data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
				end++
			}
			data = data[end+1:]
		}

		if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') && start > 0 {
			current = append(current, raw[1:]...)
			continue
		}
		flush()
		current = append(current[:0:0], raw...)
		start = physical
	}
	flush()
	return lines
}

// decode returns b as a string. Bytes that are not valid UTF-8 are read as
// Windows-1252, the usual encoding of such files, which agrees with
// Latin-1 outside 0x80–0x9F.
func decode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(windows1252(b[0]))
			b = b[1:]
			continue
		}
		sb.WriteRune(r)
		b = b[size:]
	}
	return sb.String()
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252 to Unicode. Unassigned
// bytes keep their Latin-1 (C1 control) meaning.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func windows1252(b byte) rune {
	if b >= 0x80 && b <= 0x9F {
		return cp1252[b-0x80]
	}
	return rune(b)
}

// parseLine splits a logical line into name, parameters and value.
func parseLine(l logicalLine) (property, error) {
	p, err := splitLine(l)
	if err != nil && strings.HasSuffix(l.text, `"`) {
		// Exchange has written DTSTART;TZID="Zone:20200609T090000",
		// with the value inside the quotes. Move the last colon out.
		open := strings.LastIndexByte(l.text[:len(l.text)-1], '"')
		colon := strings.LastIndexByte(l.text, ':')
		if open >= 0 && colon > open {
			fixed := l.text[:colon] + `":` + l.text[colon+1:len(l.text)-1]
			if q, err2 := splitLine(logicalLine{text: fixed, line: l.line}); err2 == nil {
				return q, nil
			}
		}
	}
	return p, err
}

func splitLine(l logicalLine) (property, error) {
	s := l.text
	p := property{line: l.line}

	i := strings.IndexAny(s, ";:")
	if i <= 0 {
		return p, fmt.Errorf("invalid content line %q: expected NAME:value", clip(s))
	}
	p.name = strings.ToUpper(s[:i])
	if !isName(p.name) {
		return p, fmt.Errorf("invalid property name %q", clip(s[:i]))
	}
	s = s[i:]

	for s[0] == ';' {
		var err error
		s, err = p.parseParam(s[1:])
		if err != nil {
			return p, err
		}
		if s == "" {
			return p, fmt.Errorf("property %s has no value: missing ':'", p.name)
		}
	}
	p.value = s[1:]
	return p, nil
}

// parseParam reads one NAME=value[,value...] and returns the rest of the
// line, which starts with ';' or ':' or is empty.
func (p *property) parseParam(s string) (string, error) {
	eq := strings.IndexByte(s, '=')
	if eq <= 0 || !isName(s[:eq]) {
		return "", fmt.Errorf("invalid parameter in property %s", p.name)
	}
	key := strings.ToUpper(s[:eq])
	s = s[eq+1:]

	for {
		var value string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return "", fmt.Errorf("unterminated quoted parameter %s in property %s", key, p.name)
			}
			value, s = s[1:end+1], s[end+2:]
		} else {
			end := strings.IndexAny(s, ",;:")
			if end < 0 {
				return "", fmt.Errorf("property %s has no value: missing ':'", p.name)
			}
			value, s = s[:end], s[end:]
		}
		if p.params == nil {
			p.params = make(map[string][]string)
		}
		p.params[key] = append(p.params[key], unescapeParam(value))

		if s == "" || s[0] != ',' {
			return s, nil
		}
		s = s[1:]
	}
}

// isName reports whether s is a valid property or parameter name:
// letters, digits and hyphens (RFC 5545 section 3.1).
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '-' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// unescapeParam decodes the ^n, ^' and ^^ escapes of RFC 6868.
func unescapeParam(s string) string {
	if !strings.Contains(s, "^") {
		return s
	}
	r := strings.NewReplacer("^n", "\n", "^N", "\n", "^'", `"`, "^^", "^")
	return r.Replace(s)
}

// unescapeText decodes a TEXT value: \n or \N is a newline, and \\, \;
// and \, stand for themselves. An unknown escape keeps its character.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			sb.WriteByte('\n')
		default:
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}

// clip shortens s for use in a warning.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

package vault

import "unicode/utf8"

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it by default: invalid UTF-8 becomes U+FFFD, and besides the
// quote, the backslash and the control characters, "<", ">", "&", U+2028
// and U+2029 are escaped too.
func appendJSONString(dst []byte, s string) []byte {
	return appendJSON(dst, s)
}

// appendJSONBytes is appendJSONString for text the driver returns as
// bytes, without converting it to a string first.
func appendJSONBytes(dst, b []byte) []byte {
	return appendJSON(dst, b)
}

const hexDigits = "0123456789abcdef"

func appendJSON[T string | []byte](dst []byte, s T) []byte {
	dst = append(dst, '"')
	plain := 0 // start of the bytes not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			esc := asciiEscape(c)
			if esc == "" {
				i++
				continue
			}
			dst = append(dst, s[plain:i]...)
			if esc == "u" {
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			} else {
				dst = append(dst, esc...)
			}
			i++
			plain = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[plain:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[plain:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		plain = i
	}
	dst = append(dst, s[plain:]...)
	return append(dst, '"')
}

// asciiEscape returns the escape of an ASCII byte: "" when it stands for
// itself, "u" for the \u00XX form, else the short form.
func asciiEscape(c byte) string {
	switch c {
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '<', '>', '&':
		return "u"
	}
	if c < 0x20 {
		return "u"
	}
	return ""
}

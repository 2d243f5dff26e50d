package ical

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A tzTransition is the onset of a VTIMEZONE observance.
type tzTransition struct {
	at     time.Time // instant, UTC
	from   int       // TZOFFSETFROM, seconds east of UTC
	to     int       // TZOFFSETTO
	isDST  bool
	abbrev string
}

// maxZoneYear is the last year for which VTIMEZONE rules are expanded.
const maxZoneYear = 2100

// observanceTransitions returns the onsets of one STANDARD or DAYLIGHT
// block: its DTSTART, the starts of its RRULE until maxZoneYear, and its
// RDATEs. The wall-clock times are in the TZOFFSETFROM offset.
func observanceTransitions(obs *component) ([]tzTransition, error) {
	var t tzTransition
	var start time.Time
	var rule *RRule
	var rdates []time.Time
	t.isDST = obs.name == "DAYLIGHT"

	for _, p := range obs.props {
		var err error
		switch p.name {
		case "DTSTART":
			start, _, err = parseLocalDateTime(p.value)
		case "TZOFFSETFROM":
			t.from, err = parseUTCOffset(p.value)
		case "TZOFFSETTO":
			t.to, err = parseUTCOffset(p.value)
		case "TZNAME":
			t.abbrev = p.value
		case "RRULE":
			var r RRule
			r, err = ParseRRule(p.value)
			rule = &r
		case "RDATE":
			for v := range strings.SplitSeq(p.value, ",") {
				v, _, _ = strings.Cut(v, "/") // a PERIOD: its start is the onset
				rd, _, rerr := parseLocalDateTime(v)
				if rerr != nil {
					err = rerr
					break
				}
				rdates = append(rdates, rd)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
	}
	if start.IsZero() || !hasProp(obs, "TZOFFSETTO") {
		return nil, fmt.Errorf("DTSTART or TZOFFSETTO is missing")
	}
	if !hasProp(obs, "TZOFFSETFROM") {
		t.from = t.to
	}

	walls := append([]time.Time{start}, rdates...)
	if rule != nil {
		w := walk{rule: rule, dtstart: start, afterUntil: zoneUntil(rule.Until, t.from)}
		end := time.Date(maxZoneYear, 12, 31, 0, 0, 0, 0, time.UTC)
		w.run(start, end, func(wall time.Time) bool {
			walls = append(walls, wall)
			return true
		})
	}

	out := make([]tzTransition, len(walls))
	for i, wall := range walls {
		out[i] = t
		out[i].at = wall.Add(-time.Duration(t.from) * time.Second)
	}
	return out, nil
}

// zoneUntil returns the UNTIL check of a VTIMEZONE rule, whose starts are
// wall-clock times in the offset from.
func zoneUntil(u DateTime, from int) func(time.Time) bool {
	switch {
	case u.IsZero():
		return nil
	case u.IsDate():
		return func(wall time.Time) bool { return wall.After(u.Date.In(time.UTC).Add(24*time.Hour - 1)) }
	case u.Floating:
		return func(wall time.Time) bool { return wall.After(u.Time) }
	}
	return func(wall time.Time) bool {
		return wall.Add(-time.Duration(from) * time.Second).After(u.Time)
	}
}

func hasProp(c *component, name string) bool {
	return slices.ContainsFunc(c.props, func(p property) bool { return p.name == name })
}

// tzif encodes transitions as version 2 TZif data (RFC 8536) with an
// empty version 1 part, which time.LoadLocationFromTZData skips. Times
// before the first transition use the offset initial.
func tzif(initial int, transitions []tzTransition) ([]byte, error) {
	slices.SortStableFunc(transitions, func(a, b tzTransition) int { return a.at.Compare(b.at) })

	type ttinfo struct {
		offset int
		isDST  bool
		abbrev string
	}
	// Type 0 is used by no transition, so the reader takes it for times
	// before the first one.
	types := []ttinfo{{offset: initial, abbrev: offsetAbbrev(initial)}}
	index := map[ttinfo]int{}
	var indices []byte
	for _, t := range transitions {
		info := ttinfo{offset: t.to, isDST: t.isDST, abbrev: t.abbrev}
		if info.abbrev == "" {
			info.abbrev = offsetAbbrev(t.to)
		}
		i, ok := index[info]
		if !ok {
			i = len(types)
			if i > 255 {
				return nil, fmt.Errorf("more than 255 distinct observances")
			}
			index[info] = i
			types = append(types, info)
		}
		indices = append(indices, byte(i))
	}

	var chars []byte
	abbrevAt := map[string]int{}
	for _, t := range types {
		if _, ok := abbrevAt[t.abbrev]; !ok {
			abbrevAt[t.abbrev] = len(chars)
			chars = append(append(chars, t.abbrev...), 0)
		}
	}

	var b bytes.Buffer
	writeTZifHeader(&b, 0, 0, 0)
	writeTZifHeader(&b, len(transitions), len(types), len(chars))
	for _, t := range transitions {
		binary.Write(&b, binary.BigEndian, t.at.Unix())
	}
	b.Write(indices)
	for _, t := range types {
		binary.Write(&b, binary.BigEndian, int32(t.offset))
		b.WriteByte(boolByte(t.isDST))
		b.WriteByte(byte(abbrevAt[t.abbrev]))
	}
	b.Write(chars)
	b.WriteString("\n\n")
	return b.Bytes(), nil
}

func writeTZifHeader(b *bytes.Buffer, timecnt, typecnt, charcnt int) {
	b.WriteString("TZif2")
	b.Write(make([]byte, 15))
	for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} {
		binary.Write(b, binary.BigEndian, uint32(n))
	}
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// offsetAbbrev returns a zone abbreviation such as "+07" or "-0330".
func offsetAbbrev(offset int) string {
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	h, m := offset/3600, offset%3600/60
	if m == 0 {
		return fmt.Sprintf("%c%02d", sign, h)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}

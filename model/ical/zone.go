package ical

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed windowszones.txt
var windowsZonesData string

// windowsZones maps Windows time zone IDs ("SE Asia Standard Time") to
// IANA names ("Asia/Bangkok"), from the CLDR table in windowsZones.txt.
var windowsZones = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(windowsZonesData) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		windows, iana, ok := strings.Cut(line, "\t")
		if ok {
			m[windows] = iana
		}
	}
	return m
})

// WindowsZone returns the IANA name for a Windows time zone ID, such as
// "Asia/Bangkok" for "SE Asia Standard Time", and whether the ID is known.
func WindowsZone(id string) (string, bool) {
	iana, ok := windowsZones()[id]
	return iana, ok
}

// A zoneResolver turns TZID parameters into locations for one VCALENDAR.
// It caches each result and warns once per unresolved TZID.
type zoneResolver struct {
	local  *time.Location
	blocks map[string]*component // VTIMEZONE by TZID, spaces trimmed
	cache  map[string]*time.Location
	built  map[string]*time.Location // zones built from blocks, by blockKey
	warn   func(w Warning, format string, args ...any)
}

// resolve returns the location for tzid, or nil when the time must be
// read as floating in the importing zone.
func (z *zoneResolver) resolve(tzid string, line int) *time.Location {
	tzid = strings.TrimSpace(tzid)
	if loc, ok := z.cache[tzid]; ok {
		return loc
	}
	loc := z.lookup(tzid, line)
	if z.cache == nil {
		z.cache = map[string]*time.Location{}
	}
	z.cache[tzid] = loc
	return loc
}

var displayOffset = regexp.MustCompile(`^\((?:UTC|GMT)(?:([+-])(\d{1,2}):?(\d{2}))?\)`)

func (z *zoneResolver) lookup(tzid string, line int) *time.Location {
	if tzid == "" {
		return nil
	}
	if loc := loadNamedZone(tzid); loc != nil {
		return loc
	}
	if block := z.blocks[tzid]; block != nil {
		key := blockKey(tzid, block)
		if loc, ok := z.built[key]; ok {
			return loc
		}
		loc, err := zoneFromBlock(tzid, block)
		if err == nil {
			if z.built != nil {
				z.built[key] = loc
			}
			return loc
		}
		z.warn(Warning{Line: block.line, Kind: WarnZoneDefinitionInvalid, Name: block.name, Value: clip(tzid)},
			"VTIMEZONE %q: %v; its times are read as floating in %s", clip(tzid), err, z.local)
		return nil
	}
	if m := displayOffset.FindStringSubmatch(tzid); m != nil {
		off := 0
		if m[1] != "" {
			h, _ := strconv.Atoi(m[2])
			min, _ := strconv.Atoi(m[3])
			off = h*3600 + min*60
			if m[1] == "-" {
				off = -off
			}
		}
		z.warn(Warning{Line: line, Kind: WarnZoneFixedOffset, Name: "TZID", Value: clip(tzid)},
			"time zone %q is not known: using its fixed offset, without daylight saving time", clip(tzid))
		return time.FixedZone(tzid, off)
	}
	z.warn(Warning{Line: line, Kind: WarnZoneUnknown, Name: "TZID", Value: clip(tzid)},
		"time zone %q is not known and has no VTIMEZONE: times read as floating in %s", clip(tzid), z.local)
	return nil
}

// loadNamedZone resolves an IANA name, a Windows zone ID, or a path that
// ends in an IANA name (such as "/mozilla.org/20050126_1/Europe/Berlin").
// It returns nil for anything else.
func loadNamedZone(tzid string) *time.Location {
	if iana, ok := WindowsZone(tzid); ok {
		tzid = iana
	}
	if loc := loadIANA(tzid); loc != nil {
		return loc
	}
	for i := 0; i < len(tzid); i++ {
		if tzid[i] == '/' {
			if loc := loadIANA(tzid[i+1:]); loc != nil {
				return loc
			}
		}
	}
	return nil
}

// loadIANA wraps time.LoadLocation, which would take "" for UTC and
// "Local" for the machine's zone; neither is a TZID.
func loadIANA(name string) *time.Location {
	if name == "" || name == "Local" || strings.ContainsAny(name, " \\") {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// blockKey returns the TZID and the observances of a VTIMEZONE as text.
func blockKey(tzid string, block *component) string {
	var sb strings.Builder
	sb.WriteString(tzid)
	for _, obs := range block.children {
		sb.WriteString("\n" + obs.name)
		for _, p := range obs.props {
			sb.WriteString("\n" + p.name + ":" + p.value)
		}
	}
	return sb.String()
}

// zoneFromBlock builds a location from the STANDARD and DAYLIGHT
// observances of a VTIMEZONE. Their RRULEs are expanded up to the year
// 2100 and turned into TZif data, which time.LoadLocationFromTZData reads;
// after 2100 the last observance stays in force.
func zoneFromBlock(name string, block *component) (*time.Location, error) {
	var transitions []tzTransition
	first := tzTransition{}
	for _, obs := range block.children {
		if obs.name != "STANDARD" && obs.name != "DAYLIGHT" {
			continue
		}
		ts, err := observanceTransitions(obs)
		if err != nil {
			return nil, fmt.Errorf("%s at line %d: %w", obs.name, obs.line, err)
		}
		for _, t := range ts {
			if first.at.IsZero() || t.at.Before(first.at) {
				first = t
			}
		}
		transitions = append(transitions, ts...)
	}
	if len(transitions) == 0 {
		return nil, fmt.Errorf("no STANDARD or DAYLIGHT observance")
	}
	data, err := tzif(first.from, transitions)
	if err != nil {
		return nil, err
	}
	return time.LoadLocationFromTZData(name, data)
}

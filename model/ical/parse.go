package ical

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ErrNotICalendar is returned by Parse for input that contains no
// BEGIN:VCALENDAR line.
var ErrNotICalendar = errors.New("not an iCalendar file: no BEGIN:VCALENDAR")

// A component is one BEGIN…END block.
type component struct {
	name     string
	props    []property
	children []*component
	line     int
}

// Parse reads every VCALENDAR in r and returns their events. Floating
// times, and times in a zone that can be resolved neither by name nor from
// a VTIMEZONE block, are read in local (UTC when local is nil).
//
// Parse keeps going past lines, properties and components that it cannot
// read and reports each as a Warning. An event without a valid DTSTART is
// dropped with a warning, and an invalid or unsupported RRULE leaves a
// single event. An override with a RANGE parameter replaces its own
// occurrence only, also with a warning. VTODO, VJOURNAL, VFREEBUSY and
// unknown components are skipped in silence. Cancelled events are kept
// with Status StatusCancelled. The error is ErrNotICalendar for input
// that is not iCalendar at all, or the error of r.
func Parse(r io.Reader, local *time.Location) (*Calendar, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read calendar: %w", err)
	}
	if local == nil {
		local = time.UTC
	}

	p := parser{local: local}
	roots := p.components(unfold(data))

	// Components outside any VCALENDAR, as in files that concatenate
	// bare examples, share the VTIMEZONEs that are outside as well.
	loose := &component{name: "VCALENDAR"}
	for _, root := range roots {
		if root.name == "VTIMEZONE" {
			loose.children = append(loose.children, root)
		}
	}
	looseZones := p.zones(loose)

	found := false
	for _, root := range roots {
		switch root.name {
		case "VCALENDAR":
			found = true
			p.calendar(root)
		case "VEVENT":
			p.warn(Warning{Line: root.line, Kind: WarnEventOutsideCalendar, Name: root.name, Summary: summaryOf(root)},
				"VEVENT outside VCALENDAR; read anyway")
			p.addEvent(root, looseZones)
		}
	}
	if !found {
		return nil, ErrNotICalendar
	}
	return &p.cal, nil
}

type parser struct {
	local *time.Location
	cal   Calendar

	// blockZones caches locations built from VTIMEZONE blocks by their
	// text, because files that concatenate many VCALENDARs repeat the
	// same block in each.
	blockZones map[string]*time.Location
}

// warn records w with the English Message made from format and args.
func (p *parser) warn(w Warning, format string, args ...any) {
	w.Message = fmt.Sprintf(format, args...)
	p.cal.Warnings = append(p.cal.Warnings, w)
}

// components builds the tree of BEGIN…END blocks. A line that cannot be
// parsed, a property outside any block and an END that closes nothing are
// warnings. A block still open at the end of the input is dropped with
// its contents, so a truncated file never yields a partial event. The
// outermost block is the exception: it keeps what was closed inside it.
func (p *parser) components(lines []logicalLine) []*component {
	var roots, stack []*component
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		prop, err := parseLine(l)
		if err != nil {
			p.warn(Warning{Line: l.line, Kind: WarnLineInvalid, Value: clip(l.text)}, "%v; line skipped", err)
			continue
		}

		switch prop.name {
		case "BEGIN":
			c := &component{name: strings.ToUpper(strings.TrimSpace(prop.value)), line: l.line}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, c)
			}
			stack = append(stack, c)
		case "END":
			stack = p.end(stack, &roots, strings.ToUpper(strings.TrimSpace(prop.value)), l.line)
		default:
			if len(stack) == 0 {
				p.warn(Warning{Line: l.line, Kind: WarnPropertyOutside, Name: prop.name},
					"property %s outside any component; line skipped", prop.name)
				continue
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, prop)
		}
	}
	if len(stack) > 0 {
		// Keep what the outermost block closed properly, so that a file
		// that lacks only its last END:VCALENDAR still imports.
		outer := stack[0]
		p.warn(Warning{Line: outer.line, Kind: WarnUnclosedAtEnd, Name: outer.name},
			"%s is not closed by END:%s before the end of the file", outer.name, outer.name)
		stack = p.end(stack, &roots, outer.name, 0)
	}
	return roots
}

// end closes the innermost open block named name, and any block opened
// inside it, and returns the remaining stack.
func (p *parser) end(stack []*component, roots *[]*component, name string, line int) []*component {
	i := len(stack) - 1
	for i >= 0 && stack[i].name != name {
		i--
	}
	if i < 0 {
		p.warn(Warning{Line: line, Kind: WarnEndWithoutBegin, Name: name}, "END:%s without BEGIN:%s; line skipped", name, name)
		return stack
	}
	for _, c := range stack[i+1:] {
		p.warn(Warning{Line: c.line, Kind: WarnComponentNotClosed, Name: c.name, Summary: summaryOf(c)},
			"%s is not closed; component skipped", c.name)
		parent := stack[i]
		if n := len(parent.children); n > 0 && parent.children[n-1] == c {
			parent.children = parent.children[:n-1]
		}
	}
	if i == 0 {
		*roots = append(*roots, stack[0])
	}
	return stack[:i]
}

// calendar reads the events of one VCALENDAR.
func (p *parser) calendar(cal *component) {
	zones := p.zones(cal)
	for _, c := range cal.children {
		if c.name == "VEVENT" {
			p.addEvent(c, zones)
		}
	}
}

// zones returns the zone resolver for the VTIMEZONEs of cal.
func (p *parser) zones(cal *component) *zoneResolver {
	if p.blockZones == nil {
		p.blockZones = map[string]*time.Location{}
	}
	z := &zoneResolver{local: p.local, blocks: map[string]*component{}, built: p.blockZones, warn: p.warn}
	for _, c := range cal.children {
		if c.name != "VTIMEZONE" {
			continue
		}
		for _, prop := range c.props {
			if prop.name == "TZID" {
				z.blocks[strings.TrimSpace(prop.value)] = c
			}
		}
	}
	return z
}

func (p *parser) addEvent(c *component, zones *zoneResolver) {
	if ev, ok := p.event(c, zones); ok {
		p.cal.Events = append(p.cal.Events, ev)
	}
}

// summaryOf returns the SUMMARY of c, unescaped and clipped for a
// Warning, or "" when c has none.
func summaryOf(c *component) string {
	summary := ""
	for _, prop := range c.props {
		if prop.name == "SUMMARY" {
			summary = unescapeText(prop.value)
		}
	}
	return clip(summary)
}

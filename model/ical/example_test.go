package ical_test

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata"

	"sotay/model/ical"
)

func ExampleParse() {
	const data = "BEGIN:VCALENDAR\r\n" +
		"BEGIN:VEVENT\r\n" +
		"UID:chi-bo@example\r\n" +
		"SUMMARY:Họp Chi bộ định kỳ\r\n" +
		"DTSTART;TZID=\"SE Asia Standard Time\":20261225T153000\r\n" +
		"DTEND;TZID=\"SE Asia Standard Time\":20261225T170000\r\n" +
		"RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=-1FR\r\n" +
		"END:VEVENT\r\n" +
		"END:VCALENDAR\r\n"

	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	cal, err := ical.Parse(strings.NewReader(data), hcm)
	if err != nil {
		fmt.Println(err)
		return
	}
	from := time.Date(2026, 12, 1, 0, 0, 0, 0, hcm)
	for _, in := range cal.Expand(from, from.AddDate(1, 0, 0)) {
		fmt.Println(in.Start.In(hcm).Format("02/01/2006 15:04"), in.Event.Summary)
	}
	// Output:
	// 25/12/2026 15:30 Họp Chi bộ định kỳ
	// 29/01/2027 15:30 Họp Chi bộ định kỳ
	// 26/02/2027 15:30 Họp Chi bộ định kỳ
}

func ExampleParseRRule() {
	rule, err := ical.ParseRRule("freq=weekly;interval=2;byday=MO,WE")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule.Freq, rule.Interval, rule.ByDay)
	fmt.Println(rule.String())
	// Output:
	// WEEKLY 2 [MO WE]
	// FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE
}

func ExampleWrite() {
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	start := time.Date(2026, 12, 17, 14, 0, 0, 0, hcm)
	events := []ical.Event{{
		UID:     "hoi-nghi-12@example",
		Summary: "Hội nghị Ủy ban Kiểm tra, kỳ 12",
		Start:   start,
		End:     start.Add(150 * time.Minute),
	}}
	stamp := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

	var out strings.Builder
	if err := ical.Write(&out, events, stamp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//Sotay//So tay Kiem tra//VI
	// CALSCALE:GREGORIAN
	// METHOD:PUBLISH
	// BEGIN:VTIMEZONE
	// TZID:Asia/Ho_Chi_Minh
	// BEGIN:STANDARD
	// DTSTART:19700101T000000
	// TZOFFSETFROM:+0700
	// TZOFFSETTO:+0700
	// TZNAME:+07
	// END:STANDARD
	// END:VTIMEZONE
	// BEGIN:VEVENT
	// UID:hoi-nghi-12@example
	// DTSTAMP:20261201T000000Z
	// DTSTART;TZID=Asia/Ho_Chi_Minh:20261217T140000
	// DTEND;TZID=Asia/Ho_Chi_Minh:20261217T163000
	// SUMMARY:Hội nghị Ủy ban Kiểm tra\, kỳ 12
	// END:VEVENT
	// END:VCALENDAR
}

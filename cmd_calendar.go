package main

// The deadline, calendar and lunar sub-commands work on the built-in
// working-day calendar and need no vault. Each returns its exit code: 0
// for success, 1 for a failure, 2 for a usage error.

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"sotay/assets"
	"sotay/model"
	"sotay/model/lunar"
	"sotay/model/workday"
)

// The lunar conversion is tested from 1900 to 2100, so the commands accept
// dates in those years only.
const (
	calendarFirstYear = 1900
	calendarLastYear  = 2100
)

// runDeadline prints the distribution deadline of a meeting:
//
//	sotay deadline --meeting YYYY-MM-DD [--days N] [--working] [--format text|json]
func runDeadline(args []string, stdout, stderr io.Writer) int {
	c := newCalendarCommand("deadline", "--meeting YYYY-MM-DD [--days N] [--working] [--format text|json]", stdout, stderr)
	meetingFlag := c.fs.String("meeting", "", "meeting `date`, YYYY-MM-DD (required)")
	days := c.fs.Int("days", 5, "number of days before the meeting by which materials must be sent")
	working := c.fs.Bool("working", false, "count working days instead of calendar days")
	format := c.fs.String("format", "text", "output `format`: text or json")
	if code, done := c.parse(args); done {
		return code
	}

	if c.fs.NArg() > 0 {
		return c.usageError("cli.cal.unexpected_arg", c.fs.Arg(0))
	}
	if *meetingFlag == "" {
		return c.usageError("cli.cal.missing_flag", "--meeting")
	}
	meeting, err := model.ParseDate(*meetingFlag)
	if err != nil {
		return c.usageError("cli.cal.bad_date", "--meeting", *meetingFlag)
	}
	if err := checkCalendarYear(meeting.Year); err != nil {
		return c.usageError("cli.cal.year_range", "--meeting", meeting.Year, calendarFirstYear, calendarLastYear)
	}
	if *days < 0 || *days > 366 {
		return c.usageError("cli.cal.days_range", *days)
	}
	if err := c.checkFormat(*format); err != nil {
		return c.usageError("cli.bad_format", *format)
	}

	deadline, practical := workday.Default().DistributionDeadline(meeting, *days, *working)
	if *format == "json" {
		return c.writeJSON(deadlineJSON{
			Meeting:           meeting.String(),
			Days:              *days,
			Counting:          deadlineCounting(*working),
			Deadline:          deadline.String(),
			PracticalDeadline: practical.String(),
		})
	}

	unit := "ngày theo lịch"
	if *working {
		unit = "ngày làm việc"
	}
	fmt.Fprintf(stdout, "Ngày họp:          %s\n", weekdayAndDate(meeting))
	fmt.Fprintf(stdout, "Hạn gửi tài liệu:  %s (%d %s trước ngày họp)\n", weekdayAndDate(deadline), *days, unit)
	fmt.Fprintf(stdout, "Hạn thực tế:       %s\n", weekdayAndDate(practical))
	if practical != deadline {
		fmt.Fprintln(stdout, "Hạn gửi rơi vào ngày nghỉ, nên hạn thực tế là ngày làm việc cuối cùng trước đó.")
	}
	return 0
}

type deadlineJSON struct {
	Meeting           string `json:"meeting"`
	Days              int    `json:"days"`
	Counting          string `json:"counting"`
	Deadline          string `json:"deadline"`
	PracticalDeadline string `json:"practical_deadline"`
}

func deadlineCounting(working bool) string {
	if working {
		return "working_days"
	}
	return "calendar_days"
}

// runCalendar prints the days off and working Saturdays of a year:
//
//	sotay calendar --year YYYY [--format text|json]
func runCalendar(args []string, stdout, stderr io.Writer) int {
	c := newCalendarCommand("calendar", "--year YYYY [--format text|json]", stdout, stderr)
	year := c.fs.Int("year", 0, "Gregorian `year` (required)")
	format := c.fs.String("format", "text", "output `format`: text or json")
	if code, done := c.parse(args); done {
		return code
	}

	if c.fs.NArg() > 0 {
		return c.usageError("cli.cal.unexpected_arg", c.fs.Arg(0))
	}
	if *year == 0 {
		return c.usageError("cli.cal.missing_flag", "--year")
	}
	if err := checkCalendarYear(*year); err != nil {
		return c.usageError("cli.cal.year_range", "--year", *year, calendarFirstYear, calendarLastYear)
	}
	if err := c.checkFormat(*format); err != nil {
		return c.usageError("cli.bad_format", *format)
	}

	report := newYearReport(workday.Default(), *year)
	if *format == "json" {
		return c.writeJSON(report)
	}
	report.print(stdout)
	return 0
}

// yearReport is the output of the calendar command, and its JSON form.
type yearReport struct {
	Year             int              `json:"year"`
	DaysOff          []dayOffJSON     `json:"days_off"`
	WorkingSaturdays []workingDayJSON `json:"working_saturdays"`
	// OfficialNotice is null when the year has no official schedule.
	OfficialNotice *string `json:"official_notice"`
}

type dayOffJSON struct {
	day   model.Date // Date before formatting, for the text output
	Date  string     `json:"date"`
	Name  string     `json:"name"`
	Kind  string     `json:"kind"`
	Lunar lunarJSON  `json:"lunar"`
}

type workingDayJSON struct {
	day   model.Date // Date before formatting, for the text output
	Date  string     `json:"date"`
	Name  string     `json:"name"`
	Lunar lunarJSON  `json:"lunar"`
}

func newYearReport(cal *workday.Calendar, year int) yearReport {
	r := yearReport{Year: year, DaysOff: []dayOffJSON{}, WorkingSaturdays: []workingDayJSON{}}
	for _, d := range cal.DaysOff(year) {
		r.DaysOff = append(r.DaysOff, dayOffJSON{
			day:   d.Date,
			Date:  d.Date.String(),
			Name:  d.Name,
			Kind:  string(d.Kind),
			Lunar: newLunarJSON(lunar.FromSolar(d.Date)),
		})
	}

	schedule, ok := cal.Schedule(year)
	names := make(map[model.Date]string)
	for _, d := range schedule.WorkingDays {
		names[d.Date] = d.Name
	}
	for _, d := range cal.WorkingSaturdays(year) {
		r.WorkingSaturdays = append(r.WorkingSaturdays, workingDayJSON{
			day:   d,
			Date:  d.String(),
			Name:  names[d],
			Lunar: newLunarJSON(lunar.FromSolar(d)),
		})
	}
	if ok {
		r.OfficialNotice = &schedule.Notice
	}
	return r
}

// print writes r as Vietnamese text, one day per line with the weekday,
// the date, the lunar date, the kind of day off and its name.
func (r yearReport) print(w io.Writer) {
	fmt.Fprintf(w, "Ngày nghỉ năm %d (ngoài thứ Bảy, Chủ nhật):\n", r.Year)
	for _, d := range r.DaysOff {
		fmt.Fprintf(w, "  %-20s  %-22s  %-15s  %s\n",
			weekdayAndDate(d.day), d.Lunar.display(), dayOffKindLabel(d.Kind), d.Name)
	}

	fmt.Fprintln(w)
	if len(r.WorkingSaturdays) == 0 {
		fmt.Fprintln(w, "Thứ Bảy làm việc: không có.")
	} else {
		fmt.Fprintln(w, "Thứ Bảy làm việc:")
	}
	for _, d := range r.WorkingSaturdays {
		fmt.Fprintf(w, "  %-20s  %-22s  %s\n", weekdayAndDate(d.day), d.Lunar.display(), d.Name)
	}

	fmt.Fprintln(w)
	if r.OfficialNotice != nil {
		fmt.Fprintf(w, "Lịch chính thức: %s\n", *r.OfficialNotice)
	} else {
		fmt.Fprintf(w, "Chưa có lịch nghỉ chính thức năm %d. Các ngày trên tính theo quy tắc ngày lễ và nghỉ bù.\n", r.Year)
	}
}

func dayOffKindLabel(kind string) string {
	switch workday.Kind(kind) {
	case workday.KindHoliday:
		return "ngày lễ"
	case workday.KindCompensatory:
		return "nghỉ bù"
	case workday.KindOfficial:
		return "lịch chính thức"
	}
	return kind
}

// runLunar prints the lunar date of a day, or with --to-solar the day of a
// lunar date:
//
//	sotay lunar YYYY-MM-DD [--format text|json]
//	sotay lunar --to-solar D/M[/leap]/YYYY [--format text|json]
func runLunar(args []string, stdout, stderr io.Writer) int {
	c := newCalendarCommand("lunar", "YYYY-MM-DD | --to-solar D/M[/leap]/YYYY [--format text|json]", stdout, stderr)
	toSolar := c.fs.String("to-solar", "", "lunar `date` to convert to the solar calendar: D/M/YYYY, or D/M/leap/YYYY in a leap month")
	format := c.fs.String("format", "text", "output `format`: text or json")
	positional, code, done := c.parseInterspersed(args)
	if done {
		return code
	}

	if len(positional) > 1 {
		return c.usageError("cli.cal.unexpected_arg", positional[1])
	}
	if err := c.checkFormat(*format); err != nil {
		return c.usageError("cli.bad_format", *format)
	}

	var solar model.Date
	var ld lunar.Date
	switch {
	case *toSolar != "" && len(positional) == 1:
		return c.usageError("cli.cal.both_dates")
	case *toSolar != "":
		var err error
		if ld, err = lunar.Parse(*toSolar); err != nil {
			return c.usageError("cli.cal.bad_lunar", *toSolar)
		}
		if err := checkCalendarYear(ld.Year); err != nil {
			return c.usageError("cli.cal.year_range", "--to-solar", ld.Year, calendarFirstYear, calendarLastYear)
		}
		if solar, err = lunar.ToSolar(ld); err != nil {
			c.printError("cli.cal.no_lunar_day", *toSolar)
			return 1
		}
	case len(positional) == 1:
		var err error
		if solar, err = model.ParseDate(positional[0]); err != nil {
			return c.usageError("cli.cal.bad_date_arg", positional[0])
		}
		if err := checkCalendarYear(solar.Year); err != nil {
			return c.usageError("cli.cal.year_range_arg", solar.Year, calendarFirstYear, calendarLastYear)
		}
		ld = lunar.FromSolar(solar)
	default:
		return c.usageError("cli.cal.missing_date")
	}

	if *format == "json" {
		return c.writeJSON(lunarResultJSON{Solar: solar.String(), Lunar: newLunarJSON(ld)})
	}
	fmt.Fprintf(stdout, "Dương lịch: %s\n", weekdayAndDate(solar))
	fmt.Fprintf(stdout, "Âm lịch:    %s (%d)\n", ld.Display(), ld.Year)
	return 0
}

type lunarResultJSON struct {
	Solar string    `json:"solar"`
	Lunar lunarJSON `json:"lunar"`
}

type lunarJSON struct {
	Day      int    `json:"day"`
	Month    int    `json:"month"`
	Leap     bool   `json:"leap"`
	Year     int    `json:"year"`
	YearName string `json:"year_name"`
}

func newLunarJSON(ld lunar.Date) lunarJSON {
	return lunarJSON{Day: ld.Day, Month: ld.Month, Leap: ld.Leap, Year: ld.Year, YearName: lunar.YearName(ld.Year)}
}

func (l lunarJSON) display() string {
	return lunar.Date{Day: l.Day, Month: l.Month, Year: l.Year, Leap: l.Leap}.Display()
}

// vietnameseWeekdays are the names of the days of the week, Sunday first
// like time.Weekday.
var vietnameseWeekdays = [7]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// weekdayAndDate returns d as "Thứ Hai, 15/02/2027".
func weekdayAndDate(d model.Date) string {
	return vietnameseWeekdays[d.Weekday()] + ", " + d.Display()
}

// checkCalendarYear rejects a year outside the range the lunar conversion
// is tested for.
func checkCalendarYear(y int) error {
	if y < calendarFirstYear || y > calendarLastYear {
		return fmt.Errorf("year %d is out of range: expected %d to %d, the years the lunar conversion is tested for",
			y, calendarFirstYear, calendarLastYear)
	}
	return nil
}

// calendarCommand is the flag set and output of one of the calendar
// sub-commands. Its methods return the exit code: 0 for success, 1 for a
// failure, 2 for a usage error.
type calendarCommand struct {
	fs     *flag.FlagSet
	cat    *assets.Catalog
	stdout io.Writer
	stderr io.Writer
	// usage prints the synopsis and the flags. The flag set's own Usage
	// stays nil, so that the flag package prints nothing itself.
	usage func()
}

func newCalendarCommand(name, synopsis string, stdout, stderr io.Writer) *calendarCommand {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &calendarCommand{fs: fs, cat: newCLI(stdout, stderr).cat, stdout: stdout, stderr: stderr}
	c.usage = func() {
		fmt.Fprintln(stderr, c.cat.T("cli.cal.usage", name, synopsis))
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return c
}

// parse parses args into the flag set. When parsing ends the command, done
// is set and code is the exit code: 0 after -h, 2 after a flag error,
// which it prints in the user's language with the usage.
func (c *calendarCommand) parse(args []string) (code int, done bool) {
	err := c.fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		c.usage()
		return 0, true
	}
	key, a := flagProblem(err)
	return c.usageError(key, a...), true
}

// parseInterspersed parses args like parse but lets positional arguments
// come before flags, as in "sotay lunar 2025-08-10 --format json". It
// returns the positional arguments in order.
func (c *calendarCommand) parseInterspersed(args []string) (positional []string, code int, done bool) {
	for {
		if code, done := c.parse(args); done {
			return nil, code, true
		}
		args = c.fs.Args()
		if len(args) == 0 {
			return positional, 0, false
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), 0, false
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// usageError prints the message of key with args as one line, then the
// usage, and returns 2.
func (c *calendarCommand) usageError(key string, args ...any) int {
	c.printError(key, args...)
	c.usage()
	return 2
}

// printError prints the message of key with args on standard error,
// after the command's name.
func (c *calendarCommand) printError(key string, args ...any) {
	fmt.Fprintf(c.stderr, "sotay %s: %s\n", c.fs.Name(), c.cat.T(key, args...))
}

// fail prints err on one line and returns 1.
func (c *calendarCommand) fail(err error) int {
	fmt.Fprintf(c.stderr, "sotay %s: %v\n", c.fs.Name(), err)
	return 1
}

func (c *calendarCommand) checkFormat(format string) error {
	if format != "text" && format != "json" {
		return fmt.Errorf("invalid --format %q: expected text or json", format)
	}
	return nil
}

// writeJSON writes v as indented JSON, non-ASCII letters unescaped.
func (c *calendarCommand) writeJSON(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return c.fail(fmt.Errorf("write JSON: %w", err))
	}
	return 0
}

package main

import (
	"bytes"

	"fmt"
	"io"
	"os"
	"time"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// runICS dispatches `sotay ics import` and `sotay ics export`.
func runICS(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	if len(args) == 0 {
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T("schedule.cli.ics_usage"))
		return exitUsage
	}
	switch args[0] {
	case "import":
		return c.icsImport(args[1:])
	case "export":
		return c.icsExport(args[1:])
	}
	fmt.Fprintln(c.stderr, "sotay: "+c.cat.T("schedule.cli.ics_usage"))
	return exitUsage
}

// failSchedule prints err with the schedule messages.
func (c *cli) failSchedule(err error) int {
	if msg := app.ExplainSchedule(err); msg.Key != "err.unexpected" {
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(msg.Key, msg.Args...))
		return exitFailure
	}
	return c.fail(err)
}

// icsImport reads one .ics file into the vault:
//
//	sotay ics import FILE --vault DIR [--format text|json]
func (c *cli) icsImport(args []string) int {
	fs, dir, format := vaultFlags("ics import")
	file := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		file, args = args[0], args[1:]
	}
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if file == "" {
		return c.usage(fs, "schedule.cli.ics_file_missing")
	}
	f, err := os.Open(file)
	if err != nil {
		return c.fail(&vault.FileError{Path: file, Err: err})
	}
	defer f.Close()

	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	untitled := c.cat.T("schedule.untitled")
	report, err := app.ImportICS(s, f, untitled, nil)
	if err != nil {
		return c.failSchedule(err)
	}
	if *format == "json" {
		warnings := make([]map[string]any, len(report.Warnings))
		for i, w := range report.Warnings {
			warnings[i] = map[string]any{"line": w.Line, "kind": w.Kind, "message": w.Message}
			if w.Reason != "" {
				warnings[i]["reason"] = w.Reason
			}
		}
		return c.printJSON(map[string]any{"file": file, "added": report.Added,
			"updated": report.Updated, "warnings": warnings})
	}
	fmt.Fprintln(c.stdout, c.cat.T("schedule.cli.imported", file, report.Added, report.Updated))
	for _, w := range report.Warnings {
		msg := app.ExplainICSWarning(w, untitled)
		fmt.Fprintln(c.stderr, c.cat.T(msg.Key, msg.Args...))
	}
	return exitOK
}

// icsExport writes the personal calendar to an .ics file:
//
//	sotay ics export --vault DIR --out FILE [--from D --to D] [--deadlines] [--include-classified]
func (c *cli) icsExport(args []string) int {
	fs, dir, format := vaultFlags("ics export")
	out := fs.String("out", "", "the .ics `file` to write")
	fromFlag := fs.String("from", "", "first `date`, YYYY-MM-DD (default: every event)")
	toFlag := fs.String("to", "", "last `date`, YYYY-MM-DD, included")
	deadlines := fs.Bool("deadlines", false, "add case task deadlines and meetings of the range")
	classified := fs.Bool("include-classified", false,
		"write the real titles of classified items (default: a generic title)")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	if *out == "" {
		return c.usage(fs, "schedule.cli.out_missing")
	}
	opts := app.ExportOptions{Deadlines: *deadlines, Classified: *classified}
	var err error
	if *fromFlag != "" {
		if opts.From, err = model.ParseDate(*fromFlag); err != nil {
			return c.usage(fs, "cli.bad_flags", "--from: "+err.Error())
		}
	}
	if *toFlag != "" {
		if opts.To, err = model.ParseDate(*toFlag); err != nil {
			return c.usage(fs, "cli.bad_flags", "--to: "+err.Error())
		}
	}
	if opts.From.IsZero() != opts.To.IsZero() || !opts.From.IsZero() && opts.To.Before(opts.From) {
		return c.usage(fs, "schedule.cli.range")
	}
	if opts.Deadlines && opts.From.IsZero() {
		return c.usage(fs, "schedule.cli.range")
	}

	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	var buf bytes.Buffer
	n, err := app.ExportICS(s, &buf, opts, c.cat.T("schedule.classified_title"), time.Now())
	if err != nil {
		return c.failSchedule(err)
	}
	if err := vault.WriteFileAtomic(*out, buf.Bytes(), 0o600); err != nil {
		return c.fail(&vault.FileError{Path: *out, Err: err})
	}
	return c.printResult(*format, map[string]any{"file": *out, "events": n},
		c.cat.T("schedule.cli.exported", n, *out))
}

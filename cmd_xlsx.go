package main

import (
	"fmt"
	"io"
	"strconv"

	"sotay/app"
)

// runExport writes a table to an Excel file:
//
//	sotay export xlsx --vault DIR --what plan|reports|kpi|cases [--year Y] --out FILE
func runExport(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	if len(args) == 0 || args[0] != "xlsx" {
		fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.export_usage"))
		return exitUsage
	}
	fs, dir, format := vaultFlags("export xlsx")
	what := fs.String("what", "", "table to export: plan, reports, kpi or cases")
	year := fs.Int("year", app.Today().Year, "`year` of the plan, report calendar or KPIs")
	out := fs.String("out", "", "`file` to write, .xlsx")
	if code, ok := c.parse(fs, args[1:], dir, format); !ok {
		return code
	}
	switch *what {
	case app.TablePlan, app.TableReports, app.TableKPI, app.TableCases:
	default:
		return c.usage(fs, "cli.export_what", *what)
	}
	if *out == "" {
		return c.usage(fs, "cli.export_usage")
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if err := app.ExportXLSX(s, *what, *year, app.Today(), *out); err != nil {
		return c.failPlans(err)
	}
	return c.printResult(*format, map[string]any{"what": *what, "year": *year, "out": *out},
		c.cat.T("cli.export_written", *out))
}

// runImport reads a case register or a yearly plan from an Excel file:
//
//	sotay import xlsx FILE --vault DIR --what cases|plan [--year Y]
func runImport(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	if len(args) < 2 || args[0] != "xlsx" {
		fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.import_usage"))
		return exitUsage
	}
	file := args[1]
	fs, dir, format := vaultFlags("import xlsx")
	what := fs.String("what", "", "what the file holds: cases or plan")
	year := fs.Int("year", app.Today().Year, "`year` of the plan, for rows with no Năm column")
	if code, ok := c.parse(fs, args[2:], dir, format); !ok {
		return code
	}
	if *what != app.TableCases && *what != app.TablePlan {
		return c.usage(fs, "cli.import_what", *what)
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	var res app.ImportResult
	if *what == app.TableCases {
		res, err = app.ImportCasesXLSX(s, file)
	} else {
		res, err = app.ImportPlanXLSX(s, file, *year)
	}
	if err != nil {
		return c.failPlans(err)
	}
	if *format == "json" {
		type rowJSON struct {
			Row    int    `json:"row"`
			Reason string `json:"reason"`
		}
		rows := make([]rowJSON, 0, len(res.Errors))
		for _, e := range res.Errors {
			rows = append(rows, rowJSON{e.Row, c.cat.T(e.Reason.Key, e.Reason.Args...)})
		}
		return c.printJSON(map[string]any{"created": res.Created, "updated": res.Updated, "errors": rows})
	}
	fmt.Fprintln(c.stdout, c.cat.T("cli.import_done", res.Created, res.Updated, len(res.Errors)))
	for _, e := range res.Errors {
		fmt.Fprintln(c.stdout, c.cat.T("cli.import_row", strconv.Itoa(e.Row), c.cat.T(e.Reason.Key, e.Reason.Args...)))
	}
	if len(res.Errors) > 0 {
		return exitFailure
	}
	return exitOK
}

package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"text/tabwriter"

	"sotay/app"
	"sotay/vault"
)

// failPlans prints the message of an error of plans, reports, documents
// or spreadsheets, and of any other error as c.fail does.
func (c *cli) failPlans(err error) int {
	if msg, ok := app.ExplainPlans(err); ok {
		slog.Debug("command failed", "err", err)
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(msg.Key, msg.Args...))
		return exitFailure
	}
	return c.fail(err)
}

// runDoc makes a Party-format document of a case from a template:
//
//	sotay doc --vault DIR --case CODE --form FORM --out FILE.docx
//	sotay doc --list-forms --vault DIR
func runDoc(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("doc")
	code := fs.String("case", "", "case `code`, as `sotay cases` prints it")
	form := fs.String("form", "", "template short `name`, as --list-forms prints it")
	out := fs.String("out", "", "`file` to write the .docx to")
	list := fs.Bool("list-forms", false, "list the templates' short names and exit")
	if status, ok := c.parse(fs, args, dir, format); !ok {
		return status
	}
	if !*list && (*code == "" || *form == "" || *out == "") {
		return c.usage(fs, "cli.doc_missing")
	}
	if !*list {
		// Check the target folder first, so that a typo in --out issues no number.
		if _, err := os.Stat(filepath.Dir(*out)); err != nil {
			return c.failPlans(err)
		}
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if *list {
		return c.listForms(s, *format)
	}
	g, err := app.GenerateCaseDocument(s, *code, *form, app.Today())
	if err != nil {
		return c.failPlans(err)
	}
	if err := vault.WriteFileAtomic(*out, g.Data, 0o600); err != nil {
		return c.failPlans(err)
	}
	return c.printResult(*format, map[string]any{"number": g.Number, "out": *out, "document": g.Name},
		c.cat.T("cli.doc_written", g.Number, *out, g.Name))
}

func (c *cli) listForms(s *app.Session, format string) int {
	forms, err := app.Forms(s)
	if err != nil {
		return c.fail(err)
	}
	if format == "json" {
		type formJSON struct {
			Form string `json:"form"`
			Name string `json:"name"`
			Type string `json:"type"`
		}
		out := make([]formJSON, 0, len(forms))
		for _, f := range forms {
			out = append(out, formJSON{f.Form, f.Name, f.Type})
		}
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	for _, f := range forms {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Form, f.Name, f.Type)
	}
	tw.Flush()
	return exitOK
}

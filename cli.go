package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"unicode"

	"sotay/app"
	"sotay/assets"
	"sotay/model"
	"sotay/vault"
)

// Exit codes shared by every command.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// cli holds what every vault command needs: the catalog for messages,
// the output streams and the passphrase source.
type cli struct {
	cat    *assets.Catalog
	stdout io.Writer
	stderr io.Writer
	pass   *passphraseReader
}

func newCLI(stdout, stderr io.Writer) *cli {
	return &cli{
		cat:    assets.NewCatalog(assets.LanguageFromEnvironment()),
		stdout: stdout,
		stderr: stderr,
		pass:   newPassphraseReader(os.Stdin, stderr),
	}
}

// fail prints err as one translated line and returns exitFailure. The
// detail of an unexpected error goes to the log, not the message.
func (c *cli) fail(err error) int {
	msg := app.Explain(err)
	if msg.Key == "err.unexpected" && errors.Is(err, errNoPassphrase) {
		msg = app.Message{Key: "cli.no_passphrase"}
	}
	if msg.Key == "err.unexpected" {
		slog.Error("command failed", "err", err)
	}
	fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(msg.Key, msg.Args...))
	return exitFailure
}

func (c *cli) usage(fs *flag.FlagSet, key string, args ...any) int {
	fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(key, args...))
	fs.SetOutput(c.stderr)
	fs.Usage()
	return exitUsage
}

// vaultFlags adds the flags every vault command takes.
func vaultFlags(name string) (*flag.FlagSet, *string, *string) {
	fs := flag.NewFlagSet("sotay "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("vault", "", "vault folder (default: the user's configuration folder + sotay)")
	format := fs.String("format", "text", "output format: text or json")
	return fs, dir, format
}

func (c *cli) parse(fs *flag.FlagSet, args []string, dir, format *string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(c.stdout)
			fs.Usage()
			return exitOK, false
		}
		key, args := flagProblem(err)
		return c.usage(fs, key, args...), false
	}
	if *format != "text" && *format != "json" {
		return c.usage(fs, "cli.bad_format", *format), false
	}
	if *dir == "" {
		d, err := app.DefaultVaultDir()
		if err != nil {
			return c.fail(err), false
		}
		*dir = d
	}
	return 0, true
}

// flagProblem returns the message of a flag parsing error in the user's
// language. It matches the texts of Go's flag package as of Go 1.26; a
// text it does not know is quoted as it is, so a change there loses only
// the translation. TestCLIUsage covers the three texts it matches.
func flagProblem(err error) (string, []any) {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "cli.flag_unknown", []any{name}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "cli.flag_needs_value", []any{name}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, name, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ = strings.Cut(name, ":")
			return "cli.flag_bad_value", []any{value, name}
		}
	}
	return "cli.bad_flags", []any{msg}
}

func runInit(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("init")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	s, err := c.createVault(*dir)
	if err != nil {
		return c.fail(err)
	}
	s.Lock()
	return c.printResult(*format, map[string]any{"vault": *dir, "created": true}, c.cat.T("cli.created", *dir))
}

func runDemo(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("demo")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	s, err := c.createVault(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if err := app.FillDemo(s, app.Today()); err != nil {
		return c.fail(err)
	}
	st, err := s.Stats()
	if err != nil {
		return c.fail(err)
	}
	return c.printResult(*format, map[string]any{"vault": *dir, "created": true, "cases": st.Cases},
		c.cat.T("cli.demo_created", *dir, st.Cases))
}

// createVault reads a new passphrase and its confirmation and creates the
// vault; calibrating the key derivation takes a few seconds.
func (c *cli) createVault(dir string) (*app.Session, error) {
	if app.VaultExists(dir) {
		return nil, &vault.FileError{Path: dir, Err: vault.ErrVaultExists}
	}
	pass, err := c.pass.read(c.cat.T("cli.prompt_new"))
	if err != nil {
		return nil, err
	}
	confirm, err := c.pass.read(c.cat.T("cli.prompt_confirm"))
	if err != nil {
		return nil, err
	}
	return app.Create(dir, pass, confirm)
}

func (c *cli) unlock(dir string) (*app.Session, error) {
	if !app.VaultExists(dir) {
		return nil, &vault.FileError{Path: dir, Err: vault.ErrNotAVault}
	}
	pass, err := c.pass.read(c.cat.T("cli.prompt_passphrase"))
	if err != nil {
		return nil, err
	}
	return app.Unlock(dir, pass)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("check")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if err := s.Check(); err != nil {
		return c.fail(err)
	}
	st, err := s.Stats()
	if err != nil {
		return c.fail(err)
	}
	if *format == "json" {
		return c.printJSON(struct {
			Vault     string `json:"vault"`
			Integrity string `json:"integrity"`
			vault.Stats
		}{*dir, "ok", st})
	}
	fmt.Fprintln(c.stdout, c.cat.T("cli.check_ok", *dir))
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	rows := []struct {
		key string
		n   any
	}{
		{"cli.schema_version", st.SchemaVersion}, {"cli.count_cases", st.Cases},
		{"cli.count_tasks", st.Tasks}, {"cli.count_team", st.TeamMembers},
		{"cli.count_documents", st.Documents}, {"cli.count_journal", st.JournalItems},
		{"cli.count_bytes", st.BlobBytes},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%v\n", c.cat.T(r.key), r.n)
	}
	tw.Flush()
	return exitOK
}

// caseJSON is one case in the JSON output of `sotay cases`.
type caseJSON struct {
	ID             string  `json:"id"`
	Code           string  `json:"code"`
	Title          string  `json:"title"`
	Kind           string  `json:"kind"`
	Status         string  `json:"status"`
	Classification string  `json:"classification"`
	Subject        string  `json:"subject"`
	Start          string  `json:"start"`
	End            string  `json:"end"`
	Progress       float64 `json:"progress"`
	TasksTotal     int     `json:"tasks_total"`
	TasksDone      int     `json:"tasks_done"`
	OverdueTasks   int     `json:"overdue_tasks"`
}

func runCases(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	fs, dir, format := vaultFlags("cases")
	search := fs.String("search", "", "text to search for in code, title, subject and journal; tone marks optional")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	list, err := app.ListOrSearch(s, *search, app.Today())
	if err != nil {
		return c.fail(err)
	}
	if *format == "json" {
		out := make([]caseJSON, 0, len(list))
		for _, cs := range list {
			out = append(out, toCaseJSON(cs))
		}
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, c.cat.T("cli.cases_header"))
	for _, cs := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d%%\t%d\n", printable(cs.Code), printable(cs.Title),
			c.cat.T("kind."+string(cs.Kind)), c.cat.T("status."+string(cs.Status)),
			orDash(cs.Classification.Mark()), int(cs.Progress()*100+0.5), cs.TasksOverdue)
	}
	tw.Flush()
	return exitOK
}

func toCaseJSON(cs vault.CaseSummary) caseJSON {
	return caseJSON{
		ID: cs.ID, Code: cs.Code, Title: cs.Title, Kind: string(cs.Kind),
		Status: string(cs.Status), Classification: classificationName(cs.Classification),
		Subject: cs.SubjectName, Start: cs.Start.String(), End: cs.End.String(),
		Progress: float64(int(cs.Progress()*1000+0.5)) / 1000, TasksTotal: cs.TasksTotal,
		TasksDone: cs.TasksDone, OverdueTasks: cs.TasksOverdue,
	}
}

// classificationName returns the stable English name used in JSON.
func classificationName(c model.Classification) string {
	return [...]string{"none", "confidential", "secret", "top_secret"}[c]
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (c *cli) printResult(format string, v any, text string) int {
	if format == "json" {
		return c.printJSON(v)
	}
	fmt.Fprintln(c.stdout, text)
	return exitOK
}

func (c *cli) printJSON(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return c.fail(err)
	}
	return exitOK
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	cat := assets.NewCatalog(assets.LanguageFromEnvironment())
	fmt.Fprintln(stdout, strings.TrimSpace(cat.T("cli.help")))
	return exitOK
}

// printable returns s for one line of text output: control characters
// (tab, line breaks, escape), the Unicode line and paragraph separators
// and the bidirectional formatting characters become spaces. Case titles
// and sender names come from other workstations' bundles, and an escape
// sequence in them would otherwise reach the terminal.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return ' '
		case unicode.Is(unicode.Bidi_Control, r):
			return ' '
		}
		return r
	}, s)
}

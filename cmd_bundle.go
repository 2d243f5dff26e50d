package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sotay/app"
	"sotay/vault"
)

// Exit codes of the bundle commands, beside exitOK, exitFailure and
// exitUsage; `sotay help` lists them.
const (
	exitWrongKey    = 3 // wrong passphrase, or addressed to another key
	exitTampered    = 4 // altered, bad signature, data appended, not a bundle
	exitTruncated   = 5
	exitNewerFormat = 6
	exitReplay      = 7
	exitUntrusted   = 8
	exitOverLimit   = 9  // classification above the USB limit, not confirmed
	exitNoSpace     = 10 // not enough free space for the bundle
)

// bundleExitCode returns the exit code for a bundle error.
func bundleExitCode(err error) int {
	codes := []struct {
		err  error
		code int
	}{
		{vault.ErrBundleWrongPassphrase, exitWrongKey}, {vault.ErrBundleNotForThisKey, exitWrongKey},
		{vault.ErrBundleNeedsKey, exitWrongKey}, {vault.ErrBundleNeedsPassphrase, exitWrongKey},
		{vault.ErrBundleTruncated, exitTruncated},
		{vault.ErrBundleNewer, exitNewerFormat},
		{vault.ErrBundleTampered, exitTampered}, {vault.ErrBundleBadSignature, exitTampered},
		{vault.ErrBundleExtended, exitTampered}, {vault.ErrNotABundle, exitTampered},
		{vault.ErrBundleLimits, exitTampered}, {vault.ErrBundleKDFLimit, exitTampered},
		{vault.ErrBundleReplay, exitReplay},
		{vault.ErrUntrustedSender, exitUntrusted},
		{vault.ErrOverClassificationLimit, exitOverLimit},
		{vault.ErrNotEnoughSpace, exitNoSpace},
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return exitFailure
}

// failBundle prints err like fail and returns its bundle exit code.
func (c *cli) failBundle(err error) int {
	c.fail(err)
	return bundleExitCode(err)
}

func runBundle(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	sub := map[string]func(*cli, []string) int{
		"export": (*cli).bundleExport, "import": (*cli).bundleImport,
		"inspect": (*cli).bundleInspect, "verify": (*cli).bundleVerify,
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(stdout, c.cat.T("cli.bundle_usage"))
		fmt.Fprintln(stdout, c.cat.T("cli.bundle_exit_codes"))
		return exitOK
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.bundle_usage"))
		return exitUsage
	}
	return sub[args[0]](c, args[1:])
}

// bundleFlags is vaultFlags with the exit codes added to the usage text.
func (c *cli) bundleFlags(name string) (*flag.FlagSet, *string, *string) {
	fs, dir, format := vaultFlags(name)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "sotay %s:\n", name)
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output(), c.cat.T("cli.bundle_exit_codes"))
	}
	return fs, dir, format
}

// listFlag collects a flag given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// parseFiles parses args that may start with file names, as in
// "import FILE --vault DIR", and returns the files.
func (c *cli) parseFiles(fs *flag.FlagSet, args []string, dir, format *string) ([]string, int, bool) {
	var files []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		files, args = append(files, args[0]), args[1:]
	}
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return nil, code, false
	}
	files = append(files, fs.Args()...)
	if len(files) == 0 {
		return nil, c.usage(fs, "cli.bundle_no_file"), false
	}
	return files, 0, true
}

func (c *cli) bundleExport(args []string) int {
	fs, dir, format := c.bundleFlags("bundle export")
	var cases, to listFlag
	fs.Var(&cases, "case", "case id or code to export; repeat for several")
	meeting := fs.String("meeting", "", "id of the meeting to export with its materials")
	all := fs.Bool("all", false, "export the whole vault (backup)")
	fs.Var(&to, "to", "key card file, or fingerprint in the key directory, to encrypt to; repeat for several")
	passFile := fs.String("bundle-passphrase-file", "", "file whose first line is the bundle passphrase")
	out := fs.String("out", "", "bundle file to write (.sotay)")
	confirm := fs.Bool("confirm-classified", false, "write the bundle even above the USB classification limit; recorded")
	packs := fs.Bool("packs", false, "with --meeting: write one bundle per attendee into the folder --out, each to the attendee's linked key card")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	selected := boolCount(len(cases) > 0, *meeting != "", *all)
	if *packs {
		if *meeting == "" || selected != 1 || *out == "" || len(to) > 0 || *passFile != "" {
			return c.usage(fs, "cli.bundle_packs_usage")
		}
		return c.exportPacks(*dir, *meeting, *out, *confirm, *format)
	}
	if selected != 1 || *out == "" || (len(to) == 0) == (*passFile == "") {
		return c.usage(fs, "cli.bundle_export_usage")
	}
	if info, err := os.Stat(*out); err == nil && info.IsDir() {
		return c.usage(fs, "cli.bundle_out_is_folder", *out, filepath.Join(*out, "ho-so.sotay"))
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()

	req := vault.ExportRequest{Kind: vault.KindBackup, ConfirmOverLimit: *confirm}
	switch {
	case len(cases) > 0:
		req.Kind = vault.KindCases
		if req.CaseIDs, err = resolveCases(s, cases); err != nil {
			return c.failCaseRef(err)
		}
	case *meeting != "":
		if _, err := s.Meeting(*meeting); err != nil {
			return c.failRef(err, "cli.bundle_meeting_not_found", *meeting)
		}
		req.Kind, req.MeetingIDs = vault.KindMeetings, []string{*meeting}
	}
	if *passFile != "" {
		if req.Passphrase, err = readPassphraseFile(*passFile); err != nil {
			return c.fail(err)
		}
	}
	for _, card := range to {
		k, err := resolveCard(s, card)
		if err != nil {
			return c.failRef(err, "cli.bundle_card_not_found", card)
		}
		req.Recipients = append(req.Recipients, k)
	}
	m, err := app.ExportBundle(context.Background(), s, req, *out)
	if err != nil {
		return c.failBundle(err)
	}
	return c.printResult(*format, manifestJSON(m, *out),
		c.cat.T("cli.bundle_written", *out, m.Records, len(m.Attachments), m.Sequence))
}

// exportPacks writes a meeting pack: one bundle per attendee.
func (c *cli) exportPacks(dir, meeting, out string, confirm bool, format string) int {
	s, err := c.unlock(dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if _, err := s.Meeting(meeting); err != nil {
		return c.failRef(err, "cli.bundle_meeting_not_found", meeting)
	}
	results, err := s.ExportMeetingPacks(context.Background(), meeting, out, app.Today(), confirm, nil)
	if err != nil {
		return c.failBundle(err)
	}
	code := exitOK
	type packJSON struct {
		Member string `json:"member"`
		File   string `json:"file,omitempty"`
		Error  string `json:"error,omitempty"`
	}
	var list []packJSON
	for _, r := range results {
		if r.Err != nil {
			msg := app.Explain(r.Err)
			list = append(list, packJSON{Member: r.Member.Name, Error: c.cat.T(msg.Key, msg.Args...)})
			fmt.Fprintf(c.stderr, "sotay: %s: %s\n", r.Member.Name, c.cat.T(msg.Key, msg.Args...))
			if code == exitOK {
				code = bundleExitCode(r.Err)
			}
			continue
		}
		list = append(list, packJSON{Member: r.Member.Name, File: r.Path})
		if format != "json" {
			fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_pack_written", r.Member.Name, r.Path, r.Versions))
		}
	}
	if format == "json" {
		c.printJSON(list)
	}
	return code
}

func boolCount(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// caseRefError is a --case value that names no live case (IDs empty), or
// a code that several live cases share.
type caseRefError struct {
	Ref string
	IDs []string
}

func (e *caseRefError) Error() string {
	if len(e.IDs) == 0 {
		return fmt.Sprintf("case %s: %v", e.Ref, vault.ErrNotFound)
	}
	return fmt.Sprintf("case code %s is shared by cases %s", e.Ref, strings.Join(e.IDs, ", "))
}

func (e *caseRefError) Unwrap() error {
	if len(e.IDs) == 0 {
		return vault.ErrNotFound
	}
	return nil
}

// resolveCases returns the ids of the live cases that refs name by id or
// by code. A code that two live cases share, as after importing a case
// numbered on another workstation, is rejected rather than resolved to
// either of them, so that the wrong case never goes on the stick.
func resolveCases(s *app.Session, refs []string) ([]string, error) {
	var ids []string
	for _, ref := range refs {
		if cs, err := s.Case(ref); err == nil {
			ids = append(ids, cs.ID)
			continue
		}
		byCode, err := s.CaseIDsByCode(ref)
		if err != nil {
			return nil, err
		}
		if len(byCode) != 1 {
			return nil, &caseRefError{Ref: ref, IDs: byCode}
		}
		ids = append(ids, byCode[0])
	}
	return ids, nil
}

// failRef prints the message key about the flag value ref when err is
// vault.ErrNotFound, as fail does otherwise, and returns exitFailure.
func (c *cli) failRef(err error, key, ref string) int {
	if !errors.Is(err, vault.ErrNotFound) {
		return c.fail(err)
	}
	fmt.Fprintln(c.stderr, "sotay: "+c.cat.T(key, printable(ref)))
	return exitFailure
}

// failCaseRef prints the message of a resolveCases error, naming the
// --case value, and returns exitFailure.
func (c *cli) failCaseRef(err error) int {
	var re *caseRefError
	if !errors.As(err, &re) {
		return c.fail(err)
	}
	if len(re.IDs) == 0 {
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T("cli.bundle_case_not_found", printable(re.Ref)))
	} else {
		fmt.Fprintln(c.stderr, "sotay: "+c.cat.T("cli.bundle_case_ambiguous", printable(re.Ref), strings.Join(re.IDs, ", ")))
	}
	return exitFailure
}

// resolveCard reads a key card file, or finds a fingerprint in the key
// directory.
func resolveCard(s *app.Session, ref string) (vault.KeyCard, error) {
	if _, err := os.Stat(ref); err == nil {
		return app.ReadKeyCard(ref)
	}
	e, err := s.KeyCardByFingerprint(ref)
	return e.KeyCard, err
}

// readPassphraseFile returns the first line of path, without its line
// ending.
func readPassphraseFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return nil, fmt.Errorf("%s: %w", path, vault.ErrBundleNeedsPassphrase)
	}
	return []byte(line), nil
}

// bundleKey returns the key for the bundle at path: a passphrase from
// the file or a prompt when the bundle has one, else the vault's officer
// key, which unlocks the vault (the session is then returned).
func (c *cli) bundleKey(path, dir, passFile string) (vault.BundleKey, *app.Session, error) {
	needs, err := app.BundleNeedsPassphrase(path)
	if err != nil {
		return vault.BundleKey{}, nil, err
	}
	if needs {
		pass, err := c.bundlePassphrase(passFile)
		return vault.PassphraseKey(pass), nil, err
	}
	s, err := c.unlock(dir)
	if err != nil {
		return vault.BundleKey{}, nil, err
	}
	key, err := s.OfficerKey()
	if errors.Is(err, vault.ErrNoIdentity) {
		err = vault.ErrBundleNotForThisKey
	}
	return key, s, err
}

// bundlePassphrase reads the bundle passphrase from passFile, or else
// from the prompt or the next line of standard input. Standard input that
// ends first means the passphrase is missing: vault.ErrBundleNeedsPassphrase.
func (c *cli) bundlePassphrase(passFile string) ([]byte, error) {
	if passFile != "" {
		return readPassphraseFile(passFile)
	}
	pass, err := c.pass.read(c.cat.T("cli.prompt_bundle_passphrase"))
	if errors.Is(err, errNoPassphrase) {
		return nil, fmt.Errorf("%w: %w", vault.ErrBundleNeedsPassphrase, err)
	}
	return pass, err
}

func (c *cli) bundleImport(args []string) int {
	fs, dir, format := c.bundleFlags("bundle import")
	passFile := fs.String("bundle-passphrase-file", "", "file whose first line is the bundle passphrase")
	dryRun := fs.Bool("dry-run", false, "check the bundle and show what it would change, changing nothing")
	trust := fs.String("trust", "", "fingerprint of a sender not in the key directory to accept (and add)")
	replay := fs.Bool("allow-replay", false, "apply a bundle whose sequence number was already imported")
	files, code, ok := c.parseFiles(fs, args, dir, format)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return c.usage(fs, "cli.bundle_one_file")
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	opts := vault.ImportOptions{DryRun: *dryRun, AllowReplay: *replay}
	needs, err := app.BundleNeedsPassphrase(files[0])
	if err != nil {
		return c.failBundle(err)
	}
	if needs {
		pass, err := c.bundlePassphrase(*passFile)
		if err != nil {
			return c.failBundle(err)
		}
		opts.Key = vault.PassphraseKey(pass)
	}
	p, err := app.ImportBundle(context.Background(), s, files[0], opts)
	if p != nil && *trust != "" && !p.SenderKnown && sameFingerprint(*trust, p.Manifest.Sender.Fingerprint) && err != nil {
		opts.TrustSender = true
		p, err = app.ImportBundle(context.Background(), s, files[0], opts)
	}
	if p != nil {
		c.printPreview(*format, p)
	}
	if err != nil {
		return c.failBundle(err)
	}
	return exitOK
}

// sameFingerprint compares a typed fingerprint (hexadecimal prefix of at
// least 16 digits, or the six read-aloud groups) with a full one.
func sameFingerprint(typed, full string) bool {
	t := strings.ToLower(strings.ReplaceAll(typed, " ", ""))
	if t == strings.ReplaceAll(vault.ReadAloud(full), " ", "") {
		return true
	}
	return len(t) >= 16 && strings.HasPrefix(full, t)
}

func (c *cli) printPreview(format string, p *vault.ImportPreview) {
	if format == "json" {
		c.printJSON(previewJSON(p))
		return
	}
	m := &p.Manifest
	fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_from", printable(m.Sender.Name), vault.ReadAloud(m.Sender.Fingerprint), m.Sequence))
	if !p.SenderKnown {
		fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_unknown_sender"))
	}
	if p.Replay {
		fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_replay", m.Sequence, p.LastSequence))
	}
	t := p.Total
	fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_changes", t.Added, t.Updated, t.Unchanged, t.Kept, t.Conflicts))
	for _, cs := range p.Cases {
		fmt.Fprintf(c.stdout, "  %s\t%s\t%s\n", c.cat.T(app.CaseChangeKey(cs)), printable(cs.Code), printable(cs.Title))
	}
	if p.Applied {
		fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_applied"))
	} else {
		fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_not_applied"))
	}
}

func (c *cli) bundleInspect(args []string) int {
	return c.bundleRead("bundle inspect", args, true)
}

func (c *cli) bundleVerify(args []string) int {
	return c.bundleRead("bundle verify", args, false)
}

// bundleRead verifies each bundle file and prints its manifest (inspect)
// or one line (verify). The exit code is that of the first failure.
func (c *cli) bundleRead(name string, args []string, inspect bool) int {
	fs, dir, format := c.bundleFlags(name)
	passFile := fs.String("bundle-passphrase-file", "", "file whose first line is the bundle passphrase")
	files, code, ok := c.parseFiles(fs, args, dir, format)
	if !ok {
		return code
	}
	result := exitOK
	var session *app.Session
	defer func() {
		if session != nil {
			session.Lock()
		}
	}()
	for _, path := range files {
		key, s, err := c.bundleKeyCached(path, *dir, *passFile, &session)
		if s != nil {
			session = s
		}
		var m *vault.Manifest
		if err == nil {
			m, err = app.VerifyBundle(context.Background(), path, key)
		}
		if inspect && m != nil {
			c.printManifest(*format, path, m, err)
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "%s: ", path)
			if code := c.failBundle(err); result == exitOK {
				result = code
			}
			continue
		}
		if !inspect {
			fmt.Fprintln(c.stdout, c.cat.T("cli.bundle_verified", path, printable(m.Sender.Name), vault.ReadAloud(m.Sender.Fingerprint)))
		}
	}
	return result
}

func (c *cli) bundleKeyCached(path, dir, passFile string, session **app.Session) (vault.BundleKey, *app.Session, error) {
	needs, err := app.BundleNeedsPassphrase(path)
	if err != nil || needs || *session == nil {
		return c.bundleKey(path, dir, passFile)
	}
	key, err := (*session).OfficerKey()
	return key, nil, err
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"sotay/app"
	"sotay/assets"
	"sotay/ui"
)

// appID is the application id from FyneApp.toml.
const appID = "vn.ubkt.sotay"

// runGUI starts the window on the vault of --vault, the default vault, or
// with --demo a fresh demo vault in a temporary folder.
func runGUI(args []string, stdout, stderr io.Writer) int {
	cat := assets.NewCatalog(assets.LanguageFromEnvironment())
	fs := flag.NewFlagSet("sotay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("vault", "", "vault folder (default: the user's configuration folder + sotay)")
	demo := fs.Bool("demo", false, "open a new demo vault in a temporary folder, unlocked")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, cat.T("cli.help"))
			return exitOK
		}
		return exitUsage
	}

	opts := ui.Options{VaultDir: *dir}
	if *demo {
		d, session, pass, err := app.CreateDemo(app.Today())
		if err != nil {
			fmt.Fprintln(stderr, "sotay: "+cat.T(app.Explain(err).Key))
			return exitFailure
		}
		defer os.RemoveAll(d)
		fmt.Fprintln(stdout, cat.T("cli.demo_passphrase", session.Dir(), pass))
		opts.VaultDir, opts.Session = session.Dir(), session
	}
	if opts.VaultDir == "" {
		d, err := app.DefaultVaultDir()
		if err != nil {
			fmt.Fprintln(stderr, "sotay: "+cat.T("err.unexpected"))
			return exitFailure
		}
		opts.VaultDir = d
	}

	fa := ui.SealPreferences(fyneapp.NewWithID(appID))
	w := ui.NewWindow(fa, opts)
	w.SetMaster()
	w.ShowAndRun()
	return exitOK
}

// Command sotay is Sổ tay Kiểm tra: with no sub-command it opens the
// window on a vault; with one it runs that command and exits.
package main

import (
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // Windows has no zone database of its own.

	_ "localeenv" // before Fyne reads the locale

	"sotay/assets"
)

// command is a sub-command: it gets the arguments after its name and
// returns the process exit code.
type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{
	"init":     runInit,
	"demo":     runDemo,
	"check":    runCheck,
	"cases":    runCases,
	"deadline": runDeadline,
	"calendar": runCalendar,
	"lunar":    runLunar,
	"meeting":  runMeeting,
	"agenda":   runAgenda,
	"ics":      runICS,
	"bundle":   runBundle,
	"key":      runKey,
	"doc":      runDoc,
	"export":   runExport,
	"import":   runImport,
	"help":     runHelp,
}

func main() {
	args := os.Args[1:]
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, ok := commands[args[0]]
		if !ok {
			cat := assets.NewCatalog(assets.LanguageFromEnvironment())
			fmt.Fprintln(os.Stderr, "sotay: "+cat.T("cli.unknown_command", args[0]))
			os.Exit(exitUsage)
		}
		os.Exit(cmd(args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(runGUI(args, os.Stdout, os.Stderr))
}

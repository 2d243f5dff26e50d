// Command winres writes the Windows resources of sotay.exe from
// FyneApp.toml: an icon made from the app's PNG icon, a version
// information block and an application manifest, with a resource script
// (.rc) that lists them. The Makefile compiles the script with
// x86_64-w64-mingw32-windres into a .syso file that the Go linker adds to
// the Windows executables.
//
// Usage:
//
//	go run ./tools/winres -out DIR FyneApp.toml
//
// The icon path in FyneApp.toml is relative to the folder of that file.
// DIR receives sotay.rc, sotay.ico and sotay.manifest.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "", "folder to write sotay.rc, sotay.ico and sotay.manifest to")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: winres -out DIR FyneApp.toml")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

func run(metadataPath, outDir string) error {
	details, err := readDetails(metadataPath)
	if err != nil {
		return err
	}
	version, err := parseVersion(details.Version, details.Build)
	if err != nil {
		return fmt.Errorf("%s: %w", metadataPath, err)
	}

	iconPath := filepath.Join(filepath.Dir(metadataPath), filepath.FromSlash(details.Icon))
	icon, err := os.ReadFile(iconPath)
	if err != nil {
		return fmt.Errorf("read icon: %w", err)
	}
	ico, err := encodeICO(icon)
	if err != nil {
		return fmt.Errorf("%s: %w", iconPath, err)
	}

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	files := map[string][]byte{
		"sotay.ico":      ico,
		"sotay.manifest": manifest(details.ID, version),
		"sotay.rc":       resourceScript(details, version),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(outDir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

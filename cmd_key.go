package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"sotay/app"
)

func runKey(args []string, stdout, stderr io.Writer) int {
	c := newCLI(stdout, stderr)
	sub := map[string]func(*cli, []string) int{
		"export": (*cli).keyExport, "import": (*cli).keyImport, "list": (*cli).keyList,
		"link": (*cli).keyLink,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, "sotay: "+c.cat.T("cli.key_usage"))
		return exitUsage
	}
	return sub[args[0]](c, args[1:])
}

// keyExport writes the officer's public key card, creating the officer
// keys on first use.
func (c *cli) keyExport(args []string) int {
	fs, dir, format := vaultFlags("key export")
	out := fs.String("out", "", "key card file to write")
	name := fs.String("name", "", "officer's full name (required the first time)")
	title := fs.String("title", "", "officer's position")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	if *out == "" {
		return c.usage(fs, "cli.key_export_usage")
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	if _, err := s.Officer(); err != nil && *name == "" {
		return c.usage(fs, "cli.key_name_needed")
	}
	o, err := s.EnsureOfficer(*name, *title)
	if err != nil {
		return c.fail(err)
	}
	card := o.Card()
	if err := app.WriteKeyCard(card, *out); err != nil {
		return c.fail(err)
	}
	return c.printResult(*format, map[string]any{"file": *out, "name": card.Name,
		"fingerprint": card.Fingerprint(), "fingerprint_groups": card.ReadAloud()},
		c.cat.T("cli.key_written", *out, card.ReadAloud()))
}

func (c *cli) keyImport(args []string) int {
	fs, dir, format := vaultFlags("key import")
	files, code, ok := c.parseFiles(fs, args, dir, format)
	if !ok {
		return code
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	for _, path := range files {
		card, err := app.ReadKeyCard(path)
		if err == nil {
			err = s.AddKeyCard(card)
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "%s: ", path)
			return c.fail(err)
		}
		fmt.Fprintln(c.stdout, c.cat.T("cli.key_added", printable(card.Name), card.ReadAloud()))
	}
	return exitOK
}

func (c *cli) keyList(args []string) int {
	fs, dir, format := vaultFlags("key list")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	entries, err := s.KeyDirectory()
	if err != nil {
		return c.fail(err)
	}
	type entryJSON struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Fingerprint string `json:"fingerprint"`
		Groups      string `json:"fingerprint_groups"`
	}
	out := []entryJSON{}
	for _, e := range entries {
		out = append(out, entryJSON{e.Name, e.Title, e.Fingerprint(), e.ReadAloud()})
	}
	if *format == "json" {
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	for _, e := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", printable(e.Name), printable(e.Title), e.Groups)
	}
	tw.Flush()
	return exitOK
}

// keyLink links a member of the meetings directory to a key card, so that
// meeting packs for the member are encrypted to it.
func (c *cli) keyLink(args []string) int {
	fs, dir, format := vaultFlags("key link")
	member := fs.String("member", "", "id of the member in the meetings directory")
	card := fs.String("card", "", "key card file, or fingerprint of a card in the key directory")
	if code, ok := c.parse(fs, args, dir, format); !ok {
		return code
	}
	if *member == "" || *card == "" {
		return c.usage(fs, "cli.key_link_usage")
	}
	s, err := c.unlock(*dir)
	if err != nil {
		return c.fail(err)
	}
	defer s.Lock()
	k, err := resolveCard(s, *card)
	if err == nil {
		if _, known := s.KeyCardByFingerprint(k.Fingerprint()); known != nil {
			err = s.AddKeyCard(k)
		}
	}
	if err == nil {
		err = s.LinkMemberKey(*member, k.Fingerprint())
	}
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(c.stdout, c.cat.T("cli.key_linked", printable(k.Name), k.ReadAloud()))
	return exitOK
}

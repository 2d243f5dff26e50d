package main

import (
	"fmt"
	"time"

	"sotay/vault"
)

// bundleJSON is a manifest in the JSON output of the bundle commands.
type bundleJSON struct {
	File            string         `json:"file,omitempty"`
	Status          string         `json:"status,omitempty"`
	Format          int            `json:"format"`
	Kind            string         `json:"kind"`
	SenderName      string         `json:"sender_name"`
	SenderTitle     string         `json:"sender_title"`
	Fingerprint     string         `json:"sender_fingerprint"`
	ReadAloud       string         `json:"sender_fingerprint_groups"`
	Workstation     string         `json:"workstation"`
	Sequence        int64          `json:"sequence"`
	Created         time.Time      `json:"created"`
	Classification  string         `json:"highest_classification"`
	Records         int            `json:"records"`
	Tables          map[string]int `json:"tables"`
	Attachments     int            `json:"attachments"`
	AttachmentBytes int64          `json:"attachment_bytes"`
}

func manifestJSON(m *vault.Manifest, file string) bundleJSON {
	return bundleJSON{
		File: file, Format: m.Format, Kind: string(m.Kind),
		SenderName: m.Sender.Name, SenderTitle: m.Sender.Title,
		Fingerprint: m.Sender.Fingerprint, ReadAloud: vault.ReadAloud(m.Sender.Fingerprint),
		Workstation: m.Workstation, Sequence: m.Sequence, Created: m.Created,
		Classification: classificationName(m.Classification), Records: m.Records,
		Tables: m.Tables, Attachments: len(m.Attachments), AttachmentBytes: m.AttachmentBytes,
	}
}

// previewJSON is the JSON output of `sotay bundle import`.
type previewJSONOut struct {
	Bundle       bundleJSON               `json:"bundle"`
	SenderKnown  bool                     `json:"sender_known"`
	Replay       bool                     `json:"replay"`
	LastSequence int64                    `json:"last_sequence"`
	Total        vault.Changes            `json:"total"`
	Tables       map[string]vault.Changes `json:"tables"`
	Applied      bool                     `json:"applied"`
}

func previewJSON(p *vault.ImportPreview) previewJSONOut {
	return previewJSONOut{
		Bundle: manifestJSON(&p.Manifest, ""), SenderKnown: p.SenderKnown, Replay: p.Replay,
		LastSequence: p.LastSequence, Total: p.Total, Tables: p.Tables, Applied: p.Applied,
	}
}

// printManifest prints what `sotay bundle inspect` shows for one file.
func (c *cli) printManifest(format, path string, m *vault.Manifest, err error) {
	if format == "json" {
		out := manifestJSON(m, path)
		out.Status = "ok"
		if err != nil {
			out.Status = err.Error()
		}
		c.printJSON(out)
		return
	}
	rows := []struct {
		key   string
		value any
	}{
		{"cli.bundle_file", path},
		{"cli.bundle_kind", c.cat.T("exchange.kind." + string(m.Kind))},
		{"cli.bundle_sender", fmt.Sprintf("%s (%s)", printable(m.Sender.Name), printable(m.Sender.Title))},
		{"cli.bundle_fingerprint", vault.ReadAloud(m.Sender.Fingerprint)},
		{"cli.bundle_workstation", printable(m.Workstation)},
		{"cli.bundle_sequence", m.Sequence},
		{"cli.bundle_created", m.Created.Local().Format("02/01/2006 15:04")},
		{"cli.bundle_classification", orDash(m.Classification.Mark())},
		{"cli.bundle_records", m.Records},
		{"cli.bundle_attachments", fmt.Sprintf("%d (%d B)", len(m.Attachments), m.AttachmentBytes)},
	}
	for _, r := range rows {
		fmt.Fprintf(c.stdout, "%-22s %v\n", c.cat.T(r.key)+":", r.value)
	}
	for table, n := range m.Tables {
		fmt.Fprintf(c.stdout, "  %-20s %d\n", printable(table), n)
	}
}

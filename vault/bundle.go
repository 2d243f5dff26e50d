package vault

import (
	"errors"
	"fmt"
	"time"

	"sotay/model"
)

// Errors of bundle export and import. Each one leaves the vault as it
// was: an import applies nothing, an export leaves no file under the
// final name.
var (
	// ErrNotABundle is returned for a file that is not a .sotay bundle.
	ErrNotABundle = errors.New("not a bundle file")
	// ErrBundleWrongPassphrase is returned when the bundle passphrase does
	// not decrypt a passphrase-encrypted bundle.
	ErrBundleWrongPassphrase = errors.New("wrong bundle passphrase")
	// ErrBundleNotForThisKey is returned when the bundle is encrypted to
	// other officers' keys and not to this vault's.
	ErrBundleNotForThisKey = errors.New("bundle is addressed to another key")
	// ErrBundleNeedsPassphrase is returned when a passphrase-encrypted
	// bundle is opened without a passphrase.
	ErrBundleNeedsPassphrase = errors.New("bundle is encrypted with a passphrase")
	// ErrBundleNeedsKey is returned when a bundle encrypted to officers'
	// keys is opened with a passphrase.
	ErrBundleNeedsKey = errors.New("bundle is encrypted to officer keys")
	// ErrBundleKDFLimit is returned for a passphrase bundle whose scrypt
	// work factor is above MaxScryptWorkFactor; no key derivation ran.
	ErrBundleKDFLimit = errors.New("bundle passphrase work factor above the limit")
	// ErrBundleTruncated is returned when the file ends before the bundle
	// does: a copy that did not finish or a stick pulled out too early.
	ErrBundleTruncated = errors.New("bundle is truncated")
	// ErrBundleReadFailed wraps a failed read of the bundle file, as when
	// the stick is pulled out or faulty. The bundle itself may be fine.
	ErrBundleReadFailed = errors.New("reading the bundle file failed")
	// ErrBundleExtended is returned when data follows the end of the
	// bundle.
	ErrBundleExtended = errors.New("data after the end of the bundle")
	// ErrBundleTampered is returned when a part of the bundle fails
	// authentication or its content does not match the signed manifest.
	ErrBundleTampered = errors.New("bundle was altered or damaged")
	// ErrBundleBadSignature is returned when the manifest signature does
	// not verify with the sender key named in it.
	ErrBundleBadSignature = errors.New("bundle signature is invalid")
	// ErrBundleNewer is returned for a bundle format, table or column
	// that this version does not know.
	ErrBundleNewer = errors.New("bundle made by a newer version")
	// ErrBundleLimits is returned for a manifest whose counts or sizes are
	// above the limits in bundleLimits.
	ErrBundleLimits = errors.New("bundle counts or sizes out of range")
	// ErrBundleReplay is returned by an import whose sequence number is
	// not above the last one imported from the same sender, unless
	// ImportOptions.AllowReplay is set.
	ErrBundleReplay = errors.New("bundle was imported before (replay)")
	// ErrUntrustedSender is returned by an import from a sender key that
	// is not in the key directory, unless ImportOptions.TrustSender is set.
	ErrUntrustedSender = errors.New("bundle sender is not in the key directory")
	// ErrNoRecipients is returned by an export with neither key cards nor
	// a passphrase.
	ErrNoRecipients = errors.New("no recipient for the bundle")
	// ErrPassphraseWithKeys is returned by an export with both key cards
	// and a passphrase: an age file encrypted with a passphrase can have
	// no other recipient.
	ErrPassphraseWithKeys = errors.New("a passphrase bundle cannot also be encrypted to keys")
	// ErrOverClassificationLimit wraps a *ClassificationError.
	ErrOverClassificationLimit = errors.New("bundle classification above the USB limit")
	// ErrNotEnoughSpace wraps a *SpaceError.
	ErrNotEnoughSpace = errors.New("not enough free space")
	// ErrNothingToExport is returned for an export that selects no record.
	ErrNothingToExport = errors.New("nothing to export")
	// ErrMeetingsUnavailable is returned for a meeting export by a build
	// whose schema has no meeting tables.
	ErrMeetingsUnavailable = errors.New("meetings are not available in this version")
)

// ClassificationError reports the highest classification in a bundle and
// the highest one the vault allows on USB without confirmation.
type ClassificationError struct {
	Highest, Allowed model.Classification
}

func (e *ClassificationError) Error() string {
	return fmt.Sprintf("bundle holds %q records, USB limit is %q", e.Highest.Mark(), e.Allowed.Mark())
}
func (e *ClassificationError) Unwrap() error { return ErrOverClassificationLimit }

// SpaceError reports how many bytes a bundle needs and how many are free
// in the folder it goes to.
type SpaceError struct {
	Dir          string
	Needed, Free int64
}

func (e *SpaceError) Error() string {
	return fmt.Sprintf("%s: bundle needs %d bytes, %d free", e.Dir, e.Needed, e.Free)
}
func (e *SpaceError) Unwrap() error { return ErrNotEnoughSpace }

// BundleKind is the kind of content a bundle carries.
type BundleKind string

// The kinds of bundle.
const (
	KindCases       BundleKind = "cases"
	KindMeetings    BundleKind = "meetings"
	KindMeetingPack BundleKind = "meeting-pack"
	KindBackup      BundleKind = "backup"
)

// BundleFormat is the version of the .sotay layout this build writes and
// the highest one it reads.
const BundleFormat = 1

// MaxScryptWorkFactor is the highest scrypt work factor (log2 N) accepted
// from a bundle file; age v1.3.2 itself accepts up to 22. At N = 2^20 and
// r = 8, scrypt needs 128·r·N bytes = 1 GiB of memory. Bundles are
// written with ExportScryptWorkFactor, age's default.
const (
	MaxScryptWorkFactor    = 20
	ExportScryptWorkFactor = 18
)

// Setting keys of the exchange.
const (
	// SettingUSBMaxClassification is the highest classification (0–3)
	// that a bundle may hold without the user's confirmation.
	SettingUSBMaxClassification = "usb_max_classification"
	// DefaultUSBMaxClassification applies while the setting is unset.
	DefaultUSBMaxClassification = model.Confidential
)

// Manifest describes a bundle. It is the first thing inside the
// encryption and is signed by the sender; its hashes and sizes bind the
// records and attachments that follow.
type Manifest struct {
	Format          int                  `json:"format"`
	Kind            BundleKind           `json:"kind"`
	Sender          Sender               `json:"sender"`
	Workstation     string               `json:"workstation"`
	Sequence        int64                `json:"sequence"`
	Created         time.Time            `json:"created"`
	Schema          int                  `json:"schema"`
	Classification  model.Classification `json:"highest_classification"`
	Records         int                  `json:"records"`
	Tables          map[string]int       `json:"tables"`
	RecordsSize     int64                `json:"records_size"`
	RecordsSHA256   string               `json:"records_sha256"`
	Attachments     []Attachment         `json:"attachments"`
	AttachmentBytes int64                `json:"attachment_bytes"`
	Seen            map[string]string    `json:"seen"`
}

// Sender names the officer key that signed a bundle.
type Sender struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Fingerprint string `json:"fingerprint"`
	Recipient   string `json:"age_recipient"`
	SignKey     string `json:"ed25519_public"`
}

// Attachment is one file content carried by a bundle.
type Attachment struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// bundleLimits bound what a manifest may announce; a signed manifest
// above them is rejected before any of it is used.
var bundleLimits = struct {
	manifestSize    int64
	records         int
	recordsSize     int64
	attachments     int
	attachmentBytes int64
}{
	manifestSize:    32 << 20,
	records:         5_000_000,
	recordsSize:     256 << 20,
	attachments:     200_000,
	attachmentBytes: 1 << 40,
}

// recordTable is a table of records that bundles carry. Every such table
// has the columns id, created_at, updated_at (an HLC), workstation and
// deleted, except a keyed table (see key). The other columns are read
// from the schema, so a table is registered with its name and its place
// only.
type recordTable struct {
	name string
	// scope is the selector of the rows. "case" rows belong to a case
	// through parent (the cases table itself has no parent), "meeting"
	// rows likewise to a meeting, and "backup" rows travel only in
	// whole-vault backups.
	scope  string
	parent string
	// blob, when set, is the column holding the SHA-256 of a file content
	// in blobs that travels with the row. The content of a row with a
	// deletion mark does not travel.
	blob string
	// secret rows travel only in backups encrypted with a passphrase
	// alone, and are applied only to a vault that has none.
	secret bool
	// key, when set, names the primary key of a table without the record
	// columns. Its rows have no clock to merge by, so an import only adds
	// the keys the vault lacks and leaves the values it has.
	key string
	// unique lists the columns of a unique index other than id. An
	// incoming row whose values another local row holds is a conflict:
	// the local row stays and the incoming one goes to the conflicts.
	unique []string
}

// idColumn returns the column that identifies a row of t.
func (t recordTable) idColumn() string {
	if t.key != "" {
		return t.key
	}
	return "id"
}

// recordTables lists the record tables in the order they are exported.
// Tables missing from the schema are skipped. Every other table of the
// schema is in localTables (bundle_tables_test.go) with the reason no
// bundle carries it; TestBundleTablesCoverSchema fails for a table in
// neither list.
//
// A meeting bundle also carries the "member" rows that its attendees and
// distribution rows refer to.
var recordTables = []recordTable{
	{name: "cases", scope: "case"},
	{name: "team_members", scope: "case", parent: "case_id"},
	{name: "tasks", scope: "case", parent: "case_id"},
	{name: "documents", scope: "case", parent: "case_id", blob: "sha256"},
	{name: "journal", scope: "case", parent: "case_id"},
	// A case handed over keeps what it found and decided; the row's id is
	// the case's id.
	{name: "case_outcomes", scope: "case", parent: "case_id"},
	{name: "members", scope: "member"},
	{name: "meetings", scope: "meeting"},
	{name: "meeting_attendees", scope: "meeting", parent: "meeting_id"},
	{name: "agenda_items", scope: "meeting", parent: "meeting_id"},
	{name: "materials", scope: "meeting", parent: "meeting_id"},
	{name: "material_versions", scope: "meeting", parent: "meeting_id", blob: "sha256"},
	{name: "distributions", scope: "meeting", parent: "meeting_id"},
	// The officer's own calendar, to-dos and Pomodoro log, and the
	// urgency they set by hand on case tasks.
	{name: "events", scope: "backup"},
	{name: "todos", scope: "backup"},
	{name: "pomodoro_sessions", scope: "backup"},
	{name: "task_urgency", scope: "backup"},
	// The commission's plan, reporting regime, KPIs, templates and
	// handbook, as this officer keeps them.
	{name: "plan_items", scope: "backup"},
	{name: "plan_moves", scope: "backup"},
	{name: "report_rules", scope: "backup"},
	{name: "reports", scope: "backup"},
	{name: "kpis", scope: "backup"},
	{name: "kpi_values", scope: "backup"},
	{name: "doc_templates", scope: "backup"},
	{name: "handbook", scope: "backup"},
	// The number register belongs to the vault that issues the numbers.
	// A case bundle does not carry it, so that another officer's register
	// never holds numbers it did not issue. A backup carries it whole, and
	// a number that the receiving vault issued to another document is a
	// conflict rather than a second row with the same number.
	{name: "doc_numbers", scope: "backup", unique: []string{"doc_type", "term", "seq"}},
	// The vault settings (counting rules, official schedules, auto-lock,
	// document headers…), so that a restored vault works as before.
	{name: "settings", scope: "backup", key: "key"},
	{name: "key_directory", scope: "backup"},
	{name: "member_keys", scope: "backup"},
	{name: "officer_keys", scope: "backup", secret: true},
}

func findRecordTable(name string) (*recordTable, bool) {
	t, ok := recordTablesByName[name]
	return t, ok
}

// recordTablesByName indexes recordTables, which an import looks up for
// every row.
var recordTablesByName = func() map[string]*recordTable {
	m := make(map[string]*recordTable, len(recordTables))
	for i := range recordTables {
		m[recordTables[i].name] = &recordTables[i]
	}
	return m
}()

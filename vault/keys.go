package vault

import (
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"sotay/model"
)

// Errors of the officer keys and the key directory.
var (
	// ErrNoIdentity is returned when the vault has no officer key yet and
	// the operation needs one (decrypting a bundle addressed to a key).
	ErrNoIdentity = errors.New("this vault has no officer key")
	// ErrKeyCardInvalid is returned by ParseKeyCard for a card whose lines,
	// keys, fingerprint or self-signature are wrong.
	ErrKeyCardInvalid = errors.New("invalid key card")
)

// Officer is the identity of this vault: the secret halves of its age
// X25519 and Ed25519 key pairs. Never log or display its secret fields.
type Officer struct {
	ID       string
	Name     string
	Title    string
	identity *age.X25519Identity
	signing  ed25519.PrivateKey
}

// Card returns the public key card of the officer, self-signed.
func (o *Officer) Card() KeyCard {
	c := KeyCard{
		Name:      o.Name,
		Title:     o.Title,
		Recipient: o.identity.Recipient().String(),
		SignKey:   o.signing.Public().(ed25519.PublicKey),
	}
	c.Signature = ed25519.Sign(o.signing, c.signedText())
	return c
}

// KeyCard is an officer's public key card: who they are, the age
// recipient that bundles for them are encrypted to, and the Ed25519 key
// that checks the bundles they sign.
type KeyCard struct {
	Name      string
	Title     string
	Recipient string            // age1…
	SignKey   ed25519.PublicKey // 32 bytes
	Signature []byte            // Ed25519 over signedText, by SignKey
}

// Fingerprint returns the hexadecimal SHA-256 of the card's two public
// keys; it identifies the card in the key directory and in bundles.
func (c KeyCard) Fingerprint() string {
	return keyFingerprint(c.SignKey, c.Recipient)
}

// ReadAloud returns the fingerprint as six groups of five digits, for two
// officers to compare over the telephone or face to face.
func (c KeyCard) ReadAloud() string { return ReadAloud(c.Fingerprint()) }

func keyFingerprint(signKey ed25519.PublicKey, recipient string) string {
	h := sha256.New()
	h.Write([]byte("sotay key fingerprint v1\n"))
	h.Write(signKey)
	h.Write([]byte(recipient))
	return hex.EncodeToString(h.Sum(nil))
}

// ReadAloud turns a hexadecimal fingerprint into six groups of five
// decimal digits: each group is 5 bytes of the fingerprint, as a big-endian
// number, modulo 100 000 (about 99.7 bits in all). It returns "" for a
// value that is not 64 hexadecimal digits.
func ReadAloud(fingerprint string) string {
	sum, err := hex.DecodeString(fingerprint)
	if err != nil || len(sum) != sha256.Size {
		return ""
	}
	groups := make([]string, 6)
	for i := range groups {
		var b [8]byte
		copy(b[3:], sum[i*5:i*5+5])
		groups[i] = fmt.Sprintf("%05d", binary.BigEndian.Uint64(b[:])%100000)
	}
	return strings.Join(groups, " ")
}

const (
	cardHeader = "SOTAY KEY CARD v1"
	maxCardLen = 4096
)

func (c KeyCard) signedText() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nname: %s\ntitle: %s\nage: %s\ned25519: %s\nfingerprint: %s\n",
		cardHeader, c.Name, c.Title, c.Recipient, hex.EncodeToString(c.SignKey), c.ReadAloud())
	return []byte(b.String())
}

// Marshal returns the card as the text file exported to USB.
func (c KeyCard) Marshal() []byte {
	text := c.signedText()
	return fmt.Appendf(text, "signature: %s\n", hex.EncodeToString(c.Signature))
}

// ParseKeyCard reads a card written by Marshal and checks its keys, its
// fingerprint line and its self-signature. Any problem returns an error
// wrapping ErrKeyCardInvalid.
func ParseKeyCard(data []byte) (KeyCard, error) {
	var c KeyCard
	if len(data) > maxCardLen {
		return c, fmt.Errorf("%w: longer than %d bytes", ErrKeyCardInvalid, maxCardLen)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) != 7 || lines[0] != cardHeader {
		return c, fmt.Errorf("%w: not a key card", ErrKeyCardInvalid)
	}
	fields := map[string]string{}
	for i, key := range []string{"name", "title", "age", "ed25519", "fingerprint", "signature"} {
		value, ok := strings.CutPrefix(lines[i+1], key+": ")
		if !ok && lines[i+1] != key+":" {
			return c, fmt.Errorf("%w: line %d should start with %q", ErrKeyCardInvalid, i+2, key+":")
		}
		fields[key] = value
	}
	c.Name, c.Title, c.Recipient = model.Normalize(fields["name"]), model.Normalize(fields["title"]), fields["age"]
	if _, err := age.ParseX25519Recipient(c.Recipient); err != nil {
		return c, fmt.Errorf("%w: age key: %v", ErrKeyCardInvalid, err)
	}
	key, err := hex.DecodeString(fields["ed25519"])
	if err != nil || len(key) != ed25519.PublicKeySize {
		return c, fmt.Errorf("%w: Ed25519 key", ErrKeyCardInvalid)
	}
	c.SignKey = key
	if fields["fingerprint"] != c.ReadAloud() {
		return c, fmt.Errorf("%w: the fingerprint does not match the keys", ErrKeyCardInvalid)
	}
	c.Signature, err = hex.DecodeString(fields["signature"])
	if err != nil || !ed25519.Verify(c.SignKey, c.signedText(), c.Signature) {
		return c, fmt.Errorf("%w: bad self-signature", ErrKeyCardInvalid)
	}
	return c, nil
}

// Officer returns the officer identity of the vault, or ErrNoIdentity.
func (v *Vault) Officer() (*Officer, error) {
	var o *Officer
	err := v.read(func(db *sql.DB) error {
		var err error
		o, err = loadOfficer(db)
		return err
	})
	return o, err
}

type queryRower interface {
	QueryRow(query string, args ...any) *sql.Row
}

func loadOfficer(q queryRower) (*Officer, error) {
	var o Officer
	var identity, seed string
	err := q.QueryRow(`SELECT id, name, title, age_identity, ed25519_seed FROM officer_keys
		WHERE deleted = 0 ORDER BY created_at, id LIMIT 1`).Scan(&o.ID, &o.Name, &o.Title, &identity, &seed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoIdentity
	}
	if err != nil {
		return nil, err
	}
	o.identity, err = age.ParseX25519Identity(identity)
	if err != nil {
		return nil, fmt.Errorf("%w: officer key", ErrDatabaseDamaged)
	}
	raw, err := hex.DecodeString(seed)
	if err != nil || len(raw) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: officer signing key", ErrDatabaseDamaged)
	}
	o.signing = ed25519.NewKeyFromSeed(raw)
	return &o, nil
}

// EnsureOfficer returns the officer identity, creating it with name and
// title when the vault has none. With an existing identity, a non-empty
// name or title replaces the stored one; the keys never change.
func (v *Vault) EnsureOfficer(name, title string) (*Officer, error) {
	name, title = model.Normalize(name), model.Normalize(title)
	var o *Officer
	err := v.write(func(tx *sql.Tx) error {
		var err error
		o, err = loadOfficer(tx)
		if errors.Is(err, ErrNoIdentity) {
			o, err = v.createOfficer(tx, name, title)
			return err
		}
		if err != nil || (name == "" && title == "") || (name == o.Name && title == o.Title) {
			return err
		}
		o.Name, o.Title = or(name, o.Name), or(title, o.Title)
		_, err = tx.Exec(`UPDATE officer_keys SET name = ?, title = ?, updated_at = ?,
			workstation = ? WHERE id = ?`, o.Name, o.Title, v.clock.Now().String(), v.workstation, o.ID)
		return err
	})
	return o, err
}

func (v *Vault) createOfficer(tx *sql.Tx, name, title string) (*Officer, error) {
	identity, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	_, signing, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	o := &Officer{ID: newID(), Name: name, Title: title, identity: identity, signing: signing}
	_, err = tx.Exec(`INSERT INTO officer_keys (id, name, title, age_identity, ed25519_seed,
		created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		o.ID, name, title, identity.String(), hex.EncodeToString(signing.Seed()),
		formatTime(time.Now()), v.clock.Now().String(), v.workstation)
	return o, err
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// DirectoryEntry is a key card in the key directory.
type DirectoryEntry struct {
	KeyCard
	Added time.Time
}

// AddKeyCard stores c in the key directory, or updates the name and title
// of the entry with the same fingerprint. It returns ErrInvalid for the
// vault's own card.
func (v *Vault) AddKeyCard(c KeyCard) error {
	if o, err := v.Officer(); err == nil && o.Card().Fingerprint() == c.Fingerprint() {
		return invalid(FieldName, "this is the vault's own key card")
	}
	return v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO key_directory (id, name, title, age_recipient,
			ed25519_public, created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
			updated_at = excluded.updated_at, workstation = excluded.workstation, deleted = 0`,
			c.Fingerprint(), c.Name, c.Title, c.Recipient, hex.EncodeToString(c.SignKey),
			formatTime(time.Now()), v.clock.Now().String(), v.workstation)
		return err
	})
}

// RemoveKeyCard marks the directory entry with fingerprint deleted.
func (v *Vault) RemoveKeyCard(fingerprint string) error {
	return v.markDeleted("key_directory", fingerprint)
}

// KeyDirectory returns the live entries of the key directory by name,
// without the vault's own card. AddKeyCard refuses that card, but it
// arrives with a colleague's backup, whose directory holds it.
func (v *Vault) KeyDirectory() ([]DirectoryEntry, error) {
	list, err := queryAll(v, scanDirectoryEntry, `SELECT id, name, title, age_recipient, ed25519_public, created_at
			FROM key_directory WHERE deleted = 0 ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	if o, err := v.Officer(); err == nil {
		own := o.Card().Fingerprint()
		list = slices.DeleteFunc(list, func(e DirectoryEntry) bool { return e.Fingerprint() == own })
	}
	return list, nil
}

// KeyCardByFingerprint returns the live directory entry whose fingerprint
// is fingerprint, or starts with it (at least 8 hexadecimal digits), or
// ErrNotFound.
func (v *Vault) KeyCardByFingerprint(fingerprint string) (DirectoryEntry, error) {
	fingerprint = strings.ToLower(strings.ReplaceAll(fingerprint, " ", ""))
	var e DirectoryEntry
	if len(fingerprint) < 8 {
		return e, ErrNotFound
	}
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, name, title, age_recipient, ed25519_public, created_at
			FROM key_directory WHERE deleted = 0 AND substr(id, 1, ?) = ?`, len(fingerprint), fingerprint)
		if err != nil {
			return err
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			if e, err = scanDirectoryEntry(rows); err != nil {
				return err
			}
			n++
		}
		if n != 1 {
			return ErrNotFound
		}
		return rows.Err()
	})
	return e, err
}

func scanDirectoryEntry(row interface{ Scan(...any) error }) (DirectoryEntry, error) {
	var e DirectoryEntry
	var id, signKey, added string
	if err := row.Scan(&id, &e.Name, &e.Title, &e.Recipient, &signKey, &added); err != nil {
		return e, err
	}
	e.SignKey, _ = hex.DecodeString(signKey)
	e.Added = parseTime(added)
	if e.Fingerprint() != id {
		return e, fmt.Errorf("%w: key directory entry %s", ErrDatabaseDamaged, id)
	}
	return e, nil
}

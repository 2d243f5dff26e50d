package app

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"

	"sotay/vault"
)

// Message is a translation key with its arguments: what the window or the
// command line shows for an error, in the user's language.
type Message struct {
	Key  string
	Args []any
}

// Explain returns the message for err. Known errors get their own
// sentence with a hint; anything else gets a generic sentence, and the
// caller logs the detail.
func Explain(err error) Message {
	var fe *vault.FileError
	file := ""
	if errors.As(err, &fe) {
		file = fe.Path
	}
	var ve *vault.ValidationError
	if errors.As(err, &ve) {
		return Message{Key: "err.invalid." + string(ve.Field), Args: []any{ve.Reason}}
	}
	if msg, ok := explainBundle(err); ok {
		return msg
	}
	var ce *vault.BlobCheckError
	if errors.As(err, &ce) {
		missing, damaged := ce.Counts()
		return Message{Key: "err.blobs_check", Args: []any{damaged, missing, nameList(ce.Names())}}
	}
	known := []struct {
		err error
		key string
	}{
		{vault.ErrWrongPassphrase, "err.wrong_passphrase"},
		{vault.ErrPassphraseTooShort, "err.passphrase_too_short"},
		{vault.ErrPassphraseMismatch, "err.passphrase_mismatch"},
		{vault.ErrNotAVault, "err.not_a_vault"},
		{vault.ErrVaultExists, "err.vault_exists"},
		{vault.ErrKeyFileDamaged, "err.key_file_damaged"},
		{vault.ErrDatabaseMissing, "err.database_missing"},
		{vault.ErrDatabaseDamaged, "err.database_damaged"},
		{vault.ErrBlobMissing, "err.blob_missing"},
		{vault.ErrBlobDamaged, "err.blob_damaged"},
		{vault.ErrNotEncrypted, "err.not_encrypted"},
		{vault.ErrNewerFormat, "err.newer_format"},
		{vault.ErrVaultInUse, "err.vault_in_use"},
		{vault.ErrClosed, "err.locked"},
		{vault.ErrNotFound, "err.not_found"},
		{vault.ErrTooLarge, "err.too_large"},
		{vault.ErrTargetBusy, "err.target_busy"},
		{vault.ErrDiskFull, "err.disk_full"},
		{ErrBundleReadOnly, "err.bundle.read_only"},
		{vault.ErrNothingAppraised, "err.bundle.nothing_appraised"},
		{ErrBundleWriteFailed, "err.bundle.write_failed"},
		{vault.ErrNotABundle, "err.bundle.not_a_bundle"},
		{vault.ErrBundleWrongPassphrase, "err.bundle.wrong_passphrase"},
		{vault.ErrBundleNotForThisKey, "err.bundle.not_for_this_key"},
		{vault.ErrBundleNeedsPassphrase, "err.bundle.needs_passphrase"},
		{vault.ErrBundleNeedsKey, "err.bundle.needs_key"},
		{vault.ErrBundleKDFLimit, "err.bundle.kdf_limit"},
		{vault.ErrBundleReadFailed, "err.bundle.read_failed"},
		{vault.ErrBundleTruncated, "err.bundle.truncated"},
		{vault.ErrBundleExtended, "err.bundle.extended"},
		{vault.ErrBundleTampered, "err.bundle.tampered"},
		{vault.ErrBundleBadSignature, "err.bundle.bad_signature"},
		{vault.ErrBundleNewer, "err.bundle.newer"},
		{vault.ErrBundleLimits, "err.bundle.limits"},
		{vault.ErrBundleReplay, "err.bundle.replay"},
		{vault.ErrUntrustedSender, "err.bundle.untrusted"},
		{vault.ErrNoRecipients, "err.bundle.no_recipients"},
		{vault.ErrPassphraseWithKeys, "err.bundle.passphrase_with_keys"},
		{vault.ErrOverClassificationLimit, "err.bundle.over_limit"},
		{vault.ErrNotEnoughSpace, "err.bundle.no_space"},
		{vault.ErrNothingToExport, "err.bundle.nothing"},
		{vault.ErrMeetingsUnavailable, "err.bundle.no_meetings"},
		{vault.ErrReadBack, "err.bundle.read_back"},
		{vault.ErrNoIdentity, "err.bundle.no_identity"},
		{vault.ErrNoMemberKey, "err.bundle.no_member_key"},
		{vault.ErrKeyCardInvalid, "err.key_card_invalid"},
		{ErrAutoLockRange, "err.auto_lock_range"},
		{context.Canceled, "err.cancelled"},
		{os.ErrPermission, "err.permission"},
		{os.ErrNotExist, "err.file_not_found"},
	}
	for _, k := range known {
		if errors.Is(err, k.err) {
			return Message{Key: k.key, Args: fileArgs(k.key, file)}
		}
	}
	if isDiskFull(err) {
		return Message{Key: "err.disk_full"}
	}
	return Message{Key: "err.unexpected"}
}

// fileArgs returns the file name for the messages that name one.
func fileArgs(key, file string) []any {
	switch key {
	case "err.key_file_damaged", "err.database_missing", "err.database_damaged",
		"err.not_encrypted", "err.newer_format", "err.not_a_vault", "err.vault_exists",
		"err.blob_missing", "err.blob_damaged":
		return []any{file}
	}
	return nil
}

// maxListedNames is the number of document names a message lists before
// it ends the list with an ellipsis.
const maxListedNames = 10

// nameList joins names for a message, "-" when there are none.
func nameList(names []string) string {
	switch {
	case len(names) == 0:
		return "-"
	case len(names) > maxListedNames:
		return strings.Join(names[:maxListedNames], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

func itoa(n int) string { return strconv.Itoa(n) }

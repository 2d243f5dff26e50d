// Package vault stores a Sổ tay Kiểm tra vault on disk: one SQLCipher
// database, the key file that unlocks it and the lock file that keeps a
// second process out.
//
// Keys: a random 32-byte data key opens the database as a raw SQLCipher
// key, so SQLCipher runs no key derivation of its own. The data key is
// stored in vault.key wrapped with XChaCha20-Poly1305 under a
// key-encryption key that Argon2id derives from the passphrase, with
// parameters calibrated when the vault is created (at least t=3 and
// 64 MiB). Changing the passphrase rewraps those 32 bytes and never
// rewrites the database.
//
// SQLCipher: every pooled connection is keyed through its DSN and sets
// temp_store=MEMORY, secure_delete=ON, foreign_keys=ON and a 64 MiB page
// cache; the database runs in WAL mode. Opening fails closed on a
// database file that is not encrypted.
//
// Attachments: the contents of documents and materials are files under
// blobs/, sealed in 1 MiB chunks with XChaCha20-Poly1305 under a key that
// HKDF derives from the data key, and named by an HMAC of their SHA-256
// (blobstore.go, docs/VAULT-FORMAT.md). So nothing of a case exists in
// plaintext on disk.
//
// Compatibility: a vault written by this version opens in every later
// version. The key file and the schema carry version numbers; a vault
// with a newer number than this build knows is rejected with
// ErrNewerFormat, never modified.
//
// Nothing in this package logs; errors come back to the caller.
package vault

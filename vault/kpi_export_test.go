package vault

import "testing"

// SeedBench fills v with the benchmark cases and tasks, for the
// benchmarks of the packages above the vault.
func SeedBench(b *testing.B, v *Vault) { seedBench(b, v) }

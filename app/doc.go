// Package app holds what a screen or a command asks of Sổ tay Kiểm tra:
// create or unlock a vault, the unlocked session with its idle lock, the
// case use cases, the demo data, and the mapping of errors to messages.
// It has no widgets, so the command line, the tests and the window drive
// the same code.
package app

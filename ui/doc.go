// Package ui builds the window of Sổ tay Kiểm tra from app calls. Screens
// never open the database themselves; slow work (key derivation, reading
// a file into the vault, saving a copy out) runs in goroutines and comes
// back to widgets through fyne.Do.
package ui

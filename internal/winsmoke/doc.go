// Package winsmoke tests the Windows build from Linux. Its tests build
// dist/sotay.exe and dist/sotay-cli.exe with `make windows`, check that
// they need no DLL beyond those every Windows has, and run them under
// Wine. The command-line tool runs on vaults under folders with
// Vietnamese names and is compared with the Linux binary on the same
// input. Bundles are exported on one system and imported on the other.
// The window opens in an Xvfb display, with a screenshot kept in
// testartifacts/. They
// also run the tests that build only for Windows, such as vault's file
// lock and rename tests, under Wine.
//
// The tests skip, saying why, where mingw-w64, Wine or Xvfb is missing;
// `make test` installs them on Debian and Ubuntu. The package has no
// code of its own, so nothing of it is shipped.
package winsmoke

package assets

import _ "embed"

// Noto Sans, Regular and Bold (SIL Open Font License 1.1, fonts/OFL.txt):
// the Unicode font embedded in PDFs the app prints, which covers every
// Vietnamese letter.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
)

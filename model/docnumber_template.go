package model

// DocTemplate is a document form kept as data in the vault. Form is the
// short name `sotay doc --form` takes ("quyet-dinh"); Type the number
// register it draws from ("QĐ"); Title the document's name printed in
// capitals ("QUYẾT ĐỊNH"); Body the text with {{field}} placeholders,
// one paragraph a line; Recipients the lines of Nơi nhận.
type DocTemplate struct {
	Record
	Form       string
	Name       string
	Type       string
	Title      string
	Body       string
	Recipients string
}

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// errNoPassphrase is returned when standard input ended before a
// passphrase line.
var errNoPassphrase = errors.New("no passphrase on standard input")

// passphraseReader reads passphrases from a prompt without echo when
// standard input is a terminal, and one per line otherwise.
type passphraseReader struct {
	in     *os.File
	lines  *bufio.Reader
	prompt io.Writer
}

func newPassphraseReader(in *os.File, prompt io.Writer) *passphraseReader {
	return &passphraseReader{in: in, prompt: prompt}
}

func (p *passphraseReader) read(prompt string) ([]byte, error) {
	if term.IsTerminal(int(p.in.Fd())) {
		fmt.Fprint(p.prompt, prompt+" ")
		b, err := term.ReadPassword(int(p.in.Fd()))
		fmt.Fprintln(p.prompt)
		return b, err
	}
	if p.lines == nil {
		p.lines = bufio.NewReader(p.in)
	}
	line, err := p.lines.ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		if errors.Is(err, io.EOF) {
			return nil, errNoPassphrase
		}
		return nil, err
	}
	return []byte(strings.TrimRight(line, "\r\n")), nil
}

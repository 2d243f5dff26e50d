package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	tests := []struct {
		version string
		build   int
		want    string
		wantErr bool
	}{
		{"0.1.0", 1, "0.1.0.1", false},
		{"2.7", 0, "2.7.0.0", false},
		{"3", 12, "3.0.0.12", false},
		{"", 1, "", true},
		{"1.2.3.4", 1, "", true},
		{"1.x.0", 1, "", true},
		{"1.70000.0", 1, "", true},
		{"1.0.0", 70000, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			got, err := parseVersion(tt.version, tt.build)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("want an error, got %s", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReadDetails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "FyneApp.toml")
	text := `Website = "https://example.invalid"

[Details]
  Icon = 'assets/icon.png'
  Name = "Sổ tay \"Kiểm tra\"" # a comment
  ID = "vn.ubkt.sotay"
  Version = "0.1.0"
  Build = 7

[Release]
  Name = "ignored"
`
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := readDetails(path)
	if err != nil {
		t.Fatal(err)
	}
	want := appDetails{Name: `Sổ tay "Kiểm tra"`, ID: "vn.ubkt.sotay", Version: "0.1.0", Icon: "assets/icon.png", Build: 7}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestReadDetailsRejects(t *testing.T) {
	// Every case except "missing ID" is a valid table plus one bad line.
	valid := "[Details]\nName = \"a\"\nID = \"b\"\nIcon = \"i.png\"\n"
	tests := map[string]string{
		"unterminated":  valid + "Version = \"1.0\n",
		"trailing text": valid + "Version = \"1.0\" b\n",
		"multi-line":    valid + "Version = \"\"\"1.0\n",
		"bare value":    valid + "Version = 1.0\n",
		"bad build":     valid + "Build = \"7\"\n",
		"no equals":     valid + "Version\n",
		"missing ID":    "[Details]\nName = \"a\"\nIcon = \"i.png\"\n",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "FyneApp.toml")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := readDetails(path); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestEncodeICO(t *testing.T) {
	source := image.NewNRGBA(image.Rect(0, 0, 256, 256))
	for y := 0; y < 256; y++ {
		for x := 0; x < 256; x++ {
			source.SetNRGBA(x, y, color.NRGBA{R: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, source); err != nil {
		t.Fatal(err)
	}

	ico, err := encodeICO(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	header := make([]uint16, 3)
	binary.Read(bytes.NewReader(ico), binary.LittleEndian, header)
	if header[1] != 1 || int(header[2]) != len(iconSizes) {
		t.Fatalf("header = %v, want type 1 and %d images", header, len(iconSizes))
	}
	for i, side := range iconSizes {
		entry := ico[6+16*i:]
		size := binary.LittleEndian.Uint32(entry[8:])
		offset := binary.LittleEndian.Uint32(entry[12:])
		img, err := png.Decode(bytes.NewReader(ico[offset : offset+size]))
		if err != nil {
			t.Fatalf("image %d: %v", i, err)
		}
		if img.Bounds().Dx() != side {
			t.Errorf("image %d is %d px wide, want %d", i, img.Bounds().Dx(), side)
		}
		if r, _, _, a := img.At(side/2, side/2).RGBA(); r>>8 != 200 || a>>8 != 255 {
			t.Errorf("image %d: centre pixel red %d alpha %d, want 200 and 255", i, r>>8, a>>8)
		}
	}
}

func TestEncodeICORejectsSmallIcon(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 64, 64)))
	if _, err := encodeICO(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "at least 256") {
		t.Errorf("err = %v, want one about the size", err)
	}
}

func TestQuoteRC(t *testing.T) {
	want := `"Sổ ""tay"" C:\\x"`
	if got := quoteRC(`Sổ "tay" C:\x`); got != want {
		t.Errorf("quoteRC = %s, want %s", got, want)
	}
}

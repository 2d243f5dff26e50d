package winsmoke

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// xvfb is an X server with its screen in a file: Xvfb's -fbdir option
// keeps the framebuffer in an XWD file that other programs can read
// while the server runs.
type xvfb struct {
	display     string
	framebuffer string
}

// startXvfb starts an Xvfb server on a free display with a black root
// window and stops it when the test ends.
func startXvfb(t *testing.T) *xvfb {
	t.Helper()
	requireTools(t, "Xvfb")
	dir := t.TempDir()

	reader, writer, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24",
		"-fbdir", dir, "-nolisten", "tcp", "-br")
	cmd.ExtraFiles = []*os.File{writer} // descriptor 3
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	writer.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})

	// Xvfb writes the display number to descriptor 3 once it accepts
	// connections.
	display := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(reader).ReadString('\n')
		display <- strings.TrimSpace(line)
	}()
	select {
	case number := <-display:
		if number == "" {
			t.Fatal("Xvfb exited before it reported a display number")
		}
		return &xvfb{display: ":" + number, framebuffer: filepath.Join(dir, "Xvfb_screen0")}
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb reported no display number within 30 s")
	}
	return nil
}

// screenshot returns the current content of the screen.
func (x *xvfb) screenshot() (*image.RGBA, error) {
	data, err := os.ReadFile(x.framebuffer)
	if err != nil {
		return nil, err
	}
	return decodeXWD(data)
}

// The header of an XWD file: 25 big-endian 32-bit fields, of which these
// are used.
const (
	xwdHeaderSize    = 0
	xwdPixmapFormat  = 2
	xwdWidth         = 4
	xwdHeight        = 5
	xwdByteOrder     = 7
	xwdBitsPerPixel  = 11
	xwdBytesPerLine  = 12
	xwdRedMask       = 14
	xwdGreenMask     = 15
	xwdBlueMask      = 16
	xwdColormapCount = 19
	xwdFields        = 25
	xwdColorSize     = 12
	xwdZPixmap       = 2
)

// decodeXWD decodes the 32-bit true-colour XWD image that Xvfb keeps.
func decodeXWD(data []byte) (*image.RGBA, error) {
	if len(data) < xwdFields*4 {
		return nil, fmt.Errorf("XWD file of %d bytes has no header", len(data))
	}
	field := func(i int) uint32 { return binary.BigEndian.Uint32(data[i*4:]) }
	if field(xwdPixmapFormat) != xwdZPixmap || field(xwdBitsPerPixel) != 32 {
		return nil, fmt.Errorf("XWD format %d with %d bits per pixel: want ZPixmap with 32",
			field(xwdPixmapFormat), field(xwdBitsPerPixel))
	}
	width, height := int(field(xwdWidth)), int(field(xwdHeight))
	stride := int(field(xwdBytesPerLine))
	offset := int(field(xwdHeaderSize)) + int(field(xwdColormapCount))*xwdColorSize
	if offset+stride*height > len(data) {
		return nil, fmt.Errorf("XWD file of %d bytes is too short for %dx%d pixels", len(data), width, height)
	}

	var order binary.ByteOrder = binary.LittleEndian
	if field(xwdByteOrder) != 0 {
		order = binary.BigEndian
	}
	red, green, blue := field(xwdRedMask), field(xwdGreenMask), field(xwdBlueMask)
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := 0; y < height; y++ {
		row := data[offset+y*stride:]
		for x := 0; x < width; x++ {
			pixel := order.Uint32(row[x*4:])
			img.SetRGBA(x, y, color.RGBA{
				R: channel(pixel, red),
				G: channel(pixel, green),
				B: channel(pixel, blue),
				A: 0xff,
			})
		}
	}
	return img, nil
}

// channel extracts the 8-bit colour value under mask from a pixel.
func channel(pixel, mask uint32) uint8 {
	if mask == 0 {
		return 0
	}
	shift := 0
	for mask>>shift&1 == 0 {
		shift++
	}
	return uint8(pixel & mask >> shift)
}

// screenStats describes how much of a screenshot is drawn on: the share of
// pixels that are not the black of the root window, and the number of
// distinct colours.
type screenStats struct {
	drawn  float64
	colors int
}

func measure(img *image.RGBA) screenStats {
	colors := map[[3]uint8]bool{}
	drawn := 0
	pix := img.Pix
	for i := 0; i < len(pix); i += 4 {
		c := [3]uint8{pix[i], pix[i+1], pix[i+2]}
		colors[c] = true
		if c != [3]uint8{} {
			drawn++
		}
	}
	return screenStats{drawn: float64(drawn) / float64(len(pix)/4), colors: len(colors)}
}

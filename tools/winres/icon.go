package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

// iconSizes are the square sizes, in pixels, that the .ico holds: what
// Explorer, the task bar and the title bar ask for at 100–200 % scaling.
var iconSizes = []int{16, 20, 24, 32, 40, 48, 64, 256}

// encodeICO scales a PNG icon to each of iconSizes and writes them as an
// .ico file whose images are PNG-compressed, which Windows reads since
// Vista. The source must be square and at least 256 pixels wide.
func encodeICO(source []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(source))
	if err != nil {
		return nil, fmt.Errorf("decode icon: %w", err)
	}
	size := img.Bounds().Size()
	if size.X != size.Y || size.X < 256 {
		return nil, fmt.Errorf("icon is %dx%d pixels: expected a square of at least 256", size.X, size.Y)
	}

	var images [][]byte
	for _, side := range iconSizes {
		var buf bytes.Buffer
		if err := png.Encode(&buf, downscale(img, side)); err != nil {
			return nil, fmt.Errorf("encode %d px icon: %w", side, err)
		}
		images = append(images, buf.Bytes())
	}
	return packICO(images), nil
}

// packICO writes the ICONDIR header, one ICONDIRENTRY per image and then
// the images, in the order of iconSizes.
func packICO(images [][]byte) []byte {
	const headerSize, entrySize = 6, 16
	var out bytes.Buffer
	write := func(v any) { binary.Write(&out, binary.LittleEndian, v) }

	write([3]uint16{0, 1, uint16(len(images))}) // reserved, type 1 = icon, count
	offset := headerSize + entrySize*len(images)
	for i, data := range images {
		side := iconSizes[i]
		if side >= 256 {
			side = 0 // a width or height byte of 0 means 256
		}
		write([4]uint8{uint8(side), uint8(side), 0, 0}) // width, height, palette size, reserved
		write([2]uint16{1, 32})                         // colour planes, bits per pixel
		write([2]uint32{uint32(len(data)), uint32(offset)})
		offset += len(data)
	}
	for _, data := range images {
		out.Write(data)
	}
	return out.Bytes()
}

// downscale shrinks img to a side×side square by averaging, with
// premultiplied alpha, the source pixels whose centres fall in each
// target pixel.
func downscale(img image.Image, side int) *image.RGBA {
	bounds := img.Bounds()
	scale := float64(bounds.Dx()) / float64(side)
	out := image.NewRGBA(image.Rect(0, 0, side, side))

	for y := 0; y < side; y++ {
		y0, y1 := span(y, scale)
		for x := 0; x < side; x++ {
			x0, x1 := span(x, scale)
			var r, g, b, a, n uint64
			for sy := y0; sy < y1; sy++ {
				for sx := x0; sx < x1; sx++ {
					pr, pg, pb, pa := img.At(bounds.Min.X+sx, bounds.Min.Y+sy).RGBA()
					r, g, b, a, n = r+uint64(pr), g+uint64(pg), b+uint64(pb), a+uint64(pa), n+1
				}
			}
			out.SetRGBA(x, y, color.RGBA{
				R: uint8(r / n >> 8),
				G: uint8(g / n >> 8),
				B: uint8(b / n >> 8),
				A: uint8(a / n >> 8),
			})
		}
	}
	return out
}

// span returns the source pixels [from, to) whose centres lie inside
// target pixel i; it always holds at least one pixel.
func span(i int, scale float64) (from, to int) {
	from = int(float64(i)*scale + 0.5)
	to = int(float64(i+1)*scale + 0.5)
	if to <= from {
		to = from + 1
	}
	return from, to
}

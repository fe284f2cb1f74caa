# Two commands do everything: `make build` (the package) and `make test` (the whole suite).
# Both create .venv on first use and install the pinned dependencies from requirements.lock.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: build test browser bench bench-scale bench-deps lock clean-venv

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

build: $(STAMP)
	$(PY) -m pipelines build

# The dataset-page test drives Debian's chromium (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(PY) -m pytest -q

# Speed figures (printed, never asserted). bench-scale alone takes about ten minutes, most of it
# drawing the charts of 1,000 generated sources; SIZES="100 300" measures other corpus sizes.
SIZES ?= 100 1000

bench: bench-deps bench-scale
	$(PY) benchmarks/build_speed.py
	$(PY) benchmarks/publish_swap.py
	$(PY) benchmarks/extract_speed.py
	$(PY) benchmarks/coding_speed.py
	$(PY) benchmarks/serve_speed.py

bench-deps: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.lock

bench-scale: $(STAMP)
	$(PY) benchmarks/scale.py --sizes $(SIZES)

lock:
	rm -rf /tmp/tsr-lock-venv && $(PYTHON) -m venv /tmp/tsr-lock-venv
	/tmp/tsr-lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned by 'make lock' (pip freeze of a fresh venv built from requirements.in). Python 3.11."; \
	  /tmp/tsr-lock-venv/bin/pip freeze; } > requirements.lock

clean-venv:
	rm -rf $(VENV)

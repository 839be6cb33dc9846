#!/usr/bin/env bash
# Set up a development machine: system packages (when we may install them), the virtualenv and
# the project with its extras. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}

# System packages: a browser for UI tests, poppler for PDF→PNG (pdftoppm, pdftotext), and for
# WeasyPrint (PDF reports) Pango with HarfBuzz (its subsetter embeds only the glyphs used),
# fontconfig, the DejaVu fonts the report's stylesheet names and Amiri (Arabic quotations);
# Tesseract with English and Arabic for OCR of scans and images, catdoc and antiword for Word
# 97–2003 files (without them those items are marked "text not read", and their tests skip).
# Go and golang.org/x/mod: the independent verifier of checkpoint notes in tests/vault/test_vault_note.py.
APT_PACKAGES=(chromium chromium-driver poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core fonts-hosny-amiri tesseract-ocr tesseract-ocr-eng tesseract-ocr-ara catdoc antiword golang-go golang-golang-x-mod-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: cannot install ${missing[*]} (not root); tests needing them will skip" >&2
  fi
fi

# Browser tests (tests/web/test_web_browser.py) drive Debian's chromium (installed above) through
# Playwright's Python package, a dev dependency; Playwright's own browser download is never used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: no chromium; the browser tests will skip" >&2
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.factfinder-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi

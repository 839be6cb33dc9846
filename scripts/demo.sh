#!/usr/bin/env bash
# The main job on the bundled sample data (samples/seeds): a project is created, the two seed
# reports are preserved, claims extracted, incidents linked and graded, a case assembled, its
# report rendered (HTML and PDF), an evidence package written and everything verified.
# Usage: scripts/demo.sh [PROJECT_DIR]   (default: ./demo, replaced if it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

DIR=${1:-demo}
FF=.venv/bin/factfinder
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

rm -rf "$DIR"
step "1. init: database, blob store and signing key in $DIR/"
$FF init "$DIR"
export FACTFINDER_PROJECT="$DIR"

step "2. ingest: preserve the seed reports (content-addressed, ledgered)"
$FF ingest samples/seeds/docs.jsonl --custodian "demo intake desk"
$FF items

step "3. extract: who claims what happened where, when, to how many, by whom"
$FF extract
$FF extract --input samples/seeds/docs.jsonl --output "$DIR/out/claims.jsonl"

step "4. link: incidents, independent sources, reconciled figures, grades"
$FF link
$FF link --input "$DIR/out/claims.jsonl" --docs samples/seeds/docs.jsonl \
         --output "$DIR/out/incidents.jsonl" --sources "$DIR/out/sources.jsonl"
$FF incident list

step "5. case: the incidents of the letters of 3 November 2018"
case_id=$($FF case create "Raqqah and Hajin, November 2018" \
  --description "Allegations in the Syrian foreign ministry's letters to the UN of 3 November 2018" \
  --json | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["id"])')
mapfile -t incidents < <($FF incident list --json | .venv/bin/python -c \
  'import json,sys; print("\n".join(i["id"] for i in json.load(sys.stdin)["data"]))')
$FF case add "$case_id" "${incidents[@]}"

step "6. report and exports (built from a signed checkpoint)"
$FF report "$case_id" --format html --output "$DIR/out/report.html"
$FF report "$case_id" --format pdf --output "$DIR/out/report.pdf"
$FF export --format ged --case "$case_id" --output "$DIR/out/incidents.ged.csv"
$FF export --format geojson --case "$case_id" --output "$DIR/out/incidents.geojson"
$FF export --format package --case "$case_id" --output "$DIR/out/package"

step "7. verify: blobs, ledger, checkpoints, every row; and the package on its own"
$FF verify
$FF verify-package "$DIR/out/package"

step "done"
echo "Project: $DIR   Outputs: $DIR/out/ (report.html, report.pdf, package/, ...)"
echo "Workspace: .venv/bin/factfinder user add admin --role admin -p $DIR && .venv/bin/factfinder serve $DIR"

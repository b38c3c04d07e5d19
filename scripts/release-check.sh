#!/usr/bin/env bash
# Rehearses a release in a throwaway clone of this repository's HEAD: a changeset, `changeset
# status`, `changeset version` (which must bump the package and its dependents), then a dry-run
# `pnpm publish` of every package. Nothing leaves the machine. CI runs it from .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$root" "$tmp/repo"
cd "$tmp/repo"
git config user.email "release-check@localhost"
git config user.name "release check"
pnpm install --frozen-lockfile --prefer-offline >/dev/null
pnpm changeset status
cat > .changeset/rehearsal.md <<'MD'
---
"@xv6-machine/sv39": patch
---

A rehearsal of the release flow.
MD
git add .changeset && git commit -qm "rehearsal changeset"
pnpm changeset status | grep -q "@xv6-machine/sv39" || { echo "changeset status does not list sv39"; exit 1; }
pnpm changeset version
version() { node -p "require('./packages/$1/package.json').version"; }
[ "$(version sv39)" = "0.1.1" ] || { echo "sv39 was not bumped: $(version sv39)"; exit 1; }
grep -q "A rehearsal of the release flow" packages/sv39/CHANGELOG.md
grep -q '"@xv6-machine/sv39": "workspace:\*"' packages/xv6-machine/package.json
pnpm build >/dev/null
pnpm -r publish --dry-run --no-git-checks 2>&1 | grep -E "^\+ |error|ERR" | tee "$tmp/publish.log"
[ "$(grep -c '^+ ' "$tmp/publish.log")" = "$(grep -L '"private": true' packages/*/package.json | wc -l)" ] || { echo "not every package would publish"; exit 1; }
echo "release check: changeset status, version and a dry-run publish of every package all work"

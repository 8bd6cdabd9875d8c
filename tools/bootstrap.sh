#!/usr/bin/env bash
# Sets up a fresh Debian machine with Node 20 for codex-ts: system tools, pnpm, dependencies, build.
# Then runs the main job: `codex --help` and `codex features list`.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# System tools: bubblewrap for the Linux sandbox, git for repository features.
missing=()
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]} with apt-get"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# pnpm, pinned (a corepack shim would shadow the real one).
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  if command -v corepack >/dev/null 2>&1; then $SUDO corepack disable pnpm >/dev/null 2>&1 || true; fi
  echo "bootstrap: installing pnpm@$PNPM_VERSION"
  $SUDO npm install -g "pnpm@$PNPM_VERSION" --silent
fi

pnpm install --frozen-lockfile
pnpm build

node apps/cli/dist/cli.js --help
node apps/cli/dist/cli.js features list

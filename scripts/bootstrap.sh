#!/usr/bin/env bash
# Installs everything Neuvo needs on a fresh Debian machine, idempotently.
# Why a script: CI and new developers start from a clean clone with only the
# machine's own tools, so every install step must live in the project.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BOT_VENV="$ROOT/.venv"
STAMP="$BOT_VENV/.neuvo-installed"

step() { printf '\n==> %s\n' "$*"; }

need_apt=()
for pkg in libvoikko1 voikko-fi chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  step "Installing system packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

find_python310() {
  if command -v pyenv >/dev/null 2>&1; then
    local v; v="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | tail -1 || true)"
    [ -n "$v" ] && { echo "$(pyenv root)/versions/$v/bin/python"; return; }
  fi
  command -v python3.10 || true
}

if [ ! -x "$BOT_VENV/bin/python" ]; then
  PY310="$(find_python310)"
  if [ -z "$PY310" ]; then
    echo "Python 3.10 is required for Rasa 3.6 (install it, e.g. 'pyenv install 3.10')." >&2
    exit 1
  fi
  step "Creating the bot environment (.venv, $("$PY310" --version))"
  "$PY310" -m venv "$BOT_VENV"
fi

hash_inputs="$(cat "$ROOT/pyproject.toml" "$ROOT/scripts/constraints-bot.txt" | sha256sum | cut -c1-16)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$hash_inputs" ]; then
  step "Installing Python packages into .venv (Rasa, spaCy, the Finnish model; a few minutes the first time)"
  "$BOT_VENV/bin/pip" install --progress-bar on -q --upgrade "pip<25" wheel
  "$BOT_VENV/bin/pip" install --progress-bar on -c "$ROOT/scripts/constraints-bot.txt" -e "$ROOT[bot,dev]"
  echo "$hash_inputs" > "$STAMP"
fi

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

find_python() {  # $1: minor version such as 3.10
  if command -v pyenv >/dev/null 2>&1; then
    local v; v="$(pyenv versions --bare 2>/dev/null | grep -E "^${1//./\\.}(\.|$)" | tail -1 || true)"
    [ -n "$v" ] && { echo "$(pyenv root)/versions/$v/bin/python"; return; }
  fi
  command -v "python$1" || true
}

if [ ! -x "$BOT_VENV/bin/python" ]; then
  PY310="$(find_python 3.10)"
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

# The hub has its own environment: Rasa pins Sanic 21.12 and SQLAlchemy 1.4,
# the hub needs the current Sanic LTS and SQLAlchemy 2.x.
HUB_VENV="$ROOT/.venv-hub"
HUB_STAMP="$HUB_VENV/.neuvo-installed"
if [ ! -x "$HUB_VENV/bin/python" ]; then
  PYHUB="$(find_python 3.12)"; [ -n "$PYHUB" ] || PYHUB="$(find_python 3.11)"
  if [ -z "$PYHUB" ]; then
    echo "Python 3.11 or 3.12 is required for the hub (install it, e.g. 'pyenv install 3.12')." >&2
    exit 1
  fi
  step "Creating the hub environment (.venv-hub, $("$PYHUB" --version))"
  "$PYHUB" -m venv "$HUB_VENV"
fi
hub_hash="$(cat "$ROOT/pyproject.toml" "$ROOT/scripts/constraints-hub.txt" | sha256sum | cut -c1-16)"
if [ ! -f "$HUB_STAMP" ] || [ "$(cat "$HUB_STAMP")" != "$hub_hash" ]; then
  step "Installing the hub's packages into .venv-hub (Sanic, SQLAlchemy)"
  "$HUB_VENV/bin/pip" install --progress-bar on -q --upgrade pip wheel
  "$HUB_VENV/bin/pip" install --progress-bar on -c "$ROOT/scripts/constraints-hub.txt" -e "$ROOT[hub,hub-dev]"
  echo "$hub_hash" > "$HUB_STAMP"
fi

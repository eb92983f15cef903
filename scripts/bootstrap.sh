#!/usr/bin/env bash
# Installs everything Neuvo needs on a fresh Debian machine, idempotently.
# Why a script: CI and new developers start from a clean clone with only the
# machine's own tools, so every install step must live in the project.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BOT_VENV="$ROOT/.venv"

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

# ensure_venv DIR "PYTHON VERSIONS" CONSTRAINTS EXTRAS "WHAT"
# Creates DIR with the first Python found and installs the project with the
# extras, again only when pyproject.toml or the constraints changed.
ensure_venv() {
  local dir="$1" versions="$2" constraints="$3" extras="$4" what="$5" python="" v
  if [ ! -x "$dir/bin/python" ]; then
    for v in $versions; do python="$(find_python "$v")"; [ -n "$python" ] && break; done
    if [ -z "$python" ]; then
      echo "Python $versions is required for $what (install it, e.g. 'pyenv install ${versions%% *}')." >&2
      exit 1
    fi
    step "Creating $(basename "$dir") for $what ($("$python" --version))"
    "$python" -m venv "$dir"
  fi
  local stamp="$dir/.neuvo-installed" inputs
  inputs="$(cat "$ROOT/pyproject.toml" "$constraints" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$inputs" ]; then
    step "Installing packages into $(basename "$dir") for $what (a few minutes the first time)"
    "$dir/bin/pip" install --progress-bar on -q --upgrade "pip<25" wheel
    "$dir/bin/pip" install --progress-bar on -c "$constraints" -e "$ROOT[$extras]"
    echo "$inputs" > "$stamp"
  fi
}

ensure_venv "$BOT_VENV" "3.10" "$ROOT/scripts/constraints-bot.txt" "bot,dev" \
  "the bot (Rasa 3.6 needs Python 3.10; spaCy and the Finnish model)"
# The hub has its own environment: Rasa pins Sanic 21.12 and SQLAlchemy 1.4,
# the hub needs the current Sanic LTS and SQLAlchemy 2.x.
ensure_venv "$ROOT/.venv-hub" "3.12 3.11" "$ROOT/scripts/constraints-hub.txt" "hub,hub-dev" \
  "the hub (Sanic LTS, SQLAlchemy 2)"

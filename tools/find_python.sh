#!/usr/bin/env bash
# Print the path of a CPython X.Y interpreter on this machine, or fail.
# Looks on PATH first, then in pyenv's versions folder.
set -euo pipefail
version="$1"
for candidate in "$(command -v "python$version" 2>/dev/null || true)" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/python"$version"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c "import sys; sys.exit(0 if sys.version.startswith('$version') else 1)" 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
exit 1

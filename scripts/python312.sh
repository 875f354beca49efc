#!/usr/bin/env bash
# Prints the path of a Python 3.12 or later (the OSRM and OR-Tools wheels
# need one): python3.13, python3.12 or python3 on the PATH, else any of
# pyenv's versions (pyenv's shims name versions that are not selected, so
# each is tried). Fails when there is none.
candidates=(python3.13 python3.12 python3)
if command -v pyenv >/dev/null || [ -d "$HOME/.pyenv" ]; then
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for v in $(ls -r "$root/versions" 2>/dev/null); do candidates+=("$root/versions/$v/bin/python"); done
fi
for p in "${candidates[@]}"; do
  if command -v "$p" >/dev/null && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    command -v "$p"
    exit 0
  fi
done
exit 1

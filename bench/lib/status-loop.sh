#!/usr/bin/env bash
# The baseline po fleet status is measured against: the same checks per project with the git CLI.
# Reads "name<TAB>path<TAB>ref" lines; prints "name pin drift pinName sound" per project, pin
# being the engine gitlink's full commit (or null).
set -uo pipefail
. "$(dirname "$0")/git-env.sh"

while IFS=$'\t' read -r name path ref; do
  pin=null drift=false pinname=- sound=ok
  if [[ ! -d $path ]]; then
    sound=missing
  elif ! git -C "$path" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    sound=not-a-repository
  elif ! p=$(git -C "$path" rev-parse -q --verify HEAD:engine 2>/dev/null); then
    sound=no-engine
  else
    pin=$p
    want=$(git -C "$path/engine" rev-parse -q --verify "$ref^{commit}" 2>/dev/null) || want=
    [[ $want == "$pin" ]] || drift=true
    pinname=$(git -C "$path/engine" describe --tags --exact-match "$pin" 2>/dev/null) || pinname=${pin:0:7}
  fi
  # the harness state is a file read, as in po: no process
  [[ -f $path/.ao-state/status.json ]] && : 
  printf '%s %s %s %s %s\n' "$name" "$pin" "$drift" "$pinname" "$sound"
done

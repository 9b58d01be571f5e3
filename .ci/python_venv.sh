# Sourced by the CI scripts that need a Python tool from PyPI.
# shellcheck shell=bash

# python_venv VENV CHECK REQUIREMENT...: makes sure VENV holds each REQUIREMENT (pinned,
# `name==x.y`), making the venv first when it is missing or was left half made. CHECK is
# the program whose presence says the venv is complete.
python_venv() {
  local venv=$1 check=$2
  shift 2
  [ -x "$venv/bin/$check" ] && return 0
  rm -rf "$venv"
  if ! python3 -m venv "$venv"; then
    # Debian splits venv out of python3.
    apt-get update -qq && apt-get install -y -qq python3-venv > /dev/null
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"
}

#!/bin/sh
# Runs the keychain tests against a real Secret Service: a private D-Bus session with
# gnome-keyring unlocked by a throw-away password, under a throw-away HOME.
set -eu
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "keychain test: dbus-run-session and gnome-keyring-daemon are required (apt-get install -y dbus gnome-keyring libsecret-1-dev)" >&2
  exit 1
fi
KEYCHAIN_HOME=$(mktemp -d)
trap 'rm -rf "$KEYCHAIN_HOME"' EXIT
export KEYCHAIN_HOME
dbus-run-session -- sh -c '
  export HOME="$KEYCHAIN_HOME" XDG_DATA_HOME="$KEYCHAIN_HOME/.local/share"
  echo -n faxdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  vitest run --config test/keychain/vitest.config.ts
'

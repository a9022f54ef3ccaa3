# Sourced inside a private D-Bus session: private XDG dirs and an unlocked, throw-away
# gnome-keyring, so tests use a real Secret Service without touching anyone's keychain.
export XDG_DATA_HOME XDG_CONFIG_HOME GNOME_KEYRING_CONTROL
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
eval "$(printf 'test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"

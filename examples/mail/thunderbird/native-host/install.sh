#!/bin/sh
# Register the replylint native messaging host for Thunderbird (Linux: the
# same directory as Firefox; macOS: ~/Library/Application Support/Mozilla/NativeMessagingHosts).
#   sh install.sh [DIRECTORY]
# Programs started from the desktop may not see your shell's PATH: give the
# replylint command at install time, e.g.
#   REPLYLINT="$HOME/.venvs/replylint/bin/replylint" sh install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "$(uname -s)" in
  Darwin) default="$HOME/Library/Application Support/Mozilla/NativeMessagingHosts" ;;
  *) default="$HOME/.mozilla/native-messaging-hosts" ;;
esac
target=${1:-$default}
mkdir -p "$target"
chmod +x "$here/replylint_host.py"
host="$here/replylint_host.py"
if [ -n "${REPLYLINT:-}" ]; then
  host="$target/replylint-host"
  {
    echo '#!/bin/sh'
    printf 'REPLYLINT=%s\nexport REPLYLINT\n' "'$(printf '%s' "$REPLYLINT" | sed "s/'/'\\\\''/g")'"
    printf 'exec "%s" "$@"\n' "$here/replylint_host.py"
  } > "$host"
  chmod +x "$host"
fi
sed "s|@HOST_PATH@|$host|" "$here/replylint.json.in" > "$target/replylint.json"
echo "replylint: native host registered in $target/replylint.json"

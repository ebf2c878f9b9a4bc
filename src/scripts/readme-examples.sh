#!/usr/bin/env bash
# Regenerates README's "What a user sees" examples from the built jar, so they are never typed by
# hand: run `mvn -B -q package -DskipTests` first. Replaces what stands between the two markers.
set -euo pipefail
cd "$(dirname "$0")/../.."
questions=(
  "is 2.2 supported?"
  "nkp 2.15"
  "can I run Kommander 1.2 on Konvoy 1.7?"
  "can I run NKP 2.15 on Kubernetes 1.30?"
  "how do I get from dkp 2.5 to nkp 2.17"
  "can I upgrade 2.7 straight to 2.12?"
  "2.10"
  "dkp 2.6 on 2024-08-27"
  "stable-1.29-3.2.0"
  "1.4.2.1"
)
out=$(mktemp)
{
  echo "<!-- examples:start (src/scripts/readme-examples.sh writes this part; $(date -u +%F)) -->"
  for q in "${questions[@]}"; do
    echo '```text'
    echo "\$ java -jar target/kommander-support-bot.jar ask \"$q\""
    java -jar target/kommander-support-bot.jar ask "$q"
    echo '```'
    echo
  done
  echo "<!-- examples:end -->"
} > "$out"
python3 - "$out" <<'PY'
import re, sys
examples = open(sys.argv[1]).read().rstrip("\n")
readme = open("README.md").read()
new = re.sub(r"<!-- examples:start.*?<!-- examples:end -->", lambda m: examples, readme, flags=re.S)
open("README.md", "w").write(new)
PY
rm -f "$out"

#!/usr/bin/env bash
# Regenerates the example answers in README.md (a few) and docs/usage.md (all) from the built jar,
# so they are never typed by hand: run `mvn -B -q package -DskipTests` first. Replaces what stands
# between the <!-- examples:start --> and <!-- examples:end --> markers of each file.
set -euo pipefail
cd "$(dirname "$0")/../.."

readme=(
  "is nkp 2.15 supported?"
  "nkp 2.16"
  "can I run Kommander 1.2 on Konvoy 1.7?"
)
usage=(
  "is 2.2 supported?"
  "nkp 2.15"
  "nkp 2.16"
  "nkp 2.19"
  "can I run Kommander 1.2 on Konvoy 1.7?"
  "can I run NKP 2.15 on Kubernetes 1.30?"
  "how do I get from dkp 2.5 to nkp 2.18"
  "can I upgrade 2.7 straight to 2.12?"
  "2.10"
  "dkp 2.6 on 2024-08-27"
  "upcoming 60 on 2024-08-01"
  "stable-1.29-3.2.0"
  "1.4.2.1"
  "what's the newest NKP release?"
  $'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.29.6'
  $'diagnose: v0.10.1\nkommander: v2.17.1\nkonvoy: v2.17.1\nmindthegap: v1.22.1\nnkp: v2.17.1'
)

# write FILE QUESTION...: the answers, as `ask` prints them, between FILE's markers
write() {
  local file=$1 out
  shift
  out=$(mktemp)
  {
    echo "<!-- examples:start (src/scripts/readme-examples.sh writes this part; $(date -u +%F)) -->"
    for q in "$@"; do
      echo '```text'
      echo "\$ java -jar target/kommander-support-bot.jar ask \"$q\""
      java -jar target/kommander-support-bot.jar ask "$q"
      echo '```'
      echo
    done
    echo "<!-- examples:end -->"
  } > "$out"
  python3 - "$file" "$out" <<'PY'
import re, sys
examples = open(sys.argv[2]).read().rstrip("\n")
text = open(sys.argv[1]).read()
open(sys.argv[1], "w").write(
    re.sub(r"<!-- examples:start.*?<!-- examples:end -->", lambda m: examples, text, flags=re.S))
PY
  rm -f "$out"
}

write README.md "${readme[@]}"
write docs/usage.md "${usage[@]}"

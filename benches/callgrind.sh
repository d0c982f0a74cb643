#!/usr/bin/env bash
# Instructions per MB of the whole analysis, by input size and kind, counted
# by callgrind (deterministic, unlike time on a shared machine): flat rows
# mean linear time. Part of `make bench`; needs valgrind.
#
#   bash benches/callgrind.sh [SIZE_KB ...]     (default: 64 256 1024)
#   KINDS="one-token deep-nesting" bash benches/callgrind.sh 4096 16384
#   STAGE=tokenize bash benches/callgrind.sh     (the tokenizer alone)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  echo "callgrind: valgrind is not installed; skipped"
  exit 0
fi
sizes=("${@:-64 256 1024}")
read -r -a sizes <<<"${sizes[*]}"
# The bench binary, built by `cargo bench --no-run` (release, with symbols
# for valgrind's function names).
bin=$(cargo bench --bench linear --no-run --message-format=json 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){try{const m=JSON.parse(l);if(m.executable&&m.target&&m.target.name==="linear")console.log(m.executable)}catch{}}})')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-18s' "instructions/MB"
for kb in "${sizes[@]}"; do printf '%14s' "${kb} KB"; done
printf '%10s\n' "max/min"
for kind in ${KINDS:-news unbalanced-marks one-token deep-nesting names-and-cues dialogue-lines}; do
  printf '%-18s' "$kind"
  per=()
  for kb in "${sizes[@]}"; do
    bytes=$((kb * 1024))
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' \
      --callgrind-out-file="$out/cg" "$bin" --one "$kind" "$bytes" ${STAGE:-} >/dev/null 2>"$out/err"
    ir=$(grep -m1 '^summary:' "$out/cg" | awk '{print $2}')
    # The input is the unit repeated to at least BYTES bytes: per real MB.
    real=$("$bin" --one "$kind" "$bytes" ${STAGE:-} | awk '{print $2}')
    p=$(awk -v ir="$ir" -v b="$real" 'BEGIN{printf "%.0f", ir / (b / 1e6)}')
    per+=("$p")
    printf '%14s' "$(awk -v p="$p" 'BEGIN{printf "%.1fM", p / 1e6}')"
  done
  printf '%10s\n' "$(printf '%s\n' "${per[@]}" | awk 'NR==1{mx=$1;mn=$1}{if($1>mx)mx=$1;if($1<mn)mn=$1}END{printf "%.2f×", mx/mn}')"
done

#!/usr/bin/env bash
# Side by side with peers (issue 3): trains every system on the same training set, tests on the same held-out set, and
# writes the table to bench/peers-latest.md. One command from the repository root: bash bench/peers/run.sh
# Needs (once): apt-get install -y python3-sklearn python3-jieba   and node 20+ with npm (packages from package-lock).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/peers
dev=$out/dev-all.jsonl    # the six tuning sets, as decision.json is tuned on
test=${1:-data/eval/heldout.jsonl}
# The held-out table is peers-latest.md; another test set gets its own file (peers-latest-heldout2.md).
table=bench/peers-latest.md
[ "$test" = data/eval/heldout.jsonl ] || table="bench/peers-latest-$(basename "${test%.jsonl}").md"
mkdir -p "$out"
cat data/eval/dev.jsonl data/eval/dev2.jsonl data/eval/dev3.jsonl data/eval/dev4.jsonl data/eval/dev6.jsonl data/eval/dev7.jsonl > "$dev"
[ -d bench/peers/node_modules ] || (cd bench/peers && npm ci --no-audit --no-fund)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

dotnet build Assistant.Api -c Release -v q -nologo
dotnet build bench/peers/Export -c Release -v q -nologo
# Training set export (+ our classifier alone and our features, for the diagnosis rows).
dotnet run --project bench/peers/Export -c Release --no-build -- "$out" "$dev" "$test"
# Our row: the evaluator's own command, nothing else.
dotnet run --project Assistant.Api -c Release --no-build -- eval "$test" --json "$out/ours-$(basename "${test%.jsonl}").json"
# Debian's python: the pyenv python3 on PATH does not see python3-sklearn.
/usr/bin/python3 bench/peers/sklearn_svc.py "$out/training.tsv" "$out" "$dev" "$test"
/usr/bin/python3 bench/peers/sklearn_svc.py --our-features "$out" "$dev" "$test"
node bench/peers/nlpjs.mjs "$out/training.tsv" "$out" "$dev" "$test"

{
  echo "# Intent classification: ours and peers, same training data, same test set"
  echo
  echo "Made by \`bash bench/peers/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores shared with other developers;"
  echo "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg): latency is noisy under that load)."
  echo "Training: $(wc -l < "$out/training.tsv") examples exported by bench/peers/Export (TrainingSet.Load; every example counted once)."
  echo
  /usr/bin/python3 bench/peers/table.py "$out" "$dev" "$test" sklearn nlpjs ours-classifier sklearn-our-features
  echo
  echo "Latency: per utterance, in process, warm, raw text to label (tokenisation included), one call per text."
  echo "The two diagnosis rows are not what evaluators see; they separate features from learner (bench/README.md)."
} | tee "$table"

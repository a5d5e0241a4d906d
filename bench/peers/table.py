"""Prints the peers table (markdown) from our eval JSON and the peers' raw predictions.

Every peer gets the same out-of-scope rule: out_of_scope when its top label is out_of_scope (a trained class for all)
or when its top score is below a threshold chosen on the dev file run.sh passes (the six tuning sets, as decision.json
is tuned on; the threshold maximising intent accuracy there, the lowest such one). Metrics follow Assistant.Api/Evaluation/EvalMetrics.cs: intent accuracy over all cases, top-1 and
top-3 over the cases expecting a service, OOS precision/recall for the label out_of_scope, latency percentiles as
sorted[ceil(q*n)-1]. Our row is read from `eval --json` output, exactly what evaluators see.
Below the table, each peer is paired with ours case by case (our labels rebuilt from the eval JSON's errors): on how
many cases only one of the two is right, for the intent and for the out-of-scope decision, with the exact two-sided
McNemar p-value, so a lead of a case or two reads as what it is.
Usage: table.py out_dir dev.jsonl test.jsonl peer...
"""
import json
import math
import os
import sys

from common import read_cases

OOS = "out_of_scope"
NAMES = {
    "sklearn": "scikit-learn 1.2.1 LinearSVC (jieba words 1-2 + chars 1-3, tf-idf)",
    "nlpjs": "NLP.js node-nlp 4.27.0 (lang-zh)",
    "ours-classifier": "diagnosis: our ML.NET classifier alone (no search)",
    "sklearn-our-features": "diagnosis: LinearSVC on our features",
}


def read_predictions(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def label(prediction, threshold):
    ranked = prediction["ranked"]
    if not ranked or ranked[0][0] in (OOS, "None") or ranked[0][1] < threshold:
        return OOS
    return ranked[0][0]


def accuracy(cases, predictions, threshold):
    return sum(label(p, threshold) == c["expected"] for c, p in zip(cases, predictions)) / len(cases)


def choose_threshold(cases, predictions):
    candidates = sorted({-math.inf} | {p["ranked"][0][1] for p in predictions if p["ranked"]})
    # max() keeps the first best, i.e. the lowest threshold among equals.
    return max(candidates, key=lambda t: accuracy(cases, predictions, t))


def percentile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, math.ceil(q * len(s)) - 1)]


def metrics(cases, predictions, threshold):
    labels = [label(p, threshold) for p in predictions]
    services = [(c, p, l) for c, p, l in zip(cases, predictions, labels) if c.get("service")]
    top3 = sum(c["service"] in [r[0] for r in p["ranked"][:3]] for c, p, _ in services)
    predicted_oos = sum(l == OOS for l in labels)
    true_oos = sum(l == OOS and c["expected"] == OOS for c, l in zip(cases, labels))
    expected_oos = sum(c["expected"] == OOS for c in cases)
    ms = [p["ms"] for p in predictions]
    return {
        "intent_accuracy": sum(l == c["expected"] for c, l in zip(cases, labels)) / len(cases),
        # A set without service cases (the SMP2017 out-of-scope probe) has no top-1 or top-3.
        "service_top1": sum(l == c["service"] for c, _, l in services) / len(services) if services else None,
        "service_top3": top3 / len(services) if services else None,
        "oos_precision": true_oos / predicted_oos if predicted_oos else 0.0,
        "oos_recall": true_oos / expected_oos if expected_oos else 0.0,
        "p50": percentile(ms, 0.5),
        "p99": percentile(ms, 0.99),
    }


def cell(value):
    return "–" if value is None else f"{value:.4f}"


def row(name, m, rule):
    return (f"| {name} | {m['intent_accuracy']:.4f} | {cell(m['service_top1'])} | {cell(m['service_top3'])} | "
            f"{m['oos_precision']:.4f} | {m['oos_recall']:.4f} | {m['p50']:.3f} | {m['p99']:.3f} | {rule} |")


def our_labels(cases, ours):
    """Ours per case: the eval JSON lists every wrong label with its line; every other case got its expected label."""
    if ours["cases"] != len(cases):
        raise SystemExit(f"eval JSON has {ours['cases']} cases, the test set {len(cases)}")
    wrong = {e["line"]: e for e in ours["errors"] if e["what"] == "label"}
    labels = []
    for c in cases:
        error = wrong.get(c["line"])
        if error is not None and error["text"] != c["text"]:
            raise SystemExit(f"line {c['line']}: eval JSON and test set disagree")
        labels.append(error["predicted"] if error else c["expected"])
    return labels


def mcnemar(only_a, only_b):
    """Exact two-sided McNemar test: the binomial tail of the smaller discordant count, doubled."""
    n = only_a + only_b
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(only_a, only_b) + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def paired(cases, ours, theirs):
    cells = []
    for right in (lambda c, l: l == c["expected"], lambda c, l: (l == OOS) == (c["expected"] == OOS)):
        only_ours = sum(right(c, a) and not right(c, b) for c, a, b in zip(cases, ours, theirs))
        only_theirs = sum(right(c, b) and not right(c, a) for c, a, b in zip(cases, ours, theirs))
        cells.append(f"{only_ours} | {only_theirs} | {mcnemar(only_ours, only_theirs):.3g}")
    return " | ".join(cells)


def main(out_dir, dev, test, peers):
    test_name = os.path.basename(test)
    dev_cases, test_cases = read_cases(dev), read_cases(test)
    print(f"Test set: {test} ({len(test_cases)} cases); thresholds chosen on {dev} ({len(dev_cases)} cases).\n")
    print("| system | intent acc | service top-1 | service top-3 | OOS precision | OOS recall | p50 ms | p99 ms | out-of-scope rule |")
    print("|---|---|---|---|---|---|---|---|---|")
    with open(os.path.join(out_dir, "ours-" + test_name.replace(".jsonl", ".json")), encoding="utf-8") as f:
        ours = json.load(f)
    ours = dict(ours, p50=ours["latency_ms"]["p50"], p99=ours["latency_ms"]["p99"])
    if not any(c.get("service") for c in test_cases):
        ours.update(service_top1=None, service_top3=None)
    print(row("ours: ML.NET one-vs-all linear SVM + Lucene fusion (`eval`)", ours, "decision.json, tuned on the same dev file"))
    ours_labels = our_labels(test_cases, ours)
    pairs = []
    for peer in peers:
        dev_pred = read_predictions(os.path.join(out_dir, f"{peer}-{os.path.basename(dev)}"))
        test_pred = read_predictions(os.path.join(out_dir, f"{peer}-{test_name}"))
        threshold = choose_threshold(dev_cases, dev_pred)
        print(row(NAMES.get(peer, peer), metrics(test_cases, test_pred, threshold), f"top score < {threshold:.3f}"))
        pairs.append((peer, paired(test_cases, ours_labels, [label(p, threshold) for p in test_pred])))

    print("\nPaired with ours on the same cases: how many only ours gets right, how many only the other system, and the")
    print("exact McNemar p-value (two-sided; above 0.05 the two are not told apart by this set).\n")
    print("| system | intent: only ours | only it | p | out-of-scope decision: only ours | only it | p |")
    print("|---|---|---|---|---|---|---|")
    for peer, cells in pairs:
        print(f"| {NAMES.get(peer, peer)} | {cells} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])

"""Peer: scikit-learn LinearSVC over tf-idf of jieba words (1-2-grams) and characters (1-3-grams).

Run with Debian's /usr/bin/python3 (python3-sklearn, python3-jieba). Trains on our exported training set, every
example counted once as in our model, then writes one raw prediction per case: top labels with the SVM decision values and
the warm per-utterance latency (text -> decision, one call per text, as a service would call it).
Usage: sklearn_svc.py training.tsv out_dir test.jsonl...
       sklearn_svc.py --our-features out_dir     (diagnosis: the same learner on our own encoded features, as written
                                                 by bench/peers/Export: training and test texts are feature strings)
"""
import json
import logging
import os
import sys
import time

import jieba
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC

from common import read_cases, read_training

jieba.setLogLevel(logging.WARNING)


def words(text):
    return [w for w in jieba.lcut(text) if w.strip()]


def main(training, out_dir, tests, name="sklearn", ours=False):
    rows = read_training(training)
    features = TfidfVectorizer(analyzer=str.split, lowercase=False, sublinear_tf=True) if ours else FeatureUnion([
        ("words", TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False, ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), lowercase=False, sublinear_tf=True)),
    ])
    model = make_pipeline(features, LinearSVC(C=1.0, random_state=0))
    start = time.perf_counter()
    model.fit([r[0] for r in rows], [r[1] for r in rows])
    print(f"{name}: trained on {len(rows)} examples in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    labels = model.classes_
    for test in tests:
        cases = read_cases(test)
        for c in cases[:500]:           # warm-up, as our eval does
            model.decision_function([c["text"]])
        out = os.path.join(out_dir, f"{name}-" + os.path.basename(test).removeprefix("features-"))
        with open(out, "w", encoding="utf-8") as f:
            for c in cases:
                t = time.perf_counter()
                scores = model.decision_function([c["text"]])[0]
                ms = (time.perf_counter() - t) * 1000
                top = sorted(zip(labels, scores), key=lambda p: -p[1])[:5]
                f.write(json.dumps({"ranked": [[l, float(s)] for l, s in top], "ms": ms}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "--our-features":
        out = sys.argv[2]
        main(os.path.join(out, "features-training.tsv"), out,
             [os.path.join(out, "features-" + os.path.basename(f)) for f in sys.argv[3:]], "sklearn-our-features", True)
    else:
        main(sys.argv[1], sys.argv[2], sys.argv[3:])

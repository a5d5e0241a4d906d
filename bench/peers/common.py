"""Shared by the Python peer and the table: read our files, write/read raw peer predictions (stdlib only)."""
import json


def read_training(path):
    """text TAB label, as written by bench/peers/Export (our TrainingSet.Load)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text, label = line.rstrip("\n").split("\t")
            rows.append((text, label))
    return rows


def read_cases(path):
    """A test set in ../shared/eval/FORMAT.md: blank and '#' lines are skipped."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if line.strip() and not line.strip().startswith("#"):    # as `eval` reads them
                c = json.loads(line)
                c["expected"] = c.get("service") or c["intent"]
                c["line"] = number    # as `eval` numbers its errors
                cases.append(c)
    return cases

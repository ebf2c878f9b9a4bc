# Parses a Prometheus text exposition with the Prometheus client library's own parser and prints
# its families as JSON: {name: {"type": ..., "samples": [[name, labels, value], ...]}}.
# A malformed exposition raises, so the exit status is non-zero.
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    families[family.name] = {
        "type": family.type,
        "samples": [[s.name, s.labels, s.value] for s in family.samples],
    }
json.dump(families, sys.stdout)

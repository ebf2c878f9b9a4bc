// Validates Kubernetes manifests against the types generated from Kubernetes' own OpenAPI schema
// (npm kubernetes-models; PodMonitor from @kubernetes-models/prometheus-operator):
// node validate.mjs FILE... ; prints one line per document, exits 1 on any invalid one.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { Service, Secret, ConfigMap, Namespace } from "kubernetes-models/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const kinds = {
  Deployment,
  Service,
  Secret,
  ConfigMap,
  Namespace,
  PodDisruptionBudget,
  NetworkPolicy,
  PodMonitor,
};
let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS();
    const Kind = kinds[obj.kind];
    try {
      if (!Kind) throw new Error(`no schema for kind ${obj.kind}`);
      new Kind(obj).validate();
      console.log(`valid ${obj.kind} ${obj.metadata.name} (${file})`);
    } catch (e) {
      failed = true;
      console.log(`INVALID ${obj.kind} in ${file}: ${e.message.split("\n").slice(0, 6).join(" | ")}`);
    }
  }
}
process.exit(failed ? 1 : 0);

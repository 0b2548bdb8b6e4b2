import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  canonicalJson
} from "./chunk-U7PA5OP3.js";
import {
  isPlainObject
} from "./chunk-OBJDCIQA.js";

// src/drift/metadata-digest.ts
import { createHash } from "node:crypto";
var metadataDigest = (metadata) => createHash("sha256").update(canonicalJson(metadata), "utf8").digest("hex");
function serverMetadataOf(answer) {
  if (isPlainObject(answer) && "metadata" in answer && typeof answer.resource_version === "number") {
    return { metadata: answer.metadata, resourceVersion: answer.resource_version };
  }
  return { metadata: answer };
}
function compareMetadata(recorded, server) {
  const current = {
    digest: metadataDigest(server.metadata),
    ...server.resourceVersion !== void 0 ? { resourceVersion: server.resourceVersion } : {}
  };
  if (!recorded) return { status: "not-recorded", current };
  return { status: recorded.digest === current.digest ? "unchanged" : "changed", recorded, current };
}
function metadataDriftMessage(d) {
  if (d.status === "not-recorded")
    return "metadata drift not checked: no digest recorded yet (the next run that applies metadata records one)";
  if (d.status === "unchanged") return "the server metadata is what this action last applied";
  const since = d.recorded?.resourceVersion;
  const now = d.current.resourceVersion;
  const versions = since !== void 0 && now !== void 0 ? ` (resource_version ${since} \u2192 ${now})` : "";
  const by = d.recorded?.runUrl ? `, applied by ${d.recorded.runUrl}` : "";
  return `the server metadata was changed outside this action since it was last applied${by}${versions}`;
}

export {
  metadataDigest,
  serverMetadataOf,
  compareMetadata,
  metadataDriftMessage
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  withoutHasura
} from "./chunk-DHH67BYS.js";
import {
  sha256Hex
} from "./chunk-LJAHAILJ.js";
import "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import {
  canonicalJson
} from "./chunk-U7PA5OP3.js";
import "./chunk-OBJDCIQA.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/drift/schema-digest.ts
import { createHash } from "node:crypto";
var DIGEST_FORMAT = "hma-verified-schema/1";
function schemaDigest(snapshot) {
  const { serverVersion: _version, ...schema } = withoutHasura(snapshot);
  return createHash("sha256").update(`${DIGEST_FORMAT}
${canonicalJson(schema)}`, "utf8").digest("hex");
}
function appliedSetDigest(files) {
  const lines = files.map((f) => `${f.version} ${sha256Hex(f.text)}`);
  return createHash("sha256").update([DIGEST_FORMAT, ...lines].join("\n"), "utf8").digest("hex");
}
export {
  appliedSetDigest,
  schemaDigest
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  HASURA_SCHEMAS,
  PLACE_TEXT,
  compareSchemas,
  driftLine,
  withoutHasura
} from "./chunk-DHH67BYS.js";
import "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  HASURA_SCHEMAS,
  PLACE_TEXT,
  compareSchemas,
  driftLine,
  withoutHasura
};

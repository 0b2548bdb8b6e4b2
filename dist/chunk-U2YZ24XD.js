import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  DEFAULT_UNAUTHENTICATED_ROLES,
  allChanges,
  diffMetadata,
  kindLabel
} from "./chunk-C4QYD2QA.js";
import "./chunk-AVVUKIU6.js";
import "./chunk-A77IL4JH.js";
import "./chunk-ALXWH6BR.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  DEFAULT_UNAUTHENTICATED_ROLES,
  allChanges,
  diffMetadata,
  kindLabel
};

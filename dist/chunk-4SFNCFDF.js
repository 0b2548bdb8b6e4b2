import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  DEFAULT_UNAUTHENTICATED_ROLES,
  allChanges,
  diffMetadata,
  diffMetadataLoadingParser,
  kindLabel
} from "./chunk-LKB7VIHT.js";
import "./chunk-U7PA5OP3.js";
import "./chunk-OBJDCIQA.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  DEFAULT_UNAUTHENTICATED_ROLES,
  allChanges,
  diffMetadata,
  diffMetadataLoadingParser,
  kindLabel
};

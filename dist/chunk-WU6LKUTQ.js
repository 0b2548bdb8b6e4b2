import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  CONTRIB_EXTENSIONS,
  EMBEDDED_EXTENSIONS,
  loadExtensions,
  mentionedExtensions
} from "./chunk-AIRFE5UE.js";
import "./chunk-JEGQZBSL.js";
export {
  CONTRIB_EXTENSIONS,
  EMBEDDED_EXTENSIONS,
  loadExtensions,
  mentionedExtensions
};

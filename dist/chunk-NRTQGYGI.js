import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
} from "./chunk-5U2VQ3T2.js";
import "./chunk-BEQFCG6S.js";
import "./chunk-IGMGMLLR.js";
import "./chunk-3AJ54PU6.js";
import "./chunk-QDX2SNAV.js";
import "./chunk-W2OI6U6E.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
};

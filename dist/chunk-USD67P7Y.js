import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
} from "./chunk-5ME6BOJ2.js";
import "./chunk-YX775OMI.js";
import "./chunk-RTIDQLPU.js";
import "./chunk-DEWV4NGU.js";
import "./chunk-QDX2SNAV.js";
import "./chunk-BPEPD2IX.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
} from "./chunk-6FHEZSV6.js";
import "./chunk-2A2T4XZK.js";
import "./chunk-3IFXNKCV.js";
import "./chunk-DOCGR2IS.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-LJAHAILJ.js";
import "./chunk-XAH7C6H4.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
};

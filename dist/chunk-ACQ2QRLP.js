import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
} from "./chunk-EIF5WWUD.js";
import "./chunk-5V6ZDXLS.js";
import "./chunk-3NUMCCSG.js";
import "./chunk-HEM2TC47.js";
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

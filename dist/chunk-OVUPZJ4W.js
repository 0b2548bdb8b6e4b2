import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
} from "./chunk-EGRSJRSX.js";
import "./chunk-FEJNME7K.js";
import "./chunk-VLNLG5S2.js";
import "./chunk-UGAAY2VO.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-LJAHAILJ.js";
import "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";
export {
  mentionedExtensions,
  openEmbedded,
  startEmbedded
};

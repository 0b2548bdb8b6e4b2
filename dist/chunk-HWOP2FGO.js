import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  u
} from "./chunk-CPYM5DG2.js";
import "./chunk-JEGQZBSL.js";

// node_modules/@electric-sql/pglite/dist/contrib/tsm_system_rows.js
u();
var t = async (s, n) => ({ bundlePath: new URL("./tsm_system_rows.tar.gz", import.meta.url) });
var o = { name: "tsm_system_rows", setup: t };
export {
  o as tsm_system_rows
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  u
} from "./chunk-CPYM5DG2.js";
import "./chunk-JEGQZBSL.js";

// node_modules/@electric-sql/pglite/dist/contrib/ltree.js
u();
var t = async (n, s) => ({ bundlePath: new URL("./ltree.tar.gz", import.meta.url) });
var a = { name: "ltree", setup: t };
export {
  a as ltree
};

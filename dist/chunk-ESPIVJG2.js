import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  u
} from "./chunk-CPYM5DG2.js";
import "./chunk-JEGQZBSL.js";

// node_modules/@electric-sql/pglite/dist/contrib/earthdistance.js
u();
var t = async (n, s) => ({ bundlePath: new URL("./earthdistance.tar.gz", import.meta.url) });
var r = { name: "earthdistance", setup: t };
export {
  r as earthdistance
};

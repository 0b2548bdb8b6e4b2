import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  u
} from "./chunk-CPYM5DG2.js";
import "./chunk-JEGQZBSL.js";

// node_modules/@electric-sql/pglite/dist/contrib/pg_stat_statements.js
u();
var e = async (s, n) => ({ bundlePath: new URL("./pg_stat_statements.tar.gz", import.meta.url), sharedPreloadLibraries: ["pg_stat_statements"] });
var i = { name: "pg_stat_statements", setup: e };
export {
  i as pg_stat_statements
};

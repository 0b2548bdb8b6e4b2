import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  Ce,
  I
} from "./chunk-MFHM6DK6.js";
import {
  u
} from "./chunk-CPYM5DG2.js";
import "./chunk-JEGQZBSL.js";

// node_modules/@electric-sql/pglite/dist/fs/nodefs.js
import * as o from "fs";
import * as r from "path";
u();
var m = class extends Ce {
  constructor(t) {
    super(t), this.rootDir = r.resolve(t), o.existsSync(r.join(this.rootDir)) || o.mkdirSync(this.rootDir);
  }
  async init(t, e) {
    return this.pg = t, { emscriptenOpts: { ...e, preRun: [...e.preRun || [], (s) => {
      let c = s.NODEFS;
      s.FS.mkdirTree(I), s.FS.mount(c, { root: this.rootDir }, I);
    }] } };
  }
  async closeFs() {
    this.pg.Module.FS.quit();
  }
};
export {
  m as NodeFS
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  mentionedExtensions,
  openEmbedded
} from "./chunk-EGRSJRSX.js";
import "./chunk-FEJNME7K.js";
import {
  runSqlText
} from "./chunk-AI57RCQL.js";
import {
  sessionSnapshotQuery
} from "./chunk-VLNLG5S2.js";
import {
  splitStatements
} from "./chunk-UGAAY2VO.js";
import "./chunk-FPUQZJKU.js";
import "./chunk-LJAHAILJ.js";
import {
  takeSnapshot
} from "./chunk-ISGRHWTH.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/drift/replay.ts
import { createHash } from "node:crypto";
var isNotChecked = (r) => "notChecked" in r;
function replayFilesFor(db, applied) {
  const local = new Map(db.migrations.map((m) => [m.version, m]));
  const files = [];
  for (const version of [...applied.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0)) {
    if (applied.get(version)) return { notChecked: `version ${version} is dirty (half applied)`, version };
    const up = local.get(version)?.up;
    if (up?.sql) files.push({ version, file: up.sql.path, text: up.sql.text });
    else if (up?.yaml) {
      const sql = up.yaml.steps.flatMap((s) => runSqlText(s.type, s.args) ?? []);
      if (sql.length > 0) files.push({ version, file: up.yaml.path, text: sql.join(";\n") });
    } else {
      return {
        notChecked: `version ${version} is applied but has no up migration in ${db.directory}`,
        version
      };
    }
  }
  return { files };
}
var NO_TRANSACTION_BLOCK = "25001";
function missingExtension(e) {
  const text = `${e.message}
${e.detail ?? ""}`;
  const named = /extension "([^"]+)" is not available/.exec(text) ?? /\/([^/"]+)\.control"/.exec(text);
  return named?.[1];
}
async function runFile(session, text) {
  const whole = await session.script(text);
  if (!whole.error) return void 0;
  if (whole.error.sqlstate !== NO_TRANSACTION_BLOCK) return whole.error;
  const { statements } = await splitStatements(text);
  for (const s of statements) {
    const one = await session.script(s.text);
    if (one.error) return one.error;
  }
  return void 0;
}
var openReplayDatabase = async (extensions) => {
  const embedded = await openEmbedded({ configVersion: 3, timeoutMs: 0, extensions });
  return { session: embedded.session, close: () => embedded.target.close() };
};
async function replaySchema(files, open = openReplayDatabase) {
  const embedded = await open(mentionedExtensions(files.map((f) => f.text)));
  try {
    for (const f of files) {
      const error = await runFile(embedded.session, f.text);
      if (!error) continue;
      const extension = missingExtension(error);
      const where = { version: f.version, file: f.file };
      if (extension) {
        return {
          notChecked: `the embedded database has no extension "${extension}" (created by ${f.file})`,
          extension,
          ...where
        };
      }
      return { notChecked: `replaying ${f.file} on the embedded database failed: ${error.message}`, ...where };
    }
    return { snapshot: await takeSnapshot(sessionSnapshotQuery(embedded.session)) };
  } finally {
    await embedded.close();
  }
}
var ReplayCache = class {
  constructor(replay = replaySchema) {
    this.replay = replay;
  }
  replay;
  replays = /* @__PURE__ */ new Map();
  get(files) {
    const hash = createHash("sha256");
    for (const f of files) hash.update(`${f.version}\0${f.text.length}\0`).update(f.text, "utf8");
    const key = hash.digest("hex");
    let result = this.replays.get(key);
    if (!result) {
      result = this.replay(files);
      this.replays.set(key, result);
    }
    return result;
  }
};
export {
  ReplayCache,
  isNotChecked,
  replayFilesFor,
  replaySchema
};

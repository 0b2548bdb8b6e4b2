import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  readBaseMetadata,
  short
} from "./chunk-2IS4YLRH.js";
import {
  diffMetadataLoadingParser
} from "./chunk-LKB7VIHT.js";
import {
  buildMetadata
} from "./chunk-EWGMX6GJ.js";
import "./chunk-PQOAXLNL.js";
import "./chunk-U7PA5OP3.js";
import "./chunk-OBJDCIQA.js";
import {
  KnownError
} from "./chunk-SWCUOCRD.js";
import "./chunk-JEGQZBSL.js";

// src/drift/metadata-drift.ts
async function metadataDriftDiff(drift, server, project) {
  if (drift.status !== "changed") return void 0;
  const options = project.unauthorizedRole ? { unauthorizedRole: project.unauthorizedRole } : {};
  const commit = drift.recorded?.commit;
  let note;
  if (commit) {
    try {
      const applied = await readBaseMetadata({
        projectDir: project.config.projectDir,
        commit,
        ...project.env ? { env: project.env } : {},
        ...project.migrationsDir ? { migrationsDir: project.migrationsDir } : {}
      });
      return {
        base: { from: "applied-commit", commit: applied.commit },
        changes: await diffMetadataLoadingParser(applied.metadata, server.metadata, options)
      };
    } catch (e) {
      if (!(e instanceof KnownError)) throw e;
      note = `the applied commit ${short(commit)} could not be read (${e.message}); compared with the checkout's metadata instead (actions/checkout with fetch-depth: 0 compares with what was applied)`;
    }
  } else note = "no commit recorded with the metadata; compared with the checkout's metadata";
  const local = await buildMetadata(project.config);
  return {
    base: { from: "checkout" },
    changes: await diffMetadataLoadingParser(local?.metadata, server.metadata, options),
    note
  };
}
export {
  metadataDriftDiff
};

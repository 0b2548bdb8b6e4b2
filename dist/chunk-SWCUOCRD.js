import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/errors.ts
var KnownError = class extends Error {
  constructor(message, where = {}) {
    super(message);
    this.where = where;
    this.name = new.target.name;
  }
  where;
};
var UserError = class extends KnownError {
  kind = "user";
};
var TargetError = class extends KnownError {
  constructor(message, where = {}, code) {
    super(message, where);
    this.code = code;
  }
  code;
  kind = "target";
};
var SqlError = class extends KnownError {
  constructor(pg, where = {}) {
    super(pg.message, where);
    this.pg = pg;
  }
  pg;
  kind = "sql";
};
var CancelledError = class extends KnownError {
  kind = "cancelled";
};
var RefusedError = class extends KnownError {
  constructor(message, remedy) {
    super(message);
    this.remedy = remedy;
  }
  remedy;
  kind = "refused";
};
var isKnownError = (e) => e instanceof KnownError;

export {
  KnownError,
  UserError,
  TargetError,
  SqlError,
  CancelledError,
  RefusedError,
  isKnownError
};

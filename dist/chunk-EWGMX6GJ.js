import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  lineAt
} from "./chunk-PQOAXLNL.js";
import {
  YAML_SCHEMA,
  defineScalarTag,
  isPlainObject,
  parseYaml,
  rootSequenceItemLines,
  topLevelKeyLine
} from "./chunk-OBJDCIQA.js";
import {
  UserError
} from "./chunk-SWCUOCRD.js";

// src/project/config.ts
import { existsSync as existsSync2, statSync as statSync2 } from "node:fs";
import { join as join2, resolve } from "node:path";

// src/project/dotenv.ts
import { existsSync } from "node:fs";
import { join } from "node:path";

// src/project/files.ts
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
function relativePosix(base, abs) {
  const rel = relative(base, abs);
  return sep === "/" ? rel : rel.split(sep).join("/");
}
var joinPosix = (dir, name) => dir === "" || dir === "." ? name : `${dir}/${name}`;
function decodeUtf8(bytes, where) {
  if (!isUtf8(bytes)) throw new UserError(`${where.file ?? "file"} is not valid UTF-8 text`, where);
  return bytes.toString("utf8");
}
function readUtf8(abs, rel, where = {}) {
  return decodeUtf8(readBytes(abs, rel, where), { ...where, file: rel });
}
function readBytes(abs, rel, where = {}) {
  try {
    return readFileSync(abs);
  } catch (e) {
    throw fileError(e, rel, where);
  }
}
function statFollow(abs, rel, where = {}) {
  try {
    return statSync(abs);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return void 0;
    throw fileError(e, rel, where);
  }
}
var errnoCode = (e) => e && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : void 0;
function fileError(e, rel, where = {}) {
  const code = errnoCode(e);
  const w = { ...where, file: rel };
  switch (code) {
    case "ELOOP":
      return new UserError(`${rel}: symbolic link loop (the link resolves to itself)`, w);
    case "ENOENT":
      return new UserError(`${rel}: no such file (a broken symbolic link?)`, w);
    case "EISDIR":
      return new UserError(`${rel} is a directory, expected a file`, w);
    case "EACCES":
    case "EPERM":
      return new UserError(`${rel}: permission denied`, w);
    default:
      return new UserError(`${rel}: cannot read (${code ?? String(e)})`, w);
  }
}
var HAS_SURROGATE = /[\uD800-\uDFFF]/;
function compareNames(a, b) {
  if (a === b) return 0;
  if (!HAS_SURROGATE.test(a) && !HAS_SURROGATE.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function goExt(p) {
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p[i];
    if (c === ".") return p.slice(i);
    if (c === "/" || c === "\\") break;
  }
  return "";
}

// src/project/dotenv.ts
var ENV_FILE = ".env";
function readEnvFile(projectDir, env = process.env) {
  const abs = join(projectDir, ENV_FILE);
  if (!existsSync(abs)) return {};
  return parseEnvFile(readUtf8(abs, ENV_FILE), env);
}
function mergeEnv(fileVars, env) {
  const merged = { ...fileVars };
  for (const [k, v] of Object.entries(env)) if (v !== void 0) merged[k] = v;
  return merged;
}
var KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
function parseEnvFile(text, env = {}) {
  const vars = {};
  const lookup = (name) => vars[name] ?? env[name] ?? "";
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let i = 0;
  while (i < src.length) {
    const lineEnd = indexOrEnd(src, "\n", i);
    let line = src.slice(i, lineEnd);
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i = lineEnd + 1;
      continue;
    }
    line = line.replace(/^\s*export\s+/, "");
    const sepAt = line.search(/[=:]/);
    if (sepAt < 0) {
      i = lineEnd + 1;
      continue;
    }
    const key = line.slice(0, sepAt).trim();
    const lineStart = lineEnd - line.length;
    let pos = lineStart + sepAt + 1;
    while (pos < src.length && (src[pos] === " " || src[pos] === "	")) pos++;
    const quote = src[pos];
    let value;
    if (quote === '"' || quote === "'") {
      const close = findClosingQuote(src, pos + 1, quote);
      if (close < 0) {
        value = src.slice(pos + 1, lineEnd);
        i = lineEnd + 1;
      } else {
        const raw = src.slice(pos + 1, close);
        value = quote === "'" ? raw : unescape(expand(raw, lookup));
        i = indexOrEnd(src, "\n", close) + 1;
      }
    } else {
      let raw = src.slice(pos, lineEnd);
      const comment = raw.search(/\s#/);
      if (comment >= 0) raw = raw.slice(0, comment);
      value = expand(raw.trim(), lookup);
      i = lineEnd + 1;
    }
    if (KEY.test(key)) vars[key] = value;
  }
  return vars;
}
var indexOrEnd = (s, ch, from) => {
  const at = s.indexOf(ch, from);
  return at < 0 ? s.length : at;
};
function findClosingQuote(s, from, quote) {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\" && quote === '"') i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}
function unescape(s) {
  return s.replace(/\\(.)/g, (_m, c) => {
    switch (c) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "	";
      default:
        return c;
    }
  });
}
function expand(s, lookup) {
  return s.replace(
    /(\\)?\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (m, esc, _w, braced, bare) => esc ? m.slice(1) : lookup(braced ?? bare)
  );
}

// src/project/config.ts
var CONFIG_FILE = "config.yaml";
var ENV_PREFIX = "HASURA_GRAPHQL_";
var DEFAULT_MIGRATIONS_DIRECTORY = "migrations";
var DEFAULT_METADATA_DIRECTORY = "metadata";
var DEFAULT_SEEDS_DIRECTORY = "seeds";
function readConfig(projectDir, env = process.env) {
  const dir = resolve(projectDir);
  if (!existsSync2(dir)) {
    throw new UserError(
      `project directory ${dir} does not exist: set the 'project-dir' input to the directory that holds config.yaml`,
      { input: "project-dir" }
    );
  }
  if (!statSync2(dir).isDirectory()) {
    throw new UserError(
      `project-dir ${dir} is not a directory: it must be the directory that holds config.yaml`,
      {
        input: "project-dir"
      }
    );
  }
  const configFile = join2(dir, CONFIG_FILE);
  if (!existsSync2(configFile) || !statSync2(configFile).isFile()) {
    throw new UserError(
      `no config.yaml in ${dir}: the Hasura CLI needs one too; set the 'project-dir' input to the directory that holds config.yaml`,
      { input: "project-dir", file: CONFIG_FILE }
    );
  }
  const vars = mergeEnv(readEnvFile(dir, env), env);
  const text = readUtf8(configFile, CONFIG_FILE);
  const doc = parseYaml(text, CONFIG_FILE);
  if (doc !== null && !isPlainObject(doc)) {
    throw new UserError(`${CONFIG_FILE}: expected a mapping of settings (version, endpoint, ...)`, {
      file: CONFIG_FILE,
      line: 1
    });
  }
  const fileKeys = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(doc ?? {})) fileKeys.set(k.toLowerCase(), v);
  const overrides = [];
  const setting = (key) => {
    const envName = ENV_PREFIX + key.toUpperCase();
    const fromEnv = vars[envName];
    if (fromEnv !== void 0 && fromEnv !== "") {
      overrides.push(envName);
      return { value: fromEnv, envName };
    }
    const v = fileKeys.get(key);
    return v === void 0 || v === null ? void 0 : { value: v };
  };
  const where = (key, s) => s.envName ? `environment variable ${s.envName}` : `${CONFIG_FILE} key '${key}'`;
  const lineOf = (key, s) => s.envName ? void 0 : topLevelKeyLine(text, key);
  const fail = (key, s, message) => {
    const line = lineOf(key, s);
    throw new UserError(`${where(key, s)}${line ? ` (${CONFIG_FILE}:${line})` : ""}: ${message}`, {
      file: s.envName ? void 0 : CONFIG_FILE,
      line
    });
  };
  const stringOf = (key) => {
    const s = setting(key);
    if (!s) return void 0;
    if (typeof s.value === "string") return s.value;
    if (typeof s.value === "number" || typeof s.value === "boolean") return String(s.value);
    return fail(key, s, `expected a string, got ${JSON.stringify(s.value)}`);
  };
  const directory = (key, fallback) => {
    const v = stringOf(key);
    return v === void 0 || v.trim() === "" ? fallback : v;
  };
  const version = configVersion(setting("version"), (s, m) => fail("version", s, m));
  const config = {
    version,
    projectDir: dir,
    configFile,
    migrationsDirectory: directory("migrations_directory", DEFAULT_MIGRATIONS_DIRECTORY),
    metadataDirectory: directory("metadata_directory", DEFAULT_METADATA_DIRECTORY),
    seedsDirectory: directory("seeds_directory", DEFAULT_SEEDS_DIRECTORY),
    overrides
  };
  if (version >= 2) {
    const s = setting("metadata_file");
    const file = s ? stringOf("metadata_file") : void 0;
    if (s && file !== void 0 && file.trim() !== "") {
      const ext = goExt(file);
      if (ext !== ".json" && ext !== ".yaml") {
        fail("metadata_file", s, `metadata_file must end in .json or .yaml, got '${file}'`);
      }
      config.metadataFile = file;
    }
  }
  const endpoint = stringOf("endpoint");
  if (endpoint) config.endpoint = endpoint;
  const adminSecret = firstAdminSecret(setting("admin_secrets"), overrides) ?? (stringOf("admin_secret") || void 0);
  if (adminSecret) config.adminSecret = adminSecret;
  else {
    const accessKey = stringOf("access_key");
    if (accessKey) config.adminSecret = accessKey;
  }
  config.overrides = [...new Set(overrides)];
  return config;
}
function configVersion(s, fail) {
  if (!s) return 1;
  const raw = s.value;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (n === 1 || n === 2 || n === 3) return n;
  return fail(s, `invalid config version ${JSON.stringify(raw)}: must be 1, 2 or 3`);
}
function firstAdminSecret(s, overrides) {
  if (!s) return void 0;
  let list = s.value;
  if (typeof list === "string") {
    try {
      list = JSON.parse(list);
    } catch {
      list = void 0;
    }
  }
  if (Array.isArray(list) && typeof list[0] === "string" && list[0] !== "") return list[0];
  if (s.envName) overrides.splice(overrides.indexOf(s.envName), 1);
  return void 0;
}

// src/project/metadata.ts
import { existsSync as existsSync5, statSync as statSync4 } from "node:fs";
import { join as join5 } from "node:path";

// src/project/metadata-actions.ts
import { existsSync as existsSync3 } from "node:fs";
import { join as join3 } from "node:path";
var OPERATION_TYPES = /* @__PURE__ */ new Set(["Query", "Mutation"]);
var TYPE_LISTS = ["enums", "input_objects", "objects", "scalars"];
var COPIED_DEFINITION_KEYS = [
  "kind",
  "handler",
  "forward_client_headers",
  "headers",
  "timeout",
  "request_transform",
  "response_transform"
];
async function buildActions(projectDir, metadataDir, files) {
  const sdlAbs = join3(metadataDir, "actions.graphql");
  const yamlAbs = join3(metadataDir, "actions.yaml");
  const sdlRel = relativePosix(projectDir, sdlAbs);
  const yamlRel = relativePosix(projectDir, yamlAbs);
  const hasSdl = existsSync3(sdlAbs);
  const hasYaml = existsSync3(yamlAbs);
  if (!hasSdl && !hasYaml) return void 0;
  let fromSdl = {
    actions: [],
    types: { enums: [], input_objects: [], objects: [], scalars: [] }
  };
  if (hasSdl) {
    files.push(sdlRel);
    fromSdl = await sdlToMetadata(readUtf8(sdlAbs, sdlRel), sdlRel);
  }
  let declared = {};
  if (hasYaml) {
    files.push(yamlRel);
    const doc = parseYaml(readUtf8(yamlAbs, yamlRel), yamlRel);
    if (doc !== null && !isPlainObject(doc)) {
      throw new UserError(`${yamlRel}: expected a mapping with 'actions' and 'custom_types'`, {
        file: yamlRel,
        line: 1
      });
    }
    declared = doc ?? {};
  }
  const missing = (what, name) => new UserError(
    `${yamlRel}: ${what} ${name} is not present in ${sdlRel}${hasSdl ? "" : " (the file does not exist)"}`,
    { file: yamlRel }
  );
  const actions = fromSdl.actions.map((a) => ({ ...a, extra: emptyRecord() }));
  for (const item of listOf(declared.actions)) {
    if (!isPlainObject(item)) continue;
    const found = actions.find((a) => a.name === item.name);
    if (!found) throw missing("action", String(item.name));
    const definition = isPlainObject(item.definition) ? item.definition : {};
    for (const key of COPIED_DEFINITION_KEYS) found.extra[key] = definition[key];
    found.extra.permissions = item.permissions;
    found.extra.comment = item.comment;
  }
  const builtActions = actions.map((a) => {
    const x = a.extra;
    const def = {
      kind: stringOr(x.kind),
      type: a.type,
      handler: stringOr(x.handler)
    };
    if (a.arguments.length > 0) def.arguments = a.arguments;
    if (a.output_type) def.output_type = a.output_type;
    if (x.forward_client_headers === true) def.forward_client_headers = true;
    if (x.headers !== void 0) def.headers = x.headers;
    if (typeof x.timeout === "number" && x.timeout !== 0) def.timeout = x.timeout;
    if (x.request_transform !== void 0) def.request_transform = x.request_transform;
    if (x.response_transform !== void 0) def.response_transform = x.response_transform;
    const action = { name: a.name, definition: def };
    if (x.permissions !== void 0) action.permissions = x.permissions;
    if (x.comment !== void 0 && x.comment !== null) action.comment = x.comment;
    return action;
  });
  const declaredTypes = isPlainObject(declared.custom_types) ? declared.custom_types : {};
  const customTypes = {};
  let typeCount = 0;
  for (const list of TYPE_LISTS) {
    const types = fromSdl.types[list];
    for (const item of listOf(declaredTypes[list])) {
      if (!isPlainObject(item)) continue;
      const found = types.find((t) => t.name === item.name);
      if (!found) throw missing("custom type", String(item.name));
      found.description = typeof item.description === "string" ? item.description : null;
      found.relationships = item.relationships;
    }
    customTypes[list] = types.map((t) => {
      const out = { name: t.name };
      if (t.description !== null) out.description = t.description;
      if (t.fields && t.fields.length > 0) out.fields = t.fields;
      if (t.values && t.values.length > 0) out.values = t.values;
      if (t.relationships !== void 0) out.relationships = t.relationships;
      return out;
    });
    typeCount += types.length;
  }
  const result = {};
  if (builtActions.length > 0) result.actions = builtActions;
  if (typeCount > 0) result.custom_types = customTypes;
  return result;
}
var emptyRecord = () => ({});
var listOf = (v) => Array.isArray(v) ? v : [];
var stringOr = (v) => typeof v === "string" ? v : "";
var describe = (d) => d.description ? d.description.value.trim() : null;
async function sdlToMetadata(sdl, file) {
  const out = { actions: [], types: { enums: [], input_objects: [], objects: [], scalars: [] } };
  if (sdl.trim() === "") return out;
  const { GraphQLError, Kind, parse, print } = await import("./chunk-VGLVM77G.js");
  let definitions;
  try {
    definitions = parse(sdl, { noLocation: false }).definitions;
  } catch (e) {
    if (e instanceof GraphQLError) {
      const line = e.locations?.[0]?.line;
      throw new UserError(`${file}${line ? `:${line}` : ""}: invalid GraphQL: ${e.message}`, { file, line });
    }
    throw e;
  }
  const unsupported = (d, what) => {
    const line = d.loc?.startToken.line;
    throw new UserError(`${file}${line ? `:${line}` : ""}: ${what} is not supported in actions.graphql`, {
      file,
      line
    });
  };
  for (const d of definitions) {
    const name = "name" in d && d.name ? d.name.value : void 0;
    if (name === void 0)
      return unsupported(d, d.kind === Kind.SCHEMA_DEFINITION ? "a schema definition" : d.kind);
    if (OPERATION_TYPES.has(name)) {
      if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION)
        return unsupported(d, `${name} as ${d.kind}`);
      for (const f of d.fields ?? [])
        out.actions.push(actionOf(f, name === "Query" ? "query" : "mutation", print));
      continue;
    }
    switch (d.kind) {
      case Kind.SCALAR_TYPE_DEFINITION:
        out.types.scalars.push({ name, description: describe(d) });
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        out.types.enums.push({
          name,
          description: describe(d),
          values: (d.values ?? []).map((v) => ({ value: v.name.value, description: describe(v) }))
        });
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        out.types.input_objects.push({
          name,
          description: describe(d),
          fields: (d.fields ?? []).map((f) => ({
            name: f.name.value,
            type: print(f.type),
            description: describe(f)
          }))
        });
        break;
      case Kind.OBJECT_TYPE_DEFINITION:
        out.types.objects.push({
          name,
          description: describe(d),
          fields: (d.fields ?? []).map((f) => ({
            name: f.name.value,
            type: print(f.type),
            description: describe(f)
          }))
        });
        break;
      case Kind.INTERFACE_TYPE_DEFINITION:
        break;
      // cli-ext drops interfaces (they come back without a name and are filtered out)
      default:
        return unsupported(d, `${d.kind} '${name}'`);
    }
  }
  return out;
}
function actionOf(f, type, print) {
  return {
    name: f.name.value,
    type,
    arguments: (f.arguments ?? []).map((a) => ({
      name: a.name.value,
      type: print(a.type),
      description: describe(a)
    })),
    output_type: print(f.type)
  };
}

// src/project/metadata-sources.ts
import { existsSync as existsSync4, realpathSync, statSync as statSync3 } from "node:fs";
import { dirname, isAbsolute, join as join4, relative as relative2, sep as sep2 } from "node:path";
var IncludeTag = class {
  constructor(target) {
    this.target = target;
  }
  target;
};
var INCLUDE_SCHEMA = YAML_SCHEMA.withTags(
  defineScalarTag("!include", { resolve: (source) => new IncludeTag(source), identify: () => false })
);
var INCLUDE = "!include";
var SOURCE_KEYS = [
  "name",
  "kind",
  "configuration",
  "query_tags",
  "customization",
  "health_check",
  "logical_models",
  "native_queries",
  "stored_procedures"
];
function buildSources(ctx) {
  const base = join4(ctx.metadataDir, "databases");
  const abs = join4(base, "databases.yaml");
  if (!existsSync4(abs)) return void 0;
  const rel = relativePosix(ctx.projectDir, abs);
  const text = readUtf8(abs, rel);
  ctx.files.push(rel);
  const doc = parseYaml(text, rel, INCLUDE_SCHEMA);
  if (doc === null) return [];
  if (!Array.isArray(doc))
    throw new UserError(`${rel}: expected a list of databases (- name: default ...)`, { file: rel, line: 1 });
  const file = { abs, rel, text };
  return doc.map((source, i) => {
    if (!isPlainObject(source)) {
      throw new UserError(
        `${rel}: database #${i + 1} must be a mapping (name, kind, configuration, tables)`,
        {
          file: rel
        }
      );
    }
    const out = {};
    for (const key of SOURCE_KEYS) if (source[key] !== void 0) out[key] = literal(source[key]);
    const resolver = new Resolver(ctx, [abs]);
    for (const key of ["tables", "functions"]) {
      if (source[key] !== void 0) out[key] = resolver.resolve(source[key], base, file);
    }
    return out;
  });
}
var Resolver = class _Resolver {
  constructor(ctx, stack) {
    this.ctx = ctx;
    this.stack = stack;
  }
  ctx;
  stack;
  resolve(value, baseDir, from) {
    if (value instanceof IncludeTag) return this.include(value.target, baseDir, from);
    if (typeof value === "string" && value.includes(INCLUDE)) {
      const target = trimQuotes(value.split(" ").slice(1).join(" "));
      return this.include(target, baseDir, from);
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, baseDir, from));
    if (isPlainObject(value)) {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolve(v, baseDir, from);
      return out;
    }
    return value;
  }
  include(target, baseDir, from) {
    const line = includeLine(from.text, target);
    const where = { file: from.rel, line };
    const at = line ? `${from.rel}:${line}` : from.rel;
    const abs = join4(baseDir, target);
    const rel = relativePosix(this.ctx.projectDir, abs);
    const inside = relative2(this.ctx.metadataDir, abs);
    if (inside === ".." || inside.startsWith(`..${sep2}`) || isAbsolute(inside)) {
      throw new UserError(
        `${at}: !include '${target}' points outside the metadata directory (to ${rel})`,
        where
      );
    }
    if (this.stack.includes(abs)) {
      const chain = [...this.stack.slice(this.stack.indexOf(abs)), abs].map(
        (p) => relativePosix(this.ctx.projectDir, p)
      );
      throw new UserError(`${at}: !include loop: ${chain.join(" -> ")}`, where);
    }
    if (!existsSync4(abs)) throw new UserError(`${at}: !include '${target}': file ${rel} not found`, where);
    const real = relative2(realpathSync(this.ctx.metadataDir), realpathSync(abs));
    if (real === ".." || real.startsWith(`..${sep2}`) || isAbsolute(real)) {
      throw new UserError(
        `${at}: !include '${target}': ${rel} is a symbolic link that leads outside the metadata directory`,
        where
      );
    }
    if (statSync3(abs).isDirectory())
      throw new UserError(`${at}: !include '${target}': ${rel} is a directory`, where);
    const text = readUtf8(abs, rel);
    this.ctx.files.push(rel);
    if (goExt(abs) !== ".yaml") return text;
    const parsed = parseYaml(text, rel, INCLUDE_SCHEMA);
    const inner = new _Resolver(this.ctx, [...this.stack, abs]);
    return inner.resolve(parsed, dirname(abs), { abs, rel, text });
  }
};
var trimQuotes = (s) => s.replace(/^"+|"+$/g, "");
function includeLine(text, target) {
  const lines = text.split("\n");
  let fallback;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.includes(INCLUDE)) continue;
    if (l.includes(target)) return i + 1;
    fallback ??= i + 1;
  }
  return fallback;
}
function literal(value) {
  if (value instanceof IncludeTag) return value.target;
  if (Array.isArray(value)) return value.map(literal);
  if (isPlainObject(value)) {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = literal(v);
    return out;
  }
  return value;
}

// src/project/metadata.ts
var METADATA_KEY_ORDER = [
  "version",
  "sources",
  "tables",
  "functions",
  "actions",
  "custom_types",
  "remote_schemas",
  "query_collections",
  "allowlist",
  "cron_triggers",
  "network",
  "api_limits",
  "rest_endpoints",
  "inherited_roles",
  "opentelemetry",
  "backend_configs",
  "graphql_schema_introspection",
  "metrics_config"
];
var COMMON_OBJECTS = [
  { file: "remote_schemas.yaml", key: "remote_schemas", shape: "list" },
  { file: "query_collections.yaml", key: "query_collections", shape: "list" },
  { file: "allow_list.yaml", key: "allowlist", shape: "list" },
  { file: "cron_triggers.yaml", key: "cron_triggers", shape: "list" },
  { file: "network.yaml", key: "network", shape: "map" }
];
var CONFIG2_OBJECTS = [
  { file: "tables.yaml", key: "tables", shape: "list" },
  { file: "functions.yaml", key: "functions", shape: "list" },
  ...COMMON_OBJECTS
];
var CONFIG3_OBJECTS = [
  ...COMMON_OBJECTS,
  { file: "rest_endpoints.yaml", key: "rest_endpoints", shape: "list", omitEmpty: true },
  { file: "inherited_roles.yaml", key: "inherited_roles", shape: "list" },
  { file: "api_limits.yaml", key: "api_limits", shape: "map" },
  { file: "graphql_schema_introspection.yaml", key: "graphql_schema_introspection", shape: "map" },
  { file: "opentelemetry.yaml", key: "opentelemetry", shape: "map" },
  { file: "backend_configs.yaml", key: "backend_configs", shape: "map" },
  { file: "metrics_config.yaml", key: "metrics_config", shape: "map", omitEmpty: true }
];
function metadataObjectFile(version, key) {
  if (key === "version") return "version.yaml";
  return (version === 2 ? CONFIG2_OBJECTS : CONFIG3_OBJECTS).find((o) => o.key === key)?.file;
}
async function buildMetadata(config) {
  if (config.version === 1) return buildConfig1(config);
  if (config.metadataFile) return buildSingleFile(config, config.metadataFile);
  return buildDirectory(config);
}
function buildConfig1(config) {
  const dir = join5(config.projectDir, config.migrationsDirectory);
  for (const name of ["metadata.yaml", "metadata.json"]) {
    const abs = join5(dir, name);
    if (existsSync5(abs) && statSync4(abs).isFile()) return readWholeFile(config, abs);
  }
  return void 0;
}
function buildSingleFile(config, metadataFile) {
  const abs = join5(config.projectDir, metadataFile);
  if (!existsSync5(abs)) return void 0;
  return readWholeFile(config, abs);
}
function readWholeFile(config, abs) {
  const rel = relativePosix(config.projectDir, abs);
  const text = readUtf8(abs, rel);
  const doc = abs.endsWith(".json") ? parseJson(text, rel) : parseYaml(text, rel);
  if (doc === null) return void 0;
  if (!isPlainObject(doc)) {
    throw new UserError(`${rel}: expected the metadata object ({"version": ..., ...})`, {
      file: rel,
      line: 1
    });
  }
  return { metadata: doc, files: [rel] };
}
function parseJson(text, rel) {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
    const line = jsonErrorLine(text, message);
    throw new UserError(`${rel}${line ? `:${line}` : ""}: invalid JSON: ${message}`, { file: rel, line });
  }
}
function jsonErrorLine(text, message) {
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAt(text, Number(pos[1]));
  try {
    parseYaml(text, "");
  } catch (e) {
    if (e instanceof UserError) return e.where.line;
  }
  return void 0;
}
async function buildDirectory(config) {
  const dir = join5(config.projectDir, config.metadataDirectory);
  if (!existsSync5(dir) || !statSync4(dir).isDirectory()) return void 0;
  const files = [];
  const parts = {};
  if (config.version === 2) {
    parts.version = 2;
  } else {
    const version = readObjectFile(config, dir, { file: "version.yaml", key: "version", shape: "map" }, files);
    if (isPlainObject(version) && version.version !== void 0 && version.version !== null) {
      parts.version = version.version;
    }
    const sources = buildSources({ projectDir: config.projectDir, metadataDir: dir, files });
    if (sources !== void 0) parts.sources = sources;
  }
  for (const object of config.version === 2 ? CONFIG2_OBJECTS : CONFIG3_OBJECTS) {
    const value = readObjectFile(config, dir, object, files);
    if (value === void 0) continue;
    if (object.omitEmpty && isEmpty(value)) continue;
    parts[object.key] = value;
  }
  const actions = await buildActions(config.projectDir, dir, files);
  if (actions?.actions) parts.actions = actions.actions;
  if (actions?.custom_types) parts.custom_types = actions.custom_types;
  if (files.length === 0) return void 0;
  const metadata = {};
  for (const key of METADATA_KEY_ORDER) if (key in parts) metadata[key] = parts[key];
  return { metadata, files };
}
var isEmpty = (v) => Array.isArray(v) ? v.length === 0 : isPlainObject(v) ? Object.keys(v).length === 0 : v === null;
function readObjectFile(config, dir, object, files) {
  const abs = join5(dir, object.file);
  if (!existsSync5(abs)) return void 0;
  const rel = relativePosix(config.projectDir, abs);
  const doc = parseYaml(readUtf8(abs, rel), rel);
  files.push(rel);
  if (doc === null) return void 0;
  if (object.shape === "list" && !Array.isArray(doc)) {
    throw new UserError(`${rel}: expected a list (the '${object.key}' metadata object)`, {
      file: rel,
      line: 1
    });
  }
  if (object.shape === "map" && !isPlainObject(doc)) {
    throw new UserError(`${rel}: expected a mapping (the '${object.key}' metadata object)`, {
      file: rel,
      line: 1
    });
  }
  return doc;
}

// src/project/migrations.ts
import { isUtf8 as isUtf82 } from "node:buffer";
import { lstatSync, readdirSync, readFileSync as readFileSync2, statSync as statSync5 } from "node:fs";
import { join as join6 } from "node:path";

// src/project/no-transaction-marker.ts
var NO_TRANSACTION_MARKER = "-- hasura:no-transaction";
function hasNoTransactionMarker(text) {
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  return first.trim() === NO_TRANSACTION_MARKER;
}

// src/project/migrations.ts
var CONFIG1_NAME = /^([0-9]+)_(.*)\.(down|up)\.(.*)$/;
var CONFIG2_NAME = /^([0-9]+)_(.*)\.(down|up)\.(sql)$/;
var VERSION_DIR = /^[0-9]+_/;
var UINT64_MAX = 18446744073709551615n;
var DEFAULT_DATABASE = "default";
var whereOf = (file, database, version) => ({
  file,
  database,
  version: version.toString()
});
var MAX_NESTING = 4;
function listDatabases(config) {
  if (config.version < 3) return [DEFAULT_DATABASE];
  const abs = join6(config.projectDir, config.migrationsDirectory);
  const rel = relativePosix(config.projectDir, abs) || ".";
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return [];
    throw fileError(e, rel);
  }
  const names = [];
  for (const d of entries) {
    if (d.name.startsWith(".")) continue;
    if (d.isDirectory() || d.isSymbolicLink() && statFollow(join6(abs, d.name), joinPosix(rel, d.name))?.isDirectory())
      names.push(d.name);
  }
  return names.sort(compareNames);
}
function assertDatabaseName(database) {
  if (database === "" || database === "." || database === ".." || /[/\\]/.test(database)) {
    throw new UserError(`'${database}' is not a database directory name`, { input: "database", database });
  }
}
function readMigrations(config, database) {
  const migrationsAbs = join6(config.projectDir, config.migrationsDirectory);
  let abs = migrationsAbs;
  if (config.version >= 3) {
    assertDatabaseName(database);
    abs = join6(migrationsAbs, database);
  }
  const directory = relativePosix(config.projectDir, abs) || ".";
  const result = { name: database, directory, migrations: [] };
  const scanner = new Scanner(config, database, abs, directory);
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT" && config.version < 3) return result;
    if (code === "ENOENT") {
      throw new UserError(
        `no migrations directory for database '${database}': expected ${directory} (config 3 keeps each database's migrations in ${relativePosix(config.projectDir, migrationsAbs) || "."}/<database>)`,
        { file: directory, database }
      );
    }
    if (code === "ENOTDIR")
      throw new UserError(`${directory} is not a directory`, { file: directory, database });
    throw fileError(e, directory, { database });
  }
  for (const d of entries) scanner.entry(d);
  result.migrations = scanner.sorted();
  if (scanner.nested.length > 0) result.nestedFiles = scanner.nested;
  if (scanner.empty.length > 0) result.emptyFiles = scanner.empty;
  return result;
}
var Scanner = class {
  constructor(config, database, abs, rel) {
    this.config = config;
    this.database = database;
    this.abs = abs;
    this.rel = rel;
    this.pattern = config.version >= 2 ? CONFIG2_NAME : CONFIG1_NAME;
  }
  config;
  database;
  abs;
  rel;
  /** Keyed by the decimal version; `claims`: "up.sql"/"down.yaml"/... → the file that claimed the slot. */
  byVersion = /* @__PURE__ */ new Map();
  /** Migration files below a sub-directory of a version directory, in scan order. */
  nested = [];
  /** 0-byte migration files, which the CLI skips as if absent. */
  empty = [];
  pattern;
  entry(d) {
    const name = d.name;
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      const st = statFollow(`${this.abs}/${name}`, joinPosix(this.rel, name), { database: this.database });
      if (!st) throw fileError(Object.assign(new Error(), { code: "ENOENT" }), joinPosix(this.rel, name));
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (VERSION_DIR.test(name)) this.versionDirectory(name);
    } else if (isFile) {
      const parsed = this.parse(name);
      if (parsed) this.file(parsed, name);
    }
  }
  /** `<version>_<name>/`: each regular file is parsed as `<dir>.<file>`; sub-directories are skipped. */
  versionDirectory(dirName) {
    let names;
    try {
      names = readdirSync(`${this.abs}/${dirName}`);
    } catch (e) {
      throw fileError(e, joinPosix(this.rel, dirName), { database: this.database });
    }
    for (const name of names) {
      const parsed = this.parse(`${dirName}.${name}`);
      if (parsed) this.file(parsed, `${dirName}/${name}`);
      else this.subDirectory(dirName, name, 1);
    }
  }
  /**
   * A sub-directory of a version directory is skipped, as the CLI skips it; the migration files in it
   * (a `/` typed into the console's migration name puts them there) are noted, never read.
   */
  subDirectory(versionDir, relInVersionDir, depth) {
    const relInDir = `${versionDir}/${relInVersionDir}`;
    const abs = `${this.abs}/${relInDir}`;
    let names;
    try {
      if (depth > MAX_NESTING || !lstatSync(abs).isDirectory()) return;
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names.sort(compareNames)) {
      const parsed = this.parse(`${versionDir}.${name}`);
      if (!parsed) {
        this.subDirectory(versionDir, `${relInVersionDir}/${name}`, depth + 1);
        continue;
      }
      try {
        const st = statSync5(`${abs}/${name}`);
        if (!st.isFile() || st.size === 0) continue;
      } catch {
        continue;
      }
      this.nested.push({
        path: joinPosix(this.rel, `${relInDir}/${name}`),
        version: parsed.version,
        direction: parsed.side,
        versionDirectory: joinPosix(this.rel, versionDir)
      });
    }
  }
  /** What the CLI's regex makes of a name, for the files the scanner reads; undefined for any other name. */
  parse(parseName) {
    const m = this.pattern.exec(parseName);
    if (!m) return void 0;
    const kind = m[4] === "sql" ? "sql" : m[4] === "yaml" && this.config.version === 1 ? "yaml" : void 0;
    if (!kind) return void 0;
    const version = BigInt(m[1]);
    if (version > UINT64_MAX) return void 0;
    return { version, name: m[2], side: m[3], kind };
  }
  /** A migration file, `parsed` from what the CLI's regex sees; `relInDir` the path below the database directory. */
  file(parsed, relInDir) {
    const { version, kind, side } = parsed;
    const abs = `${this.abs}/${relInDir}`;
    const path4 = joinPosix(this.rel, relInDir);
    const st = statFollow(abs, path4, { file: path4, database: this.database });
    if (!st) {
      const where2 = whereOf(path4, this.database, version);
      throw fileError(Object.assign(new Error(), { code: "ENOENT" }), path4, where2);
    }
    if (!st.isFile()) return;
    if (st.size === 0) {
      this.empty.push({ path: path4, version, direction: side });
      return;
    }
    if (kind === "sql") {
      this.add(version, parsed.name, side, kind, path4, {
        sql: new LazySqlFile(path4, abs, this.database, version, st.size)
      });
      return;
    }
    const where = whereOf(path4, this.database, version);
    let bytes;
    try {
      bytes = readFileSync2(abs);
    } catch (e) {
      throw fileError(e, path4, where);
    }
    if (bytes.length === 0) return;
    if (!isUtf82(bytes)) decodeUtf8(bytes, where);
    const yaml = readYamlSteps(bytes.toString("utf8"), path4, where);
    if (yaml.steps.length === 0) return;
    this.add(version, parsed.name, side, kind, path4, { yaml });
  }
  add(version, name, side, kind, path4, files) {
    let entry = this.byVersion.get(version);
    if (!entry) {
      entry = { migration: { database: this.database, version, name }, claims: {} };
      this.byVersion.set(version, entry);
    }
    const slot = `${side}.${kind}`;
    const previous = entry.claims[slot];
    if (previous !== void 0) {
      throw new UserError(
        `found duplicate migrations for version ${version}: ${previous} and ${path4} (one version, one ${side} file)`,
        whereOf(path4, this.database, version)
      );
    }
    entry.claims[slot] = path4;
    const migration = entry.migration;
    if (side === "up" && !migration.up) migration.name = name;
    migration[side] = { ...migration[side], ...files };
  }
  sorted() {
    return [...this.byVersion.values()].map((e) => e.migration).sort((a, b) => a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  }
};
function readYamlSteps(text, path4, where = {}) {
  const doc = parseYaml(text, path4, void 0, where);
  if (doc === null) return { path: path4, steps: [] };
  if (!Array.isArray(doc)) {
    throw new UserError(`${path4}: expected a list of metadata API calls (- type: run_sql ...)`, {
      ...where,
      file: path4,
      line: 1
    });
  }
  const lines = rootSequenceItemLines(text, path4);
  const steps = doc.map((item, i) => {
    const line = lines[i] ?? 1;
    if (!isPlainObject(item) || typeof item.type !== "string" || item.type === "") {
      throw new UserError(
        `${path4}:${line}: each item must be a metadata API call with a 'type' (e.g. run_sql)`,
        {
          ...where,
          file: path4,
          line
        }
      );
    }
    return { type: item.type, args: item.args ?? null, line };
  });
  return { path: path4, steps };
}
var LazySqlFile = class {
  constructor(path4, abs, database, version, size) {
    this.path = path4;
    this.abs = abs;
    this.database = database;
    this.version = version;
    this.size = size;
  }
  path;
  abs;
  database;
  version;
  size;
  loaded;
  get text() {
    if (this.loaded !== void 0) return this.loaded;
    let bytes;
    try {
      bytes = readFileSync2(this.abs);
    } catch (e) {
      throw fileError(e, this.path, whereOf(this.path, this.database, this.version));
    }
    if (!isUtf82(bytes)) decodeUtf8(bytes, whereOf(this.path, this.database, this.version));
    return this.loaded = bytes.toString("utf8");
  }
  get noTransaction() {
    return hasNoTransactionMarker(this.text);
  }
};

// src/project/seeds.ts
import { readdirSync as readdirSync2 } from "node:fs";
import { isAbsolute as isAbsolute2, join as join7, relative as relative3, sep as sep3 } from "node:path";
var SEED_EXTENSIONS = [".sql", ".SQL"];
function seedsDirectory(config, database) {
  const root = join7(config.projectDir, config.seedsDirectory);
  if (config.version < 3) return root;
  assertDatabaseName(database);
  return join7(root, database);
}
function listSeeds(config, database, names) {
  const dirAbs = seedsDirectory(config, database);
  const dirRel = relativePosix(config.projectDir, dirAbs) || ".";
  const seed = (abs, rel) => {
    const text = readUtf8(abs, rel, { database });
    return { path: rel, text, noTransaction: hasNoTransactionMarker(text), database };
  };
  if (names && names.length > 0) {
    return names.map((name) => {
      const ext = goExt(name);
      if (!SEED_EXTENSIONS.includes(ext)) {
        throw new UserError(
          `seed file '${name}': expected extension to be one of .sql, .SQL but got '${ext}' (as the Hasura CLI)`,
          { input: "seeds", database }
        );
      }
      const abs = join7(dirAbs, name);
      const inside = relative3(dirAbs, abs);
      if (inside === "" || inside === ".." || inside.startsWith(`..${sep3}`) || isAbsolute2(inside)) {
        throw new UserError(`seed file '${name}' is outside the seeds directory ${dirRel}`, {
          input: "seeds",
          database
        });
      }
      const rel = relativePosix(config.projectDir, abs);
      const st = statFollow(abs, rel, { input: "seeds", database });
      if (!st)
        throw new UserError(`seed file '${name}' not found: expected ${rel}`, { input: "seeds", database });
      if (!st.isFile())
        throw new UserError(`seed file '${name}' (${rel}) is not a file`, { input: "seeds", database });
      return seed(abs, rel);
    });
  }
  const files = [];
  const walk = (abs, rel) => {
    let entries;
    try {
      entries = readdirSync2(abs, { withFileTypes: true });
    } catch (e) {
      if (e.code === "ENOENT" && abs === dirAbs) return;
      throw fileError(e, rel, { database });
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const d of entries) {
      const childAbs = join7(abs, d.name);
      const childRel = joinPosix(rel, d.name);
      if (d.isDirectory()) walk(childAbs, childRel);
      else if (SEED_EXTENSIONS.includes(goExt(d.name))) {
        if (d.isSymbolicLink() && !statFollow(childAbs, childRel, { database })?.isFile()) continue;
        if (d.isFile() || d.isSymbolicLink()) files.push(seed(childAbs, childRel));
      }
    }
  };
  walk(dirAbs, dirRel);
  return files;
}

// node_modules/@actions/exec/lib/exec.js
import { StringDecoder } from "string_decoder";

// node_modules/@actions/exec/lib/toolrunner.js
import * as os from "os";
import * as events from "events";
import * as child from "child_process";
import * as path3 from "path";

// node_modules/@actions/io/lib/io.js
import * as path2 from "path";

// node_modules/@actions/io/lib/io-util.js
import * as fs from "fs";
import * as path from "path";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
  return __awaiter(this, void 0, void 0, function* () {
    try {
      yield stat(fsPath);
    } catch (err) {
      if (err.code === "ENOENT") {
        return false;
      }
      throw err;
    }
    return true;
  });
}
function isRooted(p) {
  p = normalizeSeparators(p);
  if (!p) {
    throw new Error('isRooted() parameter "p" cannot be empty');
  }
  if (IS_WINDOWS) {
    return p.startsWith("\\") || /^[A-Z]:/i.test(p);
  }
  return p.startsWith("/");
}
function tryGetExecutablePath(filePath, extensions) {
  return __awaiter(this, void 0, void 0, function* () {
    let stats = void 0;
    try {
      stats = yield stat(filePath);
    } catch (err) {
      if (err.code !== "ENOENT") {
        console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
      }
    }
    if (stats && stats.isFile()) {
      if (IS_WINDOWS) {
        const upperExt = path.extname(filePath).toUpperCase();
        if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
          return filePath;
        }
      } else {
        if (isUnixExecutable(stats)) {
          return filePath;
        }
      }
    }
    const originalFilePath = filePath;
    for (const extension of extensions) {
      filePath = originalFilePath + extension;
      stats = void 0;
      try {
        stats = yield stat(filePath);
      } catch (err) {
        if (err.code !== "ENOENT") {
          console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
        }
      }
      if (stats && stats.isFile()) {
        if (IS_WINDOWS) {
          try {
            const directory = path.dirname(filePath);
            const upperName = path.basename(filePath).toUpperCase();
            for (const actualName of yield readdir(directory)) {
              if (upperName === actualName.toUpperCase()) {
                filePath = path.join(directory, actualName);
                break;
              }
            }
          } catch (err) {
            console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
          }
          return filePath;
        } else {
          if (isUnixExecutable(stats)) {
            return filePath;
          }
        }
      }
    }
    return "";
  });
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS) {
    p = p.replace(/\//g, "\\");
    return p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function isUnixExecutable(stats) {
  return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && process.getgid !== void 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && process.getuid !== void 0 && stats.uid === process.getuid();
}

// node_modules/@actions/io/lib/io.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function which(tool, check) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    if (check) {
      const result = yield which(tool, false);
      if (!result) {
        if (IS_WINDOWS) {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
        } else {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
        }
      }
      return result;
    }
    const matches = yield findInPath(tool);
    if (matches && matches.length > 0) {
      return matches[0];
    }
    return "";
  });
}
function findInPath(tool) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    const extensions = [];
    if (IS_WINDOWS && process.env["PATHEXT"]) {
      for (const extension of process.env["PATHEXT"].split(path2.delimiter)) {
        if (extension) {
          extensions.push(extension);
        }
      }
    }
    if (isRooted(tool)) {
      const filePath = yield tryGetExecutablePath(tool, extensions);
      if (filePath) {
        return [filePath];
      }
      return [];
    }
    if (tool.includes(path2.sep)) {
      return [];
    }
    const directories = [];
    if (process.env.PATH) {
      for (const p of process.env.PATH.split(path2.delimiter)) {
        if (p) {
          directories.push(p);
        }
      }
    }
    const matches = [];
    for (const directory of directories) {
      const filePath = yield tryGetExecutablePath(path2.join(directory, tool), extensions);
      if (filePath) {
        matches.push(filePath);
      }
    }
    return matches;
  });
}

// node_modules/@actions/exec/lib/toolrunner.js
import { setTimeout } from "timers";
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS2 = process.platform === "win32";
var ToolRunner = class extends events.EventEmitter {
  constructor(toolPath, args, options) {
    super();
    if (!toolPath) {
      throw new Error("Parameter 'toolPath' cannot be null or empty.");
    }
    this.toolPath = toolPath;
    this.args = args || [];
    this.options = options || {};
  }
  _debug(message) {
    if (this.options.listeners && this.options.listeners.debug) {
      this.options.listeners.debug(message);
    }
  }
  _getCommandString(options, noPrefix) {
    const toolPath = this._getSpawnFileName();
    const args = this._getSpawnArgs(options);
    let cmd = noPrefix ? "" : "[command]";
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        cmd += toolPath;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else if (options.windowsVerbatimArguments) {
        cmd += `"${toolPath}"`;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else {
        cmd += this._windowsQuoteCmdArg(toolPath);
        for (const a of args) {
          cmd += ` ${this._windowsQuoteCmdArg(a)}`;
        }
      }
    } else {
      cmd += toolPath;
      for (const a of args) {
        cmd += ` ${a}`;
      }
    }
    return cmd;
  }
  _processLineBuffer(data, strBuffer, onLine) {
    try {
      let s = strBuffer + data.toString();
      let n = s.indexOf(os.EOL);
      while (n > -1) {
        const line = s.substring(0, n);
        onLine(line);
        s = s.substring(n + os.EOL.length);
        n = s.indexOf(os.EOL);
      }
      return s;
    } catch (err) {
      this._debug(`error processing line. Failed with error ${err}`);
      return "";
    }
  }
  _getSpawnFileName() {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        return process.env["COMSPEC"] || "cmd.exe";
      }
    }
    return this.toolPath;
  }
  _getSpawnArgs(options) {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
        for (const a of this.args) {
          argline += " ";
          argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
        }
        argline += '"';
        return [argline];
      }
    }
    return this.args;
  }
  _endsWith(str, end) {
    return str.endsWith(end);
  }
  _isCmdFile() {
    const upperToolPath = this.toolPath.toUpperCase();
    return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
  }
  _windowsQuoteCmdArg(arg) {
    if (!this._isCmdFile()) {
      return this._uvQuoteCmdArg(arg);
    }
    if (!arg) {
      return '""';
    }
    const cmdSpecialChars = [
      " ",
      "	",
      "&",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "^",
      "=",
      ";",
      "!",
      "'",
      "+",
      ",",
      "`",
      "~",
      "|",
      "<",
      ">",
      '"'
    ];
    let needsQuotes = false;
    for (const char of arg) {
      if (cmdSpecialChars.some((x) => x === char)) {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return arg;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += '"';
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _uvQuoteCmdArg(arg) {
    if (!arg) {
      return '""';
    }
    if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
      return arg;
    }
    if (!arg.includes('"') && !arg.includes("\\")) {
      return `"${arg}"`;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += "\\";
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _cloneExecOptions(options) {
    options = options || {};
    const result = {
      cwd: options.cwd || process.cwd(),
      env: options.env || process.env,
      silent: options.silent || false,
      windowsVerbatimArguments: options.windowsVerbatimArguments || false,
      failOnStdErr: options.failOnStdErr || false,
      ignoreReturnCode: options.ignoreReturnCode || false,
      delay: options.delay || 1e4
    };
    result.outStream = options.outStream || process.stdout;
    result.errStream = options.errStream || process.stderr;
    return result;
  }
  _getSpawnOptions(options, toolPath) {
    options = options || {};
    const result = {};
    result.cwd = options.cwd;
    result.env = options.env;
    result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
    if (options.windowsVerbatimArguments) {
      result.argv0 = `"${toolPath}"`;
    }
    return result;
  }
  /**
   * Exec a tool.
   * Output will be streamed to the live console.
   * Returns promise with return code
   *
   * @param     tool     path to tool to exec
   * @param     options  optional exec options.  See ExecOptions
   * @returns   number
   */
  exec() {
    return __awaiter3(this, void 0, void 0, function* () {
      if (!isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS2 && this.toolPath.includes("\\"))) {
        this.toolPath = path3.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
      }
      this.toolPath = yield which(this.toolPath, true);
      return new Promise((resolve3, reject) => __awaiter3(this, void 0, void 0, function* () {
        this._debug(`exec tool: ${this.toolPath}`);
        this._debug("arguments:");
        for (const arg of this.args) {
          this._debug(`   ${arg}`);
        }
        const optionsNonNull = this._cloneExecOptions(this.options);
        if (!optionsNonNull.silent && optionsNonNull.outStream) {
          optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
        }
        const state = new ExecState(optionsNonNull, this.toolPath);
        state.on("debug", (message) => {
          this._debug(message);
        });
        if (this.options.cwd && !(yield exists(this.options.cwd))) {
          return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
        }
        const fileName = this._getSpawnFileName();
        const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
        let stdbuffer = "";
        if (cp.stdout) {
          cp.stdout.on("data", (data) => {
            if (this.options.listeners && this.options.listeners.stdout) {
              this.options.listeners.stdout(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(data);
            }
            stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.stdline) {
                this.options.listeners.stdline(line);
              }
            });
          });
        }
        let errbuffer = "";
        if (cp.stderr) {
          cp.stderr.on("data", (data) => {
            state.processStderr = true;
            if (this.options.listeners && this.options.listeners.stderr) {
              this.options.listeners.stderr(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
              const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
              s.write(data);
            }
            errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.errline) {
                this.options.listeners.errline(line);
              }
            });
          });
        }
        cp.on("error", (err) => {
          state.processError = err.message;
          state.processExited = true;
          state.processClosed = true;
          state.CheckComplete();
        });
        cp.on("exit", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        cp.on("close", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          state.processClosed = true;
          this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        state.on("done", (error, exitCode) => {
          if (stdbuffer.length > 0) {
            this.emit("stdline", stdbuffer);
          }
          if (errbuffer.length > 0) {
            this.emit("errline", errbuffer);
          }
          cp.removeAllListeners();
          if (error) {
            reject(error);
          } else {
            resolve3(exitCode);
          }
        });
        if (this.options.input) {
          if (!cp.stdin) {
            throw new Error("child process missing stdin");
          }
          cp.stdin.end(this.options.input);
        }
      }));
    });
  }
};
function argStringToArray(argString) {
  const args = [];
  let inQuotes = false;
  let escaped = false;
  let arg = "";
  function append(c) {
    if (escaped && c !== '"') {
      arg += "\\";
    }
    arg += c;
    escaped = false;
  }
  for (let i = 0; i < argString.length; i++) {
    const c = argString.charAt(i);
    if (c === '"') {
      if (!escaped) {
        inQuotes = !inQuotes;
      } else {
        append(c);
      }
      continue;
    }
    if (c === "\\" && escaped) {
      append(c);
      continue;
    }
    if (c === "\\" && inQuotes) {
      escaped = true;
      continue;
    }
    if (c === " " && !inQuotes) {
      if (arg.length > 0) {
        args.push(arg);
        arg = "";
      }
      continue;
    }
    append(c);
  }
  if (arg.length > 0) {
    args.push(arg.trim());
  }
  return args;
}
var ExecState = class _ExecState extends events.EventEmitter {
  constructor(options, toolPath) {
    super();
    this.processClosed = false;
    this.processError = "";
    this.processExitCode = 0;
    this.processExited = false;
    this.processStderr = false;
    this.delay = 1e4;
    this.done = false;
    this.timeout = null;
    if (!toolPath) {
      throw new Error("toolPath must not be empty");
    }
    this.options = options;
    this.toolPath = toolPath;
    if (options.delay) {
      this.delay = options.delay;
    }
  }
  CheckComplete() {
    if (this.done) {
      return;
    }
    if (this.processClosed) {
      this._setResult();
    } else if (this.processExited) {
      this.timeout = setTimeout(_ExecState.HandleTimeout, this.delay, this);
    }
  }
  _debug(message) {
    this.emit("debug", message);
  }
  _setResult() {
    let error;
    if (this.processExited) {
      if (this.processError) {
        error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
      } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
        error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
      } else if (this.processStderr && this.options.failOnStdErr) {
        error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
      }
    }
    if (this.timeout) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
    this.done = true;
    this.emit("done", error, this.processExitCode);
  }
  static HandleTimeout(state) {
    if (state.done) {
      return;
    }
    if (!state.processClosed && state.processExited) {
      const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
      state._debug(message);
    }
    state._setResult();
  }
};

// node_modules/@actions/exec/lib/exec.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function exec(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    const commandArgs = argStringToArray(commandLine);
    if (commandArgs.length === 0) {
      throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
    }
    const toolPath = commandArgs[0];
    args = commandArgs.slice(1).concat(args || []);
    const runner = new ToolRunner(toolPath, args, options);
    return runner.exec();
  });
}
function getExecOutput(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    var _a, _b;
    let stdout = "";
    let stderr = "";
    const stdoutDecoder = new StringDecoder("utf8");
    const stderrDecoder = new StringDecoder("utf8");
    const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
    const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
    const stdErrListener = (data) => {
      stderr += stderrDecoder.write(data);
      if (originalStdErrListener) {
        originalStdErrListener(data);
      }
    };
    const stdOutListener = (data) => {
      stdout += stdoutDecoder.write(data);
      if (originalStdoutListener) {
        originalStdoutListener(data);
      }
    };
    const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
    const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
    stdout += stdoutDecoder.end();
    stderr += stderrDecoder.end();
    return {
      exitCode,
      stdout,
      stderr
    };
  });
}

export {
  exec,
  getExecOutput,
  relativePosix,
  readUtf8,
  ENV_FILE,
  CONFIG_FILE,
  readConfig,
  metadataObjectFile,
  buildMetadata,
  NO_TRANSACTION_MARKER,
  listDatabases,
  readMigrations,
  listSeeds
};

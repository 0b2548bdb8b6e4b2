import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-JEGQZBSL.js";

// node_modules/pg-connection-string/index.js
var require_pg_connection_string = __commonJS({
  "node_modules/pg-connection-string/index.js"(exports, module) {
    "use strict";
    function parse2(str, options = {}) {
      if (str.charAt(0) === "/") {
        const config2 = str.split(" ");
        return { host: config2[0], database: config2[1] };
      }
      const config = /* @__PURE__ */ Object.create(null);
      let result;
      let dummyHost = false;
      if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
        str = encodeURI(str).replace(/%25(\d\d)/g, "%$1");
      }
      try {
        try {
          result = new URL(str, "postgres://base");
        } catch (e) {
          result = new URL(str.replace("@/", "@___DUMMY___/"), "postgres://base");
          dummyHost = true;
        }
      } catch (err) {
        err.input && (err.input = "*****REDACTED*****");
        throw err;
      }
      for (const entry of result.searchParams.entries()) {
        config[entry[0]] = entry[1];
      }
      config.user = config.user || decodeURIComponent(result.username);
      config.password = config.password || decodeURIComponent(result.password);
      if (result.protocol == "socket:") {
        config.host = decodeURI(result.pathname);
        config.database = result.searchParams.get("db");
        config.client_encoding = result.searchParams.get("encoding");
        return config;
      }
      const hostname = (dummyHost ? "" : result.hostname).replace(/^\[(.+)\]$/, "$1");
      if (!config.host) {
        config.host = decodeURIComponent(hostname);
      } else if (hostname && /^%2f/i.test(hostname)) {
        result.pathname = hostname + result.pathname;
      }
      if (!config.port) {
        config.port = result.port;
      }
      const pathname = result.pathname.slice(1) || null;
      config.database = pathname ? decodeURI(pathname) : null;
      if (config.ssl === "true" || config.ssl === "1") {
        config.ssl = true;
      }
      if (config.ssl === "0") {
        config.ssl = false;
      }
      if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
        config.ssl = {};
      }
      if (config.sslnegotiation === "direct" && config.ssl === void 0) {
        config.ssl = true;
      }
      const fs = config.sslcert || config.sslkey || config.sslrootcert ? __require("fs") : null;
      if (config.sslcert) {
        config.ssl.cert = fs.readFileSync(config.sslcert).toString();
      }
      if (config.sslkey) {
        config.ssl.key = fs.readFileSync(config.sslkey).toString();
      }
      if (config.sslrootcert) {
        config.ssl.ca = fs.readFileSync(config.sslrootcert).toString();
      }
      if (options.useLibpqCompat && config.uselibpqcompat) {
        throw new Error("Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.");
      }
      if (config.uselibpqcompat === "true" || options.useLibpqCompat) {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
          case "require": {
            if (config.sslrootcert) {
              config.ssl.checkServerIdentity = function() {
              };
            } else {
              config.ssl.rejectUnauthorized = false;
            }
            break;
          }
          case "verify-ca": {
            if (!config.ssl.ca) {
              throw new Error(
                "SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security."
              );
            }
            config.ssl.checkServerIdentity = function() {
            };
            break;
          }
          case "verify-full": {
            break;
          }
        }
      } else {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer":
          case "require":
          case "verify-ca":
          case "verify-full": {
            if (config.sslmode !== "verify-full") {
              deprecatedSslModeWarning(config.sslmode);
            }
            break;
          }
          case "no-verify": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
        }
      }
      return config;
    }
    function toConnectionOptions(sslConfig) {
      const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
        if (value !== void 0 && value !== null) {
          c[key] = value;
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return connectionOptions;
    }
    function toClientConfig2(config) {
      const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
        if (key === "ssl") {
          const sslConfig = value;
          if (typeof sslConfig === "boolean") {
            c[key] = sslConfig;
          }
          if (typeof sslConfig === "object") {
            c[key] = toConnectionOptions(sslConfig);
          }
        } else if (value !== void 0 && value !== null) {
          if (key === "port") {
            if (value !== "") {
              const v = parseInt(value, 10);
              if (isNaN(v)) {
                throw new Error(`Invalid ${key}: ${value}`);
              }
              c[key] = v;
            }
          } else {
            c[key] = value;
          }
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return poolConfig;
    }
    function parseIntoClientConfig2(str) {
      return toClientConfig2(parse2(str));
    }
    function deprecatedSslModeWarning(sslmode) {
      if (!deprecatedSslModeWarning.warned && typeof process !== "undefined" && process.emitWarning) {
        deprecatedSslModeWarning.warned = true;
        process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
      }
    }
    module.exports = parse2;
    parse2.parse = parse2;
    parse2.toClientConfig = toClientConfig2;
    parse2.parseIntoClientConfig = parseIntoClientConfig2;
  }
});

// node_modules/pg-connection-string/esm/index.mjs
var import__ = __toESM(require_pg_connection_string(), 1);
var esm_default = import__.default.parse;
var parse = import__.default.parse;
var toClientConfig = import__.default.toClientConfig;
var parseIntoClientConfig = import__.default.parseIntoClientConfig;

// src/targets/postgres/connection-url.ts
var EXAMPLE = "postgresql://user:password@host:5432/dbname";
var ENVIRONMENT = [
  ["host", "PGHOST"],
  ["port", "PGPORT"],
  ["user", "PGUSER"],
  ["database", "PGDATABASE"],
  ["password", "PGPASSWORD"]
];
function databaseUrlProblem(url) {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  const postgres = scheme === "postgres" || scheme === "postgresql";
  if (!postgres && !/^socket:/i.test(url) && !/^\/(?!\/)/.test(url)) {
    if (/^\w+\s*=/.test(url)) {
      return `is a key=value connection string, which node-postgres does not read: write it as a URL, e.g. ${EXAMPLE}`;
    }
    if (scheme) {
      return `must start with postgres:// or postgresql:// (or socket: for a unix socket), got ${scheme}://\u2026`;
    }
    return `is not a valid URL (expected ${EXAMPLE})`;
  }
  let config;
  try {
    config = parse(url);
  } catch (error) {
    return parseProblem(error);
  }
  if (config.host?.includes(",")) {
    return "names several hosts, and node-postgres connects to one host only: give one (the primary, or a pooler in front of them)";
  }
  if (config.port && !/^[0-9]+$/.test(config.port)) return "has a port that is not a number";
  const sslmode = config.sslmode;
  if (sslmode !== void 0 && !SSL_MODES.includes(sslmode)) {
    return `has sslmode=${JSON.stringify(sslmode).slice(1, -1)}, which node-postgres does not know (it would verify the server's certificate): use one of ${SSL_MODES.join(", ")}`;
  }
  return void 0;
}
var SSL_MODES = ["disable", "prefer", "require", "verify-ca", "verify-full", "no-verify"];
function parseProblem(error) {
  const e = error;
  if (e?.code === "ERR_INVALID_URL") {
    return `is not a valid URL (expected ${EXAMPLE}; percent-encode special characters in the user name and password, e.g. # as %23, / as %2F, ? as %3F)`;
  }
  if (typeof e?.path === "string") {
    return `names a certificate file that cannot be read: ${e.path} (${e.code ?? "unreadable"})`;
  }
  return `cannot be used by node-postgres: ${e instanceof Error ? e.message : String(error)}`;
}
function environmentUsed(url, env) {
  let config;
  try {
    config = parse(url);
  } catch {
    return [];
  }
  const out = [];
  for (const [part, variable] of ENVIRONMENT) {
    const value = env[variable];
    if (!config[part] && value) out.push({ variable, value });
  }
  return out;
}

// src/targets/postgres/redact.ts
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
var decodeQuery = (s) => safeDecode(s.replace(/\+/g, " "));
var URL_PARTS = /^([a-z][a-z0-9+.-]*:(?:\/\/)?)(?:([^/?#]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i;
function readSecrets(url) {
  const secrets = /* @__PURE__ */ new Set();
  let display;
  const m = URL_PARTS.exec(url);
  if (m) {
    const [, scheme = "", userinfo, rest = "", query = "", fragment = ""] = m;
    let user = userinfo === void 0 ? "" : `${userinfo}@`;
    const colon = userinfo?.indexOf(":") ?? -1;
    if (userinfo !== void 0 && colon >= 0) {
      const password = userinfo.slice(colon + 1);
      if (password) secrets.add(password);
      user = `${userinfo.slice(0, colon)}:***@`;
    }
    const params = query.replace(
      /([?&])([^=&]*)=([^&]*)/g,
      (all, sep, key, value) => {
        if (decodeQuery(key).toLowerCase() !== "password") return all;
        if (value) secrets.add(value).add(decodeQuery(value));
        return `${sep}${key}=***`;
      }
    );
    display = `${scheme}${user}${rest}${params}${fragment}`;
    try {
      const parsed = new URL(url);
      for (const form of [parsed.password, parsed.searchParams.get("password")]) if (form) secrets.add(form);
    } catch {
    }
  } else {
    display = url.replace(
      /(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi,
      (_all, key, value) => {
        secrets.add(value.replace(/^'|'$/g, ""));
        return `${key}***`;
      }
    );
  }
  return { display, passwords: secrets };
}
function formsOf(passwords) {
  const forms = /* @__PURE__ */ new Set();
  for (const s of passwords) {
    for (const form of [s, safeDecode(s), encodeURIComponent(safeDecode(s))]) if (form) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
function readConnection(url, env) {
  const { display, passwords } = readSecrets(url);
  const parts = environmentUsed(url, env);
  for (const p of parts) if (p.variable === "PGPASSWORD") passwords.add(p.value);
  const shown = parts.map((p) => `${p.variable}=${p.variable === "PGPASSWORD" ? "***" : p.value}`);
  return {
    display: shown.length > 0 ? `${display} (${shown.join(", ")})` : display,
    forms: formsOf(passwords)
  };
}
function redactUrl(url, env) {
  const { display, forms } = readConnection(url, env);
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join("|"), "g") : void 0;
  return { display, redact: (text) => pattern ? text.replace(pattern, "***") : text };
}
function passwordForms(url) {
  return formsOf(readSecrets(url).passwords);
}
function databaseUrlSecrets(url, env) {
  return [url, ...readConnection(url, env).forms];
}

export {
  require_pg_connection_string,
  databaseUrlProblem,
  redactUrl,
  passwordForms,
  databaseUrlSecrets
};

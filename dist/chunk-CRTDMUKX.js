import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  MAY_STILL_COMMIT
} from "./chunk-FPUQZJKU.js";
import {
  CancelledError,
  TargetError
} from "./chunk-SWCUOCRD.js";

// src/targets/hasura/http.ts
var DEFAULT_API_PATHS = {
  query: "v1/query",
  v2Query: "v2/query",
  metadata: "v1/metadata",
  version: "v1/version"
};
var HasuraApiError = class extends TargetError {
  constructor(message, status, body) {
    super(message, {}, String(status));
    this.status = status;
    this.body = body;
  }
  status;
  body;
};
var UnknownOutcomeError = class extends TargetError {
  constructor(message, reason, status) {
    super(message, {}, status === void 0 ? reason : String(status));
    this.reason = reason;
  }
  reason;
};
function isErrorBody(v) {
  return typeof v === "object" && v !== null && typeof v.code === "string";
}
var sleep = (ms, signal) => new Promise((resolve) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener("abort", () => {
    clearTimeout(t);
    resolve();
  });
});
function displayEndpoint(endpoint) {
  try {
    const u = new URL(endpoint);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(an endpoint that is not a URL)";
  }
}
function htmlTitle(text) {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
  const first = (m?.[1] ?? text).replace(/<[^>]+>/g, " ").trim().split(/\r?\n/)[0] ?? "";
  return first.replace(/\s+/g, " ").slice(0, 120);
}
var HasuraHttp = class {
  constructor(options) {
    this.options = options;
    let url;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new TargetError("the Hasura endpoint is not a URL", { input: "endpoint" });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TargetError(`the Hasura endpoint must be an http(s) URL, not ${url.protocol}`, {
        input: "endpoint"
      });
    }
    this.base = url;
    this.display = displayEndpoint(options.endpoint);
    this.paths = { ...DEFAULT_API_PATHS, ...options.apiPaths };
    this.fetchFn = options.fetch ?? fetch;
    this.secrets = [options.adminSecret, url.password ? decodeURIComponent(url.password) : void 0].filter(
      (s) => typeof s === "string" && s.length > 0
    );
  }
  options;
  display;
  base;
  paths;
  fetchFn;
  secrets;
  get timeoutMs() {
    return this.options.timeoutMs;
  }
  /** Removes the admin secret (and a password in the endpoint) from any text. */
  redact(text) {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join("***");
    return out;
  }
  /** API URL = endpoint path joined with the API path (reference §1.3: a path prefix is kept). */
  url(api) {
    const u = new URL(this.base.toString());
    const prefix = u.pathname.replace(/\/+$/, "");
    u.pathname = `${prefix}/${this.paths[api].replace(/^\/+/, "")}`;
    u.username = "";
    u.password = "";
    return u.toString();
  }
  /** A read: retried (3 attempts) on lost connections, timeouts and non-JSON answers. */
  async read(api, body, what, timeoutMs) {
    const delays = this.options.retryDelaysMs ?? [250, 1e3];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(api, body, what, timeoutMs);
      } catch (e) {
        const retriable = e instanceof UnknownOutcomeError || e instanceof HasuraApiError && e.status >= 500;
        if (!retriable || attempt >= delays.length) throw e;
        await sleep(delays[attempt] ?? 1e3, this.options.signal);
        this.throwIfCancelled(what);
      }
    }
  }
  /** A write: sent once. A lost answer is an `UnknownOutcomeError`; the caller finds out what happened. */
  write(api, body, what, timeoutMs) {
    return this.send(api, body, what, timeoutMs, true);
  }
  throwIfCancelled(what) {
    if (this.options.signal?.aborted) throw new CancelledError(`cancelled during ${what}`);
  }
  async send(api, body, what, timeoutMs = this.options.timeoutMs, write = false) {
    this.throwIfCancelled(what);
    const headers = { accept: "application/json" };
    if (body !== void 0) headers["content-type"] = "application/json";
    if (api !== "version" && this.options.adminSecret !== void 0) {
      headers["X-Hasura-Admin-Secret"] = this.options.adminSecret;
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
    const seconds = Math.round(timeoutMs / 100) / 10;
    let res;
    let text;
    try {
      res = await this.fetchFn(this.url(api), {
        method: api === "version" ? "GET" : "POST",
        headers,
        body: body === void 0 ? void 0 : JSON.stringify(body),
        signal
      });
      text = await res.text();
    } catch (e) {
      if (write && this.options.signal?.aborted) {
        throw new CancelledError(
          `cancelled during ${what}, after the request was sent: ${MAY_STILL_COMMIT}; the next run re-reads the state and applies nothing twice`
        );
      }
      this.throwIfCancelled(what);
      if (timeout.aborted) {
        throw new UnknownOutcomeError(
          `no answer from ${this.display} within ${seconds} s (see the \`timeout\` input) to ${what}`,
          "timeout"
        );
      }
      const cause = e.cause;
      const why = cause?.code ?? cause?.message ?? e.message;
      throw new UnknownOutcomeError(
        this.redact(`the connection to ${this.display} failed during ${what} (${why})`),
        "connection"
      );
    }
    let parsed;
    let isJson = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      isJson = false;
    }
    const status = `${res.status}${res.statusText ? " " + res.statusText : ""}`;
    if (!isJson) {
      const html = /^\s*</.test(text) || /html/i.test(res.headers.get("content-type") ?? "");
      const message = html ? `${what}: HTTP ${status} \u2014 the server or a proxy answered HTML, not JSON ("${htmlTitle(text)}")` : `${what}: HTTP ${status} \u2014 the answer is not JSON (${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? "\u2026" : ""})`;
      throw new UnknownOutcomeError(this.redact(message), html ? "html" : "not-json", res.status);
    }
    if (res.status !== 200) {
      if (isErrorBody(parsed)) {
        const at = parsed.path ? ` at ${parsed.path}` : "";
        throw new HasuraApiError(
          this.redact(`${what}: HTTP ${res.status} ${parsed.code}: ${parsed.error}${at}`),
          res.status,
          parsed
        );
      }
      throw new HasuraApiError(this.redact(`${what}: HTTP ${status} ${text.slice(0, 200)}`), res.status, {
        code: "unexpected",
        error: text.slice(0, 200)
      });
    }
    return parsed;
  }
};

export {
  HasuraApiError,
  UnknownOutcomeError,
  displayEndpoint,
  HasuraHttp
};

import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/targets/postgres/redact.ts
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
var URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^/?#]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i;
function readSecrets(url) {
  const secrets = /* @__PURE__ */ new Set();
  let display;
  const m = URL_PARTS.exec(url);
  if (m) {
    const [, scheme = "", userinfo, rest = "", query = ""] = m;
    let user = userinfo === void 0 ? "" : `${userinfo}@`;
    const colon = userinfo?.indexOf(":") ?? -1;
    if (userinfo !== void 0 && colon >= 0) {
      const password = userinfo.slice(colon + 1);
      if (password) secrets.add(password);
      user = `${userinfo.slice(0, colon)}:***@`;
    }
    const params = query.replace(/([?&]password=)([^&]*)/gi, (_all, key, value) => {
      if (value) secrets.add(value);
      return `${key}***`;
    });
    display = `${scheme}${user}${rest}${params}`;
    try {
      const parsed = new URL(url);
      for (const form of [parsed.password, parsed.searchParams.get("password")]) if (form) secrets.add(form);
    } catch {
    }
  } else {
    display = url.replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, (_all, key, value) => {
      secrets.add(value.replace(/^'|'$/g, ""));
      return `${key}***`;
    }).replace(/(:\/\/[^:@/]*:)([^@]*)@/, (_all, head, value) => {
      secrets.add(value);
      return `${head}***@`;
    });
  }
  const forms = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    for (const form of [s, safeDecode(s), encodeURIComponent(safeDecode(s))]) if (form) forms.add(form);
  }
  return { display, forms: [...forms].sort((a, b) => b.length - a.length) };
}
function redactUrl(url) {
  const { display, forms } = readSecrets(url);
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join("|"), "g") : void 0;
  return { display, redact: (text) => pattern ? text.replace(pattern, "***") : text };
}
function passwordForms(url) {
  return readSecrets(url).forms;
}
function databaseUrlSecrets(url) {
  return [url, ...passwordForms(url)];
}

export {
  redactUrl,
  passwordForms,
  databaseUrlSecrets
};

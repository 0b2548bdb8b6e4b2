import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);
import {
  D,
  L,
  P,
  u
} from "./chunk-CPYM5DG2.js";

// node_modules/@electric-sql/pglite/dist/chunk-BD5WXLQO.js
u();
var f = Object.defineProperty;
var d = (t, e) => {
  for (var r in e) f(t, r, { get: e[r], enumerable: true });
};
var p = {};
d(p, { IN_NODE: () => s, WASM_PREFIX: () => y, getFsBundle: () => w, instantiateWasm: () => b, pgliteProc: () => h, rmdirRecursive: () => g, startArtifactDownload: () => c, toPostgresName: () => v, uuid: () => S });
function m() {
  let t = process.type;
  return t === "renderer" || t === "worker" || t === "service-worker";
}
var s = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && !m();
var y = "/pglite";
var h = globalThis && typeof globalThis.process < "u" ? globalThis.process : { exitCode: void 0 };
var a = /* @__PURE__ */ new Map();
async function c(t) {
  s || a.has(t.toString()) || a.set(t.toString(), fetch(t));
}
var o = /* @__PURE__ */ new Map();
async function b(t, e) {
  if (typeof e != "function") return { instance: await WebAssembly.instantiate(e, t), module: e };
  let r = e();
  if (o.has(r.toString())) {
    let i = o.get(r.toString());
    return { instance: await WebAssembly.instantiate(i, t), module: i };
  }
  if (s) {
    let i = await (await import("fs/promises")).readFile(r), { module: n, instance: l } = await WebAssembly.instantiate(i, t);
    return o.set(r.toString(), n), { instance: l, module: n };
  } else {
    a.has(r.toString()) || c(r);
    let i = await a.get(r.toString()), { module: n, instance: l } = await WebAssembly.instantiateStreaming(i.clone(), t);
    return o.set(r.toString(), n), { instance: l, module: n };
  }
}
async function w(t) {
  return s ? (await (await import("fs/promises")).readFile(t)).buffer : (c(t), (await a.get(t.toString())).clone().arrayBuffer());
}
var S = () => {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  let t = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(t);
  else for (let r = 0; r < t.length; r++) t[r] = Math.floor(Math.random() * 256);
  t[6] = t[6] & 15 | 64, t[8] = t[8] & 63 | 128;
  let e = [];
  return t.forEach((r) => {
    e.push(r.toString(16).padStart(2, "0"));
  }), e.slice(0, 4).join("") + "-" + e.slice(4, 6).join("") + "-" + e.slice(6, 8).join("") + "-" + e.slice(8, 10).join("") + "-" + e.slice(10).join("");
};
function v(t) {
  let e;
  return t.startsWith('"') && t.endsWith('"') ? e = t.substring(1, t.length - 1) : e = t.toLowerCase(), e;
}
function g(t, e) {
  try {
    let r = t.readdir(e).filter((i) => i !== "." && i !== "..");
    for (let i of r) {
      let n = e + "/" + i;
      try {
        t.readdir(n), g(t, n);
      } catch {
        t.unlink(n);
      }
    }
    t.rmdir(e);
  } catch {
    try {
      t.unlink(e);
    } catch {
    }
  }
}

// node_modules/@electric-sql/pglite/dist/chunk-N66TTF7B.js
var j = D((xr, b2) => {
  "use strict";
  u();
  var le = 9007199254740991, ue = /* @__PURE__ */ (function(e) {
    return e;
  })();
  function Be(e) {
    return e === ue;
  }
  function ce(e) {
    return typeof e == "string" || Object.prototype.toString.call(e) == "[object String]";
  }
  function je(e) {
    return Object.prototype.toString.call(e) == "[object Date]";
  }
  function W(e) {
    return e !== null && typeof e == "object";
  }
  function X(e) {
    return typeof e == "function";
  }
  function Ye(e) {
    return typeof e == "number" && e > -1 && e % 1 == 0 && e <= le;
  }
  function Ge(e) {
    return Object.prototype.toString.call(e) == "[object Array]";
  }
  function de(e) {
    return W(e) && !X(e) && Ye(e.length);
  }
  function J(e) {
    return Object.prototype.toString.call(e) == "[object ArrayBuffer]";
  }
  function We(e, r) {
    return Array.prototype.map.call(e, r);
  }
  function Xe(e, r) {
    var t = ue;
    return X(r) && Array.prototype.every.call(e, function(n, i, o2) {
      var a2 = r(n, i, o2);
      return a2 && (t = n), !a2;
    }), t;
  }
  function Ve(e) {
    return Object.assign.apply(null, arguments);
  }
  function fe(e) {
    var r, t, n;
    if (ce(e)) {
      for (t = e.length, n = new Uint8Array(t), r = 0; r < t; r++) n[r] = e.charCodeAt(r) & 255;
      return n;
    }
    return J(e) ? new Uint8Array(e) : W(e) && J(e.buffer) ? new Uint8Array(e.buffer) : de(e) ? new Uint8Array(e) : W(e) && X(e.toString) ? fe(e.toString()) : new Uint8Array();
  }
  b2.exports.MAX_SAFE_INTEGER = le;
  b2.exports.isUndefined = Be;
  b2.exports.isString = ce;
  b2.exports.isObject = W;
  b2.exports.isDateTime = je;
  b2.exports.isFunction = X;
  b2.exports.isArray = Ge;
  b2.exports.isArrayLike = de;
  b2.exports.isArrayBuffer = J;
  b2.exports.map = We;
  b2.exports.find = Xe;
  b2.exports.extend = Ve;
  b2.exports.toUint8Array = fe;
});
var Y = D((Br, _e) => {
  "use strict";
  u();
  var Q = "\0";
  _e.exports = { NULL_CHAR: Q, TMAGIC: "ustar" + Q + "00", OLDGNU_MAGIC: "ustar  " + Q, REGTYPE: 0, LNKTYPE: 1, SYMTYPE: 2, CHRTYPE: 3, BLKTYPE: 4, DIRTYPE: 5, FIFOTYPE: 6, CONTTYPE: 7, TSUID: parseInt("4000", 8), TSGID: parseInt("2000", 8), TSVTX: parseInt("1000", 8), TUREAD: parseInt("0400", 8), TUWRITE: parseInt("0200", 8), TUEXEC: parseInt("0100", 8), TGREAD: parseInt("0040", 8), TGWRITE: parseInt("0020", 8), TGEXEC: parseInt("0010", 8), TOREAD: parseInt("0004", 8), TOWRITE: parseInt("0002", 8), TOEXEC: parseInt("0001", 8), TPERMALL: parseInt("0777", 8), TPERMMASK: parseInt("0777", 8) };
});
var re = D((Yr, T) => {
  "use strict";
  u();
  var me = j(), w2 = Y(), $e = 512, Z = w2.TPERMALL, pe = 0, Se = 0, ee = [["name", 100, 0, function(e, r) {
    return G(e[r[0]], r[1]);
  }, function(e, r, t) {
    return L2(e.slice(r, r + t[1]));
  }], ["mode", 8, 100, function(e, r) {
    var t = e[r[0]] || Z;
    return t = t & w2.TPERMMASK, z(t, r[1], Z);
  }, function(e, r, t) {
    var n = R(e.slice(r, r + t[1]));
    return n &= w2.TPERMMASK, n;
  }], ["uid", 8, 108, function(e, r) {
    return z(e[r[0]], r[1], pe);
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["gid", 8, 116, function(e, r) {
    return z(e[r[0]], r[1], Se);
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["size", 12, 124, function(e, r) {
    return z(e.data.length, r[1]);
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["modifyTime", 12, 136, function(e, r) {
    return V(e[r[0]], r[1]);
  }, function(e, r, t) {
    return $(e.slice(r, r + t[1]));
  }], ["checksum", 8, 148, function(e, r) {
    return "        ";
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["type", 1, 156, function(e, r) {
    return "" + (parseInt(e[r[0]], 10) || 0) % 8;
  }, function(e, r, t) {
    return (parseInt(String.fromCharCode(e[r]), 10) || 0) % 8;
  }], ["linkName", 100, 157, function(e, r) {
    return "";
  }, function(e, r, t) {
    return L2(e.slice(r, r + t[1]));
  }], ["ustar", 8, 257, function(e, r) {
    return w2.TMAGIC;
  }, function(e, r, t) {
    return qe(L2(e.slice(r, r + t[1]), true));
  }, function(e, r) {
    return e[r[0]] == w2.TMAGIC || e[r[0]] == w2.OLDGNU_MAGIC;
  }], ["owner", 32, 265, function(e, r) {
    return G(e[r[0]], r[1]);
  }, function(e, r, t) {
    return L2(e.slice(r, r + t[1]));
  }], ["group", 32, 297, function(e, r) {
    return G(e[r[0]], r[1]);
  }, function(e, r, t) {
    return L2(e.slice(r, r + t[1]));
  }], ["majorNumber", 8, 329, function(e, r) {
    return "";
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["minorNumber", 8, 337, function(e, r) {
    return "";
  }, function(e, r, t) {
    return R(e.slice(r, r + t[1]));
  }], ["prefix", 131, 345, function(e, r) {
    return G(e[r[0]], r[1]);
  }, function(e, r, t) {
    return L2(e.slice(r, r + t[1]));
  }], ["accessTime", 12, 476, function(e, r) {
    return V(e[r[0]], r[1]);
  }, function(e, r, t) {
    return $(e.slice(r, r + t[1]));
  }], ["createTime", 12, 488, function(e, r) {
    return V(e[r[0]], r[1]);
  }, function(e, r, t) {
    return $(e.slice(r, r + t[1]));
  }]], ge = (function(e) {
    var r = e[e.length - 1];
    return r[2] + r[1];
  })(ee);
  function qe(e) {
    if (e.length == 8) {
      var r = e.split("");
      if (r[5] == w2.NULL_CHAR) return (r[6] == " " || r[6] == w2.NULL_CHAR) && (r[6] = "0"), (r[7] == " " || r[7] == w2.NULL_CHAR) && (r[7] = "0"), r = r.join(""), r == w2.TMAGIC ? r : e;
      if (r[7] == w2.NULL_CHAR) return r[5] == w2.NULL_CHAR && (r[5] = " "), r[6] == w2.NULL_CHAR && (r[6] = " "), r == w2.OLDGNU_MAGIC ? r : e;
    }
    return e;
  }
  function G(e, r) {
    return r -= 1, me.isUndefined(e) && (e = ""), e = ("" + e).substr(0, r), e + w2.NULL_CHAR;
  }
  function z(e, r, t) {
    for (t = parseInt(t) || 0, r -= 1, e = (parseInt(e) || t).toString(8).substr(-r, r); e.length < r; ) e = "0" + e;
    return e + w2.NULL_CHAR;
  }
  function V(e, r) {
    if (me.isDateTime(e)) e = Math.floor(1 * e / 1e3);
    else if (e = parseInt(e, 10), isFinite(e)) {
      if (e <= 0) return "";
    } else e = Math.floor(1 * /* @__PURE__ */ new Date() / 1e3);
    return z(e, r, 0);
  }
  function L2(e, r) {
    var t = String.fromCharCode.apply(null, e);
    if (r) return t;
    var n = t.indexOf(w2.NULL_CHAR);
    return n >= 0 ? t.substr(0, n) : t;
  }
  function R(e) {
    var r = String.fromCharCode.apply(null, e);
    return parseInt(r.replace(/^0+$/g, ""), 8) || 0;
  }
  function $(e) {
    return e.length == 0 || e[0] == 0 ? null : new Date(1e3 * R(e));
  }
  function Ke(e, r, t) {
    var n = parseInt(r, 10) || 0, i = Math.min(n + ge, e.length), o2 = 0, a2 = 0, s2 = 0;
    t && ee.every(function(_) {
      return _[0] == "checksum" ? (a2 = n + _[2], s2 = a2 + _[1], false) : true;
    });
    for (var l = 32, u2 = n; u2 < i; u2++) {
      var c2 = u2 >= a2 && u2 < s2 ? l : e[u2];
      o2 = (o2 + c2) % 262144;
    }
    return o2;
  }
  T.exports.recordSize = $e;
  T.exports.defaultFileMode = Z;
  T.exports.defaultUid = pe;
  T.exports.defaultGid = Se;
  T.exports.posixHeader = ee;
  T.exports.effectiveHeaderSize = ge;
  T.exports.calculateChecksum = Ke;
  T.exports.formatTarString = G;
  T.exports.formatTarNumber = z;
  T.exports.formatTarDateTime = V;
  T.exports.parseTarString = L2;
  T.exports.parseTarNumber = R;
  T.exports.parseTarDateTime = $;
});
var ye = D((Wr, Fe) => {
  "use strict";
  u();
  var Je = Y(), q = j(), H = re();
  function ve(e) {
    return H.recordSize;
  }
  function Ee(e) {
    return Math.ceil(e.data.length / H.recordSize) * H.recordSize;
  }
  function Qe(e) {
    var r = 0;
    return e.forEach(function(t) {
      r += ve(t) + Ee(t);
    }), r += H.recordSize * 2, new Uint8Array(r);
  }
  function Ze(e, r, t) {
    t = parseInt(t) || 0;
    var n = t;
    H.posixHeader.forEach(function(l) {
      for (var u2 = l[3](r, l), c2 = u2.length, _ = 0; _ < c2; _ += 1) e[n + _] = u2.charCodeAt(_) & 255;
      n += l[1];
    });
    var i = q.find(H.posixHeader, function(l) {
      return l[0] == "checksum";
    });
    if (i) {
      var o2 = H.calculateChecksum(e, t, true), a2 = H.formatTarNumber(o2, i[1] - 2) + Je.NULL_CHAR + " ";
      n = t + i[2];
      for (var s2 = 0; s2 < a2.length; s2 += 1) e[n] = a2.charCodeAt(s2) & 255, n++;
    }
    return t + ve(r);
  }
  function er(e, r, t) {
    return t = parseInt(t, 10) || 0, e.set(r.data, t), t + Ee(r);
  }
  function rr(e) {
    e = q.map(e, function(n) {
      return q.extend({}, n, { data: q.toUint8Array(n.data) });
    });
    var r = Qe(e), t = 0;
    return e.forEach(function(n) {
      t = Ze(r, n, t), t = er(r, n, t);
    }), r;
  }
  Fe.exports.tar = rr;
});
var we = D((Vr, he) => {
  "use strict";
  u();
  var tr = Y(), ne = j(), D2 = re(), nr = { extractData: true, checkHeader: true, checkChecksum: true, checkFileSize: true }, ir = { size: true, checksum: true, ustar: true }, te = { unexpectedEndOfFile: "Unexpected end of file.", fileCorrupted: "File is corrupted.", checksumCheckFailed: "Checksum check failed." };
  function or(e) {
    return D2.recordSize;
  }
  function ar(e) {
    return Math.ceil(e / D2.recordSize) * D2.recordSize;
  }
  function sr(e, r) {
    for (var t = r, n = Math.min(e.length, r + D2.recordSize * 2), i = t; i < n; i++) if (e[i] != 0) return false;
    return true;
  }
  function lr(e, r, t) {
    if (e.length - r < D2.recordSize) {
      if (t.checkFileSize) throw new Error(te.unexpectedEndOfFile);
      return null;
    }
    r = parseInt(r) || 0;
    var n = {}, i = r;
    if (D2.posixHeader.forEach(function(s2) {
      n[s2[0]] = s2[4](e, i, s2), i += s2[1];
    }), n.type != 0 && (n.size = 0), t.checkHeader && D2.posixHeader.forEach(function(s2) {
      if (ne.isFunction(s2[5]) && !s2[5](n, s2)) {
        var l = new Error(te.fileCorrupted);
        throw l.data = { offset: r + s2[2], field: s2[0] }, l;
      }
    }), t.checkChecksum) {
      var o2 = D2.calculateChecksum(e, r, true);
      if (o2 != n.checksum) {
        var a2 = new Error(te.checksumCheckFailed);
        throw a2.data = { offset: r, header: n, checksum: o2 }, a2;
      }
    }
    return n;
  }
  function ur(e, r, t, n) {
    return n.extractData ? t.size <= 0 ? new Uint8Array() : e.slice(r, r + t.size) : null;
  }
  function cr(e, r) {
    var t = {};
    return D2.posixHeader.forEach(function(n) {
      var i = n[0];
      ir[i] || (t[i] = e[i]);
    }), t.isOldGNUFormat = e.ustar == tr.OLDGNU_MAGIC, r && (t.data = r), t;
  }
  function dr(e, r) {
    r = ne.extend({}, nr, r);
    for (var t = [], n = 0, i = e.length; i - n >= D2.recordSize; ) {
      e = ne.toUint8Array(e);
      var o2 = lr(e, n, r);
      if (!o2) break;
      n += or(o2);
      var a2 = ur(e, n, o2, r);
      if (t.push(cr(o2, a2)), n += ar(o2.size), sr(e, n)) break;
    }
    return t;
  }
  he.exports.untar = dr;
});
var be = D((qr, Ae) => {
  "use strict";
  u();
  var fr = j(), _r = Y(), mr = ye(), pr = we();
  fr.extend(Ae.exports, mr, pr, _r);
});
u();
u();
var O = L(be(), 1);
async function ie(e, r, t = "pgdata", n = "auto") {
  let i = vr(e, r), [o2, a2] = await Er(i, n), s2 = t + (a2 ? ".tar.gz" : ".tar"), l = a2 ? "application/x-gzip" : "application/x-tar";
  return typeof File < "u" ? new File([o2], s2, { type: l }) : new Blob([o2], { type: l });
}
var Sr = ["application/x-gtar", "application/x-tar+gzip", "application/x-gzip", "application/gzip"];
async function Jr(e, r, t) {
  let n = new Uint8Array(await r.arrayBuffer()), i = typeof File < "u" && r instanceof File ? r.name : void 0;
  (Sr.includes(r.type) || i?.endsWith(".tgz") || i?.endsWith(".tar.gz")) && (n = await Te(n));
  let a2;
  try {
    a2 = (0, O.untar)(n);
  } catch (s2) {
    if (s2 instanceof Error && s2.message.includes("File is corrupted")) n = await Te(n), a2 = (0, O.untar)(n);
    else throw s2;
  }
  for (let s2 of a2) {
    let l = `${t}/${s2.name}`, u2 = l.split("/").slice(0, -1);
    for (let c2 = 1; c2 <= u2.length; c2++) {
      let _ = u2.slice(0, c2).join("/");
      _.length && !e.analyzePath(_).exists && e.mkdirTree(_);
    }
    if (s2.type === O.REGTYPE) {
      e.writeFile(l, s2.data);
      let c2 = Ar(s2.modifyTime);
      e.utime(l, c2, c2);
    } else s2.type === O.DIRTYPE && (e.analyzePath(l).exists || e.mkdir(l));
  }
}
function gr(e, r) {
  let t = [], n = (i) => {
    e.readdir(i).forEach((a2) => {
      if (a2 === "." || a2 === "..") return;
      let s2 = i + "/" + a2, l = e.stat(s2), u2 = e.isFile(l.mode) ? e.readFile(s2, { encoding: "binary" }) : new Uint8Array(0);
      t.push({ name: s2.substring(r.length), mode: l.mode, size: l.size, type: e.isFile(l.mode) ? O.REGTYPE : O.DIRTYPE, modifyTime: l.mtime, data: u2 }), e.isDir(l.mode) && n(s2);
    });
  };
  return n(r), t;
}
function vr(e, r) {
  let t = gr(e, r);
  return (0, O.tar)(t);
}
async function Er(e, r = "auto") {
  if (r === "none") return [e, false];
  if (typeof CompressionStream < "u") return [await Fr(e), true];
  if (typeof process < "u" && process.versions && process.versions.node) return [await yr(e), true];
  if (r === "auto") return [e, false];
  throw new Error("Compression not supported in this environment");
}
async function Fr(e) {
  let r = new CompressionStream("gzip"), t = r.writable.getWriter(), n = r.readable.getReader();
  t.write(e), t.close();
  let i = [];
  for (; ; ) {
    let { value: s2, done: l } = await n.read();
    if (l) break;
    s2 && i.push(s2);
  }
  let o2 = new Uint8Array(i.reduce((s2, l) => s2 + l.length, 0)), a2 = 0;
  return i.forEach((s2) => {
    o2.set(s2, a2), a2 += s2.length;
  }), o2;
}
async function yr(e) {
  let { promisify: r } = await import("util"), { gzip: t } = await import("zlib");
  return await r(t)(e);
}
async function Te(e) {
  if (typeof CompressionStream < "u") return await hr(e);
  if (typeof process < "u" && process.versions && process.versions.node) return await wr(e);
  throw new Error("Unsupported environment for decompression");
}
async function hr(e) {
  let r = new DecompressionStream("gzip"), t = r.writable.getWriter(), n = r.readable.getReader();
  t.write(e), t.close();
  let i = [];
  for (; ; ) {
    let { value: s2, done: l } = await n.read();
    if (l) break;
    s2 && i.push(s2);
  }
  let o2 = new Uint8Array(i.reduce((s2, l) => s2 + l.length, 0)), a2 = 0;
  return i.forEach((s2) => {
    o2.set(s2, a2), a2 += s2.length;
  }), o2;
}
async function wr(e) {
  let { promisify: r } = await import("util"), { gunzip: t } = await import("zlib");
  return await r(t)(e);
}
function Ar(e) {
  return e ? typeof e == "number" ? e * 1e3 : e.getTime() : Date.now();
}
u();
u();
u();
async function br(moduleArg = {}) {
  var Module = moduleArg, ENVIRONMENT_IS_WEB = !!globalThis.window, ENVIRONMENT_IS_WORKER = !!globalThis.WorkerGlobalScope, ENVIRONMENT_IS_NODE = globalThis.process?.versions?.node && globalThis.process?.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    let { createRequire: e } = await import("node:module");
    var require = e(import.meta.url);
  }
  var programArgs = [], thisProgram = "./this.program", quit_ = (e, r) => {
    throw r;
  }, _scriptName = import.meta.url, scriptDirectory = "";
  function locateFile(e) {
    return Module.locateFile ? Module.locateFile(e, scriptDirectory) : scriptDirectory + e;
  }
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("node:fs");
    _scriptName.startsWith("file:") && (scriptDirectory = require("node:path").dirname(require("node:url").fileURLToPath(_scriptName)) + "/"), readBinary = (e) => {
      e = isFileURI(e) ? new URL(e) : e;
      var r = fs.readFileSync(e);
      return r;
    }, readAsync = async (e, r = true) => {
      e = isFileURI(e) ? new URL(e) : e;
      var t = fs.readFileSync(e, r ? void 0 : "utf8");
      return t;
    }, process.argv.length > 1 && (thisProgram = process.argv[1].replace(/\\/g, "/")), programArgs = process.argv.slice(2), quit_ = (e, r) => {
      throw process.exitCode = e, r;
    };
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    ENVIRONMENT_IS_WORKER && (readBinary = (e) => {
      var r = new XMLHttpRequest();
      return r.open("GET", e, false), r.responseType = "arraybuffer", r.send(null), new Uint8Array(r.response);
    }), readAsync = async (e) => {
      var r = await fetch(e, { credentials: "same-origin" });
      if (r.ok) return r.arrayBuffer();
      throw new Error(r.status + " : " + r.url);
    };
  }
  var out = console.log.bind(console), err = console.error.bind(console), dynamicLibraries = [], wasmBinary, ABORT = false, EXITSTATUS, isFileURI = (e) => e.startsWith("file://");
  class EmscriptenEH {
  }
  class EmscriptenSjLj extends EmscriptenEH {
  }
  var runtimeInitialized = false, runtimeExited = false;
  function getMemoryBuffer() {
    return wasmMemory.buffer;
  }
  function updateMemoryViews() {
    if (!HEAP8?.buffer?.resizable) {
      var e = getMemoryBuffer();
      HEAP8 = new Int8Array(e), HEAP16 = new Int16Array(e), Module.HEAPU8 = HEAPU8 = new Uint8Array(e), HEAPU16 = new Uint16Array(e), HEAP32 = new Int32Array(e), HEAPU32 = new Uint32Array(e), HEAPF32 = new Float32Array(e), HEAPF64 = new Float64Array(e), HEAP64 = new BigInt64Array(e), HEAPU64 = new BigUint64Array(e);
    }
  }
  var __RELOC_FUNCS__ = [];
  function preRun() {
    var e = Module.preRun;
    e && (typeof e == "function" && (e = [e]), onPreRuns.push(...e)), callRuntimeCallbacks(onPreRuns);
  }
  function initRuntime() {
    runtimeInitialized = true, callRuntimeCallbacks(__RELOC_FUNCS__), !Module.noFSInit && !FS.initialized && FS.init(), TTY.init(), wasmExports.__wasm_call_ctors(), callRuntimeCallbacks(onPostCtors), FS.ignorePermissions = false;
  }
  function exitRuntime() {
    ___funcs_on_exit(), FS.quit(), TTY.shutdown(), clearTimers(), runtimeExited = true;
  }
  function postRun() {
    var e = Module.postRun;
    e && (typeof e == "function" && (e = [e]), onPostRuns.push(...e)), callRuntimeCallbacks(onPostRuns);
  }
  function abort(e) {
    throw Module.onAbort?.(e), e = `Aborted(${e})`, err(e), ABORT = true, e += ". Build with -sASSERTIONS for more info.", new WebAssembly.RuntimeError(e);
  }
  var wasmBinaryFile;
  function findWasmBinary() {
    return Module.locateFile ? locateFile("initdb.wasm") : new URL("initdb.wasm", import.meta.url).href;
  }
  function getBinarySync(e) {
    if (readBinary) return readBinary(e);
    throw "both async and sync fetching of the wasm failed";
  }
  async function getWasmBinary(e) {
    if (!wasmBinary) try {
      var r = await readAsync(e);
      return new Uint8Array(r);
    } catch {
    }
    return getBinarySync(e);
  }
  async function instantiateArrayBuffer(e, r) {
    try {
      var t = await getWasmBinary(e), n = await WebAssembly.instantiate(t, r);
      return n;
    } catch (i) {
      err(`failed to asynchronously prepare wasm: ${i}`), abort(i);
    }
  }
  async function instantiateAsync(e, r, t) {
    if (!e && !ENVIRONMENT_IS_NODE) try {
      var n = fetch(r, { credentials: "same-origin" }), i = await WebAssembly.instantiateStreaming(n, t);
      return i;
    } catch (o2) {
      err(`wasm streaming compile failed: ${o2}`), err("falling back to ArrayBuffer instantiation");
    }
    return instantiateArrayBuffer(r, t);
  }
  function getWasmImports() {
    var e = new Proxy(/* @__PURE__ */ new Set([]), GOTHandler), r = { env: wasmImports, wasi_snapshot_preview1: wasmImports, "GOT.mem": e, "GOT.func": e };
    return r;
  }
  async function createWasm() {
    async function e(o2, a2) {
      wasmExports = o2.exports;
      var s2 = wasmExports;
      mergeLibSymbols(wasmExports, "main");
      var l = getDylinkMetadata(a2);
      return l.neededDynlibs && (dynamicLibraries = l.neededDynlibs.concat(dynamicLibraries)), assignWasmExports(wasmExports), updateGOT(s2), updateMemoryViews(), LDSO.init(), await loadDylibs(), wasmExports;
    }
    var r = getWasmImports(), t = Module.instantiateWasm;
    if (t) return new Promise((o2) => {
      t(r, (a2, s2) => o2(e(a2, s2)));
    });
    wasmBinaryFile ?? (wasmBinaryFile = findWasmBinary());
    var n = await instantiateAsync(wasmBinary, wasmBinaryFile, r), i = await (function(o2) {
      return e(o2.instance, o2.module);
    })(n);
    return i;
  }
  class ExitStatus {
    constructor(r) {
      P(this, "name", "ExitStatus");
      this.message = `Program terminated with exit(${r})`, this.status = r;
    }
  }
  var GOT = {}, GOTHandler = { get(e, r) {
    var t = GOT[r];
    return t || (t = GOT[r] = new WebAssembly.Global({ value: "i32", mutable: true }, -1)), e.has(r) || (t.required = true), t;
  } }, HEAP16, HEAP32, HEAP64, HEAP8, HEAPF32, HEAPF64, HEAPU16, HEAPU32, HEAPU64, HEAPU8, callRuntimeCallbacks = (e) => {
    for (; e.length > 0; ) e.shift()(Module);
  }, onPostRuns = [], onPreRuns = [], UTF8Decoder = globalThis.TextDecoder && new TextDecoder(), findStringEnd = (e, r, t, n) => {
    var i = r + t;
    if (n) return i;
    for (; e[r] && !(r >= i); ) ++r;
    return r;
  }, UTF8ArrayToString = (e, r = 0, t, n) => {
    var i = findStringEnd(e, r, t, n);
    if (i - r > 16 && e.buffer && UTF8Decoder) return UTF8Decoder.decode(e.subarray(r, i));
    for (var o2 = ""; r < i; ) {
      var a2 = e[r++];
      if (!(a2 & 128)) {
        o2 += String.fromCharCode(a2);
        continue;
      }
      var s2 = e[r++] & 63;
      if ((a2 & 224) == 192) {
        o2 += String.fromCharCode((a2 & 31) << 6 | s2);
        continue;
      }
      var l = e[r++] & 63;
      if ((a2 & 240) == 224 ? a2 = (a2 & 15) << 12 | s2 << 6 | l : a2 = (a2 & 7) << 18 | s2 << 12 | l << 6 | e[r++] & 63, a2 < 65536) o2 += String.fromCharCode(a2);
      else {
        var u2 = a2 - 65536;
        o2 += String.fromCharCode(55296 | u2 >> 10, 56320 | u2 & 1023);
      }
    }
    return o2;
  }, getDylinkMetadata = (e) => {
    var r = 0, t = 0;
    function n() {
      return e[r++];
    }
    function i() {
      for (var d2 = 0, g2 = 1; ; ) {
        var v2 = e[r++];
        if (d2 += (v2 & 127) * g2, g2 *= 128, !(v2 & 128)) break;
      }
      return d2;
    }
    function o2() {
      var d2 = i();
      return r += d2, UTF8ArrayToString(e, r - d2, d2);
    }
    function a2() {
      for (var d2 = i(), g2 = []; d2--; ) g2.push(o2());
      return g2;
    }
    function s2(d2, g2) {
      if (d2) throw new Error(g2);
    }
    if (e instanceof WebAssembly.Module) {
      var l = WebAssembly.Module.customSections(e, "dylink.0");
      s2(!l.length, "need dylink section"), e = new Uint8Array(l[0]), t = e.length;
    } else {
      var u2 = new Uint32Array(new Uint8Array(e.subarray(0, 24)).buffer), c2 = u2[0] == 1836278016;
      s2(!c2, "need to see wasm magic number"), s2(e[8], "need the dylink section to be first"), r = 9;
      var _ = i();
      t = r + _;
      var m2 = o2();
      s2(m2 !== "dylink.0");
    }
    for (var f2 = { neededDynlibs: [], tlsExports: /* @__PURE__ */ new Set(), weakImports: /* @__PURE__ */ new Set(), runtimePaths: [] }; r < t; ) {
      var p2 = n(), F = i();
      if (p2 === 1) f2.memorySize = i(), f2.memoryAlign = i(), f2.tableSize = i(), f2.tableAlign = i();
      else if (p2 === 2) f2.neededDynlibs = a2();
      else if (p2 === 3) for (var S2 = i(); S2--; ) {
        var E = o2(), y2 = i();
        y2 & 256 && f2.tlsExports.add(E);
      }
      else if (p2 === 4) for (S2 = i(); S2--; ) o2(), E = o2(), y2 = i(), (y2 & 3) == 1 && f2.weakImports.add(E);
      else if (p2 === 5) f2.runtimePaths = a2();
      else if (p2 === 6) {
        var A = o2();
        s2(A !== "wasm32", `incorrect architecture (${A} vs wasm32)`);
      } else r += F;
    }
    return f2;
  }, newDSO = (e, r, t) => {
    var n = { refcount: 1 / 0, name: e, exports: t, global: true };
    return LDSO.loadedLibsByName[e] = n, r != null && (LDSO.loadedLibsByHandle[r] = n), n;
  }, LDSO = { loadedLibsByName: {}, loadedLibsByHandle: {}, init() {
    newDSO("__main__", 0, wasmImports);
  } }, alignMemory = (e, r) => Math.ceil(e / r) * r, getMemory = (e) => {
    if (runtimeInitialized) return _calloc(e, 1);
    var r = ___heap_base, t = r + alignMemory(e, 16);
    ___heap_base = t;
    var n = _emscripten_get_sbrk_ptr();
    return HEAPU32[n >> 2] = t, r;
  }, isInternalSym = (e) => ["memory", "__memory_base", "__table_base", "__stack_pointer", "__indirect_function_table", "__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(e) || e.startsWith("__em_js__"), wasmTableMirror = [], getWasmTableEntry = (e) => {
    var r = wasmTableMirror[e];
    return r || (wasmTableMirror[e] = r = wasmTable.get(e)), r;
  }, updateTableMap = (e, r) => {
    if (functionsInTableMap) for (var t = e; t < e + r; t++) {
      var n = getWasmTableEntry(t);
      n && functionsInTableMap.set(n, t);
    }
  }, functionsInTableMap, getFunctionAddress = (e) => (functionsInTableMap || (functionsInTableMap = /* @__PURE__ */ new WeakMap(), updateTableMap(0, wasmTable.length)), functionsInTableMap.get(e) || 0), freeTableIndexes = [], getEmptyTableSlot = () => freeTableIndexes.length ? freeTableIndexes.pop() : wasmTable.grow(1), setWasmTableEntry = (e, r) => {
    wasmTable.set(e, r), wasmTableMirror[e] = wasmTable.get(e);
  }, uleb128EncodeWithLen = (e) => {
    let r = e.length;
    return [r % 128 | 128, r >> 7, ...e];
  }, wasmTypeCodes = { i: 127, p: 127, j: 126, f: 125, d: 124, e: 111 }, generateTypePack = (e) => uleb128EncodeWithLen(Array.from(e, (r) => {
    var t = wasmTypeCodes[r];
    return t;
  })), convertJsFunctionToWasm = (e, r) => {
    var t = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, ...uleb128EncodeWithLen([1, 96, ...generateTypePack(r.slice(1)), ...generateTypePack(r[0] === "v" ? "" : r[0])]), 2, 7, 1, 1, 101, 1, 102, 0, 0, 7, 5, 1, 1, 102, 0, 0), n = new WebAssembly.Module(t), i = new WebAssembly.Instance(n, { e: { f: e } }), o2 = i.exports.f;
    return o2;
  }, addFunction = (e, r) => {
    var t = getFunctionAddress(e);
    if (t) return t;
    var n = getEmptyTableSlot();
    try {
      setWasmTableEntry(n, e);
    } catch (o2) {
      if (!(o2 instanceof TypeError)) throw o2;
      var i = convertJsFunctionToWasm(e, r);
      setWasmTableEntry(n, i);
    }
    return functionsInTableMap.set(e, n), n;
  }, updateGOT = (e, r) => {
    for (var t in e) if (!isInternalSym(t)) {
      var n = e[t], i = GOT[t] && GOT[t].value != -1;
      if (r || !i) {
        var o2;
        if (typeof n == "function") o2 = addFunction(n);
        else if (typeof n.value == "number") o2 = n;
        else continue;
        GOT[t] ?? (GOT[t] = new WebAssembly.Global({ value: "i32", mutable: true })), GOT[t].value = o2;
      }
    }
  }, isImmutableGlobal = (e) => {
    if (e instanceof WebAssembly.Global) try {
      e.value = e.value;
    } catch {
      return true;
    }
    return false;
  }, relocateExports = (e, r = 0) => {
    function t(o2, a2) {
      return isImmutableGlobal(a2) ? new WebAssembly.Global({ value: "i32" }, a2.value + r) : a2;
    }
    var n = {};
    for (var i in e) n[i] = t(0, e[i]);
    return n;
  }, isSymbolDefined = (e) => {
    var r = wasmImports[e];
    return !(!r || r.stub);
  }, createNamedFunction = (e, r) => Object.defineProperty(r, "name", { value: e }), dynCall = (e, r, t = []) => {
    var n = getWasmTableEntry(r), i = n(...t);
    return /* @__PURE__ */ (function(o2) {
      return o2;
    })(i);
  }, stackSave = () => _emscripten_stack_get_current(), stackRestore = (e) => __emscripten_stack_restore(e), createInvokeFunction = (e) => (r, ...t) => {
    var n = stackSave();
    try {
      return dynCall(e, r, t);
    } catch (i) {
      if (stackRestore(n), !(i instanceof EmscriptenEH)) throw i;
      if (_setThrew(1, 0), e[0] == "j") return 0n;
    }
  }, resolveGlobalSymbol = (e) => {
    var r;
    return isSymbolDefined(e) ? r = wasmImports[e] : e.startsWith("invoke_") && (r = wasmImports[e] = createNamedFunction(e, createInvokeFunction(e.split("_")[1]))), { sym: r, name: e };
  }, onPostCtors = [], addOnPostCtor = (e) => {
    onPostCtors.push(e);
  }, UTF8ToString = (e, r, t) => e ? UTF8ArrayToString(HEAPU8, e, r, t) : "", loadWebAssemblyModule = (binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign), memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0, tableBase = metadata.tableSize ? wasmTable.length : 0;
      handle && (HEAP8[handle + 8] = 1, HEAPU32[handle + 12 >> 2] = memoryBase, HEAP32[handle + 16 >> 2] = metadata.memorySize, HEAPU32[handle + 20 >> 2] = tableBase, HEAP32[handle + 24 >> 2] = metadata.tableSize), metadata.tableSize && wasmTable.grow(metadata.tableSize);
      var moduleExports;
      function resolveSymbol(e) {
        var r = resolveGlobalSymbol(e).sym;
        return !r && localScope && (r = localScope[e]), r || (r = moduleExports[e]), r;
      }
      var proxyHandler = { get(e, r) {
        switch (r) {
          case "__memory_base":
            return memoryBase;
          case "__table_base":
            return tableBase;
        }
        if (r in wasmImports && !wasmImports[r].stub) {
          var t = wasmImports[r];
          return t;
        }
        if (!(r in e)) {
          var n;
          e[r] = (...i) => (n || (n = resolveSymbol(r)), n(...i));
        }
        return e[r];
      } }, proxy = new Proxy({}, proxyHandler), GOTProxy = new Proxy(metadata.weakImports, GOTHandler), info = { "GOT.mem": GOTProxy, "GOT.func": GOTProxy, env: proxy, wasi_snapshot_preview1: proxy };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize), moduleExports = relocateExports(instance.exports, memoryBase), updateGOT(moduleExports), flags.allowUndefined || reportUndefinedSymbols();
        function addEmAsm(addr, body) {
          for (var args = [], arity = 0; ; arity++) {
            var argName = "$" + arity;
            if (!body.includes(argName)) break;
            args.push(argName);
          }
          args = args.join();
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        if ("__start_em_asm" in moduleExports) for (var start = moduleExports.__start_em_asm.value, stop = moduleExports.__stop_em_asm.value; start < stop; ) {
          var jsString = UTF8ToString(start);
          addEmAsm(start, jsString), start = HEAPU8.indexOf(0, start) + 1;
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          if (cSig = cSig.slice(1, -1), cSig != "void") {
            cSig = cSig.split(",");
            for (var arg of cSig) {
              var jsArg = arg.split(" ").pop();
              jsArgs.push(jsArg.replaceAll("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        for (var name in moduleExports) if (name.startsWith("__em_js__")) {
          var start = moduleExports[name].value, jsString = UTF8ToString(start), [sig, body] = jsString.split("<::>");
          addEmJs(name.replace("__em_js__", ""), sig, body), delete moduleExports[name];
        }
        var applyRelocs = moduleExports.__wasm_apply_data_relocs;
        applyRelocs && (runtimeInitialized ? applyRelocs() : __RELOC_FUNCS__.push(applyRelocs));
        var init = moduleExports.__wasm_call_ctors;
        return init && (runtimeInitialized ? init() : addOnPostCtor(init)), moduleExports;
      }
      if (flags.loadAsync) return (async () => {
        var e;
        return binary instanceof WebAssembly.Module ? e = new WebAssembly.Instance(binary, info) : { module: binary, instance: e } = await WebAssembly.instantiate(binary, info), postInstantiation(binary, e);
      })();
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary), instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    if (flags = { ...flags, rpath: { parentLibPath: libName, paths: metadata.runtimePaths } }, flags.loadAsync) return metadata.neededDynlibs.reduce((e, r) => e.then(() => (r = findLibraryFS(r, flags.rpath) ?? r, loadDynamicLibrary(r, flags, localScope))), Promise.resolve()).then(loadModule);
    for (var needed of metadata.neededDynlibs) needed = findLibraryFS(needed, flags.rpath) ?? needed, loadDynamicLibrary(needed, flags, localScope);
    return loadModule();
  }, mergeLibSymbols = (e) => {
    for (var [r, t] of Object.entries(e)) {
      let n = (o2) => {
        isSymbolDefined(o2) || (wasmImports[o2] = t);
      };
      n(r);
      let i = "__main_argc_argv";
      r == "main" && n(i), r == i && n("main");
    }
  }, asyncLoad = async (e) => {
    var r = await readAsync(e);
    return new Uint8Array(r);
  }, preloadPlugins = [], registerWasmPlugin = () => {
    var e = { canHandle: (r) => !Module.noWasmDecoding && r.endsWith(".so"), handle: async (r, t) => {
      try {
        var n = await loadWebAssemblyModule(r, { loadAsync: true, nodelete: true }, t, {});
      } catch (i) {
        throw new Error(`failed to instantiate wasm: ${t}: ${i}`);
      }
      return preloadedWasm[t] = n, r;
    } };
    preloadPlugins.push(e);
  }, preloadedWasm = {}, PATH = { isAbs: (e) => e.charAt(0) === "/", splitPath: (e) => /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/.exec(e).slice(1), normalizeArray: (e, r) => {
    for (var t = 0, n = e.length - 1; n >= 0; n--) {
      var i = e[n];
      i === "." ? e.splice(n, 1) : i === ".." ? (e.splice(n, 1), t++) : t && (e.splice(n, 1), t--);
    }
    if (r) for (; t; t--) e.unshift("..");
    return e;
  }, normalize: (e) => {
    var r = PATH.isAbs(e), t = e.slice(-1) === "/";
    return e = PATH.normalizeArray(e.split("/").filter((n) => !!n), !r).join("/"), !e && !r && (e = "."), e && t && (e += "/"), (r ? "/" : "") + e;
  }, dirname: (e) => {
    var r = PATH.splitPath(e), t = r[0], n = r[1];
    return !t && !n ? "." : (n && (n = n.slice(0, -1)), t + n);
  }, basename: (e) => e && e.match(/([^\/]+|\/)\/*$/)[1], join: (...e) => PATH.normalize(e.join("/")), join2: (e, r) => PATH.normalize(e + "/" + r) }, replaceORIGIN = (e, r) => {
    if (r.startsWith("$ORIGIN")) {
      var t = PATH.dirname(e);
      return r.replace("$ORIGIN", t);
    }
    return r;
  }, withStackSave = (e) => {
    var r = stackSave(), t = e();
    return stackRestore(r), t;
  }, stackAlloc = (e) => __emscripten_stack_alloc(e), lengthBytesUTF8 = (e) => {
    for (var r = 0, t = 0; t < e.length; ++t) {
      var n = e.charCodeAt(t);
      n <= 127 ? r++ : n <= 2047 ? r += 2 : n >= 55296 && n <= 57343 ? (r += 4, ++t) : r += 3;
    }
    return r;
  }, stringToUTF8Array = (e, r, t, n) => {
    if (!(n > 0)) return 0;
    for (var i = t, o2 = t + n - 1, a2 = 0; a2 < e.length; ++a2) {
      var s2 = e.codePointAt(a2);
      if (s2 <= 127) {
        if (t >= o2) break;
        r[t++] = s2;
      } else if (s2 <= 2047) {
        if (t + 1 >= o2) break;
        r[t++] = 192 | s2 >> 6, r[t++] = 128 | s2 & 63;
      } else if (s2 <= 65535) {
        if (t + 2 >= o2) break;
        r[t++] = 224 | s2 >> 12, r[t++] = 128 | s2 >> 6 & 63, r[t++] = 128 | s2 & 63;
      } else {
        if (t + 3 >= o2) break;
        r[t++] = 240 | s2 >> 18, r[t++] = 128 | s2 >> 12 & 63, r[t++] = 128 | s2 >> 6 & 63, r[t++] = 128 | s2 & 63, a2++;
      }
    }
    return r[t] = 0, t - i;
  }, stringToUTF8 = (e, r, t) => stringToUTF8Array(e, HEAPU8, r, t), stringToUTF8OnStack = (e) => {
    var r = lengthBytesUTF8(e) + 1, t = stackAlloc(r);
    return stringToUTF8(e, t, r), t;
  }, initRandomFill = () => {
    if (ENVIRONMENT_IS_NODE) {
      var e = require("node:crypto");
      return (r) => (e.randomFillSync(r), 0);
    }
    return (r) => (crypto.getRandomValues(r), 0);
  }, randomFill = (e) => (randomFill = initRandomFill())(e), PATH_FS = { resolve: (...e) => {
    for (var r = "", t = false, n = e.length - 1; n >= -1 && !t; n--) {
      var i = n >= 0 ? e[n] : FS.cwd();
      if (typeof i != "string") throw new TypeError("Arguments to path.resolve must be strings");
      if (!i) return "";
      r = i + "/" + r, t = PATH.isAbs(i);
    }
    return r = PATH.normalizeArray(r.split("/").filter((o2) => !!o2), !t).join("/"), (t ? "/" : "") + r || ".";
  }, relative: (e, r) => {
    e = PATH_FS.resolve(e).slice(1), r = PATH_FS.resolve(r).slice(1);
    function t(u2) {
      for (var c2 = 0; c2 < u2.length && u2[c2] === ""; c2++) ;
      for (var _ = u2.length - 1; _ >= 0 && u2[_] === ""; _--) ;
      return c2 > _ ? [] : u2.slice(c2, _ - c2 + 1);
    }
    for (var n = t(e.split("/")), i = t(r.split("/")), o2 = Math.min(n.length, i.length), a2 = o2, s2 = 0; s2 < o2; s2++) if (n[s2] !== i[s2]) {
      a2 = s2;
      break;
    }
    var l = [];
    for (s2 = a2; s2 < n.length; s2++) l.push("..");
    return l = l.concat(i.slice(a2)), l.join("/");
  } }, FS_stdin_getChar_buffer = [], intArrayFromString = (e, r, t) => {
    var n = t > 0 ? t : lengthBytesUTF8(e) + 1, i = new Array(n), o2 = stringToUTF8Array(e, i, 0, i.length);
    return r && (i.length = o2), i;
  }, FS_stdin_getChar = () => {
    if (!FS_stdin_getChar_buffer.length) {
      var e = null;
      if (ENVIRONMENT_IS_NODE) {
        var r = Buffer.alloc(256), t = 0;
        try {
          t = fs.readSync(process.stdin.fd, r, 0, 256);
        } catch (n) {
          if (n.toString().includes("EOF")) t = 0;
          else throw n;
        }
        t > 0 && (e = r.toString("utf-8", 0, t));
      } else globalThis.window?.prompt && (e = window.prompt("Input: "), e !== null && (e += `
`));
      if (!e) return null;
      FS_stdin_getChar_buffer = intArrayFromString(e, true);
    }
    return FS_stdin_getChar_buffer.shift();
  }, TTY = { ttys: [], init() {
  }, shutdown() {
  }, register(e, r) {
    TTY.ttys[e] = { input: [], output: [], ops: r }, FS.registerDevice(e, TTY.stream_ops);
  }, stream_ops: { open(e) {
    var r = TTY.ttys[e.node.rdev];
    if (!r) throw new FS.ErrnoError(43);
    e.tty = r, e.seekable = false;
  }, close(e) {
    e.tty.ops.fsync(e.tty);
  }, fsync(e) {
    e.tty.ops.fsync(e.tty);
  }, read(e, r, t, n, i) {
    if (!e.tty || !e.tty.ops.get_char) throw new FS.ErrnoError(60);
    for (var o2 = 0, a2 = 0; a2 < n; a2++) {
      var s2;
      try {
        s2 = e.tty.ops.get_char(e.tty);
      } catch {
        throw new FS.ErrnoError(29);
      }
      if (s2 === void 0 && !o2) throw new FS.ErrnoError(6);
      if (s2 == null || (o2++, r[t + a2] = s2, s2 === 10)) break;
    }
    return o2 && (e.node.atime = Date.now()), o2;
  }, write(e, r, t, n, i) {
    if (!e.tty || !e.tty.ops.put_char) throw new FS.ErrnoError(60);
    try {
      for (var o2 = 0; o2 < n; o2++) e.tty.ops.put_char(e.tty, r[t + o2]);
    } catch {
      throw new FS.ErrnoError(29);
    }
    return n && (e.node.mtime = e.node.ctime = Date.now()), o2;
  } }, default_tty_ops: { get_char(e) {
    return FS_stdin_getChar();
  }, put_char(e, r) {
    r === null || r === 10 ? (out(UTF8ArrayToString(e.output)), e.output = []) : r != 0 && e.output.push(r);
  }, fsync(e) {
    e.output?.length > 0 && (out(UTF8ArrayToString(e.output)), e.output = []);
  }, ioctl_tcgets(e) {
    return { c_iflag: 25856, c_oflag: 5, c_cflag: 191, c_lflag: 35387, c_cc: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
  }, ioctl_tcsets(e, r, t) {
    return 0;
  }, ioctl_tiocgwinsz(e) {
    return [24, 80];
  } }, default_tty1_ops: { put_char(e, r) {
    r === null || r === 10 ? (err(UTF8ArrayToString(e.output)), e.output = []) : r != 0 && e.output.push(r);
  }, fsync(e) {
    e.output?.length > 0 && (err(UTF8ArrayToString(e.output)), e.output = []);
  } } }, zeroMemory = (e, r) => HEAPU8.fill(0, e, e + r), mmapAlloc = (e) => {
    e = alignMemory(e, 65536);
    var r = _emscripten_builtin_memalign(65536, e);
    return r && zeroMemory(r, e), r;
  }, MEMFS = { ops_table: null, mount(e) {
    return MEMFS.createNode(null, "/", 16895, 0);
  }, createNode(e, r, t, n) {
    if (FS.isBlkdev(t) || FS.isFIFO(t)) throw new FS.ErrnoError(63);
    MEMFS.ops_table || (MEMFS.ops_table = { dir: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, lookup: MEMFS.node_ops.lookup, mknod: MEMFS.node_ops.mknod, rename: MEMFS.node_ops.rename, unlink: MEMFS.node_ops.unlink, rmdir: MEMFS.node_ops.rmdir, readdir: MEMFS.node_ops.readdir, symlink: MEMFS.node_ops.symlink }, stream: { llseek: MEMFS.stream_ops.llseek } }, file: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: { llseek: MEMFS.stream_ops.llseek, read: MEMFS.stream_ops.read, write: MEMFS.stream_ops.write, mmap: MEMFS.stream_ops.mmap, msync: MEMFS.stream_ops.msync } }, link: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, readlink: MEMFS.node_ops.readlink }, stream: {} }, chrdev: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: FS.chrdev_stream_ops } });
    var i = FS.createNode(e, r, t, n);
    return FS.isDir(i.mode) ? (i.node_ops = MEMFS.ops_table.dir.node, i.stream_ops = MEMFS.ops_table.dir.stream, i.contents = {}) : FS.isFile(i.mode) ? (i.node_ops = MEMFS.ops_table.file.node, i.stream_ops = MEMFS.ops_table.file.stream, i.usedBytes = 0, i.contents = MEMFS.emptyFileContents ?? (MEMFS.emptyFileContents = new Uint8Array(0))) : FS.isLink(i.mode) ? (i.node_ops = MEMFS.ops_table.link.node, i.stream_ops = MEMFS.ops_table.link.stream) : FS.isChrdev(i.mode) && (i.node_ops = MEMFS.ops_table.chrdev.node, i.stream_ops = MEMFS.ops_table.chrdev.stream), i.atime = i.mtime = i.ctime = Date.now(), e && (e.contents[r] = i, e.atime = e.mtime = e.ctime = i.atime), i;
  }, getFileDataAsTypedArray(e) {
    return e.contents.subarray(0, e.usedBytes);
  }, expandFileStorage(e, r) {
    var t = e.contents.length;
    if (!(t >= r)) {
      r = Math.max(r, t * (t < 1048576 ? 2 : 1.125) >>> 0), t && (r = Math.max(r, 256));
      var n = MEMFS.getFileDataAsTypedArray(e);
      e.contents = new Uint8Array(r), e.contents.set(n);
    }
  }, resizeFileStorage(e, r) {
    if (e.usedBytes != r) {
      var t = e.contents;
      e.contents = new Uint8Array(r), e.contents.set(t.subarray(0, Math.min(r, e.usedBytes))), e.usedBytes = r;
    }
  }, node_ops: { getattr(e) {
    var r = {};
    return r.dev = FS.isChrdev(e.mode) ? e.id : 1, r.ino = e.id, r.mode = e.mode, r.nlink = 1, r.uid = 0, r.gid = 0, r.rdev = e.rdev, FS.isDir(e.mode) ? r.size = 4096 : FS.isFile(e.mode) ? r.size = e.usedBytes : FS.isLink(e.mode) ? r.size = e.link.length : r.size = 0, r.atime = new Date(e.atime), r.mtime = new Date(e.mtime), r.ctime = new Date(e.ctime), r.blksize = 4096, r.blocks = Math.ceil(r.size / r.blksize), r;
  }, setattr(e, r) {
    for (let t of ["mode", "atime", "mtime", "ctime"]) r[t] != null && (e[t] = r[t]);
    r.size !== void 0 && MEMFS.resizeFileStorage(e, r.size);
  }, lookup(e, r) {
    throw MEMFS.doesNotExistError || (MEMFS.doesNotExistError = new FS.ErrnoError(44), MEMFS.doesNotExistError.stack = "<generic error, no stack>"), MEMFS.doesNotExistError;
  }, mknod(e, r, t, n) {
    return MEMFS.createNode(e, r, t, n);
  }, rename(e, r, t) {
    var n;
    try {
      n = FS.lookupNode(r, t);
    } catch {
    }
    if (n && FS.isDir(e.mode)) for (var i in n.contents) throw new FS.ErrnoError(55);
    delete e.parent.contents[e.name], r.contents[t] = e, e.name = t, r.ctime = r.mtime = e.parent.ctime = e.parent.mtime = Date.now();
  }, unlink(e, r) {
    delete e.contents[r], e.ctime = e.mtime = Date.now();
  }, rmdir(e, r) {
    var t = FS.lookupNode(e, r);
    for (var n in t.contents) throw new FS.ErrnoError(55);
    delete e.contents[r], e.ctime = e.mtime = Date.now();
  }, readdir(e) {
    return [".", "..", ...Object.keys(e.contents)];
  }, symlink(e, r, t) {
    var n = MEMFS.createNode(e, r, 41471, 0);
    return n.link = t, n;
  }, readlink(e) {
    if (!FS.isLink(e.mode)) throw new FS.ErrnoError(28);
    return e.link;
  } }, stream_ops: { read(e, r, t, n, i) {
    var o2 = e.node.contents;
    if (i >= e.node.usedBytes) return 0;
    var a2 = Math.min(e.node.usedBytes - i, n);
    return r.set(o2.subarray(i, i + a2), t), a2;
  }, write(e, r, t, n, i, o2) {
    if (r.buffer === HEAP8.buffer && (o2 = false), !n) return 0;
    var a2 = e.node;
    return a2.mtime = a2.ctime = Date.now(), o2 ? (a2.contents = r.subarray(t, t + n), a2.usedBytes = n) : !a2.usedBytes && !i ? (a2.contents = r.slice(t, t + n), a2.usedBytes = n) : (MEMFS.expandFileStorage(a2, i + n), a2.contents.set(r.subarray(t, t + n), i), a2.usedBytes = Math.max(a2.usedBytes, i + n)), n;
  }, llseek(e, r, t) {
    var n = r;
    if (t === 1 ? n += e.position : t === 2 && FS.isFile(e.node.mode) && (n += e.node.usedBytes), n < 0) throw new FS.ErrnoError(28);
    return n;
  }, mmap(e, r, t, n, i) {
    if (!FS.isFile(e.node.mode)) throw new FS.ErrnoError(43);
    var o2, a2, s2 = e.node.contents;
    if (!(i & 2) && s2.buffer === HEAP8.buffer) a2 = false, o2 = s2.byteOffset;
    else {
      if (a2 = true, o2 = mmapAlloc(r), !o2) throw new FS.ErrnoError(48);
      s2 && ((t > 0 || t + r < s2.length) && (s2.subarray ? s2 = s2.subarray(t, t + r) : s2 = Array.prototype.slice.call(s2, t, t + r)), HEAP8.set(s2, o2));
    }
    return { ptr: o2, allocated: a2 };
  }, msync(e, r, t, n, i) {
    return MEMFS.stream_ops.write(e, r, 0, n, t, false), 0;
  } } }, FS_modeStringToFlags = (e) => {
    if (typeof e != "string") return e;
    var r = { r: 0, "r+": 2, w: 577, "w+": 578, a: 1089, "a+": 1090 }[e];
    if (typeof r > "u") throw new Error(`Unknown file open mode: ${e}`);
    return r;
  }, FS_fileDataToTypedArray = (e) => (typeof e == "string" && (e = intArrayFromString(e, true)), e.subarray || (e = new Uint8Array(e)), e), FS_getMode = (e, r) => {
    var t = 0;
    return e && (t |= 365), r && (t |= 146), t;
  }, ERRNO_CODES = { EPERM: 63, ENOENT: 44, ESRCH: 71, EINTR: 27, EIO: 29, ENXIO: 60, E2BIG: 1, ENOEXEC: 45, EBADF: 8, ECHILD: 12, EAGAIN: 6, EWOULDBLOCK: 6, ENOMEM: 48, EACCES: 2, EFAULT: 21, ENOTBLK: 105, EBUSY: 10, EEXIST: 20, EXDEV: 75, ENODEV: 43, ENOTDIR: 54, EISDIR: 31, EINVAL: 28, ENFILE: 41, EMFILE: 33, ENOTTY: 59, ETXTBSY: 74, EFBIG: 22, ENOSPC: 51, ESPIPE: 70, EROFS: 69, EMLINK: 34, EPIPE: 64, EDOM: 18, ERANGE: 68, ENOMSG: 49, EIDRM: 24, ECHRNG: 106, EL2NSYNC: 156, EL3HLT: 107, EL3RST: 108, ELNRNG: 109, EUNATCH: 110, ENOCSI: 111, EL2HLT: 112, EDEADLK: 16, ENOLCK: 46, EBADE: 113, EBADR: 114, EXFULL: 115, ENOANO: 104, EBADRQC: 103, EBADSLT: 102, EDEADLOCK: 16, EBFONT: 101, ENOSTR: 100, ENODATA: 116, ETIME: 117, ENOSR: 118, ENONET: 119, ENOPKG: 120, EREMOTE: 121, ENOLINK: 47, EADV: 122, ESRMNT: 123, ECOMM: 124, EPROTO: 65, EMULTIHOP: 36, EDOTDOT: 125, EBADMSG: 9, ENOTUNIQ: 126, EBADFD: 127, EREMCHG: 128, ELIBACC: 129, ELIBBAD: 130, ELIBSCN: 131, ELIBMAX: 132, ELIBEXEC: 133, ENOSYS: 52, ENOTEMPTY: 55, ENAMETOOLONG: 37, ELOOP: 32, EOPNOTSUPP: 138, EPFNOSUPPORT: 139, ECONNRESET: 15, ENOBUFS: 42, EAFNOSUPPORT: 5, EPROTOTYPE: 67, ENOTSOCK: 57, ENOPROTOOPT: 50, ESHUTDOWN: 140, ECONNREFUSED: 14, EADDRINUSE: 3, ECONNABORTED: 13, ENETUNREACH: 40, ENETDOWN: 38, ETIMEDOUT: 73, EHOSTDOWN: 142, EHOSTUNREACH: 23, EINPROGRESS: 26, EALREADY: 7, EDESTADDRREQ: 17, EMSGSIZE: 35, EPROTONOSUPPORT: 66, ESOCKTNOSUPPORT: 137, EADDRNOTAVAIL: 4, ENETRESET: 39, EISCONN: 30, ENOTCONN: 53, ETOOMANYREFS: 141, EUSERS: 136, EDQUOT: 19, ESTALE: 72, ENOTSUP: 138, ENOMEDIUM: 148, EILSEQ: 25, EOVERFLOW: 61, ECANCELED: 11, ENOTRECOVERABLE: 56, EOWNERDEAD: 62, ESTRPIPE: 135 }, PROXYFS = { mount(e) {
    return PROXYFS.createNode(null, "/", e.opts.fs.lstat(e.opts.root).mode, 0);
  }, createNode(e, r, t, n) {
    if (!FS.isDir(t) && !FS.isFile(t) && !FS.isLink(t)) throw new FS.ErrnoError(ERRNO_CODES.EINVAL);
    var i = FS.createNode(e, r, t);
    return i.node_ops = PROXYFS.node_ops, i.stream_ops = PROXYFS.stream_ops, i;
  }, realPath(e) {
    for (var r = []; e.parent !== e; ) r.push(e.name), e = e.parent;
    return r.push(e.mount.opts.root), r.reverse(), PATH.join(...r);
  }, node_ops: { getattr(e) {
    var r = PROXYFS.realPath(e), t;
    try {
      t = e.mount.opts.fs.lstat(r);
    } catch (n) {
      throw n.code ? new FS.ErrnoError(ERRNO_CODES[n.code]) : n;
    }
    return { dev: t.dev, ino: t.ino, mode: t.mode, nlink: t.nlink, uid: t.uid, gid: t.gid, rdev: t.rdev, size: t.size, atime: t.atime, mtime: t.mtime, ctime: t.ctime, blksize: t.blksize, blocks: t.blocks };
  }, setattr(e, r) {
    var t = PROXYFS.realPath(e);
    try {
      if (r.mode !== void 0 && (e.mount.opts.fs.chmod(t, r.mode), e.mode = r.mode), r.atime || r.mtime) {
        var n = new Date(r.atime || r.mtime), i = new Date(r.mtime || r.atime);
        e.mount.opts.fs.utime(t, n, i);
      }
      r.size !== void 0 && e.mount.opts.fs.truncate(t, r.size);
    } catch (o2) {
      throw o2.code ? new FS.ErrnoError(ERRNO_CODES[o2.code]) : o2;
    }
  }, lookup(e, r) {
    try {
      var t = PATH.join2(PROXYFS.realPath(e), r), n = e.mount.opts.fs.lstat(t).mode, i = PROXYFS.createNode(e, r, n);
      return i;
    } catch (o2) {
      throw o2.code ? new FS.ErrnoError(ERRNO_CODES[o2.code]) : o2;
    }
  }, mknod(e, r, t, n) {
    var i = PROXYFS.createNode(e, r, t, n), o2 = PROXYFS.realPath(i);
    try {
      FS.isDir(i.mode) ? i.mount.opts.fs.mkdir(o2, i.mode) : i.mount.opts.fs.writeFile(o2, "", { mode: i.mode });
    } catch (a2) {
      throw a2.code ? new FS.ErrnoError(ERRNO_CODES[a2.code]) : a2;
    }
    return i;
  }, rename(e, r, t) {
    var n = PROXYFS.realPath(e), i = PATH.join2(PROXYFS.realPath(r), t);
    try {
      e.mount.opts.fs.rename(n, i), e.name = t;
    } catch (o2) {
      throw o2.code ? new FS.ErrnoError(ERRNO_CODES[o2.code]) : o2;
    }
  }, unlink(e, r) {
    var t = PATH.join2(PROXYFS.realPath(e), r);
    try {
      e.mount.opts.fs.unlink(t);
    } catch (n) {
      throw n.code ? new FS.ErrnoError(ERRNO_CODES[n.code]) : n;
    }
  }, rmdir(e, r) {
    var t = PATH.join2(PROXYFS.realPath(e), r);
    try {
      e.mount.opts.fs.rmdir(t);
    } catch (n) {
      throw n.code ? new FS.ErrnoError(ERRNO_CODES[n.code]) : n;
    }
  }, readdir(e) {
    var r = PROXYFS.realPath(e);
    try {
      return e.mount.opts.fs.readdir(r);
    } catch (t) {
      throw t.code ? new FS.ErrnoError(ERRNO_CODES[t.code]) : t;
    }
  }, symlink(e, r, t) {
    var n = PATH.join2(PROXYFS.realPath(e), r);
    try {
      e.mount.opts.fs.symlink(t, n);
    } catch (i) {
      throw i.code ? new FS.ErrnoError(ERRNO_CODES[i.code]) : i;
    }
  }, readlink(e) {
    var r = PROXYFS.realPath(e);
    try {
      return e.mount.opts.fs.readlink(r);
    } catch (t) {
      throw t.code ? new FS.ErrnoError(ERRNO_CODES[t.code]) : t;
    }
  } }, stream_ops: { open(e) {
    var r = PROXYFS.realPath(e.node);
    try {
      e.nfd = e.node.mount.opts.fs.open(r, e.flags);
    } catch (t) {
      throw t.code ? new FS.ErrnoError(ERRNO_CODES[t.code]) : t;
    }
  }, close(e) {
    try {
      e.node.mount.opts.fs.close(e.nfd);
    } catch (r) {
      throw r.code ? new FS.ErrnoError(ERRNO_CODES[r.code]) : r;
    }
  }, read(e, r, t, n, i) {
    try {
      return e.node.mount.opts.fs.read(e.nfd, r, t, n, i);
    } catch (o2) {
      throw o2.code ? new FS.ErrnoError(ERRNO_CODES[o2.code]) : o2;
    }
  }, write(e, r, t, n, i) {
    try {
      return e.node.mount.opts.fs.write(e.nfd, r, t, n, i);
    } catch (o2) {
      throw o2.code ? new FS.ErrnoError(ERRNO_CODES[o2.code]) : o2;
    }
  }, llseek(e, r, t) {
    var n = r;
    if (t === 1) n += e.position;
    else if (t === 2 && FS.isFile(e.node.mode)) try {
      var i = e.node.node_ops.getattr(e.node);
      n += i.size;
    } catch (o2) {
      throw new FS.ErrnoError(ERRNO_CODES[o2.code]);
    }
    if (n < 0) throw new FS.ErrnoError(ERRNO_CODES.EINVAL);
    return n;
  } } }, FS_createDataFile = (...e) => FS.createDataFile(...e), getUniqueRunDependency = (e) => e, dependenciesPromise = null, resolveRunDependencies = async () => dependenciesPromise, runDependencies = 0, dependenciesPromiseResolve = null, removeRunDependency = () => {
    runDependencies--, Module.monitorRunDependencies?.(runDependencies), runDependencies || dependenciesPromiseResolve();
  }, addRunDependency = () => {
    runDependencies || (dependenciesPromise = new Promise((e) => dependenciesPromiseResolve = e)), runDependencies++, Module.monitorRunDependencies?.(runDependencies);
  }, FS_handledByPreloadPlugin = async (e, r) => {
    typeof Browser < "u" && Browser.init();
    for (var t of preloadPlugins) if (t.canHandle(r)) return t.handle(e, r);
    return e;
  }, FS_preloadFile = async (e, r, t, n, i, o2, a2, s2) => {
    var l = r ? PATH_FS.resolve(PATH.join2(e, r)) : e, u2 = getUniqueRunDependency(`cp ${l}`);
    addRunDependency(u2);
    try {
      var c2 = t;
      typeof t == "string" && (c2 = await asyncLoad(t)), c2 = await FS_handledByPreloadPlugin(c2, l), s2?.(), o2 || FS_createDataFile(e, r, c2, n, i, a2);
    } finally {
      removeRunDependency(u2);
    }
  }, FS_createPreloadedFile = (e, r, t, n, i, o2, a2, s2, l, u2) => {
    FS_preloadFile(e, r, t, n, i, s2, l, u2).then(o2).catch(a2);
  }, FS = { root: null, mounts: [], devices: {}, streams: [], nextInode: 1, nameTable: [], currentPath: "/", initialized: false, ignorePermissions: true, syncFSRequests: 0, ErrnoError: class {
    constructor(e) {
      P(this, "name", "ErrnoError");
      this.errno = e;
    }
  }, FSStream: class {
    constructor() {
      P(this, "shared", {});
    }
    get object() {
      return this.node;
    }
    set object(e) {
      this.node = e;
    }
    get isRead() {
      return (this.flags & 2097155) !== 1;
    }
    get isWrite() {
      return (this.flags & 2097155) !== 0;
    }
    get isAppend() {
      return this.flags & 1024;
    }
    get flags() {
      return this.shared.flags;
    }
    set flags(e) {
      this.shared.flags = e;
    }
    get position() {
      return this.shared.position;
    }
    set position(e) {
      this.shared.position = e;
    }
  }, FSNode: class {
    constructor(e, r, t, n) {
      P(this, "node_ops", {});
      P(this, "stream_ops", {});
      P(this, "readMode", 365);
      P(this, "writeMode", 146);
      P(this, "mounted", null);
      e || (e = this), this.parent = e, this.mount = e.mount, this.id = FS.nextInode++, this.name = r, this.mode = t, this.rdev = n, this.atime = this.mtime = this.ctime = Date.now();
    }
    get read() {
      return (this.mode & this.readMode) === this.readMode;
    }
    set read(e) {
      e ? this.mode |= this.readMode : this.mode &= ~this.readMode;
    }
    get write() {
      return (this.mode & this.writeMode) === this.writeMode;
    }
    set write(e) {
      e ? this.mode |= this.writeMode : this.mode &= ~this.writeMode;
    }
    get isFolder() {
      return FS.isDir(this.mode);
    }
    get isDevice() {
      return FS.isChrdev(this.mode);
    }
    addListener(e, r = false) {
      var t = { cb: e, exclusive: r }, n = this.listeners ?? (this.listeners = /* @__PURE__ */ new Set());
      return n.add(t), { listeners: n, entry: t };
    }
    notifyListeners(e) {
      if (this.listeners) {
        var r;
        for (var t of this.listeners) t.exclusive ? (r || (r = [])).push(t) : t.cb(e);
        if (r) {
          var n = (this.exclTurn || 0) % r.length;
          this.exclTurn = n + 1, r[n].cb(e);
        }
      }
    }
  }, lookupPath(e, r = {}) {
    if (!e) throw new FS.ErrnoError(44);
    r.follow_mount ?? (r.follow_mount = true), PATH.isAbs(e) || (e = FS.cwd() + "/" + e);
    e: for (var t = 0; t < 40; t++) {
      for (var n = e.split("/").filter((u2) => !!u2), i = FS.root, o2 = "/", a2 = 0; a2 < n.length; a2++) {
        var s2 = a2 === n.length - 1;
        if (s2 && r.parent) break;
        if (n[a2] !== ".") {
          if (n[a2] === "..") {
            if (o2 = PATH.dirname(o2), FS.isRoot(i)) {
              e = o2 + "/" + n.slice(a2 + 1).join("/"), t--;
              continue e;
            } else i = i.parent;
            continue;
          }
          o2 = PATH.join2(o2, n[a2]);
          try {
            i = FS.lookupNode(i, n[a2]);
          } catch (u2) {
            if (u2?.errno === 44 && s2 && r.noent_okay) return { path: o2 };
            throw u2;
          }
          if (FS.isMountpoint(i) && (!s2 || r.follow_mount) && (i = i.mounted.root), FS.isLink(i.mode) && (!s2 || r.follow)) {
            if (!i.node_ops.readlink) throw new FS.ErrnoError(52);
            var l = i.node_ops.readlink(i);
            PATH.isAbs(l) || (l = PATH.dirname(o2) + "/" + l), e = l + "/" + n.slice(a2 + 1).join("/");
            continue e;
          }
        }
      }
      return { path: o2, node: i };
    }
    throw new FS.ErrnoError(32);
  }, getPath(e) {
    for (var r; ; ) {
      if (FS.isRoot(e)) {
        var t = e.mount.mountpoint;
        return r ? t[t.length - 1] !== "/" ? `${t}/${r}` : t + r : t;
      }
      r = r ? `${e.name}/${r}` : e.name, e = e.parent;
    }
  }, hashName(e, r) {
    for (var t = 0, n = 0; n < r.length; n++) t = (t << 5) - t + r.charCodeAt(n) | 0;
    return (e + t >>> 0) % FS.nameTable.length;
  }, hashAddNode(e) {
    var r = FS.hashName(e.parent.id, e.name);
    e.name_next = FS.nameTable[r], FS.nameTable[r] = e;
  }, hashRemoveNode(e) {
    var r = FS.hashName(e.parent.id, e.name);
    if (FS.nameTable[r] === e) FS.nameTable[r] = e.name_next;
    else for (var t = FS.nameTable[r]; t; ) {
      if (t.name_next === e) {
        t.name_next = e.name_next;
        break;
      }
      t = t.name_next;
    }
  }, lookupNode(e, r) {
    var t = FS.mayLookup(e);
    if (t) throw new FS.ErrnoError(t);
    for (var n = FS.hashName(e.id, r), i = FS.nameTable[n]; i; i = i.name_next) {
      var o2 = i.name;
      if (i.parent.id === e.id && o2 === r) return i;
    }
    return FS.lookup(e, r);
  }, createNode(e, r, t, n) {
    var i = new FS.FSNode(e, r, t, n);
    return FS.hashAddNode(i), i;
  }, destroyNode(e) {
    FS.hashRemoveNode(e);
  }, isRoot(e) {
    return e === e.parent;
  }, isMountpoint(e) {
    return !!e.mounted;
  }, isFile(e) {
    return (e & 61440) === 32768;
  }, isDir(e) {
    return (e & 61440) === 16384;
  }, isLink(e) {
    return (e & 61440) === 40960;
  }, isChrdev(e) {
    return (e & 61440) === 8192;
  }, isBlkdev(e) {
    return (e & 61440) === 24576;
  }, isFIFO(e) {
    return (e & 61440) === 4096;
  }, isSocket(e) {
    return (e & 49152) === 49152;
  }, flagsToPermissionString(e) {
    var r = ["r", "w", "rw"][e & 3];
    return e & 512 && (r += "w"), r;
  }, nodePermissions(e, r) {
    return FS.ignorePermissions ? 0 : r.includes("r") && !(e.mode & 292) || r.includes("w") && !(e.mode & 146) || r.includes("x") && !(e.mode & 73) ? 2 : 0;
  }, mayLookup(e) {
    if (!FS.isDir(e.mode)) return 54;
    var r = FS.nodePermissions(e, "x");
    return r || (e.node_ops.lookup ? 0 : 2);
  }, mayCreate(e, r) {
    if (!FS.isDir(e.mode)) return 54;
    try {
      return FS.lookupNode(e, r), 20;
    } catch {
    }
    return FS.nodePermissions(e, "wx");
  }, mayDelete(e, r, t) {
    var n;
    try {
      n = FS.lookupNode(e, r);
    } catch (o2) {
      return o2.errno;
    }
    var i = FS.nodePermissions(e, "wx");
    if (i) return i;
    if (t) {
      if (!FS.isDir(n.mode)) return 54;
      if (FS.isRoot(n) || FS.getPath(n) === FS.cwd()) return 10;
    } else if (FS.isDir(n.mode)) return 31;
    return 0;
  }, mayOpen(e, r) {
    if (!e) return 44;
    if (FS.isLink(e.mode)) return 32;
    var t = FS.flagsToPermissionString(r);
    return FS.isDir(e.mode) && (t !== "r" || r & 576) ? 31 : FS.nodePermissions(e, t);
  }, checkOpExists(e, r) {
    if (!e) throw new FS.ErrnoError(r);
    return e;
  }, MAX_OPEN_FDS: 4096, nextfd() {
    for (var e = 0; e <= FS.MAX_OPEN_FDS; e++) if (!FS.streams[e]) return e;
    throw new FS.ErrnoError(33);
  }, getStreamChecked(e) {
    var r = FS.getStream(e);
    if (!r) throw new FS.ErrnoError(8);
    return r;
  }, getStream: (e) => FS.streams[e], createStream(e, r = -1) {
    return e = Object.assign(new FS.FSStream(), e), r == -1 && (r = FS.nextfd()), e.fd = r, FS.streams[r] = e, e;
  }, closeStream(e) {
    FS.streams[e] = null;
  }, dupStream(e, r = -1) {
    var t = FS.createStream(e, r);
    return t.stream_ops?.dup?.(t), t;
  }, doSetAttr(e, r, t) {
    var n = e?.stream_ops.setattr, i = n ? e : r;
    n ?? (n = r.node_ops.setattr), FS.checkOpExists(n, 63);
    try {
      n(i, t);
    } catch (o2) {
      throw o2 instanceof RangeError ? new FS.ErrnoError(22) : o2;
    }
  }, chrdev_stream_ops: { open(e) {
    var r = FS.getDevice(e.node.rdev);
    e.stream_ops = r.stream_ops, e.stream_ops.open?.(e);
  }, llseek() {
    throw new FS.ErrnoError(70);
  } }, major: (e) => e >> 8, minor: (e) => e & 255, makedev: (e, r) => e << 8 | r, registerDevice(e, r) {
    FS.devices[e] = { stream_ops: r };
  }, getDevice: (e) => FS.devices[e], getMounts(e) {
    for (var r = [], t = [e]; t.length; ) {
      var n = t.pop();
      r.push(n), t.push(...n.mounts);
    }
    return r;
  }, syncfs(e, r) {
    typeof e == "function" && (r = e, e = false), FS.syncFSRequests++, FS.syncFSRequests > 1 && err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);
    var t = FS.getMounts(FS.root.mount), n = 0;
    function i(s2) {
      return FS.syncFSRequests--, r(s2);
    }
    function o2(s2) {
      if (s2) return o2.errored ? void 0 : (o2.errored = true, i(s2));
      ++n >= t.length && i(null);
    }
    for (var a2 of t) a2.type.syncfs ? a2.type.syncfs(a2, e, o2) : o2(null);
  }, mount(e, r, t) {
    var n = t === "/", i = !t, o2;
    if (n && FS.root) throw new FS.ErrnoError(10);
    if (!n && !i) {
      var a2 = FS.lookupPath(t, { follow_mount: false });
      if (t = a2.path, o2 = a2.node, FS.isMountpoint(o2)) throw new FS.ErrnoError(10);
      if (!FS.isDir(o2.mode)) throw new FS.ErrnoError(54);
    }
    var s2 = { type: e, opts: r, mountpoint: t, mounts: [] }, l = e.mount(s2);
    return l.mount = s2, s2.root = l, n ? FS.root = l : o2 && (o2.mounted = s2, o2.mount && o2.mount.mounts.push(s2)), l;
  }, unmount(e) {
    var r = FS.lookupPath(e, { follow_mount: false });
    if (!FS.isMountpoint(r.node)) throw new FS.ErrnoError(28);
    var t = r.node, n = t.mounted, i = FS.getMounts(n);
    for (var [o2, a2] of Object.entries(FS.nameTable)) for (; a2; ) {
      var s2 = a2.name_next;
      i.includes(a2.mount) && FS.destroyNode(a2), a2 = s2;
    }
    t.mounted = null;
    var l = t.mount.mounts.indexOf(n);
    t.mount.mounts.splice(l, 1);
  }, lookup(e, r) {
    return e.node_ops.lookup(e, r);
  }, mknod(e, r, t) {
    var n = FS.lookupPath(e, { parent: true }), i = n.node, o2 = PATH.basename(e);
    if (!o2) throw new FS.ErrnoError(28);
    if (o2 === "." || o2 === "..") throw new FS.ErrnoError(20);
    var a2 = FS.mayCreate(i, o2);
    if (a2) throw new FS.ErrnoError(a2);
    if (!i.node_ops.mknod) throw new FS.ErrnoError(63);
    return i.node_ops.mknod(i, o2, r, t);
  }, statfs(e) {
    return FS.statfsNode(FS.lookupPath(e, { follow: true }).node);
  }, statfsStream(e) {
    return FS.statfsNode(e.node);
  }, statfsNode(e) {
    var r = { bsize: 4096, frsize: 4096, blocks: 1e6, bfree: 5e5, bavail: 5e5, files: FS.nextInode, ffree: FS.nextInode - 1, fsid: 42, flags: 2, namelen: 255 };
    return e.node_ops.statfs && Object.assign(r, e.node_ops.statfs(e.mount.opts.root)), r;
  }, create(e, r = 438) {
    return r &= 4095, r |= 32768, FS.mknod(e, r, 0);
  }, mkdir(e, r = 511) {
    return r &= 1023, r |= 16384, FS.mknod(e, r, 0);
  }, mkdirTree(e, r = 511) {
    var t = e.split("/"), n = "";
    for (var i of t) if (i) {
      (n || PATH.isAbs(e)) && (n += "/"), n += i;
      try {
        FS.mkdir(n, r);
      } catch (o2) {
        if (o2.errno != 20) throw o2;
      }
    }
  }, mkdev(e, r, t) {
    return typeof t > "u" && (t = r, r = 438), r |= 8192, FS.mknod(e, r, t);
  }, symlink(e, r) {
    if (!PATH_FS.resolve(e)) throw new FS.ErrnoError(44);
    var t = FS.lookupPath(r, { parent: true }), n = t.node;
    if (!n) throw new FS.ErrnoError(44);
    var i = PATH.basename(r), o2 = FS.mayCreate(n, i);
    if (o2) throw new FS.ErrnoError(o2);
    if (!n.node_ops.symlink) throw new FS.ErrnoError(63);
    return n.node_ops.symlink(n, i, e);
  }, link(e, r, t) {
    var n = FS.lookupPath(r, { parent: true }), i = n.node;
    if (!i) throw new FS.ErrnoError(44);
    var o2 = PATH.basename(r), a2 = FS.mayCreate(i, o2);
    if (a2) throw new FS.ErrnoError(a2);
    if (!i.node_ops.link) throw new FS.ErrnoError(34);
    return i.node_ops.link(i, o2, e, t);
  }, rename(e, r) {
    var t = PATH.dirname(e), n = PATH.dirname(r), i = PATH.basename(e), o2 = PATH.basename(r), a2, s2, l;
    if (a2 = FS.lookupPath(e, { parent: true }), s2 = a2.node, a2 = FS.lookupPath(r, { parent: true }), l = a2.node, !s2 || !l) throw new FS.ErrnoError(44);
    if (s2.mount !== l.mount) throw new FS.ErrnoError(75);
    var u2 = FS.lookupNode(s2, i), c2 = PATH_FS.relative(e, n);
    if (c2.charAt(0) !== ".") throw new FS.ErrnoError(28);
    if (c2 = PATH_FS.relative(r, t), c2.charAt(0) !== ".") throw new FS.ErrnoError(55);
    var _;
    try {
      _ = FS.lookupNode(l, o2);
    } catch {
    }
    if (u2 !== _) {
      var m2 = FS.isDir(u2.mode), f2 = FS.mayDelete(s2, i, m2);
      if (f2) throw new FS.ErrnoError(f2);
      if (f2 = _ ? FS.mayDelete(l, o2, m2) : FS.mayCreate(l, o2), f2) throw new FS.ErrnoError(f2);
      if (!s2.node_ops.rename) throw new FS.ErrnoError(63);
      if (FS.isMountpoint(u2) || _ && FS.isMountpoint(_)) throw new FS.ErrnoError(10);
      if (l !== s2 && (f2 = FS.nodePermissions(s2, "w"), f2)) throw new FS.ErrnoError(f2);
      FS.hashRemoveNode(u2);
      try {
        s2.node_ops.rename(u2, l, o2), _ && FS.hashRemoveNode(_), u2.parent = l;
      } catch (p2) {
        throw p2;
      } finally {
        FS.hashAddNode(u2);
      }
    }
  }, rmdir(e) {
    var r = FS.lookupPath(e, { parent: true }), t = r.node, n = PATH.basename(e), i = FS.lookupNode(t, n), o2 = FS.mayDelete(t, n, true);
    if (o2) throw new FS.ErrnoError(o2);
    if (!t.node_ops.rmdir) throw new FS.ErrnoError(63);
    if (FS.isMountpoint(i)) throw new FS.ErrnoError(10);
    t.node_ops.rmdir(t, n), FS.destroyNode(i);
  }, readdir(e) {
    var r = FS.lookupPath(e, { follow: true }), t = r.node, n = FS.checkOpExists(t.node_ops.readdir, 54);
    return n(t);
  }, unlink(e) {
    var r = FS.lookupPath(e, { parent: true }), t = r.node;
    if (!t) throw new FS.ErrnoError(44);
    var n = PATH.basename(e), i = FS.lookupNode(t, n), o2 = FS.mayDelete(t, n, false);
    if (o2) throw new FS.ErrnoError(o2);
    if (!t.node_ops.unlink) throw new FS.ErrnoError(63);
    if (FS.isMountpoint(i)) throw new FS.ErrnoError(10);
    t.node_ops.unlink(t, n), FS.destroyNode(i);
  }, readlink(e) {
    var r = FS.lookupPath(e), t = r.node;
    if (!t) throw new FS.ErrnoError(44);
    if (!t.node_ops.readlink) throw new FS.ErrnoError(28);
    return t.node_ops.readlink(t);
  }, stat(e, r = false) {
    var t = FS.lookupPath(e, { follow: !r }), n = t.node, i = FS.checkOpExists(n.node_ops.getattr, 63);
    return i(n);
  }, fstat(e) {
    var r = FS.getStreamChecked(e), t = r.node, n = r.stream_ops.getattr, i = n ? r : t;
    return n ?? (n = t.node_ops.getattr), FS.checkOpExists(n, 63), n(i);
  }, lstat(e) {
    return FS.stat(e, true);
  }, doChmod(e, r, t, n = false) {
    FS.doSetAttr(e, r, { mode: t & 4095 | r.mode & -4096, ctime: Date.now(), dontFollow: n });
  }, chmod(e, r, t = false) {
    var n;
    if (typeof e == "string") {
      var i = FS.lookupPath(e, { follow: !t });
      n = i.node;
    } else n = e;
    FS.doChmod(null, n, r, t);
  }, lchmod(e, r) {
    FS.chmod(e, r, true);
  }, fchmod(e, r) {
    var t = FS.getStreamChecked(e);
    FS.doChmod(t, t.node, r, false);
  }, doChown(e, r, t = false) {
    FS.doSetAttr(e, r, { timestamp: Date.now(), dontFollow: t });
  }, chown(e, r, t, n = false) {
    var i;
    if (typeof e == "string") {
      var o2 = FS.lookupPath(e, { follow: !n });
      i = o2.node;
    } else i = e;
    FS.doChown(null, i, n);
  }, lchown(e, r, t) {
    FS.chown(e, r, t, true);
  }, fchown(e, r, t) {
    var n = FS.getStreamChecked(e);
    FS.doChown(n, n.node, false);
  }, doTruncate(e, r, t) {
    if (FS.isDir(r.mode)) throw new FS.ErrnoError(31);
    if (!FS.isFile(r.mode)) throw new FS.ErrnoError(28);
    var n = FS.nodePermissions(r, "w");
    if (n) throw new FS.ErrnoError(n);
    FS.doSetAttr(e, r, { size: t, timestamp: Date.now() });
  }, truncate(e, r) {
    if (r < 0) throw new FS.ErrnoError(28);
    var t;
    if (typeof e == "string") {
      var n = FS.lookupPath(e, { follow: true });
      t = n.node;
    } else t = e;
    FS.doTruncate(null, t, r);
  }, ftruncate(e, r) {
    var t = FS.getStreamChecked(e);
    if (r < 0 || (t.flags & 2097155) === 0) throw new FS.ErrnoError(28);
    FS.doTruncate(t, t.node, r);
  }, utime(e, r, t, n = false) {
    var i = FS.lookupPath(e, { follow: !n });
    FS.doSetAttr(null, i.node, { atime: r, mtime: t, dontFollow: n });
  }, open(e, r, t = 438) {
    if (e === "") throw new FS.ErrnoError(44);
    r = FS_modeStringToFlags(r), r & 64 ? t = t & 4095 | 32768 : t = 0;
    var n, i;
    if (typeof e == "object") n = e;
    else {
      i = e.endsWith("/");
      var o2 = FS.lookupPath(e, { follow: !(r & 131072), noent_okay: true });
      n = o2.node, e = o2.path;
    }
    var a2 = false;
    if (r & 64) if (n) {
      if (r & 128) throw new FS.ErrnoError(20);
    } else {
      if (i) throw new FS.ErrnoError(31);
      n = FS.mknod(e, t | 511, 0), a2 = true;
    }
    if (!n) throw new FS.ErrnoError(44);
    if (FS.isChrdev(n.mode) && (r &= -513), r & 65536 && !FS.isDir(n.mode)) throw new FS.ErrnoError(54);
    if (!a2) {
      var s2 = FS.mayOpen(n, r);
      if (s2) throw new FS.ErrnoError(s2);
    }
    r & 512 && !a2 && FS.truncate(n, 0), r &= -131713;
    var l = FS.createStream({ node: n, path: FS.getPath(n), flags: r, seekable: true, position: 0, stream_ops: n.stream_ops, ungotten: [], error: false });
    return l.stream_ops.open && l.stream_ops.open(l), a2 && FS.chmod(n, t & 511), l;
  }, close(e) {
    if (FS.isClosed(e)) throw new FS.ErrnoError(8);
    e.getdents && (e.getdents = null), e.node?.notifyListeners(32);
    try {
      e.stream_ops.close && e.stream_ops.close(e);
    } catch (r) {
      throw r;
    } finally {
      FS.closeStream(e.fd);
    }
    e.fd = null;
  }, isClosed(e) {
    return e.fd === null;
  }, llseek(e, r, t) {
    if (FS.isClosed(e)) throw new FS.ErrnoError(8);
    if (!e.seekable || !e.stream_ops.llseek) throw new FS.ErrnoError(70);
    if (t != 0 && t != 1 && t != 2) throw new FS.ErrnoError(28);
    return e.position = e.stream_ops.llseek(e, r, t), e.ungotten = [], e.position;
  }, read(e, r, t, n, i) {
    if (n < 0 || i < 0) throw new FS.ErrnoError(28);
    if (FS.isClosed(e)) throw new FS.ErrnoError(8);
    if ((e.flags & 2097155) === 1) throw new FS.ErrnoError(8);
    if (FS.isDir(e.node.mode)) throw new FS.ErrnoError(31);
    if (!e.stream_ops.read) throw new FS.ErrnoError(28);
    var o2 = typeof i < "u";
    if (!o2) i = e.position;
    else if (!e.seekable) throw new FS.ErrnoError(70);
    var a2 = e.stream_ops.read(e, r, t, n, i);
    return o2 || (e.position += a2), a2;
  }, write(e, r, t, n, i, o2) {
    if (n < 0 || i < 0) throw new FS.ErrnoError(28);
    if (FS.isClosed(e)) throw new FS.ErrnoError(8);
    if ((e.flags & 2097155) === 0) throw new FS.ErrnoError(8);
    if (FS.isDir(e.node.mode)) throw new FS.ErrnoError(31);
    if (!e.stream_ops.write) throw new FS.ErrnoError(28);
    e.seekable && e.flags & 1024 && FS.llseek(e, 0, 2);
    var a2 = typeof i < "u";
    if (!a2) i = e.position;
    else if (!e.seekable) throw new FS.ErrnoError(70);
    var s2 = e.stream_ops.write(e, r, t, n, i, o2);
    return a2 || (e.position += s2), s2;
  }, mmap(e, r, t, n, i) {
    if (n & 2 && !(i & 2) && (e.flags & 2097155) !== 2) throw new FS.ErrnoError(2);
    if ((e.flags & 2097155) === 1) throw new FS.ErrnoError(2);
    if (!e.stream_ops.mmap) throw new FS.ErrnoError(43);
    if (!r) throw new FS.ErrnoError(28);
    return e.stream_ops.mmap(e, r, t, n, i);
  }, msync(e, r, t, n, i) {
    return e.stream_ops.msync ? e.stream_ops.msync(e, r, t, n, i) : 0;
  }, ioctl(e, r, t) {
    if (!e.stream_ops.ioctl) throw new FS.ErrnoError(59);
    return e.stream_ops.ioctl(e, r, t);
  }, readFile(e, r = {}) {
    r.flags ?? (r.flags = 0), r.encoding ?? (r.encoding = "binary"), r.encoding !== "utf8" && r.encoding !== "binary" && abort(`Invalid encoding type "${r.encoding}"`);
    var t = FS.open(e, r.flags), n = FS.stat(e), i = n.size, o2 = new Uint8Array(i);
    return FS.read(t, o2, 0, i, 0), r.encoding === "utf8" && (o2 = UTF8ArrayToString(o2)), FS.close(t), o2;
  }, writeFile(e, r, t = {}) {
    t.flags ?? (t.flags = 577);
    var n = FS.open(e, t.flags, t.mode);
    r = FS_fileDataToTypedArray(r), FS.write(n, r, 0, r.byteLength, void 0, t.canOwn), FS.close(n);
  }, cwd: () => FS.currentPath, chdir(e) {
    var r = FS.lookupPath(e, { follow: true });
    if (r.node === null) throw new FS.ErrnoError(44);
    if (!FS.isDir(r.node.mode)) throw new FS.ErrnoError(54);
    var t = FS.nodePermissions(r.node, "x");
    if (t) throw new FS.ErrnoError(t);
    FS.currentPath = r.path;
  }, createDefaultDirectories() {
    FS.mkdir("/tmp"), FS.mkdir("/home"), FS.mkdir("/home/web_user");
  }, createDefaultDevices() {
    FS.mkdir("/dev"), FS.registerDevice(FS.makedev(1, 3), { read: () => 0, write: (n, i, o2, a2) => a2, llseek: () => 0 }), FS.mkdev("/dev/null", FS.makedev(1, 3)), TTY.register(FS.makedev(5, 0), TTY.default_tty_ops), TTY.register(FS.makedev(6, 0), TTY.default_tty1_ops), FS.mkdev("/dev/tty", FS.makedev(5, 0)), FS.mkdev("/dev/tty1", FS.makedev(6, 0));
    var e = new Uint8Array(1024), r = 0, t = () => (r || (randomFill(e), r = e.byteLength), e[--r]);
    FS.createDevice("/dev", "random", t), FS.createDevice("/dev", "urandom", t), FS.mkdir("/dev/shm"), FS.mkdir("/dev/shm/tmp");
  }, createSpecialDirectories() {
    FS.mkdir("/proc");
    var e = FS.mkdir("/proc/self");
    FS.mkdir("/proc/self/fd"), FS.mount({ mount() {
      var r = FS.createNode(e, "fd", 16895, 73);
      return r.stream_ops = { llseek: MEMFS.stream_ops.llseek }, r.node_ops = { lookup(t, n) {
        var i = +n, o2 = FS.getStreamChecked(i), a2 = { parent: null, mount: { mountpoint: "fake" }, node_ops: { readlink: () => o2.path }, id: i + 1 };
        return a2.parent = a2, a2;
      }, readdir() {
        return Array.from(FS.streams.entries()).filter(([t, n]) => n).map(([t, n]) => t.toString());
      } }, r;
    } }, {}, "/proc/self/fd");
  }, createStandardStreams(e, r, t) {
    e ? FS.createDevice("/dev", "stdin", e) : FS.symlink("/dev/tty", "/dev/stdin"), r ? FS.createDevice("/dev", "stdout", null, r) : FS.symlink("/dev/tty", "/dev/stdout"), t ? FS.createDevice("/dev", "stderr", null, t) : FS.symlink("/dev/tty1", "/dev/stderr"), FS.open("/dev/stdin", 0), FS.open("/dev/stdout", 1), FS.open("/dev/stderr", 1);
  }, staticInit() {
    FS.nameTable.length = 4096, FS.mount(MEMFS, {}, "/"), FS.createDefaultDirectories(), FS.createDefaultDevices(), FS.createSpecialDirectories();
  }, init(e, r, t) {
    FS.initialized = true, e ?? (e = Module.stdin), r ?? (r = Module.stdout), t ?? (t = Module.stderr), FS.createStandardStreams(e, r, t);
  }, quit() {
    FS.initialized = false, _fflush(0);
    for (var e of FS.streams) e && FS.close(e);
  }, analyzePath(e, r = false) {
    try {
      var t = FS.lookupPath(e, { follow: !r });
      e = t.path;
    } catch {
    }
    var n = { isRoot: false, exists: false, error: 0, name: null, path: null, object: null, parentExists: false, parentPath: null, parentObject: null };
    try {
      t = FS.lookupPath(e, { parent: true }), n.parentExists = true, n.parentPath = t.path, n.parentObject = t.node, n.name = PATH.basename(e), t = FS.lookupPath(e, { follow: !r }), n.exists = true, n.path = t.path, n.object = t.node, n.name = t.node.name, n.isRoot = t.path === "/";
    } catch (i) {
      n.error = i.errno;
    }
    return n;
  }, createPath(e, r, t, n) {
    e = typeof e == "string" ? e : FS.getPath(e);
    for (var i = r.split("/").reverse(); i.length; ) {
      var o2 = i.pop();
      if (o2) {
        var a2 = PATH.join2(e, o2);
        try {
          FS.mkdir(a2);
        } catch (s2) {
          if (s2.errno != 20) throw s2;
        }
        e = a2;
      }
    }
    return a2;
  }, createFile(e, r, t, n, i) {
    var o2 = PATH.join2(typeof e == "string" ? e : FS.getPath(e), r), a2 = FS_getMode(n, i);
    return FS.create(o2, a2);
  }, createDataFile(e, r, t, n, i, o2) {
    var a2 = r;
    e && (e = typeof e == "string" ? e : FS.getPath(e), a2 = r ? PATH.join2(e, r) : e);
    var s2 = FS_getMode(n, i), l = FS.create(a2, s2);
    if (t) {
      t = FS_fileDataToTypedArray(t), FS.chmod(l, s2 | 146);
      var u2 = FS.open(l, 577);
      FS.write(u2, t, 0, t.length, 0, o2), FS.close(u2), FS.chmod(l, s2);
    }
  }, createDevice(e, r, t, n) {
    var s2;
    var i = PATH.join2(typeof e == "string" ? e : FS.getPath(e), r), o2 = FS_getMode(!!t, !!n);
    (s2 = FS.createDevice).major ?? (s2.major = 64);
    var a2 = FS.makedev(FS.createDevice.major++, 0);
    return FS.registerDevice(a2, { open(l) {
      l.seekable = false;
    }, close(l) {
      n?.buffer?.length && n(10);
    }, read(l, u2, c2, _, m2) {
      for (var f2 = 0, p2 = 0; p2 < _; p2++) {
        var F;
        try {
          F = t();
        } catch {
          throw new FS.ErrnoError(29);
        }
        if (F === void 0 && !f2) throw new FS.ErrnoError(6);
        if (F == null) break;
        f2++, u2[c2 + p2] = F;
      }
      return f2 && (l.node.atime = Date.now()), f2;
    }, write(l, u2, c2, _, m2) {
      for (var f2 = 0; f2 < _; f2++) try {
        n(u2[c2 + f2]);
      } catch {
        throw new FS.ErrnoError(29);
      }
      return _ && (l.node.mtime = l.node.ctime = Date.now()), f2;
    } }), FS.mkdev(i, o2, a2);
  }, forceLoadFile(e) {
    if (e.isDevice || e.isFolder || e.link || e.contents) return true;
    if (globalThis.XMLHttpRequest) abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");
    else try {
      e.contents = readBinary(e.url);
    } catch {
      throw new FS.ErrnoError(29);
    }
  }, createLazyFile(e, r, t, n, i) {
    class o2 {
      constructor() {
        P(this, "lengthKnown", false);
        P(this, "chunks", []);
      }
      get(m2) {
        if (!(m2 > this.length - 1 || m2 < 0)) {
          var f2 = m2 % this.chunkSize, p2 = m2 / this.chunkSize | 0;
          return this.getter(p2)[f2];
        }
      }
      setDataGetter(m2) {
        this.getter = m2;
      }
      cacheLength() {
        var m2 = new XMLHttpRequest();
        m2.open("HEAD", t, false), m2.send(null), m2.status >= 200 && m2.status < 300 || m2.status === 304 || abort(`Couldn't load ${t}. Status: ${m2.status}`);
        var f2 = Number(m2.getResponseHeader("Content-length")), p2, F = (p2 = m2.getResponseHeader("Accept-Ranges")) && p2 === "bytes", S2 = (p2 = m2.getResponseHeader("Content-Encoding")) && p2 === "gzip", E = 1048576;
        F || (E = f2);
        var y2 = (d2, g2) => {
          d2 > g2 && abort(`invalid range (${d2}, ${g2}) or no bytes requested!`), g2 > f2 - 1 && abort(`only ${f2} bytes available! programmer error!`);
          var v2 = new XMLHttpRequest();
          return v2.open("GET", t, false), f2 !== E && v2.setRequestHeader("Range", `bytes=${d2}-${g2}`), v2.responseType = "arraybuffer", v2.overrideMimeType && v2.overrideMimeType("text/plain; charset=x-user-defined"), v2.send(null), v2.status >= 200 && v2.status < 300 || v2.status === 304 || abort(`Couldn't load ${t}. Status: ${v2.status}`), v2.response !== void 0 ? new Uint8Array(v2.response || []) : intArrayFromString(v2.responseText ?? "", true);
        }, A = this;
        A.setDataGetter((d2) => {
          var g2 = d2 * E, v2 = (d2 + 1) * E - 1;
          return v2 = Math.min(v2, f2 - 1), typeof A.chunks[d2] > "u" && (A.chunks[d2] = y2(g2, v2)), typeof A.chunks[d2] > "u" && abort("doXHR failed!"), A.chunks[d2];
        }), (S2 || !f2) && (E = f2 = 1, f2 = this.getter(0).length, E = f2, out("LazyFiles on gzip forces download of the whole file when length is accessed")), this._length = f2, this._chunkSize = E, this.lengthKnown = true;
      }
      get length() {
        return this.lengthKnown || this.cacheLength(), this._length;
      }
      get chunkSize() {
        return this.lengthKnown || this.cacheLength(), this._chunkSize;
      }
    }
    if (globalThis.XMLHttpRequest) {
      ENVIRONMENT_IS_WORKER || abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");
      var a2 = new o2(), s2 = { isDevice: false, contents: a2 };
    } else s2 = { isDevice: false, url: t };
    var l = FS.createFile(e, r, s2, n, i);
    s2.contents ? l.contents = s2.contents : s2.url && (l.contents = null, l.url = s2.url), Object.defineProperties(l, { usedBytes: { get: function() {
      return this.contents.length;
    } } });
    var u2 = {};
    for (let [_, m2] of Object.entries(l.stream_ops)) u2[_] = (...f2) => (FS.forceLoadFile(l), m2(...f2));
    function c2(_, m2, f2, p2, F) {
      var S2 = _.node.contents;
      if (F >= S2.length) return 0;
      var E = Math.min(S2.length - F, p2);
      if (S2.slice) for (var y2 = 0; y2 < E; y2++) m2[f2 + y2] = S2[F + y2];
      else for (y2 = 0; y2 < E; y2++) m2[f2 + y2] = S2.get(F + y2);
      return E;
    }
    return u2.read = (_, m2, f2, p2, F) => (FS.forceLoadFile(l), c2(_, m2, f2, p2, F)), u2.mmap = (_, m2, f2) => {
      FS.forceLoadFile(l);
      var p2 = mmapAlloc(m2);
      if (!p2) throw new FS.ErrnoError(48);
      return c2(_, HEAP8, p2, m2, f2), { ptr: p2, allocated: true };
    }, l.stream_ops = u2, l;
  } }, findLibraryFS = (e, r) => {
    if (runtimeInitialized) {
      if (PATH.isAbs(e)) try {
        return FS.lookupPath(e), e;
      } catch {
        return;
      }
      var t = (r?.paths || []).map((n) => replaceORIGIN(r?.parentLibPath, n));
      return withStackSave(() => {
        var n = stackAlloc(512), i = stringToUTF8OnStack(t.join(":")), o2 = stringToUTF8OnStack(e), a2 = __emscripten_find_dylib(n, i, o2, 512);
        return a2 ? UTF8ToString(a2) : void 0;
      });
    }
  };
  function loadDynamicLibrary(e, r = { global: true, nodelete: true }, t, n) {
    var i = LDSO.loadedLibsByName[e];
    if (i) return r.global ? i.global || (i.global = true, mergeLibSymbols(i.exports, e)) : t && Object.assign(t, i.exports), r.nodelete && i.refcount !== 1 / 0 && (i.refcount = 1 / 0), i.refcount++, n && (LDSO.loadedLibsByHandle[n] = i), r.loadAsync ? Promise.resolve(true) : true;
    i = newDSO(e, n, "loading"), i.refcount = r.nodelete ? 1 / 0 : 1, i.global = r.global;
    function o2() {
      if (n) {
        var l = HEAPU32[n + 28 >> 2], u2 = HEAPU32[n + 32 >> 2];
        if (l && u2) {
          var c2 = HEAP8.slice(l, l + u2);
          return r.loadAsync ? Promise.resolve(c2) : c2;
        }
      }
      var _ = findLibraryFS(e, r.rpath);
      if (_) return c2 = FS.readFile(_, { encoding: "binary" }), r.loadAsync ? Promise.resolve(c2) : c2;
      var m2 = locateFile(e);
      if (r.loadAsync) return asyncLoad(m2);
      if (!readBinary) throw new Error(`${m2}: file not found, and synchronous loading of external files is not available`);
      return readBinary(m2);
    }
    function a2() {
      var l = preloadedWasm[e];
      return l ? r.loadAsync ? Promise.resolve(l) : l : r.loadAsync ? o2().then((u2) => loadWebAssemblyModule(u2, r, e, t, n)) : loadWebAssemblyModule(o2(), r, e, t, n);
    }
    function s2(l) {
      i.global ? mergeLibSymbols(l, e) : t && Object.assign(t, l), i.exports = l;
    }
    return r.loadAsync ? a2().then((l) => (s2(l), true)) : (s2(a2()), true);
  }
  var reportUndefinedSymbols = () => {
    for (var [e, r] of Object.entries(GOT)) if (r.value == -1) {
      var t = resolveGlobalSymbol(e, true).sym;
      if (!t && !r.required) {
        r.value = 0;
        continue;
      }
      if (typeof t == "function") r.value = addFunction(t, t.sig);
      else if (typeof t == "number") r.value = t;
      else if (typeof t.value == "number") r.value = t;
      else throw new Error(`bad export type for '${e}': ${typeof t} (${t})`);
    }
  }, loadDylibs = async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    for (var e of dynamicLibraries) await loadDynamicLibrary(e, { loadAsync: true, global: true, nodelete: true, allowUndefined: true });
    reportUndefinedSymbols();
  }, noExitRuntime = false, ___call_sighandler = (e, r) => getWasmTableEntry(e)(r);
  ___call_sighandler.sig = "vpi";
  var SYSCALLS = { currentUmask: 18, calculateAt(e, r, t = false) {
    if (PATH.isAbs(r)) return r;
    var n;
    if (e === -100) n = FS.cwd();
    else {
      var i = SYSCALLS.getStreamFromFD(e);
      n = i.path;
    }
    if (r.length == 0) {
      if (!t) throw new FS.ErrnoError(44);
      return n;
    }
    return n + "/" + r;
  }, writeStat(e, r) {
    HEAPU32[e >> 2] = r.dev, HEAPU32[e + 4 >> 2] = r.mode, HEAPU32[e + 8 >> 2] = r.nlink, HEAPU32[e + 12 >> 2] = r.uid, HEAPU32[e + 16 >> 2] = r.gid, HEAPU32[e + 20 >> 2] = r.rdev, HEAP64[e + 24 >> 3] = BigInt(r.size), HEAP32[e + 32 >> 2] = 4096, HEAP32[e + 36 >> 2] = r.blocks;
    var t = r.atime.getTime(), n = r.mtime.getTime(), i = r.ctime.getTime();
    return HEAP64[e + 40 >> 3] = BigInt(Math.floor(t / 1e3)), HEAPU32[e + 48 >> 2] = t % 1e3 * 1e3 * 1e3, HEAP64[e + 56 >> 3] = BigInt(Math.floor(n / 1e3)), HEAPU32[e + 64 >> 2] = n % 1e3 * 1e3 * 1e3, HEAP64[e + 72 >> 3] = BigInt(Math.floor(i / 1e3)), HEAPU32[e + 80 >> 2] = i % 1e3 * 1e3 * 1e3, HEAP64[e + 88 >> 3] = BigInt(r.ino), 0;
  }, writeStatFs(e, r) {
    HEAPU32[e + 4 >> 2] = r.bsize, HEAPU32[e + 60 >> 2] = r.bsize, HEAP64[e + 8 >> 3] = BigInt(r.blocks), HEAP64[e + 16 >> 3] = BigInt(r.bfree), HEAP64[e + 24 >> 3] = BigInt(r.bavail), HEAP64[e + 32 >> 3] = BigInt(r.files), HEAP64[e + 40 >> 3] = BigInt(r.ffree), HEAPU32[e + 48 >> 2] = r.fsid, HEAPU32[e + 64 >> 2] = r.flags, HEAPU32[e + 56 >> 2] = r.namelen;
  }, doMsync(e, r, t, n, i) {
    if (!FS.isFile(r.node.mode)) throw new FS.ErrnoError(43);
    if (n & 2) return 0;
    var o2 = HEAPU8.subarray(e, e + t);
    FS.msync(r, o2, i, t, n);
  }, getStreamFromFD(e) {
    var r = FS.getStreamChecked(e);
    return r;
  }, varargs: void 0, getStr(e) {
    var r = UTF8ToString(e);
    return r;
  } };
  function ___syscall_chmod(e, r) {
    try {
      return e = SYSCALLS.getStr(e), FS.chmod(e, r), 0;
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return -t.errno;
    }
  }
  ___syscall_chmod.sig = "ipi";
  function ___syscall_dup3(e, r, t) {
    try {
      if (e === r || t & -524289) return -28;
      var n = SYSCALLS.getStreamFromFD(e);
      if (r < 0 || r >= FS.MAX_OPEN_FDS) return -8;
      var i = FS.getStream(r);
      i && FS.close(i);
      var o2 = FS.dupStream(n, r);
      return t & 524288 && (o2.flags |= 524288), o2.fd;
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return -a2.errno;
    }
  }
  ___syscall_dup3.sig = "iiii";
  function ___syscall_faccessat(e, r, t) {
    try {
      if (r = SYSCALLS.getStr(r), r = SYSCALLS.calculateAt(e, r), t & -8) return -28;
      var n = FS.lookupPath(r, { follow: true }), i = n.node;
      if (!i) return -44;
      var o2 = "";
      return t & 4 && (o2 += "r"), t & 2 && (o2 += "w"), t & 1 && (o2 += "x"), o2 && FS.nodePermissions(i, o2) ? -2 : 0;
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return -a2.errno;
    }
  }
  ___syscall_faccessat.sig = "iipii";
  var INT53_MAX = 9007199254740992, INT53_MIN = -9007199254740992, bigintToI53Checked = (e) => e < INT53_MIN || e > INT53_MAX ? NaN : Number(e);
  function ___syscall_fadvise64(e, r, t) {
    r = bigintToI53Checked(r), t = bigintToI53Checked(t);
    try {
      return SYSCALLS.getStreamFromFD(e).seekable ? 0 : -70;
    } catch (n) {
      if (typeof FS > "u" || n.name !== "ErrnoError") throw n;
      return -n.errno;
    }
  }
  ___syscall_fadvise64.sig = "iijji";
  var syscallGetVarargI = () => {
    var e = HEAP32[+SYSCALLS.varargs >> 2];
    return SYSCALLS.varargs += 4, e;
  }, syscallGetVarargP = syscallGetVarargI;
  function ___syscall_fcntl64(e, r, t) {
    SYSCALLS.varargs = t;
    try {
      var n = SYSCALLS.getStreamFromFD(e);
      switch (r) {
        case 0:
          var i = syscallGetVarargI();
          if (i < 0) return -28;
          for (; FS.streams[i]; ) i++;
          var o2;
          return o2 = FS.dupStream(n, i), o2.fd;
        case 1:
        case 2:
          return 0;
        case 3:
          return n.flags;
        case 4:
          return i = syscallGetVarargI(), n.flags = n.flags & -289793 | i & 289792, 0;
        case 12:
          return i = syscallGetVarargP(), HEAP16[i + 0 >> 1] = 2, 0;
        case 13:
        case 14:
          return 0;
      }
      return -28;
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return -a2.errno;
    }
  }
  ___syscall_fcntl64.sig = "iiip";
  function ___syscall_fstat64(e, r) {
    try {
      return SYSCALLS.writeStat(r, FS.fstat(e));
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return -t.errno;
    }
  }
  ___syscall_fstat64.sig = "iip";
  function ___syscall_getcwd(e, r) {
    try {
      if (!r) return -28;
      var t = FS.cwd(), n = lengthBytesUTF8(t) + 1;
      return r < n ? -68 : (stringToUTF8(t, e, r), n);
    } catch (i) {
      if (typeof FS > "u" || i.name !== "ErrnoError") throw i;
      return -i.errno;
    }
  }
  ___syscall_getcwd.sig = "ipp";
  function ___syscall_getdents64(e, r, t) {
    try {
      var n = SYSCALLS.getStreamFromFD(e);
      n.getdents || (n.getdents = FS.readdir(n.path));
      for (var i = 0, o2 = FS.llseek(n, 0, 1), a2 = Math.floor(o2 / 280), s2 = Math.min(n.getdents.length, a2 + Math.floor(t / 280)), l = a2; l < s2; l++) {
        var u2, c2, _ = n.getdents[l];
        if (_ === ".") u2 = n.node.id, c2 = 4;
        else if (_ === "..") {
          var m2 = FS.lookupPath(n.path, { parent: true });
          u2 = m2.node.id, c2 = 4;
        } else {
          var f2;
          try {
            f2 = FS.lookupNode(n.node, _);
          } catch (p2) {
            if (p2?.errno === 28) continue;
            throw p2;
          }
          u2 = f2.id, c2 = FS.isChrdev(f2.mode) ? 2 : FS.isDir(f2.mode) ? 4 : FS.isLink(f2.mode) ? 10 : 8;
        }
        HEAP64[r + i >> 3] = BigInt(u2), HEAP64[r + i + 8 >> 3] = BigInt((l + 1) * 280), HEAP16[r + i + 16 >> 1] = 280, HEAP8[r + i + 18] = c2, stringToUTF8(_, r + i + 19, 256), i += 280;
      }
      return FS.llseek(n, l * 280, 0), i;
    } catch (p2) {
      if (typeof FS > "u" || p2.name !== "ErrnoError") throw p2;
      return -p2.errno;
    }
  }
  ___syscall_getdents64.sig = "iipp";
  function ___syscall_ioctl(e, r, t) {
    SYSCALLS.varargs = t;
    try {
      var n = SYSCALLS.getStreamFromFD(e);
      switch (r) {
        case 21509:
          return n.tty ? 0 : -59;
        case 21505:
          if (!n.tty) return -59;
          if (n.tty.ops.ioctl_tcgets) {
            var i = n.tty.ops.ioctl_tcgets(n), o2 = syscallGetVarargP();
            HEAP32[o2 >> 2] = i.c_iflag || 0, HEAP32[o2 + 4 >> 2] = i.c_oflag || 0, HEAP32[o2 + 8 >> 2] = i.c_cflag || 0, HEAP32[o2 + 12 >> 2] = i.c_lflag || 0;
            for (var a2 = 0; a2 < 32; a2++) HEAP8[o2 + a2 + 17] = i.c_cc[a2] || 0;
            return 0;
          }
          return 0;
        case 21510:
        case 21511:
        case 21512:
          return n.tty ? 0 : -59;
        case 21506:
        case 21507:
        case 21508:
          if (!n.tty) return -59;
          if (n.tty.ops.ioctl_tcsets) {
            o2 = syscallGetVarargP();
            var s2 = HEAP32[o2 >> 2], l = HEAP32[o2 + 4 >> 2], u2 = HEAP32[o2 + 8 >> 2], c2 = HEAP32[o2 + 12 >> 2], _ = [];
            for (a2 = 0; a2 < 32; a2++) _.push(HEAP8[o2 + a2 + 17]);
            return n.tty.ops.ioctl_tcsets(n.tty, r, { c_iflag: s2, c_oflag: l, c_cflag: u2, c_lflag: c2, c_cc: _ });
          }
          return 0;
        case 21519:
          return n.tty ? (o2 = syscallGetVarargP(), HEAP32[o2 >> 2] = 0, 0) : -59;
        case 21520:
          return n.tty ? -28 : -59;
        case 21537:
        case 21531:
          return o2 = syscallGetVarargP(), FS.ioctl(n, r, o2);
        case 21523:
          if (!n.tty) return -59;
          if (n.tty.ops.ioctl_tiocgwinsz) {
            var m2 = n.tty.ops.ioctl_tiocgwinsz(n.tty);
            o2 = syscallGetVarargP(), HEAP16[o2 >> 1] = m2[0], HEAP16[o2 + 2 >> 1] = m2[1];
          }
          return 0;
        case 21524:
          return n.tty ? 0 : -59;
        case 21515:
          return n.tty ? 0 : -59;
        default:
          return -28;
      }
    } catch (f2) {
      if (typeof FS > "u" || f2.name !== "ErrnoError") throw f2;
      return -f2.errno;
    }
  }
  ___syscall_ioctl.sig = "iiip";
  function ___syscall_lstat64(e, r) {
    try {
      return e = SYSCALLS.getStr(e), SYSCALLS.writeStat(r, FS.lstat(e));
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return -t.errno;
    }
  }
  ___syscall_lstat64.sig = "ipp";
  function ___syscall_mkdirat(e, r, t) {
    try {
      return r = SYSCALLS.getStr(r), r = SYSCALLS.calculateAt(e, r), t &= ~SYSCALLS.currentUmask, FS.mkdir(r, t), 0;
    } catch (n) {
      if (typeof FS > "u" || n.name !== "ErrnoError") throw n;
      return -n.errno;
    }
  }
  ___syscall_mkdirat.sig = "iipi";
  function ___syscall_newfstatat(e, r, t, n) {
    try {
      r = SYSCALLS.getStr(r);
      var i = n & 256, o2 = n & 4096;
      return n &= -6401, r = SYSCALLS.calculateAt(e, r, o2), SYSCALLS.writeStat(t, i ? FS.lstat(r) : FS.stat(r));
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return -a2.errno;
    }
  }
  ___syscall_newfstatat.sig = "iippi";
  function ___syscall_openat(e, r, t, n) {
    SYSCALLS.varargs = n;
    try {
      r = SYSCALLS.getStr(r), r = SYSCALLS.calculateAt(e, r);
      var i = n ? syscallGetVarargI() : 0;
      return t & 64 && (i &= ~SYSCALLS.currentUmask), FS.open(r, t, i).fd;
    } catch (o2) {
      if (typeof FS > "u" || o2.name !== "ErrnoError") throw o2;
      return -o2.errno;
    }
  }
  ___syscall_openat.sig = "iipip";
  function ___syscall_readlinkat(e, r, t, n) {
    try {
      if (r = SYSCALLS.getStr(r), r = SYSCALLS.calculateAt(e, r), n <= 0) return -28;
      var i = FS.readlink(r), o2 = Math.min(n, lengthBytesUTF8(i)), a2 = HEAP8[t + o2];
      return stringToUTF8(i, t, n + 1), HEAP8[t + o2] = a2, o2;
    } catch (s2) {
      if (typeof FS > "u" || s2.name !== "ErrnoError") throw s2;
      return -s2.errno;
    }
  }
  ___syscall_readlinkat.sig = "iippp";
  function ___syscall_rmdir(e) {
    try {
      return e = SYSCALLS.getStr(e), FS.rmdir(e), 0;
    } catch (r) {
      if (typeof FS > "u" || r.name !== "ErrnoError") throw r;
      return -r.errno;
    }
  }
  ___syscall_rmdir.sig = "ip";
  function ___syscall_stat64(e, r) {
    try {
      return e = SYSCALLS.getStr(e), SYSCALLS.writeStat(r, FS.stat(e));
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return -t.errno;
    }
  }
  ___syscall_stat64.sig = "ipp";
  function ___syscall_symlinkat(e, r, t) {
    try {
      return e = SYSCALLS.getStr(e), t = SYSCALLS.getStr(t), t = SYSCALLS.calculateAt(r, t), FS.symlink(e, t), 0;
    } catch (n) {
      if (typeof FS > "u" || n.name !== "ErrnoError") throw n;
      return -n.errno;
    }
  }
  ___syscall_symlinkat.sig = "ipip";
  function ___syscall_umask(e) {
    try {
      var r = SYSCALLS.currentUmask;
      return SYSCALLS.currentUmask = e, r;
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return -t.errno;
    }
  }
  ___syscall_umask.sig = "ii";
  function ___syscall_unlinkat(e, r, t) {
    try {
      if (r = SYSCALLS.getStr(r), r = SYSCALLS.calculateAt(e, r), !t) FS.unlink(r);
      else if (t === 512) FS.rmdir(r);
      else return -28;
      return 0;
    } catch (n) {
      if (typeof FS > "u" || n.name !== "ErrnoError") throw n;
      return -n.errno;
    }
  }
  ___syscall_unlinkat.sig = "iipi";
  var __abort_js = () => abort("");
  __abort_js.sig = "v";
  var runtimeKeepaliveCounter = 0, __emscripten_runtime_keepalive_clear = () => {
    noExitRuntime = false, runtimeKeepaliveCounter = 0;
  };
  __emscripten_runtime_keepalive_clear.sig = "v";
  var __emscripten_throw_longjmp = () => {
    throw new EmscriptenSjLj();
  };
  __emscripten_throw_longjmp.sig = "v";
  var isLeapYear = (e) => e % 4 === 0 && (e % 100 !== 0 || e % 400 === 0), MONTH_DAYS_LEAP_CUMULATIVE = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335], MONTH_DAYS_REGULAR_CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], ydayFromDate = (e) => {
    var r = isLeapYear(e.getFullYear()), t = r ? MONTH_DAYS_LEAP_CUMULATIVE : MONTH_DAYS_REGULAR_CUMULATIVE, n = t[e.getMonth()] + e.getDate() - 1;
    return n;
  };
  function __localtime_js(e, r) {
    e = bigintToI53Checked(e);
    var t = new Date(e * 1e3);
    if (isNaN(t.getTime())) return 1;
    HEAP32[r >> 2] = t.getSeconds(), HEAP32[r + 4 >> 2] = t.getMinutes(), HEAP32[r + 8 >> 2] = t.getHours(), HEAP32[r + 12 >> 2] = t.getDate(), HEAP32[r + 16 >> 2] = t.getMonth(), HEAP32[r + 20 >> 2] = t.getFullYear() - 1900, HEAP32[r + 24 >> 2] = t.getDay();
    var n = ydayFromDate(t) | 0;
    HEAP32[r + 28 >> 2] = n, HEAP32[r + 36 >> 2] = -t.getTimezoneOffset() * 60;
    var i = new Date(t.getFullYear(), 0, 1), o2 = new Date(t.getFullYear(), 6, 1).getTimezoneOffset(), a2 = i.getTimezoneOffset(), s2 = (o2 != a2 && t.getTimezoneOffset() == Math.min(a2, o2)) | 0;
    return HEAP32[r + 32 >> 2] = s2, 0;
  }
  __localtime_js.sig = "ijp";
  var __mktime_js = function(e) {
    var r = (() => {
      var t = new Date(HEAP32[e + 20 >> 2] + 1900, HEAP32[e + 16 >> 2], HEAP32[e + 12 >> 2], HEAP32[e + 8 >> 2], HEAP32[e + 4 >> 2], HEAP32[e >> 2], 0);
      if (isNaN(t.getTime())) return -1;
      var n = HEAP32[e + 32 >> 2], i = t.getTimezoneOffset(), o2 = new Date(t.getFullYear(), 0, 1), a2 = new Date(t.getFullYear(), 6, 1).getTimezoneOffset(), s2 = o2.getTimezoneOffset(), l = Math.min(s2, a2);
      if (n < 0) n = +(a2 != s2 && l == i);
      else if (n > 0 != (l == i)) {
        var u2 = Math.max(s2, a2), c2 = n > 0 ? l : u2;
        if (t.setTime(t.getTime() + 6e4 * (c2 - i)), isNaN(t.getTime())) return -1;
      }
      HEAP32[e + 32 >> 2] = n, HEAP32[e + 24 >> 2] = t.getDay();
      var _ = ydayFromDate(t) | 0;
      return HEAP32[e + 28 >> 2] = _, HEAP32[e >> 2] = t.getSeconds(), HEAP32[e + 4 >> 2] = t.getMinutes(), HEAP32[e + 8 >> 2] = t.getHours(), HEAP32[e + 12 >> 2] = t.getDate(), HEAP32[e + 16 >> 2] = t.getMonth(), HEAP32[e + 20 >> 2] = t.getYear(), t.getTime() / 1e3;
    })();
    return BigInt(r);
  };
  __mktime_js.sig = "jp";
  function __mmap_js(e, r, t, n, i, o2, a2) {
    i = bigintToI53Checked(i);
    try {
      var s2 = SYSCALLS.getStreamFromFD(n), l = FS.mmap(s2, e, i, r, t), u2 = l.ptr;
      return HEAP32[o2 >> 2] = l.allocated, HEAPU32[a2 >> 2] = u2, 0;
    } catch (c2) {
      if (typeof FS > "u" || c2.name !== "ErrnoError") throw c2;
      return -c2.errno;
    }
  }
  __mmap_js.sig = "ipiiijpp";
  function __munmap_js(e, r, t, n, i, o2) {
    o2 = bigintToI53Checked(o2);
    try {
      var a2 = SYSCALLS.getStreamFromFD(i);
      t & 2 && SYSCALLS.doMsync(e, a2, r, n, o2);
    } catch (s2) {
      if (typeof FS > "u" || s2.name !== "ErrnoError") throw s2;
      return -s2.errno;
    }
  }
  __munmap_js.sig = "ippiiij";
  var timers = {}, clearTimers = () => {
    for (var e of Object.values(timers)) clearTimeout(e.id);
  }, handleException = (e) => {
    if (e instanceof ExitStatus || e == "unwind") return EXITSTATUS;
    quit_(1, e);
  }, keepRuntimeAlive = () => noExitRuntime || runtimeKeepaliveCounter > 0, _proc_exit = (e) => {
    EXITSTATUS = e, keepRuntimeAlive() || (Module.onExit?.(e), ABORT = true), quit_(e, new ExitStatus(e));
  };
  _proc_exit.sig = "vi";
  var exitJS = (e) => {
    EXITSTATUS = e, keepRuntimeAlive() || exitRuntime(), _proc_exit(e);
  }, _exit = exitJS;
  _exit.sig = "vi";
  var maybeExit = () => {
    if (!runtimeExited && !keepRuntimeAlive()) try {
      _exit(EXITSTATUS);
    } catch (e) {
      handleException(e);
    }
  }, callUserCallback = (e, ...r) => {
    if (!(runtimeExited || ABORT)) try {
      return e(...r);
    } catch (t) {
      handleException(t);
    } finally {
      maybeExit();
    }
  }, _emscripten_get_now = () => performance.now();
  _emscripten_get_now.sig = "d";
  var __setitimer_js = (e, r) => {
    if (timers[e] && (clearTimeout(timers[e].id), delete timers[e]), !r) return 0;
    var t = setTimeout(() => {
      delete timers[e], callUserCallback(__emscripten_timeout, e, _emscripten_get_now());
    }, r);
    return timers[e] = { id: t, timeout_ms: r }, 0;
  };
  __setitimer_js.sig = "iid";
  var __tzset_js = (e, r, t, n) => {
    var i = (/* @__PURE__ */ new Date()).getFullYear(), o2 = new Date(i, 0, 1), a2 = new Date(i, 6, 1), s2 = o2.getTimezoneOffset(), l = a2.getTimezoneOffset(), u2 = Math.max(s2, l);
    HEAPU32[e >> 2] = u2 * 60, HEAP32[r >> 2] = +(s2 != l);
    var c2 = (f2) => {
      var p2 = f2 >= 0 ? "-" : "+", F = Math.abs(f2), S2 = String(Math.floor(F / 60)).padStart(2, "0"), E = String(F % 60).padStart(2, "0");
      return `UTC${p2}${S2}${E}`;
    }, _ = c2(s2), m2 = c2(l);
    l < s2 ? (stringToUTF8(_, t, 17), stringToUTF8(m2, n, 17)) : (stringToUTF8(_, n, 17), stringToUTF8(m2, t, 17));
  };
  __tzset_js.sig = "vpppp";
  var _emscripten_date_now = () => Date.now();
  _emscripten_date_now.sig = "d";
  var getHeapMax = () => 2147483648, growMemory = (e) => {
    var r = wasmMemory.buffer.byteLength, t = (e - r + 65535) / 65536 | 0;
    try {
      return wasmMemory.grow(t), updateMemoryViews(), 1;
    } catch {
    }
  }, _emscripten_resize_heap = (e) => {
    var r = HEAPU8.length;
    e >>>= 0;
    var t = getHeapMax();
    if (e > t) return false;
    for (var n = 1; n <= 4; n *= 2) {
      var i = r * (1 + 0.2 / n);
      i = Math.min(i, e + 100663296);
      var o2 = Math.min(t, alignMemory(Math.max(e, i), 65536)), a2 = growMemory(o2);
      if (a2) return true;
    }
    return false;
  };
  _emscripten_resize_heap.sig = "ip";
  var ENV = {}, getExecutableName = () => thisProgram, getEnvStrings = () => {
    if (!getEnvStrings.strings) {
      var e = (globalThis.navigator?.language ?? "C").replace("-", "_") + ".UTF-8", r = { USER: "web_user", LOGNAME: "web_user", PATH: "/", PWD: "/", HOME: "/home/web_user", LANG: e, _: getExecutableName() };
      for (var t in ENV) ENV[t] === void 0 ? delete r[t] : r[t] = ENV[t];
      var n = [];
      for (var t in r) n.push(`${t}=${r[t]}`);
      getEnvStrings.strings = n;
    }
    return getEnvStrings.strings;
  }, _environ_get = (e, r) => {
    var t = 0, n = 0;
    for (var i of getEnvStrings()) {
      var o2 = r + t;
      HEAPU32[e + n >> 2] = o2, t += stringToUTF8(i, o2, 1 / 0) + 1, n += 4;
    }
    return 0;
  };
  _environ_get.sig = "ipp";
  var _environ_sizes_get = (e, r) => {
    var t = getEnvStrings();
    HEAPU32[e >> 2] = t.length;
    var n = 0;
    for (var i of t) n += lengthBytesUTF8(i) + 1;
    return HEAPU32[r >> 2] = n, 0;
  };
  _environ_sizes_get.sig = "ipp";
  function _fd_close(e) {
    try {
      var r = SYSCALLS.getStreamFromFD(e);
      return FS.close(r), 0;
    } catch (t) {
      if (typeof FS > "u" || t.name !== "ErrnoError") throw t;
      return t.errno;
    }
  }
  _fd_close.sig = "ii";
  function _fd_fdstat_get(e, r) {
    try {
      var t = SYSCALLS.getStreamFromFD(e), n = t.tty ? 2 : FS.isDir(t.mode) ? 3 : FS.isLink(t.mode) ? 7 : 4;
      return HEAP8[r] = n, HEAP16[r + 2 >> 1] = 0, HEAP64[r + 8 >> 3] = BigInt(0), HEAP64[r + 16 >> 3] = BigInt(0), 0;
    } catch (i) {
      if (typeof FS > "u" || i.name !== "ErrnoError") throw i;
      return i.errno;
    }
  }
  _fd_fdstat_get.sig = "iip";
  var doReadv = (e, r, t, n) => {
    for (var i = 0, o2 = 0; o2 < t; o2++) {
      var a2 = HEAPU32[r >> 2], s2 = HEAPU32[r + 4 >> 2];
      r += 8;
      try {
        var l = FS.read(e, HEAP8, a2, s2, n);
      } catch (u2) {
        if (i > 0 && u2 instanceof FS.ErrnoError && (u2.errno == 6 || u2.errno == 6)) break;
        throw u2;
      }
      if (l < 0) return -1;
      if (i += l, l < s2) break;
      typeof n < "u" && (n += l);
    }
    return i;
  };
  function _fd_read(e, r, t, n) {
    try {
      var i = SYSCALLS.getStreamFromFD(e), o2 = doReadv(i, r, t);
      return HEAPU32[n >> 2] = o2, 0;
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return a2.errno;
    }
  }
  _fd_read.sig = "iippp";
  function _fd_seek(e, r, t, n) {
    r = bigintToI53Checked(r);
    try {
      if (isNaN(r)) return 22;
      var i = SYSCALLS.getStreamFromFD(e);
      return FS.llseek(i, r, t), HEAP64[n >> 3] = BigInt(i.position), i.getdents && !r && t === 0 && (i.getdents = null), 0;
    } catch (o2) {
      if (typeof FS > "u" || o2.name !== "ErrnoError") throw o2;
      return o2.errno;
    }
  }
  _fd_seek.sig = "iijip";
  function _fd_sync(e) {
    try {
      var r = SYSCALLS.getStreamFromFD(e), t = r.stream_ops?.fsync?.(r);
      return t;
    } catch (n) {
      if (typeof FS > "u" || n.name !== "ErrnoError") throw n;
      return n.errno;
    }
  }
  _fd_sync.sig = "ii";
  var doWritev = (e, r, t, n) => {
    if (t == 1) return FS.write(e, HEAP8, HEAPU32[r >> 2], HEAPU32[r + 4 >> 2], n);
    for (var i = 0, o2 = 0, a2 = r; o2 < t; o2++, a2 += 8) i += HEAPU32[a2 + 4 >> 2];
    var s2 = new Uint8Array(i), l = 0;
    for (o2 = 0; o2 < t; o2++, r += 8) {
      var u2 = HEAPU32[r >> 2], c2 = HEAPU32[r + 4 >> 2];
      s2.set(HEAPU8.subarray(u2, u2 + c2), l), l += c2;
    }
    return FS.write(e, s2, 0, i, n);
  };
  function _fd_write(e, r, t, n) {
    try {
      var i = SYSCALLS.getStreamFromFD(e), o2 = doWritev(i, r, t);
      return HEAPU32[n >> 2] = o2, 0;
    } catch (a2) {
      if (typeof FS > "u" || a2.name !== "ErrnoError") throw a2;
      return a2.errno;
    }
  }
  _fd_write.sig = "iippp";
  var inetPton4 = (e) => {
    for (var r = e.split("."), t = 0; t < 4; t++) {
      var n = Number(r[t]);
      if (isNaN(n)) return null;
      r[t] = n;
    }
    return (r[0] | r[1] << 8 | r[2] << 16 | r[3] << 24) >>> 0;
  }, inetNtop4 = (e) => (e & 255) + "." + (e >> 8 & 255) + "." + (e >> 16 & 255) + "." + (e >> 24 & 255), inetPton6 = (e) => {
    var r, t, n, i, o2 = [];
    if (!/^((?=.*::)(?!.*::.+::)(::)?([\dA-F]{1,4}:(:|\b)|){5}|([\dA-F]{1,4}:){6})((([\dA-F]{1,4}((?!\3)::|:\b|$))|(?!\2\3)){2}|(((2[0-4]|1\d|[1-9])?\d|25[0-5])\.?\b){4})$/i.test(e)) return null;
    if (e === "::") return [0, 0, 0, 0, 0, 0, 0, 0];
    for (e.startsWith("::") ? e = e.replace("::", "Z:") : e = e.replace("::", ":Z:"), e.indexOf(".") > 0 ? (e = e.replace(new RegExp("[.]", "g"), ":"), r = e.split(":"), r[r.length - 4] = Number(r[r.length - 4]) + Number(r[r.length - 3]) * 256, r[r.length - 3] = Number(r[r.length - 2]) + Number(r[r.length - 1]) * 256, r = r.slice(0, r.length - 2)) : r = e.split(":"), n = 0, i = 0, t = 0; t < r.length; t++) if (typeof r[t] == "string") if (r[t] === "Z") {
      for (i = 0; i < 8 - r.length + 1; i++) o2[t + i] = 0;
      n = i - 1;
    } else o2[t + n] = _htons(parseInt(r[t], 16));
    else o2[t + n] = r[t];
    return [o2[1] << 16 | o2[0], o2[3] << 16 | o2[2], o2[5] << 16 | o2[4], o2[7] << 16 | o2[6]];
  }, inetNtop6 = (e) => {
    var r = "", t = 0, n = 0, i = 0, o2 = 0, a2 = 0, s2 = 0, l = [e[0] & 65535, e[0] >> 16, e[1] & 65535, e[1] >> 16, e[2] & 65535, e[2] >> 16, e[3] & 65535, e[3] >> 16], u2 = true, c2 = "";
    for (s2 = 0; s2 < 5; s2++) if (l[s2]) {
      u2 = false;
      break;
    }
    if (u2) {
      if (c2 = inetNtop4(l[6] | l[7] << 16), l[5] === -1) return r = "::ffff:", r += c2, r;
      if (!l[5]) return r = "::", c2 === "0.0.0.0" && (c2 = ""), c2 === "0.0.0.1" && (c2 = "1"), r += c2, r;
    }
    for (t = 0; t < 8; t++) l[t] || (t - i > 1 && (a2 = 0), i = t, a2++), a2 > n && (n = a2, o2 = t - n + 1);
    for (t = 0; t < 8; t++) {
      if (n > 1 && !l[t] && t >= o2 && t < o2 + n) {
        t === o2 && (r += ":", o2 || (r += ":"));
        continue;
      }
      r += Number(_ntohs(l[t] & 65535)).toString(16), r += t < 7 ? ":" : "";
    }
    return r;
  }, DNS = { address_map: { id: 1, addrs: {}, names: {} }, lookup_name(e) {
    var r = inetPton4(e);
    if (r !== null || (r = inetPton6(e), r !== null)) return e;
    var t;
    if (DNS.address_map.addrs[e]) t = DNS.address_map.addrs[e];
    else {
      var n = DNS.address_map.id++;
      t = "172.29." + (n & 255) + "." + (n & 65280), DNS.address_map.names[t] = e, DNS.address_map.addrs[e] = t;
    }
    return t;
  }, lookup_addr(e) {
    return DNS.address_map.names[e] ? DNS.address_map.names[e] : null;
  } }, writeSockaddr = (e, r, t, n, i) => {
    switch (r) {
      case 2:
        t = inetPton4(DNS.lookup_name(t)), zeroMemory(e, 16), i && (HEAP32[i >> 2] = 16), HEAP16[e >> 1] = r, HEAP32[e + 4 >> 2] = t, HEAP16[e + 2 >> 1] = _htons(n);
        break;
      case 10:
        t = inetPton6(DNS.lookup_name(t)), zeroMemory(e, 28), i && (HEAP32[i >> 2] = 28), HEAP32[e >> 2] = r, HEAP32[e + 8 >> 2] = t[0], HEAP32[e + 12 >> 2] = t[1], HEAP32[e + 16 >> 2] = t[2], HEAP32[e + 20 >> 2] = t[3], HEAP16[e + 2 >> 1] = _htons(n);
        break;
      default:
        return 5;
    }
    return 0;
  }, _getaddrinfo = (e, r, t, n) => {
    var i = 0, o2 = 0, a2 = 0, s2 = 0, l = 0, u2 = 0, c2;
    function _(m2, f2, p2, F, S2, E) {
      var y2, A, d2;
      return A = m2 === 10 ? 28 : 16, S2 = m2 === 10 ? inetNtop6(S2) : inetNtop4(S2), y2 = _malloc(A), writeSockaddr(y2, m2, S2, E), d2 = _malloc(32), HEAP32[d2 + 4 >> 2] = m2, HEAP32[d2 + 8 >> 2] = f2, HEAP32[d2 + 12 >> 2] = p2, HEAPU32[d2 + 24 >> 2] = F, HEAPU32[d2 + 20 >> 2] = y2, m2 === 10 ? HEAP32[d2 + 16 >> 2] = 28 : HEAP32[d2 + 16 >> 2] = 16, HEAP32[d2 + 28 >> 2] = 0, d2;
    }
    if (t && (a2 = HEAP32[t >> 2], s2 = HEAP32[t + 4 >> 2], l = HEAP32[t + 8 >> 2], u2 = HEAP32[t + 12 >> 2]), l && !u2 && (u2 = l === 2 ? 17 : 6), !l && u2 && (l = u2 === 17 ? 2 : 1), u2 || (u2 = 6), l || (l = 1), !e && !r) return -2;
    if (a2 & -1088 || t && HEAP32[t >> 2] & 2 && !e) return -1;
    if (a2 & 32) return -2;
    if (l && l !== 1 && l !== 2) return -7;
    if (s2 !== 0 && s2 !== 2 && s2 !== 10) return -6;
    if (r && (r = UTF8ToString(r), o2 = parseInt(r, 10), isNaN(o2))) return a2 & 1024 ? -2 : -8;
    if (!e) return s2 === 0 && (s2 = 2), a2 & 1 || (s2 === 2 ? i = _htonl(2130706433) : i = [0, 0, 0, _htonl(1)]), c2 = _(s2, l, u2, null, i, o2), HEAPU32[n >> 2] = c2, 0;
    if (e = UTF8ToString(e), i = inetPton4(e), i !== null) if (s2 === 0 || s2 === 2) s2 = 2;
    else if (s2 === 10 && a2 & 8) i = [0, 0, _htonl(65535), i], s2 = 10;
    else return -2;
    else if (i = inetPton6(e), i !== null) if (s2 === 0 || s2 === 10) s2 = 10;
    else return -2;
    return i != null ? (c2 = _(s2, l, u2, e, i, o2), HEAPU32[n >> 2] = c2, 0) : a2 & 4 ? -2 : (e = DNS.lookup_name(e), i = inetPton4(e), s2 === 0 ? s2 = 2 : s2 === 10 && (i = [0, 0, _htonl(65535), i]), c2 = _(s2, l, u2, null, i, o2), HEAPU32[n >> 2] = c2, 0);
  };
  _getaddrinfo.sig = "ipppp";
  var removeFunction = (e) => {
    functionsInTableMap.delete(getWasmTableEntry(e)), setWasmTableEntry(e, null), freeTableIndexes.push(e);
  }, stringToNewUTF8 = (e) => {
    var r = lengthBytesUTF8(e) + 1, t = _malloc(r);
    return t && stringToUTF8(e, t, r), t;
  }, FS_createPath = (...e) => FS.createPath(...e), FS_unlink = (...e) => FS.unlink(...e), FS_createLazyFile = (...e) => FS.createLazyFile(...e), FS_createDevice = (...e) => FS.createDevice(...e);
  registerWasmPlugin(), FS.createPreloadedFile = FS_createPreloadedFile, FS.preloadFile = FS_preloadFile, FS.staticInit(), Module.noExitRuntime && (noExitRuntime = Module.noExitRuntime), Module.print && (out = Module.print), Module.printErr && (err = Module.printErr), Module.dynamicLibraries && (dynamicLibraries = Module.dynamicLibraries), Module.arguments && (programArgs = Module.arguments), Module.thisProgram && (thisProgram = Module.thisProgram);
  var preInit = Module.preInit;
  if (preInit) for (typeof preInit == "function" && (Module.preInit = preInit = [preInit]); preInit.length > 0; ) preInit.shift()();
  Module.callMain = callMain, Module.stackSave = stackSave, Module.stackRestore = stackRestore, Module.ENV = ENV, Module.addRunDependency = addRunDependency, Module.removeRunDependency = removeRunDependency, Module.addFunction = addFunction, Module.removeFunction = removeFunction, Module.UTF8ToString = UTF8ToString, Module.stringToNewUTF8 = stringToNewUTF8, Module.stringToUTF8OnStack = stringToUTF8OnStack, Module.FS_preloadFile = FS_preloadFile, Module.FS_unlink = FS_unlink, Module.FS_createPath = FS_createPath, Module.FS_createDevice = FS_createDevice, Module.FS = FS, Module.FS_createDataFile = FS_createDataFile, Module.FS_createLazyFile = FS_createLazyFile, Module.MEMFS = MEMFS, Module.PROXYFS = PROXYFS;
  var ASM_CONSTS = {}, _pgl_exit, ___errno_location, _fflush, _fopen, _fclose, _pgl_popen, _fputs, _main, _pgl_atexit, _pgl_geteuid, _pgl_system, _malloc, _calloc, _pgl_setsockopt, _pgl_connect, _pgl_send, _pgl_recv, _fgets, _pgl_getsockopt, _pgl_getsockname, _pgl_poll, _clear_setitimer, _pgl_longjmp, _pgl_siglongjmp, _pgl_set_system_fn, _pgl_set_popen_fn, _pgl_set_pclose_fn, _pgl_pclose, _pclose, _pgl_getuid, _pgl_getpwuid, _pgl_run_atexit_funcs, _pgl_freopen, _pgl_shmget, _pgl_shmat, _pgl_shmdt, _pgl_shmctl, _pgl_munmap, _pgl_set_rw_cbs, _pgl_fcntl, ___funcs_on_exit, ___dl_seterr, __emscripten_find_dylib, _htonl, _htons, _emscripten_builtin_memalign, _ntohs, __emscripten_timeout, _strerror, _emscripten_get_sbrk_ptr, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, memory, ___stack_pointer, __indirect_function_table, ___heap_base, wasmTable, wasmMemory;
  function assignWasmExports(e) {
    _pgl_exit = Module._pgl_exit = e.pgl_exit, ___errno_location = Module.___errno_location = e.__errno_location, _fflush = Module._fflush = e.fflush, _fopen = Module._fopen = e.fopen, _fclose = Module._fclose = e.fclose, _pgl_popen = Module._pgl_popen = e.pgl_popen, _fputs = Module._fputs = e.fputs, _main = Module._main = e.__main_argc_argv, _pgl_atexit = Module._pgl_atexit = e.pgl_atexit, _pgl_geteuid = Module._pgl_geteuid = e.pgl_geteuid, _pgl_system = Module._pgl_system = e.pgl_system, _malloc = e.malloc, _calloc = e.calloc, _pgl_setsockopt = Module._pgl_setsockopt = e.pgl_setsockopt, _pgl_connect = Module._pgl_connect = e.pgl_connect, _pgl_send = Module._pgl_send = e.pgl_send, _pgl_recv = Module._pgl_recv = e.pgl_recv, _fgets = Module._fgets = e.fgets, _pgl_getsockopt = Module._pgl_getsockopt = e.pgl_getsockopt, _pgl_getsockname = Module._pgl_getsockname = e.pgl_getsockname, _pgl_poll = Module._pgl_poll = e.pgl_poll, _clear_setitimer = Module._clear_setitimer = e.clear_setitimer, _pgl_longjmp = Module._pgl_longjmp = e.pgl_longjmp, _pgl_siglongjmp = Module._pgl_siglongjmp = e.pgl_siglongjmp, _pgl_set_system_fn = Module._pgl_set_system_fn = e.pgl_set_system_fn, _pgl_set_popen_fn = Module._pgl_set_popen_fn = e.pgl_set_popen_fn, _pgl_set_pclose_fn = Module._pgl_set_pclose_fn = e.pgl_set_pclose_fn, _pgl_pclose = Module._pgl_pclose = e.pgl_pclose, _pclose = Module._pclose = e.pclose, _pgl_getuid = Module._pgl_getuid = e.pgl_getuid, _pgl_getpwuid = Module._pgl_getpwuid = e.pgl_getpwuid, _pgl_run_atexit_funcs = Module._pgl_run_atexit_funcs = e.pgl_run_atexit_funcs, _pgl_freopen = Module._pgl_freopen = e.pgl_freopen, _pgl_shmget = Module._pgl_shmget = e.pgl_shmget, _pgl_shmat = Module._pgl_shmat = e.pgl_shmat, _pgl_shmdt = Module._pgl_shmdt = e.pgl_shmdt, _pgl_shmctl = Module._pgl_shmctl = e.pgl_shmctl, _pgl_munmap = Module._pgl_munmap = e.pgl_munmap, _pgl_set_rw_cbs = Module._pgl_set_rw_cbs = e.pgl_set_rw_cbs, _pgl_fcntl = Module._pgl_fcntl = e.pgl_fcntl, ___funcs_on_exit = e.__funcs_on_exit, ___dl_seterr = e.__dl_seterr, __emscripten_find_dylib = e._emscripten_find_dylib, _htonl = e.htonl, _htons = e.htons, _emscripten_builtin_memalign = e.emscripten_builtin_memalign, _ntohs = e.ntohs, __emscripten_timeout = e._emscripten_timeout, _strerror = Module._strerror = e.strerror, _emscripten_get_sbrk_ptr = e.emscripten_get_sbrk_ptr, _setThrew = e.setThrew, __emscripten_stack_restore = e._emscripten_stack_restore, __emscripten_stack_alloc = e._emscripten_stack_alloc, _emscripten_stack_get_current = e.emscripten_stack_get_current, memory = wasmMemory = e.memory, ___stack_pointer = e.__stack_pointer, __indirect_function_table = wasmTable = e.__indirect_function_table, ___heap_base = e.__heap_base.value;
  }
  var wasmImports = { __call_sighandler: ___call_sighandler, __syscall_chmod: ___syscall_chmod, __syscall_dup3: ___syscall_dup3, __syscall_faccessat: ___syscall_faccessat, __syscall_fadvise64: ___syscall_fadvise64, __syscall_fcntl64: ___syscall_fcntl64, __syscall_fstat64: ___syscall_fstat64, __syscall_getcwd: ___syscall_getcwd, __syscall_getdents64: ___syscall_getdents64, __syscall_ioctl: ___syscall_ioctl, __syscall_lstat64: ___syscall_lstat64, __syscall_mkdirat: ___syscall_mkdirat, __syscall_newfstatat: ___syscall_newfstatat, __syscall_openat: ___syscall_openat, __syscall_readlinkat: ___syscall_readlinkat, __syscall_rmdir: ___syscall_rmdir, __syscall_stat64: ___syscall_stat64, __syscall_symlinkat: ___syscall_symlinkat, __syscall_umask: ___syscall_umask, __syscall_unlinkat: ___syscall_unlinkat, _abort_js: __abort_js, _emscripten_runtime_keepalive_clear: __emscripten_runtime_keepalive_clear, _emscripten_throw_longjmp: __emscripten_throw_longjmp, _localtime_js: __localtime_js, _mktime_js: __mktime_js, _mmap_js: __mmap_js, _munmap_js: __munmap_js, _setitimer_js: __setitimer_js, _tzset_js: __tzset_js, emscripten_date_now: _emscripten_date_now, emscripten_get_now: _emscripten_get_now, emscripten_resize_heap: _emscripten_resize_heap, environ_get: _environ_get, environ_sizes_get: _environ_sizes_get, exit: _exit, fd_close: _fd_close, fd_fdstat_get: _fd_fdstat_get, fd_read: _fd_read, fd_seek: _fd_seek, fd_sync: _fd_sync, fd_write: _fd_write, getaddrinfo: _getaddrinfo, invoke_ii, invoke_iiii, invoke_vii, proc_exit: _proc_exit };
  function invoke_iiii(e, r, t, n) {
    var i = stackSave();
    try {
      return getWasmTableEntry(e)(r, t, n);
    } catch (o2) {
      if (stackRestore(i), !(o2 instanceof EmscriptenEH)) throw o2;
      _setThrew(1, 0);
    }
  }
  function invoke_ii(e, r) {
    var t = stackSave();
    try {
      return getWasmTableEntry(e)(r);
    } catch (n) {
      if (stackRestore(t), !(n instanceof EmscriptenEH)) throw n;
      _setThrew(1, 0);
    }
  }
  function invoke_vii(e, r, t) {
    var n = stackSave();
    try {
      getWasmTableEntry(e)(r, t);
    } catch (i) {
      if (stackRestore(n), !(i instanceof EmscriptenEH)) throw i;
      _setThrew(1, 0);
    }
  }
  function callMain(e = []) {
    var r = resolveGlobalSymbol("main").sym;
    if (r) {
      e.unshift(thisProgram);
      var t = e.length, n = stackAlloc((t + 1) * 4), i = n;
      for (var o2 of e) HEAPU32[i >> 2] = stringToUTF8OnStack(o2), i += 4;
      HEAPU32[i >> 2] = 0;
      try {
        var a2 = r(t, n);
        return exitJS(a2, true), a2;
      } catch (s2) {
        return handleException(s2);
      }
    }
  }
  async function run(e = programArgs) {
    preRun(), runDependencies && await resolveRunDependencies();
    var r = Module.setStatus;
    if (r && (r("Running..."), await new Promise((n) => setTimeout(n, 1)), setTimeout(r, 1, "")), !ABORT) {
      initRuntime(), Module.onRuntimeInitialized?.();
      var t = Module.noInitialRun || true;
      t || callMain(e), postRun();
    }
  }
  var wasmExports;
  return wasmExports = await createWasm(), await run(), quit_ = (e, r) => {
    throw r;
  }, Module;
}
var Pe = br;
var ke = Pe;
u();
var Re = "(?:" + ["\\|\\|", "\\&\\&", ";;", "\\|\\&", "\\<\\(", "\\<\\<\\<", ">>", ">\\&", "<\\&", "[&;()|<>]"].join("|") + ")";
var Me = new RegExp("^" + Re + "$");
var Oe = "|&;()<> \\t";
var Tr = '"((\\\\"|[^"])*?)"';
var Pr = "'((\\\\'|[^'])*?)'";
var kr = /^#$/;
var De = "'";
var Ne = '"';
var oe = "$";
var C = "";
var Mr = 4294967296;
for (let e = 0; e < 4; e++) C += (Mr * Math.random()).toString(16);
var Or = new RegExp("^" + C);
function Dr(e, r) {
  let t = r.lastIndex, n = [], i;
  for (; i = r.exec(e); ) n.push(i), r.lastIndex === i.index && (r.lastIndex += 1);
  return r.lastIndex = t, n;
}
function Nr(e, r, t) {
  let n = typeof e == "function" ? e(t) : e[t];
  return typeof n > "u" && t !== "" ? n = "" : typeof n > "u" && (n = "$"), typeof n == "object" ? r + C + JSON.stringify(n) + C : r + n;
}
function Rr(e, r, t) {
  t || (t = {});
  let n = t.escape || "\\", i = "(\\" + n + `['"` + Oe + `]|[^\\s'"` + Oe + "])+", o2 = new RegExp(["(" + Re + ")", "(" + i + "|" + Tr + "|" + Pr + ")+"].join("|"), "g"), a2 = Dr(e, o2);
  if (a2.length === 0) return [];
  r || (r = {});
  let s2 = false;
  return a2.map(function(l) {
    let u2 = l[0];
    if (!u2 || s2) return;
    if (Me.test(u2)) return { op: u2 };
    let c2 = false, _ = false, m2 = "", f2 = false, p2;
    function F() {
      p2 += 1;
      let S2, E, y2 = u2.charAt(p2);
      if (y2 === "{") {
        if (p2 += 1, u2.charAt(p2) === "}") throw new Error("Bad substitution: " + u2.slice(p2 - 2, p2 + 1));
        if (S2 = u2.indexOf("}", p2), S2 < 0) throw new Error("Bad substitution: " + u2.slice(p2));
        E = u2.slice(p2, S2), p2 = S2;
      } else if (/[*@#?$!_-]/.test(y2)) E = y2, p2 += 1;
      else {
        let A = u2.slice(p2), d2 = A.match(/[^\w\d_]/);
        d2 ? (E = A.slice(0, d2.index), p2 += d2.index - 1) : (E = A, p2 = u2.length);
      }
      return Nr(r, "", E);
    }
    for (p2 = 0; p2 < u2.length; p2++) {
      let S2 = u2.charAt(p2);
      if (f2 = f2 || !c2 && (S2 === "*" || S2 === "?"), _) m2 += S2, _ = false;
      else if (c2) S2 === c2 ? c2 = false : c2 === De ? m2 += S2 : S2 === n ? (p2 += 1, S2 = u2.charAt(p2), S2 === Ne || S2 === n || S2 === oe ? m2 += S2 : m2 += n + S2) : S2 === oe ? m2 += F() : m2 += S2;
      else if (S2 === Ne || S2 === De) c2 = S2;
      else {
        if (Me.test(S2)) return { op: u2 };
        if (kr.test(S2)) {
          s2 = true;
          let E = { comment: e.slice(l.index + p2 + 1) };
          return m2.length ? [m2, E] : [E];
        } else S2 === n ? _ = true : S2 === oe ? m2 += F() : m2 += S2;
      }
    }
    return f2 ? { op: "glob", pattern: m2 } : m2;
  }).reduce(function(l, u2) {
    return typeof u2 > "u" ? l : l.concat(u2);
  }, []);
}
function ae(e, r, t) {
  let n = Rr(e, r, t);
  return typeof r != "function" ? n : n.reduce(function(i, o2) {
    if (typeof o2 == "object") return i.concat(o2);
    let a2 = o2.split(RegExp("(" + C + ".*?" + C + ")", "g"));
    return a2.length === 1 ? i.concat(a2[0]) : i.concat(a2.filter(Boolean).map(function(s2) {
      return Or.test(s2) ? JSON.parse(s2.split(C)[1]) : s2;
    }));
  }, []);
}
function Ur(e, r) {
  if (!e) throw new Error(r ?? "Assertion failed");
}
var U = "/pglite";
var I = U + "/data";
var Hr = U + "/icu";
var Lr = U + "/bin/initdb";
var pt = U + "/bin/postgres";
var Ue = U + "/pgstdout";
var He = U + "/pgstdin";
function B(e, ...r) {
  e && e > 0 && console.log("initdb: ", ...r);
}
async function Cr({ pg: e, debug: r, args: t, wasmModule: n }) {
  let i, o2, a2, s2 = false, l = [], u2 = 0, c2 = -1, _ = -1, m2 = "", f2 = "", p2 = (d2) => {
    let g2 = d2.shift();
    B(r, "initdb: firstArg", g2), Ur(g2 === "/pglite/bin/postgres", `trying to execute ${g2}`), e.Module.HEAPU8.set(F), B(r, "executing pg main with", d2);
    let v2 = e.callMain(d2);
    return B(r, v2), l = [], v2;
  }, F = e.Module.HEAPU8.slice(), S2 = new WebAssembly.Memory({ initial: 8, maximum: 100 }), y2 = await ke({ arguments: t, noExitRuntime: false, wasmMemory: S2, thisProgram: Lr, stdin: () => null, print: (d2) => {
    f2 += d2, B(r, "initdbout", d2);
  }, printErr: (d2) => {
    m2 += d2, B(r, "initdberr", d2);
  }, instantiateWasm: (d2, g2) => (p.instantiateWasm(d2, n ?? (() => new URL("./initdb.wasm", import.meta.url))).then(({ instance: v2, module: N }) => {
    g2(v2, N);
  }), {}), locateFile: (d2, g2) => d2.endsWith(".so") ? "/pglite/lib/" + d2 : g2 + d2, preRun: [(d2) => {
    d2.ENV.PGDATA = I, d2.ENV.HOME = "/home/postgres", d2.ENV.USER = "postgres", d2.ENV.LOGNAME = "postgres", d2.ENV.ICU_DATA = Hr, d2.ENV.TZ = "UTC";
  }, (d2) => {
    d2.FS.mkdirTree(U), d2.FS.mount(d2.PROXYFS, { root: U, fs: e.Module.FS }, U);
  }, (d2) => {
    d2.onRuntimeInitialized = () => {
      i = d2.addFunction((g2) => (l = Le(d2.UTF8ToString(g2)), p2(l)), "pi"), d2._pgl_set_system_fn(i), o2 = d2.addFunction((g2, v2) => {
        let N = d2.UTF8ToString(v2);
        if (l = Le(d2.UTF8ToString(g2)), N === "r") return u2 = p2(l), c2;
        if (N === "w") return s2 = true, _;
        throw `Unexpected popen mode value ${N}`;
      }, "ppi"), d2._pgl_set_popen_fn(o2), a2 = d2.addFunction((g2) => g2 === c2 || g2 === _ ? (s2 && (s2 = false, u2 = p2(l)), u2) : d2._pclose(g2), "pi"), d2._pgl_set_pclose_fn(a2);
      {
        let g2 = e.Module.stringToUTF8OnStack(He), v2 = e.Module.stringToUTF8OnStack("r");
        e.Module._pgl_freopen(g2, v2, 0);
        let N = e.Module.stringToUTF8OnStack(Ue), K = e.Module.stringToUTF8OnStack("w");
        e.Module._pgl_freopen(N, K, 1);
      }
      {
        let g2 = d2.stringToUTF8OnStack(Ue), v2 = d2.stringToUTF8OnStack("r");
        c2 = d2._fopen(g2, v2);
        let N = d2.stringToUTF8OnStack(He), K = d2.stringToUTF8OnStack("w");
        _ = d2._fopen(N, K);
      }
    };
  }] });
  return B(r, "calling initdb.main with", t), { exitCode: y2.callMain(t), stderr: m2, stdout: f2, dataFolder: I };
}
function Le(e) {
  let r = [], t = ae(e);
  for (let n = 0; n < t.length; n++) {
    let i = t[n];
    if (typeof i == "object" && "op" in i) break;
    typeof i == "string" && r.push(i);
  }
  return r;
}
async function St({ pg: e, debug: r, args: t, wasmModule: n }) {
  return await Cr({ pg: e, debug: r, args: ["--allow-group-access", "--encoding", "UTF8", "--locale=C.UTF-8", "--locale-provider=libc", "--auth=trust", ...t ?? []], wasmModule: n });
}
var Ce = class {
  constructor(r) {
    this.dataDir = r;
  }
  async init(r, t) {
    return this.pg = r, { emscriptenOpts: t };
  }
  async syncToFs(r) {
  }
  async initialSyncFs() {
  }
  async closeFs() {
  }
  async dumpTar(r, t) {
    return ie(this.pg.Module.FS, I, r, t);
  }
};
var Ie = class {
  constructor(r, { debug: t = false } = {}) {
    this.dataDir = r, this.debug = t;
  }
  async syncToFs(r) {
  }
  async initialSyncFs() {
  }
  async closeFs() {
  }
  async dumpTar(r, t) {
    return ie(this.pg.Module.FS, I, r, t);
  }
  async init(r, t) {
    return this.pg = r, { emscriptenOpts: { ...t, preRun: [...t.preRun || [], (i) => {
      let o2 = Ir(i, this);
      i.FS.mkdirTree(I), i.FS.mount(o2, {}, I);
    }] } };
  }
};
var xe = { EBADF: 8, EBADFD: 127, EEXIST: 20, EINVAL: 28, EISDIR: 31, ENODEV: 43, ENOENT: 44, ENOTDIR: 54, ENOTEMPTY: 55 };
var Ir = (e, r) => {
  let t = e.FS, n = r.debug ? console.log : null, i = { tryFSOperation(o2) {
    try {
      return o2();
    } catch (a2) {
      throw a2.code ? a2.code === "UNKNOWN" ? new t.ErrnoError(xe.EINVAL) : new t.ErrnoError(a2.code) : a2;
    }
  }, mount(o2) {
    return i.createNode(null, "/", 16895, 0);
  }, syncfs(o2, a2, s2) {
  }, createNode(o2, a2, s2, l) {
    if (!t.isDir(s2) && !t.isFile(s2)) throw new t.ErrnoError(28);
    let u2 = t.createNode(o2, a2, s2);
    return u2.node_ops = i.node_ops, u2.stream_ops = i.stream_ops, u2;
  }, getMode: function(o2) {
    return n?.("getMode", o2), i.tryFSOperation(() => r.lstat(o2).mode);
  }, realPath: function(o2) {
    let a2 = [];
    for (; o2.parent !== o2; ) a2.push(o2.name), o2 = o2.parent;
    return a2.push(o2.mount.opts.root), a2.reverse(), a2.join("/");
  }, node_ops: { getattr(o2) {
    n?.("getattr", i.realPath(o2));
    let a2 = i.realPath(o2);
    return i.tryFSOperation(() => {
      let s2 = r.lstat(a2);
      return { ...s2, dev: 0, ino: o2.id, nlink: 1, rdev: o2.rdev, atime: new Date(s2.atime), mtime: new Date(s2.mtime), ctime: new Date(s2.ctime) };
    });
  }, setattr(o2, a2) {
    n?.("setattr", i.realPath(o2), a2);
    let s2 = i.realPath(o2);
    i.tryFSOperation(() => {
      if (a2.mode !== void 0 && r.chmod(s2, a2.mode), a2.size !== void 0 && r.truncate(s2, a2.size), a2.timestamp !== void 0 && r.utimes(s2, a2.timestamp, a2.timestamp), a2.atime || a2.mtime) {
        let l = new Date(a2.atime || a2.mtime).getTime(), u2 = new Date(a2.mtime || a2.atime).getTime();
        r.utimes(s2, l, u2);
      }
      a2.size !== void 0 && r.truncate(s2, a2.size);
    });
  }, lookup(o2, a2) {
    n?.("lookup", i.realPath(o2), a2);
    let s2 = [i.realPath(o2), a2].join("/"), l = i.getMode(s2);
    return i.createNode(o2, a2, l);
  }, mknod(o2, a2, s2, l) {
    n?.("mknod", i.realPath(o2), a2, s2, l);
    let u2 = i.createNode(o2, a2, s2, l), c2 = i.realPath(u2);
    return i.tryFSOperation(() => (t.isDir(u2.mode) ? r.mkdir(c2, { mode: s2 }) : r.writeFile(c2, "", { mode: s2 }), u2));
  }, rename(o2, a2, s2) {
    n?.("rename", i.realPath(o2), i.realPath(a2), s2);
    let l = i.realPath(o2), u2 = [i.realPath(a2), s2].join("/");
    i.tryFSOperation(() => {
      r.rename(l, u2);
    }), o2.name = s2;
  }, unlink(o2, a2) {
    n?.("unlink", i.realPath(o2), a2);
    let s2 = [i.realPath(o2), a2].join("/");
    try {
      r.unlink(s2);
    } catch {
    }
  }, rmdir(o2, a2) {
    n?.("rmdir", i.realPath(o2), a2);
    let s2 = [i.realPath(o2), a2].join("/");
    return i.tryFSOperation(() => {
      r.rmdir(s2);
    });
  }, readdir(o2) {
    n?.("readdir", i.realPath(o2));
    let a2 = i.realPath(o2);
    return i.tryFSOperation(() => r.readdir(a2));
  }, symlink(o2, a2, s2) {
    throw n?.("symlink", i.realPath(o2), a2, s2), new t.ErrnoError(63);
  }, readlink(o2) {
    throw n?.("readlink", i.realPath(o2)), new t.ErrnoError(63);
  } }, stream_ops: { open(o2) {
    n?.("open stream", i.realPath(o2.node));
    let a2 = i.realPath(o2.node);
    return i.tryFSOperation(() => {
      t.isFile(o2.node.mode) && (o2.shared.refcount = 1, o2.nfd = r.open(a2));
    });
  }, close(o2) {
    return n?.("close stream", i.realPath(o2.node)), i.tryFSOperation(() => {
      t.isFile(o2.node.mode) && o2.nfd && --o2.shared.refcount === 0 && r.close(o2.nfd);
    });
  }, dup(o2) {
    n?.("dup stream", i.realPath(o2.node)), o2.shared.refcount++;
  }, read(o2, a2, s2, l, u2) {
    return n?.("read stream", i.realPath(o2.node), s2, l, u2), l === 0 ? 0 : i.tryFSOperation(() => r.read(o2.nfd, a2, s2, l, u2));
  }, write(o2, a2, s2, l, u2) {
    return n?.("write stream", i.realPath(o2.node), s2, l, u2), i.tryFSOperation(() => r.write(o2.nfd, a2.buffer, s2, l, u2));
  }, llseek(o2, a2, s2) {
    n?.("llseek stream", i.realPath(o2.node), a2, s2);
    let l = a2;
    if (s2 === 1 ? l += o2.position : s2 === 2 && t.isFile(o2.node.mode) && i.tryFSOperation(() => {
      let u2 = r.fstat(o2.nfd);
      l += u2.size;
    }), l < 0) throw new t.ErrnoError(28);
    return l;
  }, mmap(o2, a2, s2, l, u2) {
    if (n?.("mmap stream", i.realPath(o2.node), a2, s2, l, u2), !t.isFile(o2.node.mode)) throw new t.ErrnoError(xe.ENODEV);
    let c2 = e.mmapAlloc(a2);
    return i.stream_ops.read(o2, e.HEAPU8, c2, a2, s2), { ptr: c2, allocated: true };
  }, msync(o2, a2, s2, l, u2) {
    return n?.("msync stream", i.realPath(o2.node), s2, l, u2), i.stream_ops.write(o2, a2, 0, l, s2), 0;
  } } };
  return i;
};

export {
  p,
  be,
  Jr,
  U,
  I,
  Hr,
  Lr,
  pt,
  St,
  Ce,
  Ie,
  xe
};

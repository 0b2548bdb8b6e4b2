import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// node_modules/@electric-sql/pglite/dist/chunk-ZSOCVAT7.js
var p = Object.create;
var i = Object.defineProperty;
var c = Object.getOwnPropertyDescriptor;
var f = Object.getOwnPropertyNames;
var l = Object.getPrototypeOf;
var s = Object.prototype.hasOwnProperty;
var a = (t) => {
  throw TypeError(t);
};
var _ = (t, e, o) => e in t ? i(t, e, { enumerable: true, configurable: true, writable: true, value: o }) : t[e] = o;
var d = (t, e) => () => (t && (e = t(t = 0)), e);
var D = (t, e) => () => (e || t((e = { exports: {} }).exports, e), e.exports);
var F = (t, e) => {
  for (var o in e) i(t, o, { get: e[o], enumerable: true });
};
var g = (t, e, o, m) => {
  if (e && typeof e == "object" || typeof e == "function") for (let r of f(e)) !s.call(t, r) && r !== o && i(t, r, { get: () => e[r], enumerable: !(m = c(e, r)) || m.enumerable });
  return t;
};
var L = (t, e, o) => (o = t != null ? p(l(t)) : {}, g(e || !t || !t.__esModule ? i(o, "default", { value: t, enumerable: true }) : o, t));
var P = (t, e, o) => _(t, typeof e != "symbol" ? e + "" : e, o);
var n = (t, e, o) => e.has(t) || a("Cannot " + o);
var h = (t, e, o) => (n(t, e, "read from private field"), o ? o.call(t) : e.get(t));
var R = (t, e, o) => e.has(t) ? a("Cannot add the same private member more than once") : e instanceof WeakSet ? e.add(t) : e.set(t, o);
var x = (t, e, o, m) => (n(t, e, "write to private field"), m ? m.call(t, o) : e.set(t, o), o);
var T = (t, e, o) => (n(t, e, "access private method"), o);
var U = (t, e, o, m) => ({ set _(r) {
  x(t, e, r, o);
}, get _() {
  return h(t, e, m);
} });
var u = d(() => {
  "use strict";
});

export {
  D,
  F,
  L,
  P,
  h,
  R,
  x,
  T,
  U,
  u
};

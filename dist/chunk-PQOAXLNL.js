import { createRequire as __hmaCreateRequire } from 'node:module'; import { fileURLToPath as __hmaFileURLToPath } from 'node:url'; import { dirname as __hmaDirname } from 'node:path'; const require = __hmaCreateRequire(import.meta.url); const __filename = __hmaFileURLToPath(import.meta.url); const __dirname = __hmaDirname(__filename);

// src/sql/offsets.ts
function utf8Width(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) return { bytes: 1, units: 1 };
  if (c < 2048) return { bytes: 2, units: 1 };
  if (c >= 55296 && c <= 56319) {
    const d = text.charCodeAt(i + 1);
    if (d >= 56320 && d <= 57343) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}
var NON_ASCII = /[\u0080-\uffff]/;
var ByteOffsets = class {
  constructor(text) {
    this.text = text;
    this.ascii = !NON_ASCII.test(text);
  }
  text;
  ascii;
  index = 0;
  byte = 0;
  /** String index of the code point that starts at `byteOffset` (clamped to the text's end). */
  toIndex(byteOffset) {
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    if (byteOffset < this.byte) {
      this.index = 0;
      this.byte = 0;
    }
    while (this.byte < byteOffset && this.index < this.text.length) {
      const w = utf8Width(this.text, this.index);
      this.byte += w.bytes;
      this.index += w.units;
    }
    return this.index;
  }
};
function codePointToIndex(text, codePoints) {
  let index = 0;
  for (let n = 0; n < codePoints && index < text.length; n++) {
    index += utf8Width(text, index).units;
  }
  return index;
}

// src/sql/position.ts
function lineAt(text, offset) {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
function offsetOfPosition(query, pgPosition) {
  return codePointToIndex(query, Math.max(0, pgPosition - 1));
}
var LineCounter = class {
  constructor(text) {
    this.text = text;
  }
  text;
  offset = 0;
  line = 1;
  lineAt(offset) {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const end = Math.min(offset, this.text.length);
    for (let i = this.text.indexOf("\n", this.offset); i >= 0 && i < end; i = this.text.indexOf("\n", i + 1)) {
      this.line++;
    }
    this.offset = Math.max(this.offset, end);
    return this.line;
  }
};
var blankBom = (text) => text.startsWith("\uFEFF") ? " " + text.slice(1) : text;

export {
  ByteOffsets,
  codePointToIndex,
  lineAt,
  offsetOfPosition,
  LineCounter,
  blankBom
};

/**
 * libpg-query reports statement locations as byte offsets into the UTF-8 encoding of the text, and
 * PostgreSQL reports error positions as 1-based character (code point) positions. JavaScript strings
 * index UTF-16 code units. These convert between the three.
 */

/** UTF-8 length of the code point starting at `i` (a lone surrogate is encoded as U+FFFD: 3 bytes). */
function utf8Width(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i)
  if (c < 0x80) return { bytes: 1, units: 1 }
  if (c < 0x800) return { bytes: 2, units: 1 }
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 }
  }
  return { bytes: 3, units: 1 }
}

const NON_ASCII = /[\u0080-\uffff]/

/**
 * Maps UTF-8 byte offsets of one text to string indexes. Lookups are cheapest in ascending order (the
 * order statements come in); a smaller offset restarts the walk.
 */
export class ByteOffsets {
  private readonly ascii: boolean
  private index = 0
  private byte = 0

  constructor(private readonly text: string) {
    this.ascii = !NON_ASCII.test(text)
  }

  /** String index of the code point that starts at `byteOffset` (clamped to the text's end). */
  toIndex(byteOffset: number): number {
    if (this.ascii) return Math.min(byteOffset, this.text.length)
    if (byteOffset < this.byte) {
      this.index = 0
      this.byte = 0
    }
    while (this.byte < byteOffset && this.index < this.text.length) {
      const w = utf8Width(this.text, this.index)
      this.byte += w.bytes
      this.index += w.units
    }
    return this.index
  }
}

/** String index of a 0-based code point offset (clamped to the text's end). */
export function codePointToIndex(text: string, codePoints: number): number {
  let index = 0
  for (let n = 0; n < codePoints && index < text.length; n++) {
    index += utf8Width(text, index).units
  }
  return index
}

/**
 * A YAML document as a tree of positions: which line each mapping key, sequence item and scalar is on,
 * so that a problem found in the parsed value can point at the text that holds it. Built from js-yaml's
 * event stream; only call it on text that `parseYaml` accepted.
 */
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml'

export type YamlNode = YamlMapping | YamlSequence | YamlScalar

interface NodeBase {
  /** 1-based line where the node starts (its tag or anchor included). */
  line: number
}
export interface YamlMapping extends NodeBase {
  kind: 'mapping'
  /** Key text → the key's line and the value node (first occurrence wins, as a duplicate key is an error). */
  entries: Map<string, { line: number; value: YamlNode }>
}
export interface YamlSequence extends NodeBase {
  kind: 'sequence'
  items: YamlNode[]
}
export interface YamlScalar extends NodeBase {
  kind: 'scalar'
  value: string
  /** The explicit tag (`!include`), when the node has one. */
  tag?: string
}

/** The first document's tree; undefined for an empty document (or one that is only an alias). */
export function yamlTree(text: string, file: string): YamlNode | undefined {
  const events = parseEvents(text, { filename: file })
  const lines = new LineIndex(text)
  let i = 0
  while (i < events.length && events[i].type !== EVENT_ID.DOCUMENT) i++
  i++
  const build = (): YamlNode | undefined => {
    const ev = events[i++] as Event | undefined
    if (!ev) return undefined
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const node: YamlScalar = {
          kind: 'scalar',
          line: lines.lineAt(firstOffset(ev.valueStart, ev.anchorStart, ev.tagStart)),
          value: getScalarValue(text, ev),
        }
        if (ev.tagStart >= 0) node.tag = text.slice(ev.tagStart, ev.tagEnd)
        return node
      }
      case EVENT_ID.SEQUENCE: {
        const node: YamlSequence = {
          kind: 'sequence',
          line: lines.lineAt(firstOffset(ev.start, ev.anchorStart, ev.tagStart)),
          items: [],
        }
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const item = build()
          if (item) node.items.push(item)
        }
        i++ // the POP
        return node
      }
      case EVENT_ID.MAPPING: {
        const node: YamlMapping = {
          kind: 'mapping',
          line: lines.lineAt(firstOffset(ev.start, ev.anchorStart, ev.tagStart)),
          entries: new Map(),
        }
        while (i < events.length && events[i].type !== EVENT_ID.POP) {
          const key = build()
          const value = build()
          if (key?.kind === 'scalar' && value && !node.entries.has(key.value)) {
            node.entries.set(key.value, { line: key.line, value })
          }
        }
        i++
        return node
      }
      default:
        return undefined // an alias (a copy of a node elsewhere): its position is its parent's
    }
  }
  return build()
}

const firstOffset = (...offsets: number[]): number => Math.min(...offsets.filter((o) => o >= 0))

/** Offset → 1-based line by binary search over the newline positions. */
class LineIndex {
  private readonly starts: number[] = [0]
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }
  lineAt(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/** What the code takes from one dynamic import, or the form it could not read. */
export interface ChunkUse {
  names?: string[]
  orDefault?: boolean
  unknown?: string
}
export function usesAt(source: string, index: number, length: number): ChunkUse
export function checkChunks(dist: string): Promise<string[]>

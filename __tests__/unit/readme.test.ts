import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/shared.js'

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
}
const action = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

function tableRows(marker: string): string[][] {
  const start = readme.indexOf(`<!-- ${marker}:start -->`)
  const end = readme.indexOf(`<!-- ${marker}:end -->`)
  expect(start, `README marker ${marker}:start`).toBeGreaterThan(0)
  return readme
    .slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    )
}

describe('README documents exactly what action.yml declares', () => {
  it('inputs: names, defaults and descriptions', () => {
    const rows = tableRows('inputs')
    expect(rows.map((r) => r[0])).toEqual(Object.keys(action.inputs))
    for (const [name, def, description] of rows) {
      const input = action.inputs[name]
      expect(def, name).toBe(input.default === '' || input.default === undefined ? "''" : input.default)
      expect(description, name).toBe(input.description.trim())
    }
  })

  it('outputs: names and descriptions', () => {
    const rows = tableRows('outputs')
    expect(rows.map((r) => r[0])).toEqual(Object.keys(action.outputs))
    for (const [name, description] of rows)
      expect(description, name).toBe(action.outputs[name].description.trim())
  })

  it('shows the two commands', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm test')
  })
})

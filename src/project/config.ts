/**
 * config.yaml as the Hasura CLI reads it through viper (reference §1): keys are case-insensitive,
 * every key can be overridden by `HASURA_GRAPHQL_<KEY>` (env > .env > file > default), a missing
 * `version:` means config 1. Unlike the CLI we do not walk up parent directories: the contract
 * says a project directory without config.yaml fails the run.
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { mergeEnv, readEnvFile } from './dotenv.js'
import { goExt, readUtf8 } from './files.js'
import type { ConfigVersion, ProjectConfig } from './types.js'
import { isPlainObject, parseYaml, topLevelKeyLine } from './yaml.js'

export const CONFIG_FILE = 'config.yaml'
const ENV_PREFIX = 'HASURA_GRAPHQL_'

export const DEFAULT_MIGRATIONS_DIRECTORY = 'migrations'
export const DEFAULT_METADATA_DIRECTORY = 'metadata'
export const DEFAULT_SEEDS_DIRECTORY = 'seeds'

/** Where a setting's effective value came from. */
interface Setting {
  value: unknown
  /** Set when an environment variable (process or .env) supplied the value. */
  envName?: string
}

export function readConfig(projectDir: string, env: NodeJS.ProcessEnv = process.env): ProjectConfig {
  const dir = resolve(projectDir)
  if (!existsSync(dir)) {
    throw new UserError(
      `project directory ${dir} does not exist: set the 'project-dir' input to the directory that holds config.yaml`,
      { input: 'project-dir' },
    )
  }
  if (!statSync(dir).isDirectory()) {
    throw new UserError(
      `project-dir ${dir} is not a directory: it must be the directory that holds config.yaml`,
      {
        input: 'project-dir',
      },
    )
  }
  const configFile = join(dir, CONFIG_FILE)
  if (!existsSync(configFile) || !statSync(configFile).isFile()) {
    throw new UserError(
      `no config.yaml in ${dir}: the Hasura CLI needs one too; set the 'project-dir' input to the directory that holds config.yaml`,
      { input: 'project-dir', file: CONFIG_FILE },
    )
  }

  const vars = mergeEnv(readEnvFile(dir, env), env)
  const text = readUtf8(configFile, CONFIG_FILE)
  const doc = parseYaml(text, CONFIG_FILE)
  if (doc !== null && !isPlainObject(doc)) {
    throw new UserError(`${CONFIG_FILE}: expected a mapping of settings (version, endpoint, ...)`, {
      file: CONFIG_FILE,
      line: 1,
    })
  }
  // viper lower-cases keys: `Version: 3` is `version`.
  const fileKeys = new Map<string, unknown>()
  for (const [k, v] of Object.entries(doc ?? {})) fileKeys.set(k.toLowerCase(), v)

  const overrides: string[] = []
  const setting = (key: string): Setting | undefined => {
    const envName = ENV_PREFIX + key.toUpperCase()
    const fromEnv = vars[envName]
    // viper ignores empty environment variables (AllowEmptyEnv is off).
    if (fromEnv !== undefined && fromEnv !== '') {
      overrides.push(envName)
      return { value: fromEnv, envName }
    }
    const v = fileKeys.get(key)
    // A key with no value (`admin_secret:`) is unset for viper: the default applies.
    return v === undefined || v === null ? undefined : { value: v }
  }
  const where = (key: string, s: Setting) =>
    s.envName ? `environment variable ${s.envName}` : `${CONFIG_FILE} key '${key}'`
  const lineOf = (key: string, s: Setting) => (s.envName ? undefined : topLevelKeyLine(text, key))
  const fail = (key: string, s: Setting, message: string): never => {
    const line = lineOf(key, s)
    throw new UserError(`${where(key, s)}${line ? ` (${CONFIG_FILE}:${line})` : ''}: ${message}`, {
      file: s.envName ? undefined : CONFIG_FILE,
      line,
    })
  }
  const stringOf = (key: string): string | undefined => {
    const s = setting(key)
    if (!s) return undefined
    if (typeof s.value === 'string') return s.value
    if (typeof s.value === 'number' || typeof s.value === 'boolean') return String(s.value)
    return fail(key, s, `expected a string, got ${JSON.stringify(s.value)}`)
  }
  const directory = (key: string, fallback: string): string => {
    const v = stringOf(key)
    return v === undefined || v.trim() === '' ? fallback : v
  }

  const version = configVersion(setting('version'), (s, m) => fail('version', s, m))
  const config: ProjectConfig = {
    version,
    projectDir: dir,
    configFile,
    migrationsDirectory: directory('migrations_directory', DEFAULT_MIGRATIONS_DIRECTORY),
    metadataDirectory: directory('metadata_directory', DEFAULT_METADATA_DIRECTORY),
    seedsDirectory: directory('seeds_directory', DEFAULT_SEEDS_DIRECTORY),
    overrides,
  }
  if (version >= 2) {
    const s = setting('metadata_file')
    const file = s ? stringOf('metadata_file') : undefined
    if (s && file !== undefined && file.trim() !== '') {
      const ext = goExt(file)
      if (ext !== '.json' && ext !== '.yaml') {
        fail('metadata_file', s, `metadata_file must end in .json or .yaml, got '${file}'`)
      }
      config.metadataFile = file
    }
  }
  const endpoint = stringOf('endpoint')
  if (endpoint) config.endpoint = endpoint
  const adminSecret =
    firstAdminSecret(setting('admin_secrets'), overrides) ?? (stringOf('admin_secret') || undefined)
  if (adminSecret) config.adminSecret = adminSecret
  else {
    const accessKey = stringOf('access_key')
    if (accessKey) config.adminSecret = accessKey
  }
  config.overrides = [...new Set(overrides)]
  return config
}

function configVersion(s: Setting | undefined, fail: (s: Setting, message: string) => never): ConfigVersion {
  if (!s) return 1
  const raw = s.value
  // viper's GetInt casts numeric strings; anything else is 0, which is invalid.
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN
  if (n === 1 || n === 2 || n === 3) return n
  return fail(s, `invalid config version ${JSON.stringify(raw)}: must be 1, 2 or 3`)
}

/**
 * `admin_secrets`: a JSON array (or a YAML list) whose first element wins over `admin_secret`.
 * Unusable values are ignored (the action never sends config.yaml's secret anyway), and then the
 * variable did not override anything.
 */
function firstAdminSecret(s: Setting | undefined, overrides: string[]): string | undefined {
  if (!s) return undefined
  let list: unknown = s.value
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list)
    } catch {
      list = undefined
    }
  }
  if (Array.isArray(list) && typeof list[0] === 'string' && list[0] !== '') return list[0]
  if (s.envName) overrides.splice(overrides.indexOf(s.envName), 1)
  return undefined
}

/** Real webhook payloads recorded by GitHub, from `@octokit/webhooks-examples`. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

interface Example {
  name: string
  examples: Record<string, unknown>[]
}

const require = createRequire(import.meta.url)
const all = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as Example[]

/** A deep copy of the first example of `event` with `action` (tests may change it freely). */
export function webhookPayload(event: string, action?: string): Record<string, unknown> {
  const group = all.find((e) => e.name === event)
  const example = group?.examples.find((x) => action === undefined || x.action === action)
  if (!example)
    throw new Error(`no ${event}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`)
  return structuredClone(example)
}

export interface PullRequestPayload {
  action: string
  number: number
  pull_request: {
    number: number
    head: { sha: string; ref: string; repo: { full_name: string } | null }
    base: { sha: string; ref: string; repo: { full_name: string } }
  }
  repository: { name: string; full_name: string; owner: { login: string } }
}

export function pullRequestPayload(
  action: 'opened' | 'synchronize' | 'closed' | 'labeled',
): PullRequestPayload {
  return webhookPayload('pull_request', action) as unknown as PullRequestPayload
}

export interface WorkflowRunPayload {
  action: string
  workflow_run: {
    event: string
    head_sha: string
    head_branch: string
    head_repository: { full_name: string } | null
    pull_requests: { head: { sha: string }; base: { sha: string } }[]
  }
  repository: { full_name: string }
}

/** A completed `workflow_run` (its triggering run: `workflow_dispatch`; tests set the event and repositories). */
export function workflowRunPayload(): WorkflowRunPayload {
  return webhookPayload('workflow_run', 'completed') as unknown as WorkflowRunPayload
}

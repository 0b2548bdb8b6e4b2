// Rebuilds dist/ and fails when it differs from what is committed: changed, deleted or new files
// (a new code-split chunk is an untracked file, which `git diff` alone would not see).
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], {
  encoding: 'utf8',
})
if (status.trim()) {
  console.error(status)
  console.error('dist/ is stale: run `npm run bundle` and commit dist/ (the action runs from it).')
  process.exit(1)
}
console.log('dist/ is up to date')

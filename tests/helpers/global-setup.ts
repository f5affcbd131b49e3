import { execFileSync } from 'node:child_process';
import path from 'node:path';

// createStrapi loads compiled JavaScript only: compile the server once for the whole run.
export default function setup() {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
}

import path from 'node:path';

// createStrapi loads compiled JavaScript only; the browser tests need the admin panel built. Both
// happen once for the whole run (the admin only when its sources changed).
export default function setup() {
  const { build } = require(path.resolve(__dirname, '../../scripts/build.js'));
  build();
}

// Rebuilds better-sqlite3 for the Electron version being packaged (never at npm install time).
// Needs @electron/rebuild (Node >= 22.12) and network access to Electron's headers.
const { execFileSync } = require('node:child_process');

exports.default = async function beforePack(context) {
  const electronVersion = context.packager.config.electronVersion || require('electron/package.json').version;
  execFileSync('npx', ['--yes', '@electron/rebuild@4.2.1', '--version', electronVersion, '--force', '--only', 'better-sqlite3'], {
    cwd: context.packager.projectDir,
    stdio: 'inherit',
  });
};

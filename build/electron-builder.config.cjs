// electron-builder configuration. Packaging needs a machine that can download Electron; CI here only
// builds and tests. better-sqlite3 is rebuilt for Electron's ABI only at packaging time (beforePack),
// so development and tests keep the Node build.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.boardpack.desktop',
  productName: 'Boardpack',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!electron/node-host/**', '!electron/cli/**', '!electron/odoo-sim/**'],
  asar: true,
  asarUnpack: ['node_modules/better-sqlite3/**', 'node_modules/@resvg/**'],
  npmRebuild: false,
  beforePack: './build/before-pack.cjs',
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icon.png', maintainer: 'Boardpack' },
  mac: { target: ['dmg'], category: 'public.app-category.finance', icon: 'build/icon.png', hardenedRuntime: true },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

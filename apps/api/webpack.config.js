const { nodeApp } = require('../../tools/build/node-app.webpack');

module.exports = nodeApp(__dirname, { additionalEntryPoints: [{ entryName: 'cli', entryPath: './src/cli.ts' }] });

const { nodeApp } = require('../../tools/build/node-app.webpack');

/**
 * oidc-provider is published only as an ES module. Like every package, it stays
 * outside the bundle (node-app.webpack.js keeps node_modules external), so the
 * built CommonJS main.js loads it with a plain require(): Node.js >= 20.19
 * (package.json "engines") loads an ES module through require() when it has no
 * top-level await, which holds for oidc-provider and its dependencies.
 */
module.exports = nodeApp(__dirname);

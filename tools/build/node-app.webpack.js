const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The webpack configuration of a Node.js app of this workspace (api, worker,
 * mail catcher): TypeScript with decorator metadata through tsc, path aliases
 * resolved, node_modules left external, output in dist/apps/<name>.
 */
function nodeApp(appDir, { additionalEntryPoints = [] } = {}) {
  const name = require('path').basename(appDir);
  return {
    output: { path: join(__dirname, '../../dist/apps', name), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        additionalEntryPoints,
        externalDependencies: 'all',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: false,
        sourceMap: true,
      }),
    ],
  };
}

module.exports = { nodeApp };

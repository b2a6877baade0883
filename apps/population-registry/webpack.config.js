const { nodeApp } = require('../../tools/build/node-app.webpack');

module.exports = nodeApp(__dirname);

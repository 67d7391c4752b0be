#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist-cli', 'duanping.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('duanping: the command line is not built yet; run `npm install` (or `npm run build:cli`) first\n');
  process.exit(2);
}
require(bundle);

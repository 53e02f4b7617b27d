// Mocha entry for the integration tests. Runs INSIDE the VS Code extension host (code-server, see
// test/bench/runExtensionTests.mjs): the workbench calls run() and reports its outcome as the exit status.
// Loads every *.test.js next to this file (compiled to out/test/integration/).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60000 });
  const grep = process.env.MOCHA_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        console.log(`integration: ${files.length} files, ${failures} failures`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { commandLine, quotePosix, quotePowerShell, userShell } from '../../src/shellQuote';

/** Values a resource group, cluster name or id can hold, and some that only a hostile one would. */
const NASTY = ['plain-name_1.2', 'rg(test)', "it's", '/subscriptions/x/resourceGroups/rg(test)/providers/A.B/c/d', 'a b', '$(whoami)', '`id`', 'x;y', 'a&b|c', '"q"', '*', '~', '-dash', '@at', 'a,b', '{x}', '%PATH%', '!bang', 'tab\there', '\u2019curly\u2018', ''];

describe('quoting copied commands', () => {
  it('POSIX: bash reads every argument back exactly', () => {
    const line = commandLine(NASTY, 'posix');
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
    assert.deepEqual(out.split('\0').slice(0, -1), NASTY);
  });

  it('POSIX: safe values stay bare, others are single-quoted', () => {
    assert.equal(quotePosix('plain-name_1.2'), 'plain-name_1.2');
    assert.equal(quotePosix('rg-(test).1'), "'rg-(test).1'");
    assert.equal(quotePosix("it's"), `'it'\\''s'`);
  });

  it('PowerShell: verbatim single quotes, with quote characters doubled; operators never bare', () => {
    assert.equal(quotePowerShell('plain-name_1.2'), 'plain-name_1.2');
    assert.equal(quotePowerShell("it's"), "'it''s'");
    assert.equal(quotePowerShell('rg(test)'), "'rg(test)'");
    assert.equal(quotePowerShell('$(whoami)'), "'$(whoami)'");
    assert.equal(quotePowerShell('a,b'), "'a,b'");
    assert.equal(quotePowerShell('@at'), "'@at'");
    assert.equal(quotePowerShell('\u2019x'), "'\u2019\u2019x'");
    assert.equal(quotePowerShell(''), "''");
  });

  it('PowerShell: pwsh reads every argument back exactly, where pwsh is installed', (t) => {
    try {
      execFileSync('pwsh', ['-v'], { stdio: 'ignore' });
    } catch {
      t.skip('pwsh is not installed here; the string-level test above covers the rule');
      return;
    }
    const out = execFileSync('pwsh', ['-NoProfile', '-Command', `$args2 = @(${NASTY.map(quotePowerShell).join(',')}); $args2 -join [char]0`], { encoding: 'utf8' });
    assert.deepEqual(out.replace(/\r?\n$/, '').split('\0'), NASTY);
  });

  it('writes for the user\'s shell', () => {
    assert.equal(userShell('win32'), 'powershell');
    assert.equal(userShell('linux'), 'posix');
    assert.equal(userShell('darwin'), 'posix');
  });
});

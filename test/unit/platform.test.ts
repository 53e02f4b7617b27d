import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { icaclsArgs, posixPlatform, quoteCmdArgument, taskkillArgs, windowsPlatform } from '../../src/connect/platform';
import { runPrerequisiteChecks } from '../../src/connect/prerequisites';
import { endStaleProxies, parseWindowsProcesses, type ProcessInfo } from '../../src/connect/staleProxies';
import { acquireStartLock } from '../../src/connect/startLock';

const CLI2 = 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2';
const ENV = { SystemRoot: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe' };

describe('the Windows side (the platform as a parameter)', () => {
  it('starts the CLI\'s python.exe with -IBm azure.cli and an argument array, never az.cmd through a shell', () => {
    const platform = windowsPlatform(ENV, (file) => file === `${CLI2}\\python.exe`);
    const invocation = platform.azInvocation(`${CLI2}\\wbin\\az.cmd`, ['connectedk8s', 'proxy', '--name', 'a "b" & c']);
    assert.deepEqual(invocation, {
      file: `${CLI2}\\python.exe`,
      args: ['-IBm', 'azure.cli', 'connectedk8s', 'proxy', '--name', 'a "b" & c'],
      options: { windowsHide: true },
    });
  });

  it('falls back to cmd.exe /d /s /c with every argument quoted for it where the layout is absent', () => {
    const platform = windowsPlatform(ENV, () => false);
    assert.throws(() => platform.azInvocation('C:\\tools\\az.cmd', ['100%']), /"100%" holds a %, which cannot pass through cmd\.exe intact/);
    const invocation = platform.azInvocation('C:\\tools\\az.cmd', ['a b', 'x&y', '!b']);
    assert.equal(invocation.file, 'C:\\Windows\\system32\\cmd.exe');
    assert.equal(invocation.options.windowsVerbatimArguments, true);
    // The program quoted plainly; each argument C-runtime-quoted, then caret-escaped twice (a batch file's %* re-parses).
    assert.deepEqual(invocation.args, ['/d', '/s', '/c', '""C:\\tools\\az.cmd" ^^^"a^^^ b^^^" ^^^"x^^^&y^^^" ^^^"^^^!b^^^""']);
  });

  it('quotes one argument as the C runtime reads it, then escapes cmd.exe\'s metacharacters (twice for a batch file)', () => {
    assert.equal(quoteCmdArgument('plain', false), '^"plain^"');
    assert.equal(quoteCmdArgument('a b', false), '^"a^ b^"');
    assert.equal(quoteCmdArgument('say "hi"', false), '^"say^ \\^"hi\\^"^"');
    assert.equal(quoteCmdArgument('dir\\', false), '^"dir\\\\^"');
    assert.equal(quoteCmdArgument('%PATH%', true), '^^^"^^^%PATH^^^%^^^"');
  });

  it('ends the tree with taskkill /T /F, and makes a file private with icacls for the user\'s SID', () => {
    assert.deepEqual(taskkillArgs(4242), ['/PID', '4242', '/T', '/F']);
    assert.deepEqual(icaclsArgs('C:\\Users\\dev\\.kube\\azure-local\\c.yaml', 'S-1-5-21-1-2-3-1001'), ['C:\\Users\\dev\\.kube\\azure-local\\c.yaml', '/inheritance:r', '/grant:r', '*S-1-5-21-1-2-3-1001:(R,W)']);
  });

  it('POSIX keeps the process-group model', () => {
    assert.deepEqual(posixPlatform.azInvocation('/usr/bin/az', ['proxy']), { file: '/usr/bin/az', args: ['proxy'], options: { detached: true } });
  });

  it('prerequisites give the Windows fixes on Windows', async () => {
    const report = await runPrerequisiteChecks({ azPath: 'az', kubectlPath: 'kubectl', platform: 'win32', resolve: () => undefined, findPort: async () => 47011 });
    const az = report.results.find((r) => r.name === 'Azure CLI');
    assert.match(az?.fix ?? '', /winget install --exact --id Microsoft\.AzureCLI/);
    assert.match(report.results.find((r) => r.name === 'kubectl')?.fix ?? '', /az aks install-cli .*kubectl\.exe/);
  });
});

describe('the start lock (one proxy starts at a time, across processes)', () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'startlock-')), 'lock');

  it('a second start waits for the first to release', async () => {
    const lock = dir();
    const order: string[] = [];
    const release = await acquireStartLock({ dir: lock });
    const second = acquireStartLock({ dir: lock }).then((r) => {
      order.push('second');
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    order.push('first released');
    release();
    (await second)();
    assert.deepEqual(order, ['first released', 'second']);
  });

  it('a lock whose owner is gone is taken over; one that stays held ends the wait with a clear error', async () => {
    const lock = dir();
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), `2147483646 ${Date.now()}`);
    (await acquireStartLock({ dir: lock }))();
    const held = await acquireStartLock({ dir: lock });
    await assert.rejects(acquireStartLock({ dir: lock, waitMs: 200 }), /Another proxy has been starting/);
    held();
  });
});

describe('stale proxies on Windows (the platform as a parameter)', () => {
  const ROOT = 5000;
  const at = (minute: number) => `2026-12-02T06:${String(minute).padStart(2, '0')}:00.0000000Z`;
  const record = { pgid: ROOT, owner: 1, started: at(10) };
  const run = (table: ProcessInfo[]) => endStaleProxies([record], () => false, async () => table, 'win32');

  it('ends the recorded root only while it is the same process (pid and creation time, still az connectedk8s proxy)', async () => {
    assert.deepEqual(await run([{ pid: ROOT, ppid: 4, started: at(10), args: '"C:\\CLI2\\python.exe" -IBm azure.cli connectedk8s proxy -n c' }]), [record]);
    assert.deepEqual(await run([{ pid: ROOT, ppid: 4, started: at(20), args: '"C:\\CLI2\\python.exe" -IBm azure.cli connectedk8s proxy -n mine' }]), [], 'a reused pid');
    assert.deepEqual(await run([{ pid: ROOT, ppid: 4, started: at(10), args: 'notepad.exe' }]), []);
  });

  it('ends an arcProxy left behind by its dead root, never one older than the root', async () => {
    const arc = (started: string) => ({ pid: 6000, ppid: ROOT, started, args: 'C:\\Users\\dev\\.clientproxy\\arcProxy_windows_amd64_1_3_022011.exe -c config.yml' });
    assert.deepEqual(await run([arc(at(11))]), [record]);
    assert.deepEqual(await run([arc(at(5))]), []);
    assert.deepEqual(await endStaleProxies([{ ...record, started: undefined }], () => false, async () => [arc(at(11))], 'win32'), [], 'no start time, nothing guessed');
  });

  it('reads PowerShell\'s CIM lines', () => {
    assert.deepEqual(parseWindowsProcesses(`5000|4|${at(10)}|python.exe -IBm azure.cli connectedk8s proxy\r\nnoise\r\n6000|5000|${at(11)}|arcProxy_windows.exe\r\n`), [
      { pid: 5000, ppid: 4, started: at(10), args: 'python.exe -IBm azure.cli connectedk8s proxy' },
      { pid: 6000, ppid: 5000, started: at(11), args: 'arcProxy_windows.exe' },
    ]);
  });
});

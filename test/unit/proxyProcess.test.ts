// The proxy process against the stand-in az (test/az/az): ready only at the real ready line, the whole group stopped.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import { groupAlive } from '../../src/connect/platform';
import { ProxyProcess } from '../../src/connect/proxyProcess';
import { endStaleProxies, processStartTime } from '../../src/connect/staleProxies';
import { proxyArgs, TASK_TYPE } from '../../src/connect/taskDefinition';
import { liveMembers } from '../fixtures/processes';

const AZ = path.resolve(__dirname, '../../../test/az/az');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-proxy-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

describe('ProxyProcess', () => {
  it('is ready at "Press Ctrl+C to close proxy.", not at "Proxy is listening", and stop() ends the group', async () => {
    const port = 40000 + Math.floor(Math.random() * 9000) * 2 + 1;
    const kubeconfig = path.join(work, 'kc.yaml');
    const log = path.join(work, 'argv.log');
    const name = `aks "x"; echo pwned`;
    const events: string[] = [];
    let output = '';
    let ready!: () => void;
    const readyNow = new Promise<void>((r) => (ready = r));
    const proxy = new ProxyProcess(
      AZ,
      proxyArgs({ type: TASK_TYPE, action: 'proxy', resourceGroup: 'rg one', cluster: name }, port, kubeconfig),
      {
        output: (text) => {
          output += text;
          if (text.includes('Proxy is listening')) events.push(`listening, ready=${proxy.ready}`);
        },
        ready: () => {
          events.push(`ready, kubeconfig=${fs.existsSync(kubeconfig)}`);
          ready();
        },
        exit: () => events.push('exit'),
      },
      { ...process.env, AZ_STANDIN_READY_DELAY_MS: '400', AZ_STANDIN_LOG: log },
    );
    proxy.start();
    await readyNow;
    assert.deepEqual(events, ['listening, ready=false', 'ready, kubeconfig=true']);
    assert.ok(output.indexOf('Proxy is listening on port') < output.indexOf('Press Ctrl+C to close proxy.'));
    assert.deepEqual(JSON.parse(fs.readFileSync(log, 'utf8').trim().split('\n')[0]).argv.slice(0, 6), ['connectedk8s', 'proxy', '--name', name, '--resource-group', 'rg one']);

    const pgid = proxy.pid!;
    assert.ok(liveMembers(pgid).some((args) => args.startsWith('arcProxy_')), 'the arcProxy child runs in the group');
    await proxy.stop();
    for (let i = 0; i < 50 && liveMembers(pgid).length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(liveMembers(pgid), []);
    assert.ok(events.includes('exit'));
    assert.equal(typeof groupAlive(pgid), 'boolean');
  });
});

describe('proxies left by a crashed window', () => {
  it('an arcProxy that outlived its az (which was killed alone) is ended: it is in the recorded group and started after it', async () => {
    const port = 40000 + Math.floor(Math.random() * 9000) * 2 + 1;
    const az = spawn(AZ, ['connectedk8s', 'proxy', '--name', 'orphan', '--resource-group', 'rg', '--port', String(port), '--file', path.join(work, 'orphan.yaml')], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, AZ_STANDIN_READY_DELAY_MS: '100' },
    });
    try {
      const started = (await processStartTime(az.pid!))!;
      for (let i = 0; i < 50 && !liveMembers(az.pid!).some((a) => a.startsWith('arcProxy_')); i++) await new Promise((r) => setTimeout(r, 100));
      process.kill(az.pid!, 'SIGKILL');
      await new Promise((r) => az.once('exit', r));
      assert.ok(liveMembers(az.pid!).some((a) => a.startsWith('arcProxy_')), 'the arcProxy child outlives az');
      const exited = spawn('true');
      await new Promise((r) => exited.once('exit', r));
      const group = { pgid: az.pid!, owner: exited.pid!, started };
      assert.deepEqual(await endStaleProxies([group]), [group]);
      for (let i = 0; i < 50 && liveMembers(az.pid!).length; i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(liveMembers(az.pid!), []);
    } finally {
      try {
        process.kill(-az.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });

  it('ends recorded groups of a gone window whose leader is still an az proxy; another window\'s proxy and other processes are left alone', async () => {
    const port = 40000 + Math.floor(Math.random() * 9000) * 2 + 1;
    const az = spawn(AZ, ['connectedk8s', 'proxy', '--name', 'left', '--resource-group', 'rg', '--port', String(port), '--file', path.join(work, 'left.yaml')], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, AZ_STANDIN_READY_DELAY_MS: '100' },
    });
    const other = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    try {
      for (let i = 0; i < 200 && !liveMembers(az.pid!).some((a) => a.startsWith('arcProxy_')); i++) await new Promise((r) => setTimeout(r, 100));
      const exited = spawn('true');
      await new Promise((r) => exited.once('exit', r));
      const gone = exited.pid!;
      const started = (await processStartTime(az.pid!))!;
      const otherStarted = (await processStartTime(other.pid!))!;
      assert.ok(started);
      // A live owner (this process standing in for another window) keeps its proxy.
      assert.deepEqual(await endStaleProxies([{ pgid: az.pid!, owner: process.pid, started }]), []);
      // The same pid with another start time is another process (a pid reused by a proxy started by hand): left alone.
      assert.deepEqual(await endStaleProxies([{ pgid: az.pid!, owner: gone, started: '00000000000000000001' }]), []);
      // No start time recorded: nothing is guessed.
      assert.deepEqual(await endStaleProxies([{ pgid: az.pid!, owner: gone }]), []);
      assert.ok(liveMembers(az.pid!).length);
      const ours = { pgid: az.pid!, owner: gone, started };
      assert.deepEqual(await endStaleProxies([ours, { pgid: other.pid!, owner: gone, started: otherStarted }]), [ours]);
      for (let i = 0; i < 200 && liveMembers(az.pid!).length; i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(liveMembers(az.pid!), []);
      assert.ok(liveMembers(other.pid!).length, 'a process that is not a proxy is not touched');
    } finally {
      for (const pid of [az.pid!, other.pid!]) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
  });
});

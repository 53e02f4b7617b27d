// The one owner of a running proxy, against the stand-in az: its views hear everything, stop() ends the tree once.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ProxySession } from '../../src/connect/proxySession';
import { TASK_TYPE } from '../../src/connect/taskDefinition';
import { liveMembers } from '../fixtures/processes';

const AZ = path.resolve(__dirname, '../../../test/az/az');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-session-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const session = (name: string, port: number) =>
  new ProxySession({
    definition: { type: TASK_TYPE, action: 'proxy', resourceGroup: 'rg', cluster: name },
    az: AZ,
    kubectl: '/usr/bin/kubectl',
    port,
    kubeconfig: path.join(work, `${name}.yaml`),
    checkNodesWhenReady: true,
    startLock: { dir: path.join(work, 'lock') },
  });

const freePort = () => 40000 + Math.floor(Math.random() * 9000) * 2 + 1;

describe('ProxySession', () => {
  it('is ready, lists the nodes, and tells every view; stop() ends the whole tree once, for all callers', async () => {
    const proxy = session('one', freePort());
    const heard: string[] = [];
    proxy.on({ output: (text) => heard.push(text), ready: () => heard.push('<ready>'), ended: (code) => heard.push(`<ended ${code}>`) });
    await proxy.start();
    await proxy.whenReady;
    const nodes = await proxy.firstNodesCheck;
    assert.equal(nodes.summary, '3 nodes, 3 Ready');
    const transcript = heard.join('');
    assert.ok(transcript.indexOf('Proxy is listening') < transcript.indexOf('Press Ctrl+C to close proxy.'));
    assert.ok(transcript.indexOf('<ready>') > transcript.indexOf('Press Ctrl+C to close proxy.'));
    // A view that opens late replays what was said.
    const late = proxy.transcript;
    assert.match(late, /moc-l1a2b3c4d5/);
    const pgid = proxy.pid!;
    assert.ok(liveMembers(pgid).length >= 2, 'az and arcProxy run');
    const stops = [proxy.stop(), proxy.stop()];
    proxy.dispose(); // void: it starts the same stop
    await Promise.all(stops);
    assert.deepEqual(liveMembers(pgid), []);
    assert.equal(heard.filter((h) => h.startsWith('<ended')).length, 1, 'ended once');
    assert.equal(proxy.isEnded, true);
  });

  it('a view that comes after the end (a task terminal opened after Stop Proxy) hears it at once, with its code', async () => {
    const proxy = session('stopped-first', freePort());
    await proxy.stop(3);
    const heard: number[] = [];
    proxy.on({ ended: (code) => heard.push(code) });
    assert.deepEqual(heard, [3]);
  });

  it('ended before ready: whenReady and firstNodesCheck reject with az\'s last words; nothing is left', async () => {
    const proxy = session('early', freePort());
    await proxy.start();
    const pgid = proxy.pid!;
    await proxy.stop();
    await assert.rejects(proxy.whenReady, /az connectedk8s proxy for early ended/);
    await assert.rejects(proxy.firstNodesCheck, /ended/);
    assert.deepEqual(liveMembers(pgid), []);
  });

  it('two proxies started at once start one after the other: whichever gets the start lock is ready before the other starts', async () => {
    const events: string[] = [];
    const sessions = [session('a', freePort()), session('b', freePort())];
    sessions.forEach((s) => s.on({ started: () => events.push(`${s.definition.cluster} started`), ready: () => events.push(`${s.definition.cluster} ready`) }));
    await Promise.all(sessions.map((s) => s.start()));
    await Promise.all(sessions.map((s) => s.whenReady));
    try {
      assert.deepEqual(events.map((e) => e.split(' ')[1]), ['started', 'ready', 'started', 'ready'], events.join(', '));
      assert.equal(events[0].split(' ')[0], events[1].split(' ')[0]);
    } finally {
      await Promise.all(sessions.map((s) => s.stop()));
    }
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateRsaKeyPair, listPublicKeys, openSshRsaPublicKey, SshKeyPair, writeKeyPair } from '../../src/commands/createCluster/sshKey';
import { validateSshRsaPublicKey } from '../../src/commands/createCluster/validators';

const SSH_KEYGEN = '/usr/bin/ssh-keygen';

describe('openSshRsaPublicKey', () => {
  it('encodes string "ssh-rsa", mpint e, mpint n with a leading zero when the high bit is set', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const line = openSshRsaPublicKey(publicKey, 'dev@contoso');
    const [type, data, comment] = line.split(' ');
    assert.equal(type, 'ssh-rsa');
    assert.equal(comment, 'dev@contoso');
    const blob = Buffer.from(data, 'base64');
    let offset = 0;
    const next = () => {
      const length = blob.readUInt32BE(offset);
      const field = blob.subarray(offset + 4, offset + 4 + length);
      offset += 4 + length;
      return field;
    };
    assert.equal(next().toString(), 'ssh-rsa');
    assert.deepEqual([...next()], [0x01, 0x00, 0x01]);
    const n = next();
    // A 1024-bit modulus always has its top bit set, so the mpint is 129 bytes starting with 0x00.
    assert.equal(n.length, 129);
    assert.equal(n[0], 0);
    assert.ok(n[1] & 0x80);
    assert.equal(offset, blob.length);
    const jwk = publicKey.export({ format: 'jwk' });
    assert.equal(n.subarray(1).toString('base64url'), jwk.n);
  });

  it('omits an empty comment', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    assert.match(openSshRsaPublicKey(publicKey, ''), /^ssh-rsa [A-Za-z0-9+/]+=*$/);
  });

  it('refuses a non-RSA key', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    assert.throws(() => openSshRsaPublicKey(publicKey, 'x'), { message: 'SSH key: an RSA public key is required.' });
  });
});

describe('generateRsaKeyPair / writeKeyPair / listPublicKeys', () => {
  let dir: string;
  let pair: SshKeyPair;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sshkey-test-'));
    pair = await generateRsaKeyPair('dev@contoso');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a 4096-bit OpenSSH RSA public key and a PKCS#1 private key of the same pair', () => {
    assert.equal(validateSshRsaPublicKey(pair.publicKey), undefined);
    assert.match(pair.publicKey, /^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/]+=* dev@contoso$/);
    assert.match(pair.privateKeyPem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.match(pair.privateKeyPem, /-----END RSA PRIVATE KEY-----\n$/);
    const privateKey = createPrivateKey(pair.privateKeyPem);
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 4096);
    assert.equal(privateKey.asymmetricKeyDetails?.publicExponent, 0x10001n);
    assert.equal(openSshRsaPublicKey(createPublicKey(privateKey), 'dev@contoso'), pair.publicKey);
  });

  it('writes the private key 0600 and the public key 0644, creating the directory', async () => {
    const privateKeyPath = path.join(dir, 'new', 'id_rsa_aks');
    const written = await writeKeyPair(privateKeyPath, pair);
    assert.deepEqual(written, { privateKeyPath, publicKeyPath: `${privateKeyPath}.pub` });
    assert.equal(fs.readFileSync(privateKeyPath, 'utf8'), pair.privateKeyPem);
    assert.equal(fs.readFileSync(`${privateKeyPath}.pub`, 'utf8'), `${pair.publicKey}\n`);
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(privateKeyPath).mode & 0o777, 0o600);
      assert.equal(fs.statSync(path.dirname(privateKeyPath)).mode & 0o077, 0);
      assert.equal(fs.statSync(`${privateKeyPath}.pub`).mode & 0o7022, 0);
    }
  });

  it('ssh-keygen derives the same public key from the private key', (t) => {
    if (!fs.existsSync(SSH_KEYGEN)) {
      t.skip(`${SSH_KEYGEN} not installed`);
      return;
    }
    const privateKeyPath = path.join(dir, 'new', 'id_rsa_aks');
    const derived = execFileSync(SSH_KEYGEN, ['-y', '-f', privateKeyPath], { encoding: 'utf8' }).trim();
    assert.equal(derived.split(' ').slice(0, 2).join(' '), pair.publicKey.split(' ').slice(0, 2).join(' '));
  });

  it('never overwrites an existing private key', async () => {
    const privateKeyPath = path.join(dir, 'new', 'id_rsa_aks');
    await assert.rejects(writeKeyPair(privateKeyPath, pair), { message: `SSH key: ${privateKeyPath} already exists; choose another file name.` });
    assert.equal(fs.readFileSync(privateKeyPath, 'utf8'), pair.privateKeyPem);
  });

  it('never overwrites an existing public key, and leaves no half-written pair', async () => {
    const privateKeyPath = path.join(dir, 'other');
    fs.writeFileSync(`${privateKeyPath}.pub`, 'ssh-ed25519 AAAA keep-me\n');
    await assert.rejects(writeKeyPair(privateKeyPath, pair), { message: `SSH key: ${privateKeyPath}.pub already exists; choose another file name.` });
    assert.equal(fs.readFileSync(`${privateKeyPath}.pub`, 'utf8'), 'ssh-ed25519 AAAA keep-me\n');
    assert.ok(!fs.existsSync(privateKeyPath));
  });

  it('lists *.pub files sorted by name, flagging keys that are not OpenSSH RSA', async () => {
    const sshDir = path.join(dir, 'list');
    fs.mkdirSync(sshDir);
    fs.writeFileSync(path.join(sshDir, 'id_rsa.pub'), `${pair.publicKey}\n`);
    fs.writeFileSync(path.join(sshDir, 'id_ed25519.pub'), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDx2 me@laptop\n');
    fs.writeFileSync(path.join(sshDir, 'id_rsa'), pair.privateKeyPem);
    fs.writeFileSync(path.join(sshDir, 'known_hosts'), '');
    assert.deepEqual(await listPublicKeys(sshDir), [
      {
        path: path.join(sshDir, 'id_ed25519.pub'),
        key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDx2 me@laptop',
        comment: 'me@laptop',
        problem: 'SSH public key: AKS Arc takes RSA keys ("ssh-rsa …"); this is an ed25519 key.',
      },
      { path: path.join(sshDir, 'id_rsa.pub'), key: pair.publicKey, comment: 'dev@contoso' },
    ]);
  });

  it('a missing directory has no keys', async () => {
    assert.deepEqual(await listPublicKeys(path.join(dir, 'does-not-exist')), []);
  });
});

/**
 * SSH keys for the cluster's Linux nodes (linuxProfile.ssh): AKS Arc takes an OpenSSH RSA public key. Generates a key
 * pair with Node's crypto (no ssh-keygen needed), writes it without ever overwriting, and lists existing keys.
 */
import * as l10n from '@vscode/l10n';
import { generateKeyPair, KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { validateSshRsaPublicKey } from './validators';

export interface SshKeyPair {
  /** "ssh-rsa AAAA… comment" */
  publicKey: string;
  /** PKCS#1 PEM ("-----BEGIN RSA PRIVATE KEY-----"), which OpenSSH reads. */
  privateKeyPem: string;
}

export interface PublicKeyFile {
  path: string;
  key: string;
  comment?: string;
  /** Set when the file is not an OpenSSH RSA public key (AKS Arc accepts no other type). */
  problem?: string;
}

/** SSH wire-format string (RFC 4251 §5): a uint32 big-endian length, then the bytes. */
function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** SSH mpint of a positive big-endian integer: a leading 0x00 keeps a set high bit from reading as negative. */
function sshMpint(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return sshString(trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** The OpenSSH public key line (RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n). */
export function openSshRsaPublicKey(publicKey: KeyObject, comment: string): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.e || !jwk.n) throw new Error(l10n.t('SSH key: an RSA public key is required.'));
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    sshMpint(Buffer.from(jwk.e, 'base64url')),
    sshMpint(Buffer.from(jwk.n, 'base64url')),
  ]);
  return ['ssh-rsa', blob.toString('base64'), comment.trim()].filter(Boolean).join(' ');
}

const generateKeyPairAsync = promisify(generateKeyPair);

/** A 4096-bit RSA pair; asynchronous because generation takes a second or more and must not block the extension host. */
export async function generateRsaKeyPair(comment: string): Promise<SshKeyPair> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 4096, publicExponent: 0x10001 });
  return {
    publicKey: openSshRsaPublicKey(publicKey, comment),
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

const alreadyExists = (file: string) => new Error(l10n.t('SSH key: {0} already exists; choose another file name.', file));

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Writes `privateKeyPath` (0600) and `${privateKeyPath}.pub` (0644). Flag 'wx' means an existing file is never
 * overwritten: losing someone's key would lock them out of their other machines.
 */
export async function writeKeyPair(privateKeyPath: string, pair: SshKeyPair): Promise<{ privateKeyPath: string; publicKeyPath: string }> {
  const publicKeyPath = `${privateKeyPath}.pub`;
  await fs.mkdir(path.dirname(privateKeyPath), { recursive: true, mode: 0o700 });
  try {
    await fs.writeFile(privateKeyPath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw isErrno(error, 'EEXIST') ? alreadyExists(privateKeyPath) : error;
  }
  // The mode given to writeFile is reduced by the umask; OpenSSH refuses a private key others can read.
  await fs.chmod(privateKeyPath, 0o600);
  try {
    await fs.writeFile(publicKeyPath, `${pair.publicKey}\n`, { mode: 0o644, flag: 'wx' });
  } catch (error) {
    // Don't leave a private key without its public half; this file is ours (just created above).
    await fs.rm(privateKeyPath, { force: true });
    throw isErrno(error, 'EEXIST') ? alreadyExists(publicKeyPath) : error;
  }
  return { privateKeyPath, publicKeyPath };
}

/** The `*.pub` files in `sshDir` (usually ~/.ssh), sorted by name; a missing directory has none. */
export async function listPublicKeys(sshDir: string): Promise<PublicKeyFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(sshDir);
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return [];
    throw error;
  }
  const files = names.filter((n) => n.endsWith('.pub')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keys: PublicKeyFile[] = [];
  for (const name of files) {
    const file = path.join(sshDir, name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'EISDIR')) continue;
      keys.push({ path: file, key: '', problem: l10n.t('SSH public key: cannot read {0} ({1}).', file, (error as NodeJS.ErrnoException).code ?? 'error') });
      continue;
    }
    const key = text.split(/\r?\n/).find((line) => line.trim() && !line.trim().startsWith('#'))?.trim() ?? '';
    const comment = key.split(/\s+/).slice(2).join(' ') || undefined;
    const problem = validateSshRsaPublicKey(key);
    keys.push({ path: file, key, ...(comment ? { comment } : {}), ...(problem ? { problem } : {}) });
  }
  return keys;
}

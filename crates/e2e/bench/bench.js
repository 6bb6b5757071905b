// Encryption speed of rPGP in sealpost's own worker (its "encrypt" request) against OpenPGP.js
// 6.3.2 on the main thread and in a module worker, in one browser run. The result goes to
// `window.benchResult` (a JSON string) for sealpost-bench to print; a failure goes to
// `window.benchError`.
//
// Query parameters: `quick` (one run per case, for checking the bench itself).

import * as openpgp from './openpgp.min.mjs';

const KEYS = [
  { name: 'Curve25519', url: './keys/cv25519.public.asc' },
  { name: 'RSA-3072', url: './keys/rsa3072.public.asc' },
];
const KIB = 1024;
const MIB = 1024 * KIB;
const quick = new URLSearchParams(location.search).has('quick');
const SIZES = [
  { label: '4 KiB', bytes: 4 * KIB, runs: quick ? 1 : 9 },
  { label: '1 MiB', bytes: MIB, runs: quick ? 1 : 5 },
  { label: '16 MiB', bytes: 16 * MIB, runs: quick ? 1 : 3 },
];

const logElement = document.getElementById('log');
function log(line) {
  console.log(line);
  logElement.textContent += line + '\n';
}

/// A worker and its replies by request id; resolves once it says it is ready.
function startWorker(url, options) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, options);
    const pending = new Map();
    let nextId = 0;
    const call = (message, transfer = []) => new Promise((res, rej) => {
      const id = ++nextId;
      pending.set(id, { res, rej });
      worker.postMessage({ ...message, id }, transfer);
    });
    worker.onmessage = (event) => {
      const data = event.data;
      if (data.type === 'ready') {
        resolve({ worker, call });
        return;
      }
      if (data.type === 'progress') return;
      const waiter = pending.get(data.id);
      if (waiter) {
        pending.delete(data.id);
        waiter.res(data);
      }
    };
    worker.onerror = (event) => {
      const reason = new Error(`worker ${url} failed: ${event.message || 'could not load'}`);
      reject(reason);
      for (const waiter of pending.values()) waiter.rej(reason);
      pending.clear();
    };
  });
}

function randomBytes(length) {
  const bytes = new Uint8Array(length);
  const chunk = 64 * KIB; // getRandomValues' limit per call
  for (let offset = 0; offset < length; offset += chunk) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + chunk, length)));
  }
  return bytes;
}

function plausible(what, output, inputLength) {
  if (!(output instanceof Uint8Array) || output.length <= inputLength) {
    throw new Error(`${what}: ${output && output.length} output bytes for ${inputLength} in`);
  }
  return output.length;
}

async function rpgp(seal, armoredKey, blob, length) {
  const started = performance.now();
  const reply = await seal.call({
    type: 'encrypt',
    json: JSON.stringify({ keys: [armoredKey], armor: false }),
    files: [blob],
  });
  const ms = performance.now() - started;
  if (reply.type !== 'encrypted') throw new Error(`rPGP worker: ${reply.type} ${reply.json}`);
  const info = JSON.parse(reply.json);
  return { ms, inside: info.ms_inside, cipher: info.cipher, out: plausible('rPGP', reply.message, length) };
}

async function openpgpMain(key, data) {
  const started = performance.now();
  const message = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: data }),
    encryptionKeys: key,
    format: 'binary',
  });
  const ms = performance.now() - started;
  return { ms, out: plausible('OpenPGP.js', message, data.length), message };
}

async function openpgpWorker(ojs, armoredKey, blob, length) {
  const started = performance.now();
  const reply = await ojs.call({ type: 'encrypt', armoredKey, file: blob });
  const ms = performance.now() - started;
  if (reply.type !== 'encrypted') throw new Error(`OpenPGP.js worker: ${reply.error}`);
  return { ms, inside: reply.ms_inside, out: plausible('OpenPGP.js worker', reply.message, length) };
}

/// Which SEIPD version OpenPGP.js chose, read back from one of its messages.
async function openpgpCipher(binaryMessage) {
  const message = await openpgp.readMessage({ binaryMessage });
  const packet = message.packets.find(
    (p) => p instanceof openpgp.SymEncryptedIntegrityProtectedDataPacket,
  );
  if (!packet) return 'unknown';
  if (packet.version === 2) {
    return `${openpgp.enums.read(openpgp.enums.symmetric, packet.cipherAlgorithm)}-` +
      `${openpgp.enums.read(openpgp.enums.aead, packet.aeadAlgorithm)} (AEAD, SEIPD v2)`;
  }
  return 'SEIPD v1 (session-key cipher is inside the PKESK)';
}

async function main() {
  const began = performance.now();
  const [seal, ojs] = await Promise.all([
    startWorker('/seal-worker-loader.js', { name: 'sealpost-seal-worker' }),
    startWorker('./openpgp-worker.js', { type: 'module', name: 'openpgpjs-bench' }),
  ]);
  log(`workers ready after ${(performance.now() - began).toFixed(0)} ms`);
  const rows = [];
  for (const keySpec of KEYS) {
    const response = await fetch(keySpec.url);
    if (!response.ok) throw new Error(`${keySpec.url}: HTTP ${response.status}`);
    const armoredKey = await response.text();
    const key = await openpgp.readKey({ armoredKey });
    for (const size of SIZES) {
      const data = randomBytes(size.bytes);
      const blob = new Blob([data]);
      const row = {
        key: keySpec.name, size: size.label, bytes: size.bytes, runs: size.runs,
        rpgp_worker: [], rpgp_inside: [], ojs_main: [], ojs_worker: [], ojs_worker_inside: [],
      };
      // Warm-up: compiles hot paths and grows memories; not counted.
      const warm = await rpgp(seal, armoredKey, blob, size.bytes);
      const warmOjs = await openpgpMain(key, data);
      await openpgpWorker(ojs, armoredKey, blob, size.bytes);
      row.rpgp_cipher = warm.cipher;
      row.ojs_cipher = size.bytes <= 4 * KIB ? await openpgpCipher(warmOjs.message) : undefined;
      row.rpgp_out = warm.out;
      row.ojs_out = warmOjs.out;
      const cases = [
        async () => {
          const r = await rpgp(seal, armoredKey, blob, size.bytes);
          row.rpgp_worker.push(r.ms);
          row.rpgp_inside.push(r.inside);
        },
        async () => row.ojs_main.push((await openpgpMain(key, data)).ms),
        async () => {
          const r = await openpgpWorker(ojs, armoredKey, blob, size.bytes);
          row.ojs_worker.push(r.ms);
          row.ojs_worker_inside.push(r.inside);
        },
      ];
      for (let run = 0; run < size.runs; run++) {
        // Rotate the order so drift (heat, other load) does not favour one of them.
        for (let i = 0; i < cases.length; i++) await cases[(run + i) % cases.length]();
      }
      log(`${keySpec.name} ${size.label}: ${JSON.stringify(row)}`);
      rows.push(row);
    }
  }
  seal.worker.terminate();
  ojs.worker.terminate();
  return {
    user_agent: navigator.userAgent,
    hardware_concurrency: navigator.hardwareConcurrency,
    openpgpjs: openpgp.config.versionString,
    total_ms: performance.now() - began,
    rows,
  };
}

main().then(
  (result) => { window.benchResult = JSON.stringify(result); },
  (err) => {
    log(`FAILED: ${err && err.stack || err}`);
    window.benchError = String(err && err.message || err);
  },
);

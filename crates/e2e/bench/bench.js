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
// 4 KiB is a report without attachments: armored, as the app seals it (issue 10: "key parse +
// encrypt + armor"). The bigger ones are attachments: binary, as the app sends them.
const SIZES = [
  { label: '4 KiB', bytes: 4 * KIB, runs: quick ? 1 : 15, armor: true },
  { label: '1 MiB', bytes: MIB, runs: quick ? 1 : 5, armor: false },
  { label: '16 MiB', bytes: 16 * MIB, runs: quick ? 1 : 3, armor: false },
];
// "100 MB attachment sealed in the browser" (issue 10): once, to the Curve25519 key.
const HUGE_BYTES = 100 * 1000 * 1000;

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
  const isOutput = output instanceof Uint8Array || typeof output === 'string';
  if (!isOutput || output.length <= inputLength) {
    throw new Error(`${what}: ${output && output.length} output bytes for ${inputLength} in`);
  }
  return output.length;
}

async function rpgp(seal, armoredKey, blob, length, armor) {
  const started = performance.now();
  const reply = await seal.call({
    type: 'encrypt',
    json: JSON.stringify({ keys: [armoredKey], armor }),
    files: [blob],
  });
  const ms = performance.now() - started;
  if (reply.type !== 'encrypted') throw new Error(`rPGP worker: ${reply.type} ${reply.json}`);
  const info = JSON.parse(reply.json);
  return {
    ms,
    inside: info.ms_inside,
    keys: info.ms_keys,
    read: info.ms_read,
    cipher: info.cipher,
    wasmMemory: info.wasm_memory_bytes,
    jsWorking: info.js_working_bytes,
    out: plausible('rPGP', reply.message, length),
  };
}

async function openpgpMain(key, data, armor) {
  const started = performance.now();
  const message = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: data }),
    encryptionKeys: key,
    format: armor ? 'armored' : 'binary',
  });
  const ms = performance.now() - started;
  return { ms, out: plausible('OpenPGP.js', message, data.length), message };
}

async function openpgpWorker(ojs, armoredKey, blob, length, armor) {
  const started = performance.now();
  const reply = await ojs.call({ type: 'encrypt', armoredKey, file: blob, armor });
  const ms = performance.now() - started;
  if (reply.type !== 'encrypted') throw new Error(`OpenPGP.js worker: ${reply.error}`);
  return { ms, inside: reply.ms_inside, out: plausible('OpenPGP.js worker', reply.message, length) };
}

/// Which SEIPD version OpenPGP.js chose, read back from one of its messages.
async function openpgpCipher(output) {
  const message = typeof output === 'string'
    ? await openpgp.readMessage({ armoredMessage: output })
    : await openpgp.readMessage({ binaryMessage: output });
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
    // The seal-only worker: the one a served page seals reports with.
    startWorker('/seal-only-worker-loader.js', { name: 'sealpost-seal-worker' }),
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
        key: keySpec.name, size: size.label, bytes: size.bytes, runs: size.runs, armor: size.armor,
        rpgp_worker: [], rpgp_keys: [], rpgp_read: [], rpgp_inside: [], ojs_main: [], ojs_worker: [], ojs_worker_inside: [],
      };
      // Warm-up: compiles hot paths and grows memories; not counted.
      const warm = await rpgp(seal, armoredKey, blob, size.bytes, size.armor);
      const warmOjs = await openpgpMain(key, data, size.armor);
      await openpgpWorker(ojs, armoredKey, blob, size.bytes, size.armor);
      row.rpgp_cipher = warm.cipher;
      row.ojs_cipher = size.bytes <= 4 * KIB ? await openpgpCipher(warmOjs.message) : undefined;
      row.rpgp_out = warm.out;
      row.ojs_out = warmOjs.out;
      const cases = [
        async () => {
          const r = await rpgp(seal, armoredKey, blob, size.bytes, size.armor);
          row.rpgp_worker.push(r.ms);
          row.rpgp_keys.push(r.keys);
          row.rpgp_read.push(r.read);
          row.rpgp_inside.push(r.inside);
        },
        async () => row.ojs_main.push((await openpgpMain(key, data, size.armor)).ms),
        async () => {
          const r = await openpgpWorker(ojs, armoredKey, blob, size.bytes, size.armor);
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
  ojs.worker.terminate();
  const huge = await hugeAttachment(seal, await (await fetch(KEYS[0].url)).text());
  return {
    huge,
    user_agent: navigator.userAgent,
    hardware_concurrency: navigator.hardwareConcurrency,
    openpgpjs: openpgp.config.versionString,
    total_ms: performance.now() - began,
    rows,
  };
}

/// The 100 MB attachment: sealed (binary) by a fresh worker, as the app does, while the main
/// thread is watched for long tasks (the Long Tasks API) and for gaps between 10 ms ticks.
async function hugeAttachment(used, armoredKey) {
  // A fresh worker, so its memory is this request's alone.
  used.worker.terminate();
  const seal = await startWorker('/seal-only-worker-loader.js', { name: 'sealpost-seal-worker' });
  let blob = new Blob([randomBytes(HUGE_BYTES)]);
  // Making 100 MB of random bytes and handing them to a Blob is the bench's own work, not the
  // sealing's: let it settle (and its garbage be collected) before watching the main thread.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const longTasks = [];
  let observer = null;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
  }
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  let result;
  try {
    result = await rpgp(seal, armoredKey, blob, HUGE_BYTES, false);
  } catch (err) {
    clearInterval(ticker);
    if (observer) observer.disconnect();
    seal.worker.terminate();
    return { bytes: HUGE_BYTES, completed: false, error: String(err && err.message || err) };
  }
  // Let the last tick and long-task entries arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(ticker);
  if (observer) observer.disconnect();
  seal.worker.terminate();
  blob = null;
  log(`100 MB: ${result.ms.toFixed(0)} ms, worker wasm memory ${result.wasmMemory}, out ${result.out}`);
  return {
    bytes: HUGE_BYTES,
    completed: true,
    ms: result.ms,
    out: result.out,
    wasm_memory_bytes: result.wasmMemory,
    js_working_bytes: result.jsWorking,
    long_tasks_supported: observer !== null,
    longest_task_ms: longTasks.length ? Math.max(...longTasks) : 0,
    longest_tick_gap_ms: longestGap,
  };
}

main().then(
  (result) => { window.benchResult = JSON.stringify(result); },
  (err) => {
    log(`FAILED: ${err && err.stack || err}`);
    window.benchError = String(err && err.message || err);
  },
);

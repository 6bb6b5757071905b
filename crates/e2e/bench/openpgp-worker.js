// OpenPGP.js 6 in a module worker, for a like-for-like comparison with sealpost's rPGP worker.
// Requests: {id, type: "encrypt", armoredKey, file: Blob, armor: bool}. The key is read on each request (as
// the rPGP worker's "encrypt" request accepts its keys each time); `ms_inside` times only
// createMessage + encrypt. Replies {id, type: "encrypted", ms_inside, message} (transferred) or
// {id, type: "failed", error}.
import * as openpgp from './openpgp.min.mjs';

self.onmessage = async (event) => {
  const { id, armoredKey, file, armor } = event.data;
  try {
    const key = await openpgp.readKey({ armoredKey });
    const data = new Uint8Array(await file.arrayBuffer());
    const started = performance.now();
    const message = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: data }),
      encryptionKeys: key,
      format: armor ? 'armored' : 'binary',
    });
    const msInside = performance.now() - started;
    const transfer = typeof message === 'string' ? [] : [message.buffer];
    self.postMessage({ id, type: 'encrypted', ms_inside: msInside, message }, transfer);
  } catch (err) {
    self.postMessage({ id, type: 'failed', error: String(err && err.stack || err) });
  }
};
self.postMessage({ type: 'ready' });

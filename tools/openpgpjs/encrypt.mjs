// Encrypts data to a public key with OpenPGP.js 6 and its default configuration, for sealpost's
// cross-checks and benchmarks. OpenPGP.js picks SEIPD v1 or v2 from the key's features.
//
// stdin:  { "publicKey": "<armored public key>", "data": "<base64 plaintext>" }
// stdout: the ASCII-armored message
// On failure: the error on stderr and exit status 1.

import * as openpgp from 'openpgp';
import { main, readJsonStdin, requireString } from './common.mjs';

await main('encrypt.mjs', async () => {
  const input = await readJsonStdin();
  const publicKey = await openpgp.readKey({ armoredKey: requireString(input, 'publicKey') });
  const data = new Uint8Array(Buffer.from(requireString(input, 'data'), 'base64'));
  const armored = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: data }),
    encryptionKeys: publicKey,
    format: 'armored',
  });
  process.stdout.write(armored);
});

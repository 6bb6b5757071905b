// Decrypts an OpenPGP message with OpenPGP.js 6 and its default configuration: an independent
// implementation for sealpost's interop tests (crates/testkit/src/openpgpjs.rs).
//
// stdin:  { "secretKey": "<armored secret key>", "message": "<base64 of the message>" }
//         The message may be ASCII-armored or binary; binary OpenPGP data starts with a packet
//         header, whose top bit is always set, armor with text.
// stdout: { "data": "<base64 plaintext>", "aead": bool, "sessionKeyAlgorithm": string | null,
//           "aeadAlgorithm": string | null }
//         "aead" is true when the data is in a SEIPD v2 packet (RFC 9580 AEAD) or a pre-RFC
//         AEAD Encrypted Data packet (tag 20); false for SEIPD v1 (CFB with MDC).
// On failure: the error on stderr and exit status 1.

import * as openpgp from 'openpgp';
import { main, readJsonStdin, requireString } from './common.mjs';

const { enums } = openpgp;

async function readMessage(bytes) {
  return bytes.length > 0 && (bytes[0] & 0x80) !== 0
    ? openpgp.readMessage({ binaryMessage: new Uint8Array(bytes) })
    : openpgp.readMessage({ armoredMessage: bytes.toString('utf8') });
}

/** How the data of `message` is encrypted, from its packets (readable before decryption). */
function encryptionContainer(message) {
  for (const packet of message.packets) {
    const tag = packet.constructor.tag;
    if (tag === enums.packet.symEncryptedIntegrityProtectedData) {
      const v2 = packet.version === 2;
      return {
        aead: v2,
        cipher: v2 ? enums.read(enums.symmetric, packet.cipherAlgorithm) : null,
        aeadAlgorithm: v2 ? enums.read(enums.aead, packet.aeadAlgorithm) : null,
      };
    }
    if (tag === enums.packet.aeadEncryptedData) {
      return {
        aead: true,
        cipher: enums.read(enums.symmetric, packet.cipherAlgorithm),
        aeadAlgorithm: enums.read(enums.aead, packet.aeadAlgorithm),
      };
    }
  }
  // Default config refuses unprotected (tag 9) data, so decryption fails below with its reason.
  return { aead: false, cipher: null, aeadAlgorithm: null };
}

await main('decrypt.mjs', async () => {
  const input = await readJsonStdin();
  const privateKey = await openpgp.readPrivateKey({
    armoredKey: requireString(input, 'secretKey'),
  });
  const bytes = Buffer.from(requireString(input, 'message'), 'base64');

  const message = await readMessage(bytes);
  const container = encryptionContainer(message);
  const { data } = await openpgp.decrypt({
    message,
    decryptionKeys: privateKey,
    format: 'binary',
  });

  // For SEIPD v1 the cipher is named inside the (v3 PKESK) encrypted session key only.
  let sessionKeyAlgorithm = container.cipher;
  if (sessionKeyAlgorithm === null) {
    const [sessionKey] = await openpgp.decryptSessionKeys({
      message: await readMessage(bytes),
      decryptionKeys: privateKey,
    });
    sessionKeyAlgorithm = sessionKey?.algorithm ?? null;
  }

  process.stdout.write(
    `${JSON.stringify({
      data: Buffer.from(data).toString('base64'),
      aead: container.aead,
      sessionKeyAlgorithm,
      aeadAlgorithm: container.aeadAlgorithm,
    })}\n`,
  );
});

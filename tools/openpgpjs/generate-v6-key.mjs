// Generates an unprotected RFC 9580 (v6) key pair with OpenPGP.js, for the test fixtures in
// tests/fixtures/keys/ (see its generate.sh and MANIFEST.md).
//
// The keys advertise SEIPD v2 (features 0x09, AEAD cipher-suite preferences) as RFC 9580 keys
// from GnuPG 2.5 and Sequoia do: OpenPGP.js sets that only with `aeadProtect` at generation
// (the option also picks AEAD for passphrase protection, which an unprotected key has none of).
//
// usage: node generate-v6-key.mjs <curve25519|curve448> <name> <email> <ISO date> <out prefix>
// writes <out prefix>.public.asc and <out prefix>.secret.asc

import { writeFileSync } from 'node:fs';
import * as openpgp from 'openpgp';

const [type, name, email, date, prefix] = process.argv.slice(2);
if (!prefix || !['curve25519', 'curve448'].includes(type)) {
  process.stderr.write(
    'usage: node generate-v6-key.mjs <curve25519|curve448> <name> <email> <ISO date> <out prefix>\n',
  );
  process.exit(2);
}

const { privateKey, publicKey } = await openpgp.generateKey({
  type,
  userIDs: [{ name, email }],
  date: new Date(date),
  keyExpirationTime: 0,
  config: { v6Keys: true, aeadProtect: true },
  format: 'armored',
});
writeFileSync(`${prefix}.public.asc`, publicKey);
writeFileSync(`${prefix}.secret.asc`, privateKey);

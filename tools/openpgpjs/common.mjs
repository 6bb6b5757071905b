// Shared by decrypt.mjs and encrypt.mjs: JSON in on stdin, JSON or text out on stdout, and on
// failure the error's message on stderr with a non-zero exit status.

export async function readJsonStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function requireString(input, field) {
  if (typeof input[field] !== 'string') {
    throw new Error(`the input's "${field}" must be a string`);
  }
  return input[field];
}

export async function main(script, body) {
  try {
    await body();
  } catch (err) {
    process.stderr.write(`${script}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

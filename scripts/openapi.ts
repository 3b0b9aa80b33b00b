/**
 * npm run openapi -- [--check]
 * Writes docs/openapi.json from the contract's schemas (lib/contract.ts); `--check` exits 1
 * when the committed file differs from what would be written.
 */
import { readFile, writeFile } from "node:fs/promises";
import { openApiDocument } from "../lib/openapi";

const FILE = "docs/openapi.json";

async function main(): Promise<number> {
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  const text = `${JSON.stringify(openApiDocument(pkg.version), null, 2)}\n`;
  if (process.argv.includes("--check")) {
    const current = await readFile(FILE, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`${FILE} is out of date: run npm run openapi`);
      return 1;
    }
    console.log(`${FILE} is up to date`);
    return 0;
  }
  await writeFile(FILE, text);
  console.log(`${FILE} written`);
  return 0;
}

void main().then((code) => process.exit(code));

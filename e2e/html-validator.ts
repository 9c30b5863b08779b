import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The Nu Html Checker (vnu.jar, the W3C validator's engine) run locally on files. One JVM start
 * checks every file at once; it needs a Java runtime on the PATH.
 */
export const vnuJar = join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

export interface VnuMessage {
  /** "error", "info" (subType "warning" for warnings) or "non-document-error" (I/O, internal). */
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  /** file:/… URL of the checked file. */
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function isVnuReport(value: unknown): value is { messages: VnuMessage[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'messages' in value &&
    Array.isArray((value as { messages: unknown }).messages)
  );
}

function parseReport(output: string): VnuMessage[] | undefined {
  const start = output.indexOf('{');
  if (start === -1) return undefined;
  try {
    const parsed: unknown = JSON.parse(output.slice(start));
    return isVnuReport(parsed) ? parsed.messages : undefined;
  } catch {
    return undefined;
  }
}

/** Checks HTML files; resolves with every message vnu reported (errors and warnings alike). */
export function validateHtmlFiles(files: string[]): Promise<VnuMessage[]> {
  if (!existsSync(vnuJar)) {
    return Promise.reject(new Error(`The Nu Html Checker is missing at ${vnuJar}; run npm install.`));
  }
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--stdout', ...files],
      { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              'HTML validation needs a Java runtime and `java` was not found on the PATH. ' +
                'Install one — on Debian/Ubuntu: apt-get install default-jre-headless — and run again.',
            ),
          );
          return;
        }
        // vnu exits 1 whenever it reports an error; the JSON report is what counts.
        const messages = parseReport(stdout) ?? parseReport(stderr);
        if (messages) resolve(messages);
        else
          reject(
            new Error(
              `The Nu Html Checker gave no JSON report (${error ? error.message : 'exit 0'}):\n` +
                `${stderr || stdout}`.slice(0, 4000),
            ),
          );
      },
    );
  });
}

/** One line per message: file:line:column, the message, and the offending source. */
export function formatVnuMessage(message: VnuMessage): string {
  const file = message.url ? basename(decodeURIComponent(new URL(message.url).pathname)) : '(no file)';
  const line = message.firstLine ?? message.lastLine ?? '?';
  const column = message.firstColumn ?? message.lastColumn ?? '?';
  const extract = message.extract ? `\n      ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
  return `  ${file}:${line}:${column} ${message.message}${extract}`;
}

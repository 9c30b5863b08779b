// The memory a Node process really keeps, read through its inspector (the process must run with
// --inspect=127.0.0.1:<port>): a full garbage collection first, then process.memoryUsage().
//
// Resident memory (RSS) alone cannot tell a leak from a heap and allocator that have grown to
// their working size under load and keep it (V8 and glibc rarely give memory back); the live
// heap after a full collection can. Benchmarks report both.
import { WebSocket } from 'undici';

/**
 * @param {number} port the inspector's port
 * @returns {Promise<{ measure: () => Promise<{ heapUsedMb: number, externalMb: number, rssMb: number }>, close: () => void }>}
 */
export async function connectToInspector(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const target = targets.find((candidate) => candidate.webSocketDebuggerUrl);
  if (!target) throw new Error(`No inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener(
      'error',
      () => reject(new Error(`Could not connect to the inspector on ${port}`)),
      {
        once: true,
      },
    );
  });
  let nextId = 1;
  const pending = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const megabytes = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    async measure() {
      await call('HeapProfiler.collectGarbage');
      const { result } = await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      const usage = JSON.parse(result.value);
      return {
        heapUsedMb: megabytes(usage.heapUsed),
        externalMb: megabytes(usage.external),
        rssMb: megabytes(usage.rss),
      };
    },
    close: () => socket.close(),
  };
}

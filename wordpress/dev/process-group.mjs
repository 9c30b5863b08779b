// Ends a server started in its own process group, children included. Shared by the development
// WordPress (which starts PHP servers) and the launchers in scripts/, which import it from here.

/** Whether any process of a process group is still alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends a whole process group: SIGTERM, then SIGKILL after a grace period, and waits until no
 * member is left (a parent may exit before the server process it forked).
 */
export async function stopProcessGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // Gone in between.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Sends the outbox: each waiting report of the signed-in monitor, oldest first, then its files in parts.
// A report keeps its client id, so a retry after a lost answer is recognised by the server (200, the first result).
// A refusal (4xx) stops that report only, with the server's reason; a network failure or a 5xx is retried with backoff.
// A server that says when to come back (429 or 503 with Retry-After) is left alone until then: that report waits at
// least that long, and the run stops, so that the rest of the outbox does not meet the same answer one by one.

import { reports, session } from './outbox.js';

/** The size of one part of a file, in bytes: small enough to get through a poor mobile link. */
export const CHUNK = 256 * 1024;

const MAX_BACKOFF = 5 * 60 * 1000;

let running = null;

/** Until when (ms since the epoch) the server asked not to be sent anything; a forced run ("Send now") ignores it. */
let pausedUntil = 0;

/** Sends what is due (everything, when forced); one run at a time. */
export function sendAll(changed, force = false) {
  running ??= run(changed, force).finally(() => { running = null; });
  return running;
}

async function run(changed, force) {
  const current = await session.get();
  // With no network at all there is nothing to try; the 'online' event starts the next run.
  if (!current || !navigator.onLine) return;
  if (!force && pausedUntil > Date.now()) return;
  const all = (await reports.all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const report of all) {
    if (report.userId !== current.userId || report.state === 'sent' || report.state === 'refused') continue;
    if (!force && report.nextAttemptAt && report.nextAttemptAt > Date.now()) continue;
    report.state = 'sending';
    await reports.put(report);
    changed();
    const outcome = await sendOne(report, current.token, changed);
    if (outcome.signedOut) {
      report.state = 'waiting';
      await reports.put(report);
      changed({ signedOut: true });
      return;
    }
    if (outcome.sent) {
      report.state = 'sent';
      report.reason = null;
    } else if (outcome.refused) {
      report.state = 'refused';
      report.reason = outcome.refused;
      report.status = outcome.status;
    } else {
      report.state = 'waiting';
      report.attempts = (report.attempts ?? 0) + 1;
      report.nextAttemptAt = Date.now() + Math.max(Math.min(MAX_BACKOFF, 2000 * 2 ** report.attempts), outcome.after ?? 0);
    }
    await reports.put(report);
    changed();
    if (outcome.after) {
      pausedUntil = Date.now() + outcome.after;
      return;
    }
  }
}

function authorised(token, headers = {}) {
  return { ...headers, Authorization: `Bearer ${token}` };
}

async function sendOne(report, token, changed) {
  try {
    if (!report.stored) {
      const response = await fetch('/api/observations', {
        method: 'POST',
        // The same body on every attempt (a retry must repeat it to be answered as the first), with the device's
        // clock as it sends, which the server keeps beside its receipt to show a wrong clock.
        headers: authorised(token, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ ...report.body, deviceTime: new Date().toISOString() }),
      });
      const answer = await settle(response);
      if (!answer.ok) return answer;
      report.stored = true;
      await reports.put(report);
      changed();
    }
    for (const file of report.files) {
      if (file.sent) continue;
      const answer = await upload(report, file, token);
      if (!answer.ok) return answer;
      file.sent = true;
      await reports.put(report);
      changed();
    }
    return { sent: true };
  } catch {
    // No network, or the server went away mid-answer: nothing is lost, the report is sent again later.
    return { retry: true };
  }
}

/** Sends a file in parts from where the server says it has got to; a file the observation already cites is not sent again. */
async function upload(report, file, token) {
  let offset = file.offset ?? 0;
  for (;;) {
    const end = Math.min(offset + CHUNK, file.size);
    const query = new URLSearchParams({ name: file.name, type: file.type || 'application/octet-stream' });
    const response = await fetch(`/api/observations/${report.id}/evidence/${file.sha256}?${query}`, {
      method: 'PUT',
      headers: authorised(token, { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${offset}-${end - 1}/${file.size}` }),
      body: file.blob.slice(offset, end),
    });
    if (response.status === 202) {
      offset = Number(response.headers.get('Upload-Offset') ?? 0);
      file.offset = offset;
      await reports.put(report);
      continue;
    }
    return settle(response);
  }
}

async function settle(response) {
  if (response.ok) return { ok: true };
  if (response.status === 401) return { signedOut: true };
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    return { refused: await reason(response), status: response.status };
  }
  return { retry: true, after: retryAfter(response) };
}

/** Retry-After in milliseconds (seconds, or an HTTP date), at most an hour; 0 when there is none or it cannot be read. */
function retryAfter(response) {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return 0;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 60 * 60 * 1000) : 0;
}

/** The server's problem details as one line: its title, then each field with its message. */
async function reason(response) {
  try {
    const problem = await response.json();
    const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
    return [problem.title, ...fields].filter(Boolean).join(' ');
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

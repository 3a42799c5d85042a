// The same uploads without Truce's client: a plain loop of fetch calls from the same page, over the same emulated link,
// with the same bearer token. Each report is posted, then its photo as one multipart upload (POST .../evidence). No
// outbox, no parts, no retry: what a simple online form would do. Returns the milliseconds the uploads took.
async ({ reports, photos, photoBytes, tag }) => {
  const { session } = await import('/field/outbox.js');
  const token = (await session.get()).token;
  const every = photos > 0 ? Math.floor(reports / photos) : 0;
  const prepared = [];
  for (let i = 0; i < reports; i++) {
    let photo = null;
    if (every > 0 && i % every === 0 && i / every < photos) {
      const bytes = new Uint8Array(photoBytes);
      for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(o + 65536, bytes.length)));
      photo = new Blob([bytes], { type: 'image/jpeg' });
    }
    const id = crypto.randomUUID();
    prepared.push({
      photo, body: {
        id, observedAt: new Date(Date.UTC(2026, 10, 29, 6, 0) + i * 60000).toISOString(), timePrecision: 'exact',
        latitude: 40.8 + (i % 100) / 1000, longitude: 45.38, locationPrecisionM: 50, category: 'explosion', count: 1 + (i % 5),
        sensor: 'heard', narrative: `${tag} ${i}`,
      },
    });
  }
  const started = performance.now();
  for (const { body, photo } of prepared) {
    const posted = await fetch('/api/observations', {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    if (!posted.ok) throw new Error(`report ${body.id}: ${posted.status}`);
    if (photo) {
      const form = new FormData();
      form.append('file', photo, `photo-${body.id}.jpg`);
      const attached = await fetch(`/api/observations/${body.id}/evidence`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
      if (!attached.ok) throw new Error(`photo of ${body.id}: ${attached.status}`);
    }
  }
  return performance.now() - started;
}

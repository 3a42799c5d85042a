// Fills the field client's outbox as its form would (app.js, save): each report with its client id, its files as Blobs
// with their SHA-256, state 'waiting', under the signed-in monitor. Run in the page; nothing is sent from here.
async ({ reports, photos, photoBytes, tag }) => {
  const { reports: outbox, session } = await import('/field/outbox.js');
  const current = await session.get();
  const every = photos > 0 ? Math.floor(reports / photos) : 0;
  const start = Date.now();
  for (let i = 0; i < reports; i++) {
    const files = [];
    if (every > 0 && i % every === 0 && i / every < photos) {
      const bytes = new Uint8Array(photoBytes);
      for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(o + 65536, bytes.length)));
      const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
      files.push({ name: `photo-${i}.jpg`, type: 'image/jpeg', size: bytes.length, blob: new Blob([bytes], { type: 'image/jpeg' }), sha256, sent: false });
    }
    const id = crypto.randomUUID();
    const body = {
      id, observedAt: new Date(Date.UTC(2026, 10, 29, 6, 0) + i * 60000).toISOString(), timePrecision: 'exact',
      latitude: 40.8 + (i % 100) / 1000, longitude: 45.38, locationPrecisionM: 50, category: 'explosion', count: 1 + (i % 5),
      sensor: 'heard', narrative: `${tag} ${i}`,
    };
    await outbox.put({
      id, userId: current.userId, userName: current.name, body, files, state: 'waiting', attempts: 0,
      createdAt: new Date(start + i).toISOString(),
    });
  }
  return (await outbox.all()).length;
}

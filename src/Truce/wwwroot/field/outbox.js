// The outbox: every report recorded on this device, with its files, kept in IndexedDB before anything is sent.
// It outlives the page, the browser and days without a network; each report names the monitor who recorded it,
// and only that monitor's session ever sends it.

const NAME = 'truce-field';
const VERSION = 1;

let opened;

function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('reports', { keyPath: 'id' });
      // The signed-in monitor (one at a time per device) and the mission's reference data for offline use.
      db.createObjectStore('session', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function transaction(store, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    // Strict durability: the write has reached the disk when the transaction completes.
    const tx = db.transaction(store, mode, { durability: 'strict' });
    const request = work(tx.objectStore(store));
    // Resolved only once the transaction has completed, so "saved" means saved.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const reports = {
  put: (report) => transaction('reports', 'readwrite', (s) => s.put(report)),
  get: (id) => transaction('reports', 'readonly', (s) => s.get(id)),
  all: () => transaction('reports', 'readonly', (s) => s.getAll()),
  remove: (id) => transaction('reports', 'readwrite', (s) => s.delete(id)),
};

export const session = {
  get: () => transaction('session', 'readonly', (s) => s.get('current')),
  put: (value) => transaction('session', 'readwrite', (s) => s.put({ ...value, key: 'current' })),
  clear: () => transaction('session', 'readwrite', (s) => s.delete('current')),
};

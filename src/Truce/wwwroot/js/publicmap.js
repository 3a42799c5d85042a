// The public map (/public/map): the squares of /api/public/grid as rectangles shaded by their count, over the mission's
// boundaries (no tile server needed; tiles only when the mission configured a URL). Nothing finer than a square is
// drawn: no incident, no marker. The page's table lists the same squares for those who do not use the map; each
// rectangle is reachable with Tab and says its square and count, as the table's row does. Words come from data-* attributes.
(function () {
  const el = document.getElementById('public-map');
  if (!el || !window.L) { return; }

  // Light to dark (ColorBrewer OrRd, five classes): the more verified incidents, the darker the square.
  const shades = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
  const map = L.map(el, { attributionControl: true, keyboard: true });
  map.attributionControl.addAttribution('Made with Natural Earth');
  map.setView([20, 0], 2);
  if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 12 }).addTo(map); }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  // The same words the table's first column shows, e.g. "39.80–39.89° N 46.70–46.82° E".
  function extent(from, to, positive, negative) {
    return Math.abs(from).toFixed(2) + '–' + Math.abs(to).toFixed(2) + '° ' + (from >= 0 ? positive : negative);
  }

  // Class breaks: five equal steps from the minimum shown count to the largest, merged when the range is narrower.
  function breaks(counts) {
    const low = Math.min.apply(null, counts), high = Math.max.apply(null, counts);
    const steps = Math.min(shades.length, high - low + 1);
    const edges = [];
    for (let i = 0; i < steps; i++) {
      const from = low + Math.round(i * (high - low + 1) / steps);
      const to = low + Math.round((i + 1) * (high - low + 1) / steps) - 1;
      edges.push({ from: from, to: to, colour: shades[Math.round(i * (shades.length - 1) / Math.max(1, steps - 1))] });
    }
    return edges;
  }

  function shadeOf(edges, count) {
    for (let i = 0; i < edges.length; i++) { if (count <= edges[i].to) { return edges[i].colour; } }
    return edges[edges.length - 1].colour;
  }

  function legend(edges) {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      const div = L.DomUtil.create('div', 'legend');
      const title = document.createElement('strong');
      title.textContent = el.dataset.legendTitle;
      div.appendChild(title);
      edges.forEach(function (edge) {
        const line = document.createElement('div');
        const mark = document.createElement('i');
        mark.style.background = edge.colour;
        mark.style.borderRadius = '2px';
        line.appendChild(mark);
        line.appendChild(document.createTextNode(edge.from === edge.to ? String(edge.from) : edge.from + '–' + edge.to));
        div.appendChild(line);
      });
      return div;
    };
    control.addTo(map);
  }

  const boundaries = getJson('/api/boundaries').then(function (geo) {
    const layer = L.geoJSON(geo, { interactive: false, style: { color: '#55616d', weight: 1.2, fillColor: '#f4f1ea', fillOpacity: el.dataset.tiles ? 0.1 : 1, className: 'boundary' } }).addTo(map);
    layer.bringToBack();
    return layer;
  }).catch(function (e) { console.error(e); return null; });

  const cells = getJson(el.dataset.grid).then(function (grid) {
    const layer = L.featureGroup().addTo(map);
    if (grid.features.length === 0) { return layer; }
    const edges = breaks(grid.features.map(function (f) { return f.properties.count; }));
    grid.features.forEach(function (f) {
      const ring = f.geometry.coordinates[0];
      const west = ring[0][0], south = ring[0][1], east = ring[2][0], north = ring[2][1];
      const label = extent(south, north, 'N', 'S') + ' ' + extent(west, east, 'E', 'W') + ' — ' + el.dataset.countLabel + ': ' + f.properties.count;
      const square = L.rectangle([[south, west], [north, east]], {
        color: '#7a1a00', weight: 1, fillColor: shadeOf(edges, f.properties.count), fillOpacity: 0.75, className: 'grid-cell'
      }).bindTooltip(label).addTo(layer);
      const path = square.getElement();
      path.setAttribute('data-cell', f.id);
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'img');
      path.setAttribute('aria-label', label);
      // A visible focus: the square's outline thickens while it has the keyboard, and its tooltip opens.
      path.addEventListener('focus', function () { square.setStyle({ weight: 4 }); square.openTooltip(); });
      path.addEventListener('blur', function () { square.setStyle({ weight: 1 }); square.closeTooltip(); });
    });
    legend(edges);
    return layer;
  }).catch(function (e) { console.error(e); return null; });

  Promise.all([boundaries, cells]).then(function (layers) {
    // The squares frame the map; without any, the mission's boundaries.
    const frame = layers[1] && layers[1].getBounds().isValid() ? layers[1].getBounds() : layers[0] && layers[0].getBounds();
    if (frame && frame.isValid()) { map.fitBounds(frame.pad(0.2), { animate: false, maxZoom: 10 }); }
    el.dataset.drawn = layers[1] ? String(layers[1].getLayers().length) : '0';
    el.dataset.ready = 'true';
  });
})();

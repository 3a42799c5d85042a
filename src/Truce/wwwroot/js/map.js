// The mission map: Natural Earth boundaries as the base layer (no tile server needed), then zones, sites,
// incidents and observations from the JSON API. Text from records is set with textContent, never as HTML.
(function () {
  const el = document.getElementById('map');
  if (!el || !window.L) { return; }

  const colours = {
    reported: '#6c757d', under_review: '#1f5f99', verified: '#2e7d32',
    unverifiable: '#9e9e9e', disputed: '#e07000', rejected: '#b71c1c'
  };
  const map = L.map(el, { preferCanvas: false, attributionControl: true });
  map.attributionControl.addAttribution('Made with Natural Earth; GeoNames (CC BY 4.0)');
  map.setView([40.1, 46.0], 7);

  const tiles = el.dataset.tiles;
  if (tiles) { L.tileLayer(tiles, { maxZoom: 18 }).addTo(map); }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  function popup(title, href, lines) {
    const box = document.createElement('div');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = title;
    box.appendChild(link);
    lines.forEach(function (line) {
      const p = document.createElement('div');
      p.textContent = line;
      box.appendChild(p);
    });
    return box;
  }

  function when(iso) { return new Date(iso).toLocaleString(); }

  getJson('/api/boundaries').then(function (geo) {
    const layer = L.geoJSON(geo, { style: { color: '#55616d', weight: 1.2, fillColor: '#f4f1ea', fillOpacity: tiles ? 0.1 : 1 } }).addTo(map);
    layer.bringToBack();
    if (!el.dataset.incidents || el.dataset.incidents.indexOf('/api/incidents/') < 0) { map.fitBounds(layer.getBounds()); }
  }).catch(console.error);

  if (el.dataset.zones) {
    getJson(el.dataset.zones).then(function (geo) {
      L.geoJSON(geo, {
        style: function (f) { return { color: f.properties.kind === 'buffer' ? '#c62828' : f.properties.kind === 'corridor' ? '#6a1b9a' : '#00838f', weight: 1.5, dashArray: '4 3', fillOpacity: 0.08 }; },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name); }
      }).addTo(map);
    }).catch(console.error);
  }
  if (el.dataset.sites) {
    getJson(el.dataset.sites).then(function (geo) {
      L.geoJSON(geo, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 5, color: '#222', weight: 1, fillColor: '#fff', fillOpacity: 1 }); },
        onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name + ' (' + f.properties.kind + ')'); }
      }).addTo(map);
    }).catch(console.error);
  }

  if (el.dataset.incidents) {
    getJson(el.dataset.incidents).then(function (data) {
      const features = data.type === 'FeatureCollection' ? data.features
        : [{ type: 'Feature', id: data.id, geometry: { type: 'Point', coordinates: [data.longitude, data.latitude] }, properties: data }];
      const layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
        pointToLayer: function (f, latlng) {
          const p = f.properties;
          return L.circleMarker(latlng, { radius: 6 + Math.min(6, p.observationCount || 1), color: '#fff', weight: 1.5,
            fillColor: colours[p.status] || '#444', fillOpacity: 0.9, className: 'incident incident-' + f.id });
        },
        onEachFeature: function (f, layer) {
          const p = f.properties;
          layer.bindPopup(popup(p.title, '/incidents/' + f.id, [when(p.startsAt), p.status.replace('_', ' ') + ', ' + p.observationCount + ' report(s)']));
        }
      }).addTo(map);
      if (features.length === 1) { map.setView(layer.getBounds().getCenter(), 12); }
    }).catch(console.error);
  }

  if (el.dataset.observations) {
    getJson(el.dataset.observations).then(function (data) {
      const single = el.dataset.incidents && el.dataset.incidents.indexOf('/api/incidents/') >= 0;
      const features = data.features.filter(function (f) { return single || !f.properties.incidentId; });
      L.geoJSON({ type: 'FeatureCollection', features: features }, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 4, color: '#1f5f99', weight: 1, fillColor: '#9cc3e6', fillOpacity: 0.9, className: 'observation obs-' + f.id });
        },
        onEachFeature: function (f, layer) {
          const p = f.properties;
          layer.bindPopup(popup(p.category.replace(/_/g, ' '), '/observations/' + f.id, [when(p.observedFrom), p.source]));
        }
      }).addTo(map);
    }).catch(console.error);
  }

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    const div = L.DomUtil.create('div', 'legend');
    Object.keys(colours).forEach(function (status) {
      const row = document.createElement('div');
      const dot = document.createElement('i');
      dot.style.background = colours[status];
      row.appendChild(dot);
      row.appendChild(document.createTextNode(status.replace('_', ' ')));
      div.appendChild(row);
    });
    return div;
  };
  legend.addTo(map);
})();

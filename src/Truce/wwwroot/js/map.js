// The mission map: the mission's boundaries as the base layer (no tile server needed), then zones, sites,
// incidents and observations from the JSON API. Text from records is set with textContent, never as HTML;
// the legend's words come from the element's data attributes, so the page can give them in the reader's language.
(function () {
  const el = document.getElementById('map');
  if (!el || !window.L) { return; }

  const colours = {
    reported: '#6c757d', under_review: '#1f5f99', verified: '#2e7d32',
    unverifiable: '#9e9e9e', disputed: '#e07000', rejected: '#b71c1c'
  };
  const zoneColours = { buffer: '#c62828', corridor: '#6a1b9a' };
  const single = !!el.dataset.incidents && el.dataset.incidents.indexOf('/api/incidents/') >= 0;
  const map = L.map(el, { preferCanvas: false, attributionControl: true });
  map.attributionControl.addAttribution('Made with Natural Earth; GeoNames (CC BY 4.0)');
  map.setView([20, 0], 2);

  const tiles = el.dataset.tiles;
  if (tiles) { L.tileLayer(tiles, { maxZoom: 18 }).addTo(map); }

  function text(name, fallback) { return el.getAttribute('data-' + name) || fallback; }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  function popup(title, href, lines) {
    const box = document.createElement('div');
    const link = document.createElement('a');
    if (href) { link.href = href; }
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

  // Each loader resolves to its layer (or null), so the view can be fitted once everything is drawn.
  const boundaries = getJson('/api/boundaries').then(function (geo) {
    const layer = L.geoJSON(geo, { style: { color: '#55616d', weight: 1.2, fillColor: '#f4f1ea', fillOpacity: tiles ? 0.1 : 1 } }).addTo(map);
    layer.bringToBack();
    return layer;
  }).catch(function (e) { console.error(e); return null; });

  const zones = !el.dataset.zones ? Promise.resolve(null) : getJson(el.dataset.zones).then(function (geo) {
    return L.geoJSON(geo, {
      style: function (f) { return { color: zoneColours[f.properties.kind] || '#00838f', weight: 1.5, dashArray: '4 3', fillOpacity: 0.08 }; },
      onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name); }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  const sites = !el.dataset.sites ? Promise.resolve(null) : getJson(el.dataset.sites).then(function (geo) {
    return L.geoJSON(geo, {
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 5, color: '#222', weight: 1, fillColor: '#fff', fillOpacity: 1, className: 'site' }); },
      // Around one incident the sites' names are always shown: they are what gives the position a meaning.
      onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name, { permanent: single, direction: 'right', className: 'site-label' }); }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  const incidents = !el.dataset.incidents ? Promise.resolve(null) : getJson(el.dataset.incidents).then(function (data) {
    const features = data.type === 'FeatureCollection' ? data.features
      : [{ type: 'Feature', id: data.id, geometry: { type: 'Point', coordinates: [data.longitude, data.latitude] }, properties: data }];
    return L.geoJSON({ type: 'FeatureCollection', features: features }, {
      pointToLayer: function (f, latlng) {
        const p = f.properties;
        return L.circleMarker(latlng, { radius: 6 + Math.min(6, p.observationCount || 1), color: '#fff', weight: 1.5,
          fillColor: colours[p.status] || '#444', fillOpacity: 0.9, className: 'incident incident-' + f.id });
      },
      onEachFeature: function (f, layer) {
        const p = f.properties;
        layer.bindPopup(popup(p.title, '/incidents/' + f.id, [when(p.startsAt), text('status-' + p.status, p.status) + ', ' + p.observationCount]));
      }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  const observations = !el.dataset.observations ? Promise.resolve(null) : getJson(el.dataset.observations).then(function (data) {
    const features = data.features.filter(function (f) { return single || !f.properties.incidentId; });
    return L.geoJSON({ type: 'FeatureCollection', features: features }, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 4, color: '#1f5f99', weight: 1, fillColor: '#9cc3e6', fillOpacity: 0.9, className: 'observation obs-' + f.id });
      },
      onEachFeature: function (f, layer) {
        const p = f.properties;
        layer.bindPopup(popup(p.category.replace(/_/g, ' '), '/observations/' + f.id, [when(p.observedFrom), p.source]));
      }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  // The gazetteer's localities, named in the reader's language (the server picks the name), under everything else.
  if (el.dataset.places) {
    getJson(el.dataset.places).then(function (geo) {
      const layer = L.geoJSON(geo, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 2.5, color: '#6b6b6b', weight: 1, fillColor: '#6b6b6b', fillOpacity: 0.8, className: 'place' }); },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(f.properties.name, { direction: 'top', className: 'place-label' });
          layer.bindPopup(popup(f.properties.name, '/places/' + encodeURIComponent(f.id), []));
        }
      }).addTo(map);
      // Drawn above the base map and below the records, which stay clickable.
      [sites, incidents, observations].forEach(function (p) { p.then(function (l) { if (l) { l.bringToFront(); } }); });
    }).catch(function (e) { console.error(e); });
  }
  // The handover plan: each handover's zone, sites and route, coloured by its state (dashed while a gate fails).
  const handoverColours = { planned: '#1f5f99', ready: '#2e7d32', in_progress: '#e07000', completed: '#55616d', postponed: '#b71c1c' };
  const handovers = !el.dataset.handovers ? Promise.resolve(null) : getJson(el.dataset.handovers).then(function (geo) {
    return L.geoJSON(geo, {
      style: function (f) { return { color: handoverColours[f.properties.state] || '#444', weight: 3, dashArray: f.properties.ready ? null : '6 4', fillOpacity: 0.15 }; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 7, className: 'handover handover-' + f.properties.state }); },
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties.name, '/handover/' + f.id, [text('handover-' + f.properties.state, f.properties.state)])); }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  // The prior-notice flags: a ring round each observation a notified activity covers (solid) or a movement none announced (dashed).
  const noticeColours = { pre_notified: '#6a1b9a', not_notified: '#b71c1c' };
  const notices = !el.dataset.notices ? Promise.resolve(null) : getJson(el.dataset.notices).then(function (geo) {
    return L.geoJSON(geo, {
      pointToLayer: function (f, latlng) {
        const flag = f.properties.flag;
        return L.circleMarker(latlng, { radius: 10, color: noticeColours[flag] || '#444', weight: 2.5, dashArray: flag === 'not_notified' ? '3 3' : null,
          fill: false, className: 'notice notice-' + flag + ' notice-obs-' + f.id });
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(popup(text('legend-' + f.properties.flag.replace('_', '-'), f.properties.flag), '/observations/' + f.id, [when(f.properties.observedFrom)]));
      }
    }).addTo(map);
  }).catch(function (e) { console.error(e); return null; });

  function boundsOf(layers) {
    const bounds = L.latLngBounds([]);
    layers.forEach(function (layer) { if (layer && layer.getBounds().isValid()) { bounds.extend(layer.getBounds()); } });
    return bounds;
  }

  // The registers: hazardous areas by land-release status (released ones faint), and each locality's return readiness.
  const hazardColours = { suspected: '#e07000', confirmed: '#b71c1c', reduced: '#c2185b', cancelled: '#7cb342', cleared: '#2e7d32' };
  const hazards = !el.dataset.hazards ? Promise.resolve(null) : getJson(el.dataset.hazards).then(function (geo) {
    return L.geoJSON(geo, {
      style: function (f) { return { color: hazardColours[f.properties.status] || '#444', weight: 1, fillOpacity: f.properties.released ? 0.1 : 0.35 }; },
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties.name, null, [text('hazard-' + f.properties.status, f.properties.status)])); }
    }).addTo(map);
  });
  const readinessColours = { not_ready: '#b71c1c', conditional: '#e0a800', ready: '#2e7d32' };
  const readiness = !el.dataset.readiness ? Promise.resolve(null) : getJson(el.dataset.readiness).then(function (geo) {
    return L.geoJSON(geo, {
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 8, weight: 2, color: '#fff', fillColor: readinessColours[f.properties.level] || '#444', fillOpacity: 0.9, className: 'readiness readiness-' + f.properties.level }); },
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties.placeName, '/places/' + encodeURIComponent(f.id), [text('readiness-' + f.properties.level, f.properties.level) + ' (' + f.properties.score + ')'])); }
    }).addTo(map);
  });

  Promise.all([boundaries, zones, sites, incidents, observations, handovers, hazards, readiness, notices]).then(function (layers) {
    if (single && layers[3] && layers[3].getBounds().isValid()) {
      // One incident: the point with the nearest sites around it (at least ~20 km across), not one dot on blank ground.
      const at = layers[3].getBounds().getCenter();
      const near = [];
      if (layers[2]) { layers[2].eachLayer(function (m) { near.push(m.getLatLng()); }); }
      near.sort(function (a, b) { return map.distance(at, a) - map.distance(at, b); });
      const view = L.latLngBounds([at]).extend(at.toBounds(20000));
      near.slice(0, 2).forEach(function (p) { if (map.distance(at, p) < 60000) { view.extend(p); } });
      map.fitBounds(view.pad(0.15), { maxZoom: 12, animate: false });
    } else {
      // The mission's boundaries frame the map; without any, whatever the mission has drawn.
      const frame = boundsOf([layers[0]]).isValid() ? boundsOf([layers[0]]) : boundsOf(layers.slice(1));
      if (frame.isValid()) { map.fitBounds(frame, { animate: false }); }
    }
    el.dataset.ready = 'true';
  });

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    const div = L.DomUtil.create('div', 'legend');
    function row(colour, label, shape) {
      const line = document.createElement('div');
      const mark = document.createElement('i');
      mark.style.background = colour;
      if (shape) { mark.className = shape; }
      line.appendChild(mark);
      line.appendChild(document.createTextNode(label));
      div.appendChild(line);
    }
    if (el.dataset.incidents) {
      Object.keys(colours).forEach(function (status) { row(colours[status], text('status-' + status, status.replace('_', ' '))); });
    }
    if (el.dataset.observations) { row('#9cc3e6', text('legend-observation', 'observation')); }
    if (el.dataset.sites) { row('#fff', text('legend-site', 'site'), 'site'); }
    if (el.dataset.zones) { row('transparent', text('legend-zone', 'zone'), 'zone'); }
    if (el.dataset.places) { row('#6b6b6b', text('legend-place', 'locality'), 'place'); }
    if (el.dataset.hazards) { Object.keys(hazardColours).forEach(function (status) { row(hazardColours[status], text('legend-hazard', 'hazardous area') + ': ' + text('hazard-' + status, status)); }); }
    if (el.dataset.readiness) { Object.keys(readinessColours).forEach(function (level) { row(readinessColours[level], text('legend-readiness', 'readiness') + ': ' + text('readiness-' + level, level)); }); }
    if (el.dataset.notices) {
      row('transparent', text('legend-pre-notified', 'pre-notified'), 'ring pre-notified');
      row('transparent', text('legend-not-notified', 'not notified'), 'ring not-notified');
    }
    if (el.dataset.handovers) { Object.keys(handoverColours).forEach(function (state) { row(handoverColours[state], text('legend-handover', 'handover') + ': ' + text('handover-' + state, state)); }); }
    return div;
  };
  legend.addTo(map);
})();

// The server's rules for an observation, read from its OpenAPI document (ObservationInput: required fields,
// allowed values, bounds, lengths, and the alternatives for time and place), so they are written once, in C#.

export async function loadRules() {
  const response = await fetch('/openapi/v1.json');
  const document = await response.json();
  return document.components.schemas.ObservationInput;
}

const present = (value) => value !== undefined && value !== null && value !== '';

function types(property) {
  const type = property.type ?? [];
  return Array.isArray(type) ? type : [type];
}

// The errors of a body, as [field, word, ...arguments]; the page puts them into the viewer's words.
export function check(schema, body) {
  const errors = [];
  for (const field of schema.required ?? []) {
    if (!present(body[field])) errors.push([field, 'required']);
  }
  for (const [field, value] of Object.entries(body)) {
    const property = schema.properties?.[field];
    if (!property || !present(value)) continue;
    const kinds = types(property);
    if (kinds.includes('integer') || kinds.includes('number')) {
      const number = Number(value);
      if (!Number.isFinite(number) || (kinds.includes('integer') && !Number.isInteger(number))) {
        errors.push([field, 'notNumber']);
        continue;
      }
      const above = property.exclusiveMaximum !== undefined ? number >= property.exclusiveMaximum : property.maximum !== undefined && number > property.maximum;
      const below = property.exclusiveMinimum !== undefined ? number <= property.exclusiveMinimum : property.minimum !== undefined && number < property.minimum;
      if (above || below) errors.push([field, 'between', property.minimum ?? property.exclusiveMinimum, property.maximum ?? property.exclusiveMaximum]);
    }
    if (property.enum && !property.enum.includes(value)) errors.push([field, 'oneOf']);
    if (property.maxLength !== undefined && typeof value === 'string' && value.length > property.maxLength) errors.push([field, 'tooLong', property.maxLength]);
  }
  for (const part of schema.allOf ?? []) {
    const alternatives = part.anyOf ?? [];
    if (alternatives.length > 0 && !alternatives.some((a) => (a.required ?? []).every((f) => present(body[f])))) {
      // Name the first missing field of the alternative closest to being met.
      const closest = [...alternatives].sort((a, b) => missing(a, body).length - missing(b, body).length)[0];
      for (const field of missing(closest, body)) errors.push([field, 'required']);
    }
  }
  return errors;
}

function missing(alternative, body) {
  return (alternative.required ?? []).filter((f) => !present(body[f]));
}
